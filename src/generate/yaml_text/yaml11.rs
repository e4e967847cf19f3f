//! The one YAML 1.1 predicate: which strings a YAML 1.1 reader (PyYAML, go-yaml v2, older
//! compose tooling) would not read back as the same string if written plain. Every policy asks
//! it (`compose_files::writer`, `shared::yaml11_files`, the project files' `Yaml11`).
//!
//! serde_yaml follows YAML 1.2 and writes `yes`, `off`, `Y`, `0x1`, `1_000`, `12:30` or `0755`
//! plain; a YAML 1.1 reader turns them into booleans, numbers or dates, and `<<` / `=` into a merge
//! or value key. Over-approximating is harmless (quoting a string that did not need it changes
//! nothing); missing one is a bug.

/// Whether `s`, a non-empty single-line printable string, must be single-quoted for a YAML 1.1
/// reader to read it back as the same string. False for strings single quoting cannot write
/// exactly (empty, multi-line, control characters): serde_yaml quotes those as it must.
pub fn lookalike(s: &str) -> bool {
    // The words below have at most 5 letters; numbers and dates start with a digit, a sign or
    // a dot. Most strings (names, paths, commands) are neither: decided from the first byte and
    // the length, before any scan of the string.
    let Some(&first) = s.as_bytes().first() else {
        return false;
    };
    if s.len() > 5 && !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return false;
    }
    const WORDS: [&str; 12] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<",
    ];
    let word = WORDS.iter().any(|w| w.eq_ignore_ascii_case(s));
    (word || looks_numeric(s) || looks_like_date(s)) && quotable(s)
}

/// Single quoting (with `'` doubled) is exact for non-empty one-line strings of printable
/// characters without edge spaces.
pub fn quotable(s: &str) -> bool {
    !s.is_empty()
        && s == s.trim()
        && !s
            .chars()
            .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{85}'))
}

/// Integers and floats in YAML 1.1 spellings: signs, `_` separators, `0x`/`0o`/`0b`/leading-0
/// octal, sexagesimal `1:20:30`, `.5`, exponents, `.inf`, `.nan`.
fn looks_numeric(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() {
        return false;
    }
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), ".inf" | ".nan") {
        return true;
    }
    if let Some(hex) = lower.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    if let Some(bin) = lower
        .strip_prefix("0b")
        .or_else(|| lower.strip_prefix("0o"))
    {
        return !bin.is_empty() && bin.chars().all(|c| c.is_ascii_digit() || c == '_');
    }
    if body.contains(':') {
        // Sexagesimal: digits groups separated by ':' (1:20, 190:20:30.15).
        let parts: Vec<&str> = body.split(':').collect();
        let digits = |p: &str, extra: char| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_digit() || c == '_' || c == extra)
        };
        let last = parts.len() - 1;
        return parts
            .iter()
            .enumerate()
            .all(|(i, p)| digits(p, if i == last { '.' } else { '_' }));
    }
    let mut digits = 0;
    for c in lower.chars() {
        match c {
            '0'..='9' => digits += 1,
            '_' | '.' | 'e' | '+' | '-' => {}
            _ => return false,
        }
    }
    digits > 0
}

/// `2024-01-01` and timestamps starting with one.
fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 8 && b[0..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[5].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml11_booleans_nulls_numbers_dates_and_merge_keys_are_lookalikes() {
        for s in [
            "y",
            "Y",
            "n",
            "yes",
            "Yes",
            "NO",
            "on",
            "ON",
            "off",
            "true",
            "False",
            "null",
            "NULL",
            "~",
            "=",
            "<<",
            "0x1",
            "0o7",
            "0b101",
            "1_000",
            "12:30",
            "190:20:30.15",
            "0755",
            "1e3",
            ".5",
            "+1",
            "-2.5",
            ".inf",
            "-.Inf",
            ".NaN",
            "2024-01-01",
            "2001-12-14t21:59:43.10-05:00",
        ] {
            assert!(lookalike(s), "{s}");
        }
    }

    #[test]
    fn ordinary_strings_are_not_lookalikes() {
        for s in [
            "info",
            "api",
            "0.0.0.0:8000",
            "redis:7-alpine",
            "yesterday",
            "online",
            "/data",
            "a:b",
            "",
            " yes",
            "yes\n",
            "x-1",
        ] {
            assert!(!lookalike(s), "{s}");
        }
    }
}

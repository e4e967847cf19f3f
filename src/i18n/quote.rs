//! A user's value quoted inside a message: `"web"`, `'@'`.
//!
//! Written out here rather than with `{:?}`: Rust's `Debug` of a string decides what it escapes
//! from core's Unicode printability and grapheme tables, which every message quoting a name would
//! bring into the web app's first download. What a reader needs is narrower: the quotes and the
//! backslash escaped, and every character they cannot see (a control character, a tab, a
//! zero-width or direction mark, a non-breaking space) written as an escape, so a stray one shows.

use std::fmt::Write;

/// `value` between double quotes, escaped as described in the module.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// One character between single quotes, escaped the same way.
pub fn quote_char(c: char) -> String {
    let mut out = String::with_capacity(6);
    out.push('\'');
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}

fn push_escaped(out: &mut String, c: char, delimiter: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\0' => out.push_str("\\0"),
        c if c == delimiter => {
            out.push('\\');
            out.push(c);
        }
        c if invisible(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// A character that prints as nothing or as a plain space: control characters, whitespace other
/// than the space itself, and the format characters that are invisible in running text.
fn invisible(c: char) -> bool {
    (c.is_whitespace() && c != ' ')
        || c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_only_put_between_quotes() {
        assert_eq!(quote("web"), "\"web\"");
        assert_eq!(quote("Überwachung café"), "\"Überwachung café\"");
        assert_eq!(quote("日本"), "\"日本\"");
        assert_eq!(quote_char('@'), "'@'");
        assert_eq!(quote_char('é'), "'é'");
    }

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("it's"), "\"it's\"");
        assert_eq!(quote_char('\''), "'\\''");
        assert_eq!(quote_char('"'), "'\"'");
    }

    #[test]
    fn what_a_reader_cannot_see_is_written_as_an_escape() {
        assert_eq!(quote("a\tb\nc\r\0"), "\"a\\tb\\nc\\r\\0\"");
        assert_eq!(quote("web\u{200b}"), "\"web\\u{200b}\"");
        assert_eq!(quote("a\u{a0}b"), "\"a\\u{a0}b\"");
        assert_eq!(quote("\u{feff}x"), "\"\\u{feff}x\"");
        assert_eq!(quote("\u{7f}\u{1b}"), "\"\\u{7f}\\u{1b}\"");
        assert_eq!(quote_char('\u{202e}'), "'\\u{202e}'");
        assert_eq!(quote_char('\u{e0001}'), "'\\u{e0001}'");
    }

    #[test]
    fn agrees_with_debug_on_printable_text_and_common_escapes() {
        for s in [
            "web",
            "a\"b",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "Zürich",
            "x y",
        ] {
            assert_eq!(quote(s), format!("{s:?}"), "{s}");
        }
        for c in ['a', '\'', '\\', '\n', 'ß', ' '] {
            assert_eq!(quote_char(c), format!("{c:?}"), "{c}");
        }
    }
}

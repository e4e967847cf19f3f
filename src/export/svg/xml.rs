//! The SVG's text primitives: the one escape function every piece of user text passes through,
//! and the integer estimate of how wide a text runs (to cut it to a card's width).

/// `text` safe as XML character data or as a double- or single-quoted attribute value: the five
/// markup characters become entities, and characters XML 1.0 forbids (control characters other
/// than tab and line breaks, U+FFFE, U+FFFF) become U+FFFD, so any name gives well-formed XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Estimated width in pixels of `text` at font size `size`: 0.6 em per character (system sans
/// fonts average a little less, so the estimate errs on the wide side).
pub fn width(text: &str, size: i32) -> i32 {
    let chars = i32::try_from(text.chars().count()).unwrap_or(i32::MAX / 16);
    chars.saturating_mul(size) * 3 / 5
}

/// `text` cut with `…` so that it fits `max` pixels at `size` (the full text stays in the
/// card's `<title>`).
pub fn fit(text: &str, max: i32, size: i32) -> String {
    if width(text, size) <= max {
        return text.to_string();
    }
    let fitting = max.saturating_mul(5) / (3 * size.max(1));
    let keep = usize::try_from(fitting - 1).unwrap_or(0);
    let mut out: String = text.chars().take(keep).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
        );
    }

    #[test]
    fn replaces_characters_xml_forbids() {
        assert_eq!(escape("a\u{0}b\u{1b}c\td"), "a\u{fffd}b\u{fffd}c\td");
    }

    #[test]
    fn fit_keeps_short_text_and_cuts_long_text() {
        assert_eq!(fit("api", 100, 10), "api");
        let cut = fit(&"x".repeat(100), 60, 10);
        assert!(cut.ends_with('…'));
        assert!(width(&cut, 10) <= 60, "{cut}");
    }
}

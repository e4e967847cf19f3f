//! Small text helpers shared by the generators: placeholder filling for code templates (whose
//! own braces would fight `format!`) and escaping for Markdown table cells.

/// Replace every `@KEY@` in `template` by its value. Keys are upper-case identifiers chosen by
/// the generators; values are already sanitised for the target language by the caller.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in vars {
        out = out.replace(&format!("@{key}@"), value);
    }
    out
}

/// Text safe inside a Markdown table cell: pipes escaped, line breaks flattened.
pub fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Inline code in Markdown; backticks in the text cannot close the span early.
pub fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {} ``", text.replace('`', "'"))
    } else {
        format!("`{text}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_occurrence() {
        assert_eq!(fill("@A@-@B@-@A@", &[("A", "1"), ("B", "2")]), "1-2-1");
        assert_eq!(fill("{ @A@ }", &[("A", "x")]), "{ x }");
    }

    #[test]
    fn cells_cannot_break_a_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(code("a`b"), "`` a'b ``");
    }
}

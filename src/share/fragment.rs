//! Finding the design parameter in whatever a person pasted: a full URL, `#d=1.…` or `d=1.…`
//! (an editable share link), `#v=1.…` (a read-only view link: the same payload under another
//! name), possibly wrapped over several lines by a chat client, possibly beside other
//! parameters (`#d=1.…&x=y`).

use super::ShareError;

/// What a link asks the app to do with its design. The parameter names are wire format: NEVER
/// change them (every link ever shared carries one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `d=`: open the design as the viewer's board (after keeping theirs in Recent designs).
    Edit,
    /// `v=`: show the design read-only, in presentation mode, leaving the viewer's board alone.
    View,
}

impl Access {
    /// The parameter name before the `=`.
    pub const fn parameter(self) -> &'static str {
        match self {
            Access::Edit => "d",
            Access::View => "v",
        }
    }
}

/// Longest text looked at (2 MiB, a browser's URL limit): anything longer is not a link we made.
pub const MAX_LINK: usize = 2 * 1024 * 1024;

/// Whether the link is an editable (`d=`) or a view (`v=`) link, and the version string and the
/// payload of that parameter (the first design parameter present).
pub fn split(text: &str) -> Result<(Access, &str, String), ShareError> {
    if text.len() > MAX_LINK {
        return Err(ShareError::TooLarge {
            max_bytes: MAX_LINK,
        });
    }
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, after)| after);
    let (access, value) = fragment
        .split('&')
        .find_map(|param| {
            let param = param.trim_start();
            [Access::Edit, Access::View].into_iter().find_map(|access| {
                let value = param.strip_prefix(access.parameter())?.strip_prefix('=')?;
                Some((access, value))
            })
        })
        .ok_or(ShareError::NotALink)?;
    let (version, payload) = value.split_once('.').ok_or(ShareError::NotALink)?;
    let version = version.trim();
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::NotALink);
    }
    // Line breaks and spaces inserted by wrapping are never part of base64url.
    let payload: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
    Ok((access, version, payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<(&str, &str), ShareError>) {
        let got = split(text);
        let got = got
            .as_ref()
            .map(|(_, v, p)| (*v, p.as_str()))
            .map_err(Clone::clone);
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn accepts_urls_fragments_and_bare_parameters() {
        check(
            "https://tierboard.example/app/#d=1.AbC-_",
            Ok(("1", "AbC-_")),
        );
        check("#d=1.AbC", Ok(("1", "AbC")));
        check("d=1.AbC", Ok(("1", "AbC")));
        check("  #x=2&d=1.AbC&y=3 \n", Ok(("1", "AbC")));
    }

    #[test]
    fn removes_line_breaks_added_by_chat_clients() {
        check("#d=1.AbC\nDeF\r\n gh", Ok(("1", "AbCDeFgh")));
    }

    #[test]
    fn refuses_text_without_a_design_parameter() {
        check("https://tierboard.example/", Err(ShareError::NotALink));
        check("#d=", Err(ShareError::NotALink));
        check("#d=x.AbC", Err(ShareError::NotALink));
        check("hello", Err(ShareError::NotALink));
    }

    fn access(text: &str) -> Option<Access> {
        split(text).ok().map(|(access, _, _)| access)
    }

    #[test]
    fn view_links_carry_the_same_payload_under_v() {
        check("https://tierboard.example/#v=1.AbC", Ok(("1", "AbC")));
        assert_eq!(access("#v=1.AbC"), Some(Access::View));
        assert_eq!(access("v=1.AbC"), Some(Access::View));
        assert_eq!(access("#d=1.AbC"), Some(Access::Edit));
        // The first design parameter decides; other parameters are skipped.
        assert_eq!(access("#x=2&v=1.AbC&d=1.DeF"), Some(Access::View));
        assert_eq!(access("#dv=1.AbC"), None);
        assert_eq!(access("#v=x.AbC"), None);
    }

    #[test]
    fn keeps_unknown_versions_for_the_caller_to_refuse() {
        check("#d=9.AbC", Ok(("9", "AbC")));
    }
}

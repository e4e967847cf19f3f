//! Finding the design parameter in whatever a person pasted: a full URL, `#d=1.…` or `d=1.…`,
//! possibly wrapped over several lines by a chat client, possibly beside other parameters
//! (`#d=1.…&x=y`).

use super::ShareError;

/// Longest text looked at (2 MiB, a browser's URL limit): anything longer is not a link we made.
pub const MAX_LINK: usize = 2 * 1024 * 1024;

/// The version string and the payload of the `d=` parameter.
pub fn split(text: &str) -> Result<(&str, String), ShareError> {
    if text.len() > MAX_LINK {
        return Err(ShareError::TooLarge {
            max_bytes: MAX_LINK,
        });
    }
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, after)| after);
    let value = fragment
        .split('&')
        .find_map(|param| param.trim_start().strip_prefix("d="))
        .ok_or(ShareError::NotALink)?;
    let (version, payload) = value.split_once('.').ok_or(ShareError::NotALink)?;
    let version = version.trim();
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::NotALink);
    }
    // Line breaks and spaces inserted by wrapping are never part of base64url.
    let payload: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
    Ok((version, payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<(&str, &str), ShareError>) {
        let got = split(text);
        let got = got
            .as_ref()
            .map(|(v, p)| (*v, p.as_str()))
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

    #[test]
    fn keeps_unknown_versions_for_the_caller_to_refuse() {
        check("#d=9.AbC", Ok(("9", "AbC")));
    }
}

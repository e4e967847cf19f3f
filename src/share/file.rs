//! Design files (`*.tierboard.json`): the model's own JSON, opened through the same `restore`
//! gate as links, so a file and a link can never disagree on what is a valid design.

use super::restore::restore;
use super::ShareError;
use crate::model::Design;

/// Largest design file opened (16 MiB, as the CLI): far above any real design.
pub const MAX_FILE: usize = 16 * 1024 * 1024;

/// The file suffix the UI offers for downloads and the file picker filters on.
pub const FILE_SUFFIX: &str = ".tierboard.json";

/// The design file text: pretty, deterministic JSON ending with a newline.
pub fn to_file(design: &Design) -> String {
    let mut text = design.to_json();
    text.push('\n');
    text
}

pub fn open_file(text: &str) -> Result<Design, ShareError> {
    if text.len() > MAX_FILE {
        return Err(ShareError::BadFile(format!(
            "larger than {} MiB",
            MAX_FILE / (1024 * 1024)
        )));
    }
    // A UTF-8 byte order mark (some editors add one) is not JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let design = Design::from_json(text).map_err(|e| ShareError::BadFile(one_line(&e)))?;
    restore(design)
}

/// serde_json quotes offending keys raw; a key with a line break must not break the banner.
fn one_line(message: &str) -> String {
    message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_round_trips() {
        let d = Design::new("shop");
        assert_eq!(open_file(&to_file(&d)), Ok(d));
    }

    #[test]
    fn errors_stay_on_one_line() {
        let err = open_file("{\"name\":\"x\",\"a\\nb\":1}").unwrap_err();
        assert!(!err.to_string().contains('\n'), "{err}");
        assert!(matches!(err, ShareError::BadFile(_)));
    }
}

//! The one reader of incoming designs: whatever a person opens or pastes — a share link, a
//! design file's JSON, an SVG Tierboard exported — is recognised by its first character and
//! read by its own layer, and every path ends in the same `restore` gate. The CLI's `open` and
//! the web app's "Open design file" both call [`open`], so they accept the same things.

use super::file::{open_file, MAX_FILE};
use super::svg_embed::from_svg;
use super::{decode, ShareError};
use crate::model::Design;

/// A design from a link (`https://…#d=1.…`, `#d=1.…`, `d=1.…`), a design file's JSON, or an
/// exported SVG (`<?xml …` or `<svg …`), restored to a valid Design.
pub fn open(text: &str) -> Result<Design, ShareError> {
    if text.len() > MAX_FILE {
        return Err(ShareError::BadFile(format!(
            "larger than {} MiB",
            MAX_FILE / (1024 * 1024)
        )));
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    match body.as_bytes().first() {
        Some(b'<') => from_svg(body),
        Some(b'{') => open_file(body),
        _ => decode(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Image, Service, ServiceId, Tier};
    use crate::share::{encode, link, svg_metadata, to_file};

    fn design() -> Design {
        let mut d = Design::new("shop");
        let mut s = Service::new(ServiceId(1), "web", "custom", Tier::Frontend);
        s.image = Some(Image::new("nginx", "1.27"));
        d.services.push(s);
        d
    }

    #[test]
    fn links_files_and_svgs_all_open() {
        let d = design();
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
            svg_metadata(&d)
        );
        for text in [
            encode(&d),
            link("https://tierboard.example/", &d),
            to_file(&d),
            format!("\u{feff}  {}", to_file(&d)),
            svg.clone(),
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}"),
        ] {
            assert_eq!(open(&text), Ok(d.clone()), "{text}");
        }
    }

    #[test]
    fn each_kind_keeps_its_own_error() {
        assert_eq!(open("hello"), Err(ShareError::NotALink));
        assert_eq!(open("<svg></svg>"), Err(ShareError::NoDesignInSvg));
        assert!(matches!(open("{\"nom\":1}"), Err(ShareError::BadFile(_))));
    }

    #[test]
    fn oversized_input_is_refused_before_reading() {
        let huge = " ".repeat(MAX_FILE + 1);
        assert!(matches!(open(&huge), Err(ShareError::BadFile(_))));
    }
}

//! A design inside an exported SVG, as draw.io and Excalidraw keep theirs: the SVG's
//! `<metadata>` holds a `<tierboard:design>` element whose text is the share payload (`d=1.…`,
//! the same bytes a share link carries). Opening the SVG decodes that payload through
//! [`super::decode`], so an SVG, a link and a design file pass the same gate (`restore`).
//!
//! Only the element is looked for, never the drawing: an SVG is a picture of the design, the
//! payload is the design. Base64url, `d`, `=` and `.` need no XML escaping, so the element's text
//! is the payload as it stands (whitespace an editor adds is dropped by the link reader).

use super::{decode, encode, ShareError};
use crate::model::Design;

/// The XML namespace of the element. NEVER change it: exported SVGs carry it forever.
pub const SVG_NAMESPACE: &str = "https://tierboard.dev/ns/1";

/// The element's qualified name (prefix `tierboard`). NEVER change it, as the namespace.
const ELEMENT: &str = "tierboard:design";

/// The `<metadata>` element an exported SVG carries (place it right inside `<svg>`).
pub fn svg_metadata(design: &Design) -> String {
    let fragment = encode(design);
    let payload = fragment.strip_prefix('#').unwrap_or(&fragment);
    format!(
        "<metadata><{ELEMENT} xmlns:tierboard=\"{SVG_NAMESPACE}\">{payload}</{ELEMENT}></metadata>"
    )
}

/// The design an exported SVG carries; [`ShareError::NoDesignInSvg`] for any other SVG.
pub fn from_svg(text: &str) -> Result<Design, ShareError> {
    let open = format!("<{ELEMENT}");
    let close = format!("</{ELEMENT}>");
    let start = text.find(&open).ok_or(ShareError::NoDesignInSvg)?;
    let after_tag = &text[start + open.len()..];
    // `<tierboard:design>` or `<tierboard:design xmlns…>`, never `<tierboard:designer>`.
    if !after_tag.starts_with(['>', ' ', '\t', '\r', '\n']) {
        return Err(ShareError::NoDesignInSvg);
    }
    let body_start = after_tag.find('>').ok_or(ShareError::NoDesignInSvg)? + 1;
    let body = &after_tag[body_start..];
    let end = body.find(&close).ok_or(ShareError::NoDesignInSvg)?;
    decode(&body[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Image, Service, ServiceId, Tier};

    fn design() -> Design {
        let mut d = Design::new("shop & co");
        let mut s = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        s.image = Some(Image::new("ghcr.io/shop/api", "1.0"));
        d.services.push(s);
        d
    }

    fn svg_around(metadata: &str) -> String {
        format!("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">{metadata}<rect/></svg>")
    }

    #[test]
    fn the_metadata_carries_the_share_payload() {
        let d = design();
        let meta = svg_metadata(&d);
        assert!(meta.contains(&encode(&d)[1..]), "{meta}");
        assert!(meta.starts_with(
            "<metadata><tierboard:design xmlns:tierboard=\"https://tierboard.dev/ns/1\">d=1."
        ));
    }

    #[test]
    fn an_svg_gives_back_its_design() {
        let d = design();
        assert_eq!(from_svg(&svg_around(&svg_metadata(&d))), Ok(d));
    }

    #[test]
    fn a_payload_wrapped_by_an_editor_still_opens() {
        let d = design();
        let meta = svg_metadata(&d).replace("d=1.", "\n    d=1.");
        assert_eq!(from_svg(&svg_around(&meta)), Ok(d));
    }

    #[test]
    fn an_svg_without_a_design_is_refused() {
        for text in [
            svg_around(""),
            svg_around("<tierboard:designer>d=1.AAAA</tierboard:designer>"),
            svg_around("<tierboard:design>d=1.AAAA"),
            "<tierboard:design".to_string(),
        ] {
            assert_eq!(from_svg(&text), Err(ShareError::NoDesignInSvg), "{text}");
        }
    }

    #[test]
    fn a_damaged_payload_says_so() {
        let meta = svg_metadata(&design());
        let damaged = meta.replacen("d=1.", "d=1.!", 1);
        assert!(matches!(
            from_svg(&svg_around(&damaged)),
            Err(ShareError::NotBase64 { .. })
        ));
    }
}

//! Share links and design files: a whole Design in a URL fragment, and back.
//!
//! A link is `<page>#d=<version>.<payload>`; a read-only view link is `<page>#v=<version>.<payload>`
//! (the same payload: only the parameter name says "show, do not open as my board"). Tierboard has no server, so the design travels in
//! the fragment (never sent to any server by the browser). Layers, outside in:
//! - `fragment`: find `d=1.…` in a pasted URL, fragment or bare parameter;
//! - `base64url`: the payload's alphabet (URL-, chat- and QR-safe, no padding);
//! - `envelope`: checksum + raw deflate, inflating to at most 1 MiB (bomb guard);
//! - `v1`: the binary wire body — a service is its kind, name, tier and id plus only the fields
//!   that differ from its catalog defaults (`baseline`);
//! - `restore`: the gate every incoming design passes (links and files alike);
//! - `svg_embed`: the payload inside an exported SVG's `<metadata>`;
//! - `incoming`: [`open`], the one reader of whatever comes in (link, design file or SVG);
//! - `saved`: the design as the web app keeps it (autosave, recent designs): its link, when the
//!   link holds it exactly;
//! - `json_text`: JSON text of open-ended values without serde (the app's first download);
//! - `dropped`: files from the operating system (dropped, or launched by the installed app)
//!   sorted into one design to [`open`] or compose files to import.
//!
//! Invariants:
//! - **Links are forever.** The version before the dot never changes meaning: every build decodes
//!   every link any earlier build made, to the same design (golden links in
//!   `tests/fixtures/links/`). The wire body is its own type, not the model's serde form.
//! - **decode(encode(d)) == d** for every valid design `d`.
//! - **Decoding is total.** Any input gives a valid Design or a [`ShareError`]; no panic, no
//!   allocation beyond the caps, nothing from the link is interpreted as code or markup.
//!
//! [`encode`] returns the fragment *with* its `#` (`#d=1.…`): append it to the page URL, set it as
//! `location.hash`, or print it (the CLI does). [`decode`] accepts it with or without `#` or as
//! part of a full URL.

mod base64url;
mod baseline;
pub mod dropped;
mod envelope;
mod error;
mod file;
mod fragment;
mod incoming;
pub mod json_text;
mod qr;
mod restore;
pub mod saved;
mod svg_embed;
mod v1;
mod wire;

pub use envelope::MAX_INFLATED;
pub use error::ShareError;
pub use file::{open_file, to_file, FILE_SUFFIX, MAX_FILE};
pub use fragment::{Access, MAX_LINK};
pub use incoming::open;
pub use qr::{qr_code, qr_drawing, qr_svg, MAX_QR_BYTES, QUIET_ZONE};
pub use restore::restore;
pub use svg_embed::{from_svg, svg_metadata, SVG_NAMESPACE};
pub use wire::{MAX_ITEMS, MAX_STRING};

use crate::model::Design;

/// The wire version links are written with. NEVER reuse a number for another format.
pub const VERSION: u32 = 1;

/// The fragment of a share link: `#d=1.<payload>`. Deterministic: same design, same text.
pub fn encode(design: &Design) -> String {
    encode_for(Access::Edit, design)
}

/// The fragment of a read-only view link: `#v=1.<payload>`, [`encode`]'s payload under `v=`.
pub fn encode_view(design: &Design) -> String {
    encode_for(Access::View, design)
}

/// The fragment of a link of either kind.
pub fn encode_for(access: Access, design: &Design) -> String {
    fragment_of(access, &v1::write(design))
}

/// The fragment around a v1 body.
fn fragment_of(access: Access, body: &[u8]) -> String {
    format!(
        "#{}={VERSION}.{}",
        access.parameter(),
        base64url::encode(&envelope::seal(body))
    )
}

/// A full share link: `base_url` without any fragment it had, then [`encode`]'s fragment.
pub fn link(base_url: &str, design: &Design) -> String {
    link_for(Access::Edit, base_url, design)
}

/// A full view link: `base_url` without any fragment it had, then [`encode_view`]'s fragment.
pub fn view_link(base_url: &str, design: &Design) -> String {
    link_for(Access::View, base_url, design)
}

/// The fragment (or, with `page`, the full link) of either kind, refused with the reader's own
/// error when [`decode`] would not open it (a value longer than the wire's [`MAX_STRING`], a
/// link over [`MAX_LINK`]): what `share` writes, `open` reads. The CLI and the Share dialog
/// hand out links through this only.
pub fn checked_link(
    access: Access,
    page: Option<&str>,
    design: &Design,
) -> Result<String, ShareError> {
    let text = match page {
        Some(page) => link_for(access, page, design),
        None => encode_for(access, design),
    };
    decode_with_access(&text)?;
    Ok(text)
}

fn link_for(access: Access, base_url: &str, design: &Design) -> String {
    let page = base_url.split_once('#').map_or(base_url, |(page, _)| page);
    format!("{page}{}", encode_for(access, design))
}

/// The design in a link (`https://…#d=1.…`, `#d=1.…`, `d=1.…`, or a view link `#v=1.…`),
/// restored to a valid Design.
pub fn decode(text: &str) -> Result<Design, ShareError> {
    decode_with_access(text).map(|(_, design)| design)
}

/// Like [`decode`], and whether the link asked to open the design (`d=`) or only show it (`v=`).
pub fn decode_with_access(text: &str) -> Result<(Access, Design), ShareError> {
    let (access, version, payload) = fragment::split(text)?;
    let design = match version {
        "1" => v1::read(&envelope::open(&base64url::decode(&payload)?)?)?,
        other => return Err(ShareError::UnknownVersion(other.to_string())),
    };
    Ok((access, restore(design)?))
}

/// Entry points below the checksum, for fuzzing and tests only: without them nearly every mutated
/// link would stop at the checksum and the wire reader would go untested.
#[doc(hidden)]
pub mod fuzzing {
    use super::*;

    /// The v1 wire body of a design (before deflate).
    pub fn body(design: &Design) -> Vec<u8> {
        v1::write(design)
    }

    /// A v1 link around arbitrary body bytes (valid checksum and deflate, any content).
    pub fn seal(body: &[u8]) -> String {
        format!("#d=1.{}", base64url::encode(&envelope::seal(body)))
    }

    /// A v1 link around arbitrary envelope bytes (checksum and deflate stream as given).
    pub fn wrap(envelope: &[u8]) -> String {
        format!("#d=1.{}", base64url::encode(envelope))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn documentation_language_and_variables_travel_in_links() {
        let mut design = catalog::starter();
        design.settings.docs_lang = crate::i18n::Lang::Fr;
        design
            .variables
            .insert("PLEX_MEDIA_PATH".into(), "/srv/media".into());
        design.variables.insert("EMPTY".into(), String::new());
        assert_eq!(decode(&encode(&design)), Ok(design.clone()));
        // Old links (no flags for either) still open with the defaults.
        let plain = catalog::starter();
        assert_eq!(decode(&encode(&plain)), Ok(plain));
    }

    #[test]
    fn a_link_open_would_refuse_is_never_handed_out() {
        let mut design = catalog::starter();
        let fits = "x".repeat(MAX_STRING);
        design.variables.insert("FITS".into(), fits);
        assert!(checked_link(Access::Edit, None, &design).is_ok());
        design
            .variables
            .insert("TOO_LONG".into(), "y".repeat(MAX_STRING + 1));
        let refused = checked_link(Access::View, Some("https://t.example/"), &design);
        assert_eq!(refused, decode(&encode(&design)).map(|_| String::new()));
        assert!(refused.is_err());
    }

    #[test]
    fn a_view_link_is_the_share_link_under_v() {
        let design = catalog::starter();
        let edit = encode(&design);
        let view = encode_view(&design);
        assert_eq!(edit.strip_prefix("#d="), view.strip_prefix("#v="));
        assert!(view.starts_with("#v=1."), "{view}");
    }

    #[test]
    fn view_links_decode_to_the_design_and_say_view() {
        let design = catalog::starter();
        let url = view_link("https://tierboard.example/app/#d=1.old", &design);
        assert!(
            url.starts_with("https://tierboard.example/app/#v=1."),
            "{url}"
        );
        assert_eq!(decode_with_access(&url), Ok((Access::View, design.clone())));
        assert_eq!(
            decode_with_access(&link("https://x/", &design)),
            Ok((Access::Edit, design.clone()))
        );
        // Plain decode accepts both: pasting a view link into "Open link" opens it.
        assert_eq!(decode(&url), Ok(design));
    }

    #[test]
    fn a_damaged_view_link_is_an_error_not_a_design() {
        let mut url = encode_view(&catalog::starter());
        url.truncate(url.len() - 5);
        assert!(decode_with_access(&url).is_err());
        assert_eq!(
            decode_with_access("#v=7.AAAA"),
            Err(ShareError::UnknownVersion("7".into()))
        );
    }
}

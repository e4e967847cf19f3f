//! Share links and design files: a whole Design in a URL fragment, and back.
//!
//! A link is `<page>#d=<version>.<payload>`. Tierboard has no server, so the design travels in
//! the fragment (never sent to any server by the browser). Layers, outside in:
//! - `fragment`: find `d=1.…` in a pasted URL, fragment or bare parameter;
//! - `base64url`: the payload's alphabet (URL-, chat- and QR-safe, no padding);
//! - `envelope`: checksum + raw deflate, inflating to at most 1 MiB (bomb guard);
//! - `v1`: the binary wire body — a service is its kind, name, tier and id plus only the fields
//!   that differ from its catalog defaults (`baseline`);
//! - `restore`: the gate every incoming design passes (links and files alike);
//! - `svg_embed`: the payload inside an exported SVG's `<metadata>`;
//! - `incoming`: [`open`], the one reader of whatever comes in (link, design file or SVG).
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
mod envelope;
mod error;
mod file;
mod fragment;
mod incoming;
mod qr;
mod restore;
mod svg_embed;
mod v1;
mod wire;

pub use envelope::MAX_INFLATED;
pub use error::ShareError;
pub use file::{open_file, to_file, FILE_SUFFIX, MAX_FILE};
pub use fragment::MAX_LINK;
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
    format!(
        "#d={VERSION}.{}",
        base64url::encode(&envelope::seal(&v1::write(design)))
    )
}

/// A full share link: `base_url` without any fragment it had, then [`encode`]'s fragment.
pub fn link(base_url: &str, design: &Design) -> String {
    let page = base_url.split_once('#').map_or(base_url, |(page, _)| page);
    format!("{page}{}", encode(design))
}

/// The design in a link (`https://…#d=1.…`, `#d=1.…` or `d=1.…`), restored to a valid Design.
pub fn decode(text: &str) -> Result<Design, ShareError> {
    let (version, payload) = fragment::split(text)?;
    let design = match version {
        "1" => v1::read(&envelope::open(&base64url::decode(&payload)?)?)?,
        other => return Err(ShareError::UnknownVersion(other.to_string())),
    };
    restore(design)
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

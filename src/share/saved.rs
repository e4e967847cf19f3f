//! The design as the web app keeps it in the browser (the autosaved board, the recent designs):
//! the share link's fragment (`#d=1.…`), when the link gives exactly the same design back.
//!
//! Why not the design file's JSON, as before: reading and writing the model's JSON takes serde
//! and serde_json, tens of KB of the app's first download, while the link's reader and writer
//! are there anyway (links open on start). The link is also smaller (deflated) and written
//! deterministically, so an unchanged board is the same text.
//!
//! The link is not a general design store: it refuses values longer than its caps
//! (`MAX_STRING`, `MAX_INFLATED`). [`to_saved`] therefore checks the round trip and says `None`
//! when it fails; the caller then keeps the design file's JSON, which [`needs_json`] recognises
//! on the way back, as it recognises every value saved by builds from before this format. Both
//! forms open through the same `restore` gate.

use super::{decode, fragment_of, v1, Access, ShareError, MAX_INFLATED, MAX_LINK};
use crate::model::Design;

/// The saved form of `design`: its link fragment, if decoding it gives `design` back exactly.
///
/// Checked where a link can lose something: the wire body is read back and compared (a value
/// over `MAX_STRING`, a list over its cap) and the inflated and link sizes are held against the
/// reader's caps. Base64url and deflate are lossless by construction and not run backwards;
/// nor is `restore`'s validation, which the board's design passes by construction (every edit
/// validates), and which, should it ever fail, makes the saved value a recovered one (backup
/// and banner), never a lost one. This keeps a save of a 1,000-service board at about a third
/// of a full `decode` (the validation is most of it).
pub fn to_saved(design: &Design) -> Option<String> {
    let body = v1::write(design);
    if body.len() > MAX_INFLATED || v1::read(&body).ok().as_ref() != Some(design) {
        return None;
    }
    let text = fragment_of(Access::Edit, &body);
    (text.len() <= MAX_LINK).then_some(text)
}

/// Whether saved `text` is not in the link form: a design file's JSON (written when the link
/// could not hold the design, or by an earlier build), or anything else, which the design file
/// reader will refuse with its own reason.
pub fn needs_json(text: &str) -> bool {
    !text.trim_start().starts_with("#d=")
}

/// Reads saved text in the link form (see [`needs_json`] for the other).
pub fn from_saved(text: &str) -> Result<Design, ShareError> {
    decode(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::share::{to_file, MAX_STRING};

    #[test]
    fn a_design_is_saved_as_its_link_and_read_back() {
        let design = catalog::starter();
        let saved = to_saved(&design).expect("the starter fits a link");
        assert!(saved.starts_with("#d=1."), "{saved}");
        assert_eq!(
            saved,
            crate::share::encode(&design),
            "the share link itself"
        );
        assert!(!needs_json(&saved));
        assert_eq!(from_saved(&saved), Ok(design));
    }

    #[test]
    fn a_design_the_link_cannot_hold_is_left_to_json() {
        let mut design = catalog::starter();
        design
            .variables
            .insert("CERT".into(), "x".repeat(MAX_STRING + 1));
        assert_eq!(to_saved(&design), None);
        assert!(needs_json(&to_file(&design)));
    }

    #[test]
    fn earlier_saves_and_garbage_go_to_the_json_reader() {
        assert!(needs_json("{\"name\": \"shop\"}"));
        assert!(needs_json("  {\n"));
        assert!(needs_json("garbage"));
        assert!(needs_json(""));
    }
}

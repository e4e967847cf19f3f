//! Every word the interface shows, one `texts!` module per area (see `crate::i18n`): a text
//! missing a language, or a name that was never declared, does not compile. Components read
//! them with `ui::lang::tr` (reactive, in `view!`) or `Text::get` / `Text::fill` with the
//! language captured when the component was created (event handlers).
//!
//! Architecture invariant: no English sentence a person reads is written inline in a component;
//! identifiers, CSS classes, data attributes and file names stay out of these modules.

pub mod board;
pub mod common;
pub mod dialogs;
pub mod header;
pub mod palette;
pub mod shortcuts;

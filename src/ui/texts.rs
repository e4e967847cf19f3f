//! The interface's words, one `texts!` module per area (see `i18n`): a text missing in a
//! language, or a name never declared, does not compile.

pub mod context_menu;
pub mod inspector;
pub mod panels;
pub mod present;
pub mod selection;

//! Designs from outside replacing the board: a share link opened on start or pasted into the
//! address bar, and the one way any outside design (link, file, import, recent entry) takes the
//! board's place (`load_design`: the present design goes to Recent designs first, the switch is
//! one undoable step; nothing is replaced silently). The dialogs that pick such a design live in
//! `ui::dialogs`; this module owns what happens once one has been picked.

mod link_on_start;
mod load;
pub mod recents;

pub use link_on_start::{carries_design, open_link_on_start};
pub use load::load_design;

//! The one way a whole design from outside (link, file, import, recent entry) replaces the
//! board: the present design is first put into "Recent designs", then a `ReplaceDesign` command
//! makes the switch one undoable step. Nothing is ever replaced silently.

use super::recents;
use crate::edit::Command;
use crate::model::Design;
use crate::ui::AppState;

/// Replaces the board with `design` (`source` says where it came from: "link", "file"…).
/// Returns whether the board changed; the banner says what happened either way.
pub fn load_design(state: AppState, design: Design, source: &str) -> bool {
    // The own board, not a design merely viewed: that is what Recent designs must keep.
    let current = state.own_design().get_untracked();
    if current == design {
        state.report_info(format!(
            "This {source} holds the design already on the board."
        ));
        return false;
    }
    let kept = recents::remember(&current);
    let name = design.name.clone();
    match state.dispatch(Command::ReplaceDesign {
        design: Box::new(design),
    }) {
        Ok(_) => {
            let previous = match kept {
                Ok(()) => format!(
                    "“{}” is in Recent designs; Undo brings it back.",
                    current.name
                ),
                Err(why) => format!(
                    "Undo brings “{}” back ({why}: it is not in Recent designs).",
                    current.name
                ),
            };
            state.report_info(format!("Opened “{name}” from a {source}. {previous}"));
            true
        }
        Err(e) => {
            state.report_error(format!("Could not open the {source}: {e}"));
            false
        }
    }
}

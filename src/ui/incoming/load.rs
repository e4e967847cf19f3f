//! The one way a whole design from outside (link, file, import, recent entry) replaces the
//! board: the present design is first put into "Recent designs", then a `ReplaceDesign` command
//! makes the switch one undoable step. Nothing is ever replaced silently.

use super::recents;
use crate::edit::Command;
use crate::model::Design;
use crate::ui::texts::dialogs as texts;
use crate::ui::AppState;

/// Replaces the board with `design` (`source` says where it came from, by one of the English
/// words `texts::dialogs::source` lists — "link", "design file"… — so the banner says it in the
/// interface's language; another word is shown as written). Returns whether the board changed; the banner says what happened either way.
pub fn load_design(state: AppState, design: Design, source: &str) -> bool {
    // The own board, not a design merely viewed: that is what Recent designs must keep.
    let current = state.own_design().get_untracked();
    let lang = state.lang();
    let source = texts::source(source).map_or(source, |t| t.get(lang));
    if current == design {
        state.report_info(texts::SAME_DESIGN.fill(lang, &[("source", source)]));
        return false;
    }
    let kept = recents::remember(state, &current);
    let name = design.name.clone();
    match state.dispatch(Command::ReplaceDesign {
        design: Box::new(design),
    }) {
        Ok(_) => {
            let previous = match kept {
                Ok(()) => texts::IN_RECENTS.fill(lang, &[("name", &current.name)]),
                Err(why) => texts::NOT_IN_RECENTS
                    .fill(lang, &[("name", &current.name), ("why", why.get(lang))]),
            };
            let values = [
                ("name", &*name),
                ("source", source),
                ("previous", &*previous),
            ];
            state.report_info(texts::OPENED.fill(lang, &values));
            true
        }
        Err(e) => {
            let why = e.message(lang);
            state.report_error(texts::OPEN_FAILED.fill(lang, &[("source", source), ("why", &why)]));
            false
        }
    }
}

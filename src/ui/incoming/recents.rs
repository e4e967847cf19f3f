//! "Recent designs": designs put aside when another one replaced the board (an opened link or
//! file, an import, a switch), kept in local storage so a reload keeps them too.
//!
//! Each entry is the design's name, when it was put aside and its design file text
//! (`share::to_file`); opening one goes through `share::open_file`, the same `restore` gate as
//! links, so a hand-edited or stale entry can never put an invalid design on the board. Entries
//! are read one by one: an unreadable entry is dropped alone (the list says how many were), an
//! unreadable list is treated as empty, never as an error that blocks the app.

use crate::i18n::Text;
use crate::model::Design;
use crate::share;
use crate::ui::browser;
use crate::ui::texts::dialogs as texts;
use serde::{Deserialize, Serialize};

/// Local storage key. NEVER change what is stored under it; a new layout takes a new key.
pub const RECENTS_KEY: &str = "tierboard.recents.v1";

/// Most designs kept; the oldest go first.
pub const MAX_RECENTS: usize = 12;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    pub name: String,
    /// Milliseconds since the epoch.
    pub saved_at: f64,
    /// The design file text.
    pub design: String,
}

/// The stored list, newest first (empty when missing or unreadable), without the entries that
/// do not read.
pub fn load() -> Vec<Recent> {
    load_counting().0
}

/// [`load`], and how many unreadable entries it left out.
pub fn load_counting() -> (Vec<Recent>, usize) {
    browser::local_storage()
        .and_then(|s| s.get_item(RECENTS_KEY).ok().flatten())
        .map(|text| parse(&text))
        .unwrap_or_default()
}

/// Reads a stored list entry by entry: `(readable entries, unreadable ones left out)`. Text
/// that is not a JSON list at all counts as one unreadable entry.
pub fn parse(text: &str) -> (Vec<Recent>, usize) {
    let Ok(items) = serde_json::from_str::<Vec<serde_json::Value>>(text) else {
        return (Vec::new(), 1);
    };
    let total = items.len();
    let list: Vec<Recent> = items
        .into_iter()
        .filter_map(|item| serde_json::from_value(item).ok())
        .collect();
    let dropped = total - list.len();
    (list, dropped)
}

/// Errors are texts (why the list could not be written), put in the interface's language by
/// whoever reports them.
fn store(list: &[Recent]) -> Result<(), Text> {
    let storage = browser::local_storage().ok_or(texts::NO_STORAGE)?;
    let text = serde_json::to_string(list).unwrap_or_default();
    storage
        .set_item(RECENTS_KEY, &text)
        .map_err(|_| texts::STORAGE_FULL)
}

/// Puts `design` at the top of the list. The same design (byte-identical file) is kept once,
/// so switching back and forth does not fill the list with copies.
pub fn remember(design: &Design) -> Result<(), Text> {
    let text = share::to_file(design);
    let mut list = load();
    list.retain(|r| r.design != text);
    list.insert(
        0,
        Recent {
            name: design.name.clone(),
            saved_at: browser::now_ms(),
            design: text,
        },
    );
    list.truncate(MAX_RECENTS);
    store(&list)
}

/// Removes the entry saved at `saved_at` under `name`.
pub fn forget(name: &str, saved_at: f64) -> Result<(), Text> {
    let mut list = load();
    list.retain(|r| !(r.name == name && r.saved_at == saved_at));
    store(&list)
}

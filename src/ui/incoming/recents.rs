//! "Recent designs": designs put aside when another one replaced the board (an opened link or
//! file, an import, a switch), kept in local storage so a reload keeps them too.
//!
//! Each entry is the design's name, when it was put aside and the design in its saved form
//! (`share::saved`: its link, or its design file text when a link cannot hold it; entries from
//! earlier builds are design file text); opening one goes through `share::open`, the same
//! `restore` gate as links, so a hand-edited or stale entry can never put an invalid design on
//! the board. Entries are read one by one: an unreadable entry is dropped alone (the list says
//! how many were), an unreadable list is treated as empty, never as an error that blocks the app.
//!
//! The list is JSON, read and written by `share::json_text` rather than serde: putting the board
//! aside happens on the first screen (a link opened on start), whose download carries no serde
//! JSON (issue 18). The text is what serde wrote before (`name`, `saved_at`, `design`).

use crate::i18n::Text;
use crate::model::Design;
use crate::share;
use crate::share::json_text;
use crate::ui::browser;
use crate::ui::texts::dialogs as texts;
use crate::ui::AppState;
use serde_json::{Number, Value};

/// Local storage key. NEVER change what is stored under it; a new layout takes a new key.
pub const RECENTS_KEY: &str = "tierboard.recents.v1";

/// Most designs kept; the oldest go first.
pub const MAX_RECENTS: usize = 12;

#[derive(Debug, Clone, PartialEq)]
pub struct Recent {
    pub name: String,
    /// Milliseconds since the epoch.
    pub saved_at: f64,
    /// The design's saved form (`share::saved`) or, from earlier builds, its design file text.
    pub design: String,
}

impl Recent {
    /// An entry of the stored list: an object with the three keys (others are ignored).
    fn read(item: &Value) -> Option<Recent> {
        Some(Recent {
            name: item.get("name")?.as_str()?.to_string(),
            saved_at: item.get("saved_at")?.as_f64()?,
            design: item.get("design")?.as_str()?.to_string(),
        })
    }

    /// Appends the entry's JSON object to `out`, keys in the order serde wrote them.
    fn write(&self, out: &mut String) {
        out.push_str("{\"name\":");
        json_text::write_str(out, &self.name);
        out.push_str(",\"saved_at\":");
        json_text::write(
            out,
            &Number::from_f64(self.saved_at).map_or(Value::Null, Value::Number),
        );
        out.push_str(",\"design\":");
        json_text::write_str(out, &self.design);
        out.push('}');
    }
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
    let Ok(Value::Array(items)) = json_text::parse(text) else {
        return (Vec::new(), 1);
    };
    let total = items.len();
    let list: Vec<Recent> = items.iter().filter_map(Recent::read).collect();
    let dropped = total - list.len();
    (list, dropped)
}

/// Errors are texts (why the list could not be written), put in the interface's language by
/// whoever reports them.
fn store(list: &[Recent]) -> Result<(), Text> {
    let storage = browser::local_storage().ok_or(texts::NO_STORAGE)?;
    let mut text = String::from("[");
    for (i, recent) in list.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        recent.write(&mut text);
    }
    text.push(']');
    storage
        .set_item(RECENTS_KEY, &text)
        .map_err(|_| texts::STORAGE_FULL)
}

/// Puts `design` at the top of the list. The same design (the same saved text) is kept once,
/// so switching back and forth does not fill the list with copies. A design no link can hold
/// is kept as its design file text, written in a chunk (`ui::on_demand`) a moment later; an
/// error there is reported in the banner.
pub fn remember(app: AppState, design: &Design) -> Result<(), Text> {
    match share::saved::to_saved(design) {
        Some(text) => put(design, text),
        None => {
            let design = design.clone();
            leptos::task::spawn_local(async move {
                let stored = match crate::ui::on_demand::design_file(design.clone()).await {
                    Ok(text) => put(&design, text),
                    Err(_) => Err(crate::ui::texts::common::PART_FAILED),
                };
                if let Err(why) = stored {
                    app.report_error(why.get(app.lang()));
                }
            });
            Ok(())
        }
    }
}

fn put(design: &Design, text: String) -> Result<(), Text> {
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

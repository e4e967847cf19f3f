//! Keeps the user's work: the present design is written to localStorage on every change and
//! read back on start.
//!
//! Nothing is lost silently: a stored value that does not parse or validate is copied to a
//! backup key before the app starts fresh, and the banner offers its raw text for download.

use super::AppState;
use crate::model::{validate, Design};
use leptos::prelude::*;

/// Where the design lives. Never change: a renamed key loses every saved board.
pub const KEY: &str = "tierboard.design.v1";
/// Where an unreadable stored value is kept until the user has it.
pub const BACKUP_KEY: &str = "tierboard.design.v1.unreadable";

/// What was found in storage on start.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Nothing,
    Design(Design),
    /// Stored text that is not a valid design, and why.
    Corrupt { raw: String, reason: String },
}

/// Interprets a stored value (pure; `None` = nothing stored).
pub fn restore_from(raw: Option<String>) -> Restored {
    let Some(raw) = raw else { return Restored::Nothing };
    match Design::from_json(&raw) {
        Ok(design) => match validate(&design).into_iter().next() {
            None => Restored::Design(design),
            Some(problem) => Restored::Corrupt { raw, reason: problem.to_string() },
        },
        Err(reason) => Restored::Corrupt { raw, reason },
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Reads the saved design; a corrupt value is copied to [`BACKUP_KEY`] first.
pub fn restore() -> Restored {
    let raw = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    let restored = restore_from(raw);
    if let (Restored::Corrupt { raw, .. }, Some(s)) = (&restored, storage()) {
        let _ = s.set_item(BACKUP_KEY, raw);
    }
    restored
}

/// Writes the design on every change. A failed write (storage full or disabled) is reported once.
pub fn install(app: AppState) {
    let design = app.reader().signal();
    let warned = StoredValue::new(false);
    Effect::new(move |_| {
        let ok = design.with(|d| storage().is_some_and(|s| s.set_item(KEY, &d.to_json()).is_ok()));
        if !ok && !warned.get_value() {
            warned.set_value(true);
            app.report_error("This browser does not let Tierboard save the design: download it before you close the tab.");
        }
    });
}

/// Forgets the backup of an unreadable value (after download or dismissal).
pub fn drop_backup() {
    if let Some(s) = storage() {
        let _ = s.remove_item(BACKUP_KEY);
    }
}

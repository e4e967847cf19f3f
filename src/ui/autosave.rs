//! Keeps the user's work: the present design is written to localStorage after every change and
//! read back on start.
//!
//! Writes are coalesced: a change schedules one write [`SAVE_DELAY_MS`] later, in the page's next
//! idle moment (a burst of edits writes once), so serialising a 200-service design never lands
//! in the frame that shows the edit, nor in those of the edits right after it. A pending write
//! is flushed at once when the page is hidden or unloaded (reload, close, switching apps on a
//! tablet).
//!
//! Nothing is lost silently: a stored value that does not parse or validate is copied to a
//! backup key before the app starts fresh, and the banner offers its raw text for download. The
//! offer survives reloads until the user downloads or dismisses it (the backup key is read on
//! every start). When the browser's storage is too full to keep the copy, the banner says so and
//! autosave does not write over the unreadable value until the user has downloaded or dismissed
//! it: the only copy is never overwritten.
//!
//! A design that replaced the board before the first save (a shared link opened on start) is
//! saved like any change: a reload shows it again.
//!
//! The stored text is the design's share link (`share::saved`), so restoring a board needs no
//! serde JSON. A design no link can hold exactly (a value over the link's caps) is stored as its
//! design file JSON. The link's reader and writer and the JSON's reader and writer are chunks
//! (`ui::on_demand`, issue 18: a first visit with nothing saved fetches them only once the board
//! is idle; with a saved board, `web/boot.js` fetches the reader's chunks beside the app's wasm).
//! A saved value is read in its chunk and the app mounts once it is read ([`restore`] is
//! asynchronous; the page's loader shows meanwhile). If that chunk cannot be
//! fetched the app does not start on a fresh board: nothing is written, the saved value stays as
//! it is, and the page offers to try again. The writer's chunk is fetched at the first change at
//! the latest, so a page closed a moment after an edit is saved too; if it cannot be fetched,
//! the banner says so and the previous save stays.

use super::browser::local_storage as storage;
use super::on_demand;
use super::texts::board as texts;
use super::{AppState, Recovery};
use crate::model::Design;
use crate::share::saved;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// Where the design lives. Never change: a renamed key loses every saved board. What is stored
/// under it may be the link form or a design file's JSON; both are read, whichever build wrote it.
pub const KEY: &str = "tierboard.design.v1";
/// Where an unreadable stored value is kept until the user has it.
pub const BACKUP_KEY: &str = "tierboard.design.v1.unreadable";

/// What was found in storage on start.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Nothing,
    Design(Design),
    /// Stored text that is not a valid design, and why.
    Corrupt {
        raw: String,
        reason: String,
    },
}

/// Interprets a stored value (`None` = nothing stored). The link form is read at once; anything
/// else goes to the design file reader (`share::open`), in a chunk: the error is that chunk's.
pub async fn restore_from(raw: Option<String>) -> Result<Restored, SplitLoaderError> {
    let Some(raw) = raw else {
        return Ok(Restored::Nothing);
    };
    // The one reader of incoming designs (format version, caps, validation), as links and files.
    let lang = crate::ui::lang::current();
    let read = if saved::needs_json(&raw) {
        on_demand::open_design(raw.clone(), lang).await?
    } else {
        // `saved::from_saved` is the share link's reader, a chunk (`on_demand::read_link`).
        match on_demand::read_link(raw.clone()).await? {
            Ok((_, design)) => Ok(design),
            Err(e) => Err(on_demand::share_error(e, lang).await?),
        }
    };
    Ok(match read {
        Ok(design) => Restored::Design(design),
        Err(reason) => Restored::Corrupt { raw, reason },
    })
}

/// What the app starts with: the saved design (if readable) and an unreadable value to offer
/// back (this start's, or one kept from an earlier start and not yet dismissed).
pub struct Start {
    pub design: Option<Design>,
    pub recovery: Option<Recovery>,
}

/// Reads the saved design; a corrupt value is copied to [`BACKUP_KEY`] first (`kept` says
/// whether that worked). An error (the JSON reader's chunk could not be fetched) means nothing
/// was decided: the app must not start over the saved value.
pub async fn restore() -> Result<Start, SplitLoaderError> {
    let raw = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    Ok(match restore_from(raw).await? {
        Restored::Design(design) => Start {
            design: Some(design),
            recovery: earlier_backup().await,
        },
        Restored::Nothing => Start {
            design: None,
            recovery: earlier_backup().await,
        },
        Restored::Corrupt { raw, reason } => {
            let kept = storage().is_some_and(|s| s.set_item(BACKUP_KEY, &raw).is_ok());
            Start {
                design: None,
                recovery: Some(Recovery { raw, reason, kept }),
            }
        }
    })
}

/// The unreadable value a previous start kept and nobody dismissed yet (its reason is left
/// empty if the reader's chunk cannot be fetched: the text itself is what matters).
async fn earlier_backup() -> Option<Recovery> {
    let raw = storage()?.get_item(BACKUP_KEY).ok().flatten()?;
    let reason = match restore_from(Some(raw.clone())).await {
        Ok(Restored::Corrupt { reason, .. }) => reason,
        _ => String::new(),
    };
    Some(Recovery {
        raw,
        reason,
        kept: true,
    })
}

/// How long after a change the design is written (a burst of changes writes once).
pub const SAVE_DELAY_MS: u64 = 200;
/// The longest wait for an idle moment after that.
const IDLE_WAIT_MS: u32 = 1000;

/// Writes the design after every change. A failed write (storage full or disabled) is reported once.
/// Only the viewer's own board is ever written (`own_design`): a design shown from a view link
/// lives outside the history and never reaches storage.
pub fn install(app: AppState, recovery: RwSignal<Option<Recovery>>) {
    let design = app.own_design();
    let can_undo = app.can_undo();
    let warned = StoredValue::new(false);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // A change not written yet: the write waits for an idle moment after the delay, and a
    // page being hidden or closed writes it at once.
    let dirty = StoredValue::new(false);
    // Counts saves, so that a JSON text written late (its chunk was loading) never replaces
    // what a later save wrote.
    let generation = StoredValue::new(0u64);
    let write = move |text: &str| {
        let ok = storage().is_some_and(|s| s.set_item(KEY, text).is_ok());
        if !ok && warned.try_get_value() == Some(false) {
            warned.set_value(true);
            app.report_error(texts::NO_STORAGE.get(app.lang()));
        }
    };
    // Runs from timers and page events, which may outlive the app (tests unmount it): `try_`.
    let save = move || {
        pending.try_set_value(None);
        dirty.try_set_value(false);
        // The unreadable value is the only copy (no backup fitted): never write over it.
        if recovery.try_with_untracked(|r| r.as_ref().is_some_and(|r| !r.kept)) == Some(true) {
            return;
        }
        let Some(present) = design.try_with_untracked(Design::clone) else {
            return;
        };
        let this = generation
            .try_get_value()
            .unwrap_or_default()
            .wrapping_add(1);
        generation.try_set_value(this);
        // The link's writer is a chunk (fetched with the others once the board is idle, or at
        // the first change): at once when it is loaded, which matters when the page is being
        // closed (the task runs before the page goes). A later save's text wins.
        leptos::task::spawn_local(async move {
            let text = match on_demand::to_saved(present).await {
                Ok(Ok(link)) => Ok(link),
                // No link holds this design exactly: its design file JSON, from its chunk.
                Ok(Err(design)) => on_demand::design_file(design).await,
                Err(e) => Err(e),
            };
            match text {
                Ok(text) if generation.try_get_value() == Some(this) => write(&text),
                Ok(_) => {}
                Err(_) => app.report_error(texts::NOT_SAVED_PART.get(app.lang())),
            }
        });
    };
    Effect::new(move |first: Option<()>| {
        design.track();
        // Dismissing or downloading an unreadable value that blocked saving saves at once.
        recovery.track();
        // The design just restored is already saved: write only what changes after (a link
        // opened on start has changed it already: then it is saved too).
        if first.is_none() && !can_undo.get_untracked() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        if !dirty.get_value() {
            // The writer's chunk, early: the write must not wait for it if the page is closed.
            leptos::task::spawn_local(async {
                let _ = on_demand::preload_to_saved().await;
            });
        }
        dirty.set_value(true);
        // After the delay, in an idle moment: serialising a big board must not land in the
        // frames of the next edits (a drag right after a drop).
        let later = move || {
            super::browser::when_idle(
                move || {
                    if dirty.try_get_value() == Some(true) {
                        save();
                    }
                },
                IDLE_WAIT_MS,
            );
        };
        pending.set_value(
            set_timeout_with_handle(later, std::time::Duration::from_millis(SAVE_DELAY_MS)).ok(),
        );
    });
    let flush = move || {
        if dirty.try_get_value() == Some(true) {
            if let Some(Some(handle)) = pending.try_get_value() {
                handle.clear();
            }
            save();
        }
    };
    let _ = window_event_listener_untyped("pagehide", move |_| flush());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            flush();
        }
    });
}

/// Forgets the backup of an unreadable value (after download or dismissal).
pub fn drop_backup() {
    if let Some(s) = storage() {
        let _ = s.remove_item(BACKUP_KEY);
    }
}

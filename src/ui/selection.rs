//! What the editing shortcuts and the context menu do to the selection: copy, cut, paste,
//! duplicate, select all, delete and retier, each one undoable command built by the core
//! (`edit::clipboard`, `edit::remove_many`, `edit::retier_many`).
//!
//! The system clipboard carries copies between boards and browser tabs: the window's `copy`,
//! `cut` and `paste` events (what Ctrl/Cmd+C/X/V raise outside text fields) read and write its
//! text directly, without a permission prompt. The context menu, which has no such event, uses
//! `navigator.clipboard`; the last copy is also kept in the page, so Paste works where the
//! browser refuses to read the clipboard. Pasted text that is compose YAML or a share link goes
//! through the import and open paths instead (`incoming::load_design`). A clip is the model's
//! JSON, so it is written and read by split functions (`on_demand::clip_text`,
//! `classify_paste`): the first download carries no serde JSON (issue 18).

use super::focus;
use super::texts::common;
use super::texts::selection as t;
use super::{AppState, Selection};
use crate::edit::clipboard::{duplicate, Clip, Pasted};
use crate::edit::{remove_many, retier_many, step_tier_many, Command};
use crate::i18n::{Lang, Text};
use crate::model::{ServiceId, Tier};
use crate::offload::{Reply, Request};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element};

thread_local! {
    /// The text of the last copy made in this page (fallback when the clipboard cannot be read).
    static LAST_COPY: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The interface language, taken at `install`: these messages are written from event
    /// handlers and menu actions, outside the component tree where context is out of reach.
    static LANG: Cell<Option<RwSignal<Lang>>> = const { Cell::new(None) };
}

/// The interface language now (English before `install`).
fn lang() -> Lang {
    LANG.with(Cell::get)
        .and_then(|l| l.try_get_untracked())
        .unwrap_or_default()
}

fn say(text: Text) -> String {
    text.get(lang()).to_string()
}

fn say_with(text: Text, values: &[(&str, &str)]) -> String {
    text.fill(lang(), values)
}

/// Installs the window's copy, cut and paste listeners. Call once, in `App`, after the
/// interface language is provided.
pub fn install(app: AppState) {
    LANG.with(|l| l.set(Some(super::lang::use_lang())));
    let _ = window_event_listener(leptos::ev::copy, move |ev: ClipboardEvent| {
        clipboard_event(app, &ev, false)
    });
    let _ = window_event_listener(leptos::ev::cut, move |ev: ClipboardEvent| {
        clipboard_event(app, &ev, true)
    });
    let _ = window_event_listener(leptos::ev::paste, move |ev: ClipboardEvent| {
        if app.selection.try_get_untracked().is_none() || in_text_field(&ev) {
            return;
        }
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        ev.prevent_default();
        let text = if text.trim().is_empty() {
            LAST_COPY.with(|c| c.borrow().clone()).unwrap_or_default()
        } else {
            text
        };
        paste_text(app, &text);
    });
}

fn clipboard_event(app: AppState, ev: &ClipboardEvent, cut: bool) {
    if app.selection.try_get_untracked().is_none() || in_text_field(ev) {
        return;
    }
    // Text the user selected on the page (a file preview, a message) copies as usual.
    let selected_text = window()
        .get_selection()
        .ok()
        .flatten()
        .is_some_and(|s| !s.is_collapsed());
    if selected_text {
        return;
    }
    let Some(clip) = selected_clip(app) else {
        return;
    };
    // The clip's JSON is written in a chunk (`on_demand`); once it is loaded (it is fetched when
    // the board is idle) the text is there at once, as the event needs it.
    match super::on_demand::ready(super::on_demand::clip_text(clip.clone())) {
        Some(Ok(text)) => {
            if let Some(data) = ev.clipboard_data() {
                if data.set_data("text/plain", &text).is_ok() {
                    ev.prevent_default();
                }
            }
            copied(app, &clip, text);
        }
        // Not loaded yet: the text goes through `navigator.clipboard` a moment later.
        _ => {
            ev.prevent_default();
            copy_later(app, clip);
        }
    }
    if cut {
        delete_selection(app);
    }
}

/// The selected services and the links among them; `None` when nothing is selected.
fn selected_clip(app: AppState) -> Option<Clip> {
    let ids = app.selected_ids_untracked();
    app.reader()
        .signal()
        .with_untracked(|d| Clip::copy(d, &ids))
}

/// Remembers the copy in the page and says what was copied.
fn copied(app: AppState, clip: &Clip, text: String) {
    LAST_COPY.with(|c| *c.borrow_mut() = Some(text));
    let n = clip.services.len();
    app.report_info(if n == 1 {
        say(t::COPIED_ONE)
    } else {
        say_with(t::COPIED_N, &[("n", &n.to_string())])
    });
}

/// Writes the clip's text once its chunk is there, through `navigator.clipboard`.
fn copy_later(app: AppState, clip: Clip) {
    leptos::task::spawn_local(async move {
        match super::on_demand::clip_text(clip.clone()).await {
            Ok(text) => {
                let _ = window().navigator().clipboard().write_text(&text);
                copied(app, &clip, text);
            }
            Err(_) => app.report_error(say_with(
                t::COPY_FAILED,
                &[("why", say(common::PART_UNAVAILABLE).as_str())],
            )),
        }
    });
}

/// Copy through `navigator.clipboard` (context menu; no clipboard event to write into).
pub fn copy_to_system(app: AppState) {
    if let Some(clip) = selected_clip(app) {
        copy_later(app, clip);
    }
}

/// Paste from `navigator.clipboard` (context menu), or the page's last copy when the browser
/// refuses to read it.
pub fn paste_from_system(app: AppState) {
    let promise = window().navigator().clipboard().read_text();
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .filter(|t| !t.trim().is_empty())
            .or_else(|| LAST_COPY.with(|c| c.borrow().clone()));
        match text {
            Some(text) => paste_text(app, &text),
            None => app.report_info(say(t::NOTHING_TO_PASTE)),
        }
    });
}

/// Pastes clipboard text: copied services (selected afterwards), a share link (opened) or
/// compose YAML (imported).
pub fn paste_text(app: AppState, text: &str) {
    let text = text.to_string();
    // A clip is JSON, read in a chunk (`on_demand`) like every model JSON.
    leptos::task::spawn_local(async move {
        match super::on_demand::classify_paste(text).await {
            Ok(pasted) => paste(app, pasted),
            Err(_) => app.report_error(say_with(
                t::PASTE_FAILED,
                &[("why", say(common::PART_UNAVAILABLE).as_str())],
            )),
        }
    });
}

fn paste(app: AppState, pasted: Pasted) {
    match pasted {
        Pasted::Clip(clip) => {
            let planned = app
                .reader()
                .signal()
                .with_untracked(|d| clip.paste(d, None));
            if let Some((command, ids)) = planned {
                commit_and_select(app, command, ids, PASTED);
            }
        }
        Pasted::BadClip(why) => {
            app.report_error(say_with(t::PASTE_FAILED, &[("why", &why.to_string())]))
        }
        // A link's reader and the importer's client are a chunk (`on_demand::paste_outside`).
        outside @ (Pasted::ShareLink(_) | Pasted::Compose(_)) => {
            leptos::task::spawn_local(async move {
                match super::on_demand::paste_outside(app, outside).await {
                    Ok(pasting) => pasting.await,
                    Err(_) => app.report_error(say_with(
                        t::PASTE_FAILED,
                        &[("why", say(common::PART_UNAVAILABLE).as_str())],
                    )),
                }
            })
        }
        Pasted::Other => app.report_info(say(t::NOTHING_KNOWN_TO_PASTE)),
    }
}

/// Opens a pasted share link or imports a pasted compose file, like "Open" and "Import"
/// (`incoming::load_design`); in the chunk of `on_demand::paste_outside`.
pub async fn paste_outside(app: AppState, pasted: Pasted) {
    match pasted {
        Pasted::ShareLink(link) => match crate::share::decode(&link) {
            Ok(design) => {
                super::incoming::load_design(app, design, "pasted link");
            }
            Err(e) => app.report_error(say_with(t::PASTED_LINK_FAILED, &[("why", &e.to_string())])),
        },
        // The importer runs in the app's worker (`ui::offload`).
        Pasted::Compose(yaml) => {
            let sources = vec![("docker-compose.yml".to_string(), yaml)];
            match super::offload::run(Request::Import { sources }).await.reply {
                Reply::Imported { design, .. } => {
                    super::incoming::load_design(app, design, "pasted compose file");
                }
                Reply::Failed { message } => {
                    app.report_error(say_with(t::PASTED_COMPOSE_FAILED, &[("why", &message)]))
                }
                other => app.report_error(say_with(
                    t::PASTED_COMPOSE_FAILED,
                    &[("why", &other.unexpected())],
                )),
            }
        }
        Pasted::Clip(_) | Pasted::BadClip(_) | Pasted::Other => {}
    }
}

/// Ctrl/Cmd+D: copies of the selected services (and their links) beside them.
pub fn duplicate_selection(app: AppState) {
    let ids = app.selected_ids_untracked();
    let planned = app.reader().signal().with_untracked(|d| duplicate(d, &ids));
    if let Some((command, new_ids)) = planned {
        commit_and_select(app, command, new_ids, DUPLICATED);
    }
}

/// What a banner says after a paste or a duplicate: one service, `{n}` services, nothing.
type Outcome = (Text, Text, Text);
const PASTED: Outcome = (t::PASTED_ONE, t::PASTED_N, t::PASTED_NOTHING);
const DUPLICATED: Outcome = (t::DUPLICATED_ONE, t::DUPLICATED_N, t::DUPLICATED_NOTHING);

fn commit_and_select(app: AppState, command: Command, ids: Vec<ServiceId>, said: Outcome) {
    let (one, many, nothing) = said;
    match app.dispatch(command) {
        Ok(_) => {
            let n = ids.len();
            let first = ids.first().copied();
            app.select_many(ids, first);
            if let Some(id) = first {
                focus::card(id);
            }
            app.report_info(if n == 1 {
                say(one)
            } else {
                say_with(many, &[("n", &n.to_string())])
            });
        }
        Err(e) => app.report_error(say_with(nothing, &[("why", &e.to_string())])),
    }
}

/// Ctrl/Cmd+A: every service on the board.
pub fn select_all(app: AppState) {
    let ids: Vec<ServiceId> = app
        .reader()
        .signal()
        .with_untracked(|d| d.services.iter().map(|s| s.id).collect());
    let primary = match app.selection.get_untracked() {
        Selection::Service(id) => Some(id),
        _ => ids.first().copied(),
    };
    app.select_many(ids, primary);
}

/// Removes the selected services (or the selected link) as one undoable step; focus goes to a
/// neighbouring card, or to the board when none is left.
pub fn delete_selection(app: AppState) -> bool {
    let command = match app.selection.get_untracked() {
        Selection::Link(from, to) => Some(Command::Disconnect { from, to }),
        Selection::Service(_) => {
            let ids = app.selected_ids_untracked();
            app.reader()
                .signal()
                .with_untracked(|d| remove_many(d, &ids))
        }
        Selection::None => None,
    };
    let Some(command) = command else {
        return false;
    };
    let ids = app.selected_ids_untracked();
    let next = focus::neighbour_after_removal(app, &ids);
    app.dispatch_or_report(command);
    app.selection.set(Selection::None);
    match next {
        Some(id) => focus::card(id),
        None => focus::board(),
    }
    true
}

/// Moves the selected services to `tier`, as one undoable step, keeping them selected.
pub fn retier_selection(app: AppState, tier: Tier) {
    let ids = app.selected_ids_untracked();
    let command = app
        .reader()
        .signal()
        .with_untracked(|d| retier_many(d, &ids, tier));
    if let Some(command) = command {
        app.dispatch_or_report(command);
        if let Selection::Service(id) = app.selection.get_untracked() {
            focus::card(id);
        }
    }
}

/// Alt+Up/Down on a card of a multi-selection: each selected service moves one tier, as one undoable step.
/// Returns whether it handled the key (a single selection moves as `card::move_by_key` says).
pub fn step_group(app: AppState, id: ServiceId, ev: &web_sys::KeyboardEvent) -> bool {
    let up = match ev.key().as_str() {
        "ArrowUp" => true,
        "ArrowDown" => false,
        _ => return false,
    };
    let ids = app.selected_ids_untracked();
    if ids.len() < 2 || !ids.contains(&id) || !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return false;
    }
    let command = app
        .reader()
        .signal()
        .with_untracked(|d| step_tier_many(d, &ids, up));
    if let Some(command) = command {
        app.dispatch_or_report(command);
    }
    if let Selection::Service(id) = app.selection.get_untracked() {
        focus::card(id);
    }
    true
}

/// True when the event goes to an input, a text area or an editable element: its own
/// clipboard behaviour wins.
fn in_text_field(ev: &ClipboardEvent) -> bool {
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .or_else(|| document().active_element());
    target.is_some_and(|el| focus::is_text_field(&el))
}

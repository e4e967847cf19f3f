//! Files from the operating system: dropped anywhere on the window, or handed to the installed
//! app by its file handlers (manifest `file_handlers`, read through `window.launchQueue` where the
//! browser has it). `share::dropped` sorts them: one design file or exported SVG opens like "Open
//! design file" (`share::open`, then `load_design`: Recent designs first, one undo step); compose
//! files import like the Import dialog (`import_sources`, the same notices in a dialog). Only
//! drags that carry files are taken: the board's own pointer drags never reach here.
//!
//! The listeners are installed with the page; reading and sorting the files ([`receive`]) and the
//! dialog's notices are a chunk of their own (`on_demand::receive_files`,
//! `on_demand::dropped_outcome`), fetched once the board is idle or when files first arrive.

use super::browser::read_file_texts;
use super::dialogs::import_dialog::{import_sources, outcome_view, Outcome};
use super::dialogs::Modal;
use super::incoming::load_design;
use super::lang::{tr, use_lang};
use super::on_demand::{self, OnDemand};
use super::texts::common;
use super::texts::offline as texts;
use super::{use_app, AppState};
use crate::i18n::Lang;
use crate::share::dropped::{self, Dropped};
use crate::{import, share};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::DragEvent;

/// What handling arriving files needs (all `Copy` handles).
#[derive(Clone, Copy)]
pub(crate) struct Target {
    state: AppState,
    lang: RwSignal<Lang>,
    outcome: RwSignal<Option<Outcome>>,
    open: RwSignal<bool>,
}

#[component]
pub fn FileDrop() -> impl IntoView {
    let target = Target {
        state: use_app(),
        lang: use_lang(),
        outcome: RwSignal::new(None),
        open: RwSignal::new(false),
    };
    let over = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::dragover, move |ev: DragEvent| {
        if carries_files(&ev) {
            // Without this the browser opens the file itself, leaving the app.
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
            over.set(true);
        }
    });
    let _ = window_event_listener(leptos::ev::dragleave, move |ev: DragEvent| {
        // Leaving the window has no element to go to.
        if ev.related_target().is_none() {
            over.set(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev: DragEvent| {
        over.set(false);
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        let Some(list) = ev.data_transfer().and_then(|dt| dt.files()) else {
            return;
        };
        let files = (0..list.length()).filter_map(|i| list.item(i)).collect();
        spawn_local(receive_on_demand(target, files));
    });
    consume_launches(target);

    let opener = NodeRef::<html::Button>::new();
    view! {
        <Show when=move || over.get()>
            <div class="file-drop" aria-hidden="true">
                <p class="file-drop__hint">{tr(texts::DROP_HINT)}</p>
            </div>
        </Show>
        <Modal open=target.open title=texts::DROPPED_TITLE id="dropped-files" opener=opener>
            <OnDemand load=move || on_demand::dropped_outcome(target) />
        </Modal>
    }
}

/// Whether a drag carries files from the operating system.
fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// [`receive`] from its chunk; a chunk that cannot be fetched is said in the banner.
async fn receive_on_demand(target: Target, files: Vec<web_sys::File>) {
    match on_demand::receive_files(target, files).await {
        Ok(receiving) => receiving.await,
        Err(_) => target.state.report_error(
            texts::FILES_NOT_READ
                .get(target.lang.get_untracked())
                .to_string(),
        ),
    }
}

/// The dialog's content: what the import of dropped compose files brought and left.
pub(crate) fn outcome(target: Target) -> impl IntoView {
    move || {
        target
            .outcome
            .get()
            .map(|o| outcome_view(o, target.lang.get()))
    }
}

/// Reads the files and opens or imports them; refusals go to the banner, the board stays.
pub(crate) async fn receive(target: Target, files: Vec<web_sys::File>) {
    let lang = target.lang.get_untracked();
    let state = target.state;
    let max = import::MAX_FILE_BYTES.max(share::MAX_FILE);
    let read = match read_file_texts(files, max).await {
        Ok(read) => read,
        Err(why) => return state.report_error(why),
    };
    match dropped::sort(read) {
        Err(refused) => state.report_error(refused.message(lang)),
        // A design file is the model's JSON: read in a chunk (`on_demand`), as a link or SVG is.
        Ok(Dropped::Design { name, text }) => match super::on_demand::open_design(text, lang).await
        {
            Ok(Ok(design)) => {
                load_design(state, design, "design file");
            }
            Ok(Err(why)) => state
                .report_error(texts::COULD_NOT_OPEN.fill(lang, &[("name", &name), ("why", &why)])),
            Err(_) => state.report_error(texts::COULD_NOT_OPEN.fill(
                lang,
                &[("name", &name), ("why", common::PART_UNAVAILABLE.get(lang))],
            )),
        },
        Ok(Dropped::Compose(sources)) => {
            target
                .outcome
                .set(Some(import_sources(state, sources).await));
            target.open.set(true);
        }
    }
}

/// The installed app's file handlers: `launchQueue.setConsumer` where the browser has it.
fn consume_launches(target: Target) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(queue) = js_sys::Reflect::get(&window, &JsValue::from_str("launchQueue")) else {
        return;
    };
    let set_consumer = js_sys::Reflect::get(&queue, &JsValue::from_str("setConsumer"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(set_consumer) = set_consumer else {
        return;
    };
    let consumer = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let handles = js_sys::Reflect::get(&params, &JsValue::from_str("files"))
            .ok()
            .map(|files| js_sys::Array::from(&files))
            .unwrap_or_default();
        if handles.length() == 0 {
            return;
        }
        spawn_local(async move {
            let mut files = Vec::new();
            for handle in handles.iter() {
                if let Some(file) = file_of(&handle).await {
                    files.push(file);
                }
            }
            receive_on_demand(target, files).await;
        });
    });
    let _ = set_consumer.call1(&queue, consumer.as_ref());
    // The consumer lives as long as the page.
    consumer.forget();
}

/// `FileSystemFileHandle.getFile()`, without the web-sys feature for one call.
async fn file_of(handle: &JsValue) -> Option<web_sys::File> {
    let get_file = js_sys::Reflect::get(handle, &JsValue::from_str("getFile"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = get_file
        .call0(handle)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

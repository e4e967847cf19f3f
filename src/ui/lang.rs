//! The interface language: one `RwSignal<Lang>` provided by `App`, read by every component that
//! shows words. Switching it re-renders the words and nothing else: the design, the history and
//! the documentation language (`Settings::docs_lang`) never change with it.
//!
//! Where the first language comes from is decided by the pure `Lang::choose` (browser
//! preferences, then the stored choice, then `?lang=`); this file only reads those three from the
//! browser, stores the switcher's choice and keeps `<html lang>` in step.
//!
//! Components read a text with [`tr`] (a closure for `view!`) or [`use_lang`] + `Text::get`.

use super::browser::local_storage;
use crate::i18n::{Lang, Text};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsValue;

/// Local storage key of the switcher's choice (a language code). Never change it: a new
/// meaning takes a new key.
pub const STORAGE_KEY: &str = "tierboard.lang";

thread_local! {
    /// The interface language now, for the browser helpers that write a reason deep below any
    /// component (`dialogs::browser`, `dialogs::picture`); kept by [`provide_start_lang`]'s
    /// effect. Wasm has one thread.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The interface language now (untracked), where neither a component's context nor an
/// `AppState` is at hand.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// The context handle of the interface language.
#[derive(Clone, Copy)]
struct UiLang(RwSignal<Lang>);

/// Creates the interface language (starting at `initial`) and provides it to every component.
pub fn provide_lang(initial: Lang) -> RwSignal<Lang> {
    let lang = RwSignal::new(initial);
    provide_context(UiLang(lang));
    lang
}

/// Provides the language the page starts in (see `Lang::choose`) and keeps the document's `lang`
/// attribute on it. Call once, from `App`, before anything that shows words.
pub fn provide_start_lang() -> RwSignal<Lang> {
    let lang = provide_lang(start_lang());
    Effect::new(move |_| {
        let now = lang.get();
        CURRENT.with(|c| c.set(now));
        let code = now.code();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", code);
        }
    });
    lang
}

/// The interface language. Outside `App` (component tests) it is English.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<UiLang>()
        .map(|l| l.0)
        .unwrap_or_else(|| RwSignal::new(Lang::En))
}

/// `text` in the interface language, as a reactive closure for `view!` (text nodes and
/// attributes: `aria-label=tr(texts::UNDO)`).
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text.get(lang.get())
}

/// The switcher's choice: the language changes now, is stored for the next visit, and a
/// `?lang=` in the address is rewritten to it (so a reload keeps the choice) without reloading
/// or adding a history entry.
pub fn choose(lang: RwSignal<Lang>, chosen: Lang) {
    lang.set(chosen);
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, chosen.code());
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Some(query) = location
        .search()
        .ok()
        .and_then(|q| Lang::set_in_query(&q, chosen))
    else {
        return;
    };
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let url = format!("{path}?{query}{hash}");
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Reads the browser's preferences, the stored choice and the address's query string.
fn start_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let preferences: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    let stored = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let query = window.location().search().unwrap_or_default();
    Lang::choose(
        preferences.iter().map(String::as_str),
        stored.as_deref(),
        &query,
    )
}

//! The interface language: one `RwSignal<Lang>` provided by `App`, read by every component that
//! shows words. Switching it re-renders the words and nothing else: the design, the history and
//! the documentation language (`Settings::docs_lang`) never change with it.
//!
//! Components read a text with [`tr`] (a closure for `view!`) or [`use_lang`] + `Text::get`.

use crate::i18n::{Lang, Text};
use leptos::prelude::*;

/// The context handle of the interface language.
#[derive(Clone, Copy)]
struct UiLang(RwSignal<Lang>);

/// Creates the interface language (starting at `initial`) and provides it to every component.
pub fn provide_lang(initial: Lang) -> RwSignal<Lang> {
    let lang = RwSignal::new(initial);
    provide_context(UiLang(lang));
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

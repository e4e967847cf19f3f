//! Light, dark or the system's choice: sets `<html data-theme>` (see `style/tokens.css`) and
//! remembers the choice in localStorage. Every toggle (the toolbar's, the presentation bar's)
//! shares the one choice `App` provides ([`provide_theme`]).

use super::browser::local_storage as storage;
use super::lang::{tr, use_lang};
use super::texts::header as texts;
use leptos::prelude::*;

const KEY: &str = "tierboard.theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
    fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// The theme choice every toggle shares.
#[derive(Clone, Copy)]
struct ThemeChoice(RwSignal<Theme>);

/// Restores the saved choice, applies it to the page on every change and provides it to every
/// [`ThemeToggle`]. Call once, from `App`.
pub fn provide_theme() {
    provide_context(ThemeChoice(theme_signal()));
}

/// The choice `App` provides, or (a toggle mounted alone) a fresh one.
fn use_theme() -> RwSignal<Theme> {
    use_context::<ThemeChoice>().map_or_else(theme_signal, |c| c.0)
}

fn theme_signal() -> RwSignal<Theme> {
    let saved = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map_or(Theme::System, |t| Theme::parse(&t));
    let theme = RwSignal::new(saved);
    Effect::new(move |_| {
        let t = theme.get();
        if let Some(html) = document().document_element() {
            let _ = match t {
                Theme::System => html.remove_attribute("data-theme"),
                _ => html.set_attribute("data-theme", t.id()),
            };
        }
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, t.id());
        }
    });
    theme
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = use_theme();
    // Short on screen (the toolbar must fit one row at projector widths), complete when spoken.
    let lang = use_lang();
    let label = move || {
        // The shown words are part of the name (axe: label-content-name-mismatch).
        match theme.get() {
            Theme::System => texts::THEME_AUTO_NAME,
            Theme::Light => texts::THEME_LIGHT_NAME,
            Theme::Dark => texts::THEME_DARK_NAME,
        }
        .get(lang.get())
    };
    let shown = move || {
        match theme.get() {
            Theme::System => texts::THEME_AUTO,
            Theme::Light => texts::THEME_LIGHT,
            Theme::Dark => texts::THEME_DARK,
        }
        .get(lang.get())
    };
    view! {
        <button type="button" class="toolbar__button theme-toggle" title=tr(texts::THEME_HINT)
            aria-label=label on:click=move |_| theme.update(|t| *t = t.next())>
            {shown}
        </button>
    }
}

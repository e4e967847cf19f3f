//! Light, dark or the system's choice: sets `<html data-theme>` (see `style/tokens.css`) and
//! remembers the choice in localStorage.

use super::dialogs::browser::local_storage as storage;
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

#[component]
pub fn ThemeToggle() -> impl IntoView {
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
    // Short on screen (the toolbar must fit one row at projector widths), complete when spoken.
    let label = move || match theme.get() {
        Theme::System => "Theme: system",
        Theme::Light => "Theme: light",
        Theme::Dark => "Theme: dark",
    };
    let shown = move || match theme.get() {
        Theme::System => "◐ Auto",
        Theme::Light => "☀ Light",
        Theme::Dark => "☾ Dark",
    };
    view! {
        <button type="button" class="toolbar__button theme-toggle" title="Switch between system, light and dark colours"
            aria-label=label on:click=move |_| theme.update(|t| *t = t.next())>
            {shown}
        </button>
    }
}

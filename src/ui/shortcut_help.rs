//! The "?" overlay: every keyboard shortcut, in one dialog. "?" (outside text fields) opens it;
//! Escape, the close button or the backdrop close it, and focus returns to where it was.

use super::dialogs::Modal;
use super::use_app;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `(keys, what they do)`, grouped. The one list: the overlay shows exactly this.
pub const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "Moving around",
        &[
            ("Tab", "Skip link, catalog, board, inspector, in page order"),
            ("← → ↑ ↓", "Move focus to the next card in the tier, or the nearest card above or below"),
            ("Enter / Space", "Select the focused card or link"),
            ("Enter on a selected card, F2", "Edit it in the inspector (its name first)"),
            ("Escape in the inspector", "Back to the card"),
            ("Escape", "Cancel a drag, close a menu or dialog, else clear the selection"),
            ("?", "This list"),
        ],
    ),
    (
        "Editing",
        &[
            ("Ctrl/⌘ + C, X, V", "Copy, cut, paste services with their links (also between boards and tabs; pasting compose YAML or a share link opens it)"),
            ("Ctrl/⌘ + D", "Duplicate the selection"),
            ("Ctrl/⌘ + A", "Select every service"),
            ("Shift/Ctrl + click, Shift + Space", "Add a card to the selection or take it out"),
            ("Shift + drag on empty board", "Select the cards in a rectangle"),
            ("Delete / Backspace", "Remove the selection"),
            ("Alt + ← →", "Move the card within its tier"),
            ("Alt + ↑ ↓", "Move the card (or every selected card) to the tier above or below"),
            ("Double click", "Rename the card"),
            ("Shift + F10, menu key, right click, long press", "Actions for a card or a link"),
            ("Ctrl/⌘ + Z", "Undo"),
            ("Ctrl/⌘ + Shift + Z, Ctrl + Y", "Redo"),
        ],
    ),
    (
        "Catalog",
        &[
            ("Enter in the search", "Add the only match, or go to the first"),
            ("Enter on an entry", "Add it to its tier"),
        ],
    ),
];

#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let app = use_app();
    let open = app.help_open;
    // The dialog returns focus to what had it when "?" was pressed.
    let opener = NodeRef::<html::Button>::new();
    let previous = StoredValue::new(None::<web_sys::HtmlElement>);
    Effect::new(move |was: Option<bool>| {
        let now = open.get();
        if now && was != Some(true) {
            previous.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
        } else if !now && was == Some(true) {
            if let Some(el) = previous.get_value() {
                let _ = el.focus();
            }
        }
        now
    });
    let group = |(title, rows): (&'static str, &'static [(&'static str, &'static str)])| {
        view! {
            <h3 class="shortcuts__group">{title}</h3>
            <dl class="shortcuts__list">
                {rows.iter().map(|(keys, what)| view! {
                    <div class="shortcuts__row">
                        <dt><kbd>{*keys}</kbd></dt>
                        <dd>{*what}</dd>
                    </div>
                }).collect_view()}
            </dl>
        }
    };
    view! {
        <Modal open=open title="Keyboard shortcuts" id="shortcut-help" opener=opener>
            <div class="shortcuts">{SHORTCUTS.iter().copied().map(group).collect_view()}</div>
        </Modal>
    }
}

//! Inspector fields. Each commits on `change` (blur or Enter), so typing makes one history entry
//! per field edit, not per keystroke. A refused edit keeps the typed text and shows the reason
//! next to the field; the design is untouched.
//!
//! Labels, placeholders and option names are `Text`s, shown in the interface language and
//! following it when it changes.

use crate::i18n::{Lang, Text};
use crate::ui::lang::use_lang;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

/// An edit of one row of a list field (a port, a variable, a volume); `Err` refuses it.
pub type RowEdit<T> = Box<dyn FnOnce(&mut T) -> Result<(), String>>;

/// What a field does with its new text: `Err` is shown next to it.
pub type Commit = Callback<String, Result<(), String>>;

/// A one-line text field. `check` (optional) validates while typing.
#[component]
pub fn TextField(
    /// Visible label, also the input's accessible name.
    label: Text,
    /// The value in the design; the field follows it (undo, other edits).
    #[prop(into)]
    value: Signal<String>,
    /// Applies the edit.
    commit: Commit,
    /// Validation while typing: the reason the text would be refused.
    #[prop(optional)]
    check: Option<Callback<String, Option<String>>>,
    /// Shown while the field is empty.
    #[prop(optional, into)]
    placeholder: Option<Text>,
    /// `numeric` for number fields (the on-screen keyboard of a tablet).
    #[prop(optional)]
    inputmode: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    // A new value from the design (undo, another edit) supersedes a refused attempt.
    Effect::new(move |_| {
        value.track();
        error.set(None);
    });
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(check) = check {
            error.set(check.run(event_target_value(&ev)));
        }
    };
    let on_change =
        move |ev: leptos::ev::Event| error.set(commit.run(event_target_value(&ev)).err());
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label">
                <span>{move || label.get(lang.get())}</span>
                <input
                    class="field__input"
                    type="text"
                    placeholder=move || placeholder.map(|p| p.get(lang.get()))
                    inputmode=(!inputmode.is_empty()).then_some(inputmode)
                    spellcheck="false"
                    autocomplete="off"
                    prop:value=move || value.get()
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    on:input=on_input
                    on:change=on_change
                />
            </label>
            <FieldError error=error />
        </div>
    }
}

/// A multi-line text field (one item per line), committed on change.
#[component]
pub fn LinesField(
    label: Text,
    #[prop(into)] value: Signal<String>,
    commit: Commit,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        value.track();
        error.set(None);
    });
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label">
                <span>{move || label.get(lang.get())}</span>
                <textarea
                    class="field__input field__input--lines"
                    rows="3"
                    spellcheck="false"
                    prop:value=move || value.get()
                    on:change=move |ev| error.set(commit.run(event_target_value(&ev)).err())
                ></textarea>
            </label>
            <FieldError error=error />
        </div>
    }
}

/// A checkbox, committed on change; a refusal is shown beside it.
#[component]
pub fn CheckField(
    label: Text,
    #[prop(into)] value: Signal<bool>,
    commit: Callback<bool, Result<(), String>>,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    view! {
        <div class="field field--check">
            <label class="field__check">
                <input
                    type="checkbox"
                    prop:checked=move || value.get()
                    on:change=move |ev| error.set(commit.run(event_target_checked(&ev)).err())
                />
                <span>{move || label.get(lang.get())}</span>
            </label>
            <FieldError error=error />
        </div>
    }
}

/// A choice among fixed options `(value, label)`, committed on change.
#[component]
pub fn SelectField(
    label: Text,
    /// `(value, name)`: the value committed, the name shown.
    options: &'static [(&'static str, Text)],
    #[prop(into)] value: Signal<String>,
    commit: Commit,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    view! {
        <div class="field">
            <label class="field__label">
                <span>{move || label.get(lang.get())}</span>
                <select class="field__input" prop:value=move || value.get()
                    on:change=move |ev| error.set(commit.run(event_target_value(&ev)).err())>
                    {options.iter().map(|(v, l)| view! {
                        <option value=*v selected=move || value.with(|cur| cur == v)>{move || l.get(lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <FieldError error=error />
        </div>
    }
}

/// The reason an edit was refused, announced to screen readers; nothing when there is none.
#[component]
pub fn FieldError(error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <p class="field__error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </Show>
    }
}

/// Parses a whole number; empty text is `None` when `optional`. The reason is in `lang`.
pub fn parse_number(lang: Lang, text: &str, optional: bool) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return if optional {
            Ok(None)
        } else {
            Err(t::NUMBER_REQUIRED.get(lang).to_string())
        };
    }
    text.parse::<u32>()
        .map(Some)
        .map_err(|_| t::NOT_WHOLE_NUMBER.fill(lang, &[("text", &crate::i18n::quote(text))]))
}

/// Parses a port number (1–65535).
pub fn parse_port(lang: Lang, text: &str, optional: bool) -> Result<Option<u16>, String> {
    match parse_number(lang, text, optional)? {
        None => Ok(None),
        Some(n) if (1..=65535).contains(&n) => Ok(Some(n as u16)),
        Some(n) => Err(t::NOT_A_PORT.fill(lang, &[("n", &n.to_string())])),
    }
}

/// Comma- or space-separated words, trimmed, empty ones dropped.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A number as field text (`None` = empty).
pub fn number_text(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

//! Command override in exec form: one argument per line (empty = the image's default).

use super::field::LinesField;
use super::Subject;
use crate::edit::ServiceChange;
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

/// One argument per line; blank lines dropped, each line kept as typed otherwise.
pub fn parse_args(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[component]
pub fn CommandSection(s: Subject) -> impl IntoView {
    let commit =
        Callback::new(move |t: String| s.update(|_| Ok(ServiceChange::Command(parse_args(&t)))));
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::COMMAND)}</legend>
            <LinesField label=t::COMMAND_ARGS
                value=Signal::derive(move || s.get(|svc| svc.command.join("\n")))
                commit=commit />
        </fieldset>
    }
}

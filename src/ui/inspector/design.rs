//! Design-level facts, shown when nothing is selected: the design name, the operational facts
//! (`settings.ops`), the deploy target of the generated deploy workflow (`settings.deploy`), the
//! prod registry and the documentation language (`settings.docs_lang`:
//! the language of the generated README and docs, which the interface language never changes).
//! One command per field edit.

use super::field::{CheckField, SelectField, TextField};
use crate::edit::Command;
use crate::i18n::{Lang, Text};
use crate::model::{DeployTarget, Design, LoggingTarget, Ops, Settings};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::inspector::{self as t, same};
use crate::ui::{use_app, AppState};
use leptos::prelude::*;

const LOGGING: &[(&str, Text)] = &[("local", t::LOGGING_LOCAL), ("central", t::LOGGING_CENTRAL)];

/// The deploy targets by their ids (`DeployTarget::id`, the design file's spelling).
const DEPLOY: &[(&str, Text)] = &[
    ("none", t::DEPLOY_NONE),
    ("compose-ssh", t::DEPLOY_COMPOSE_SSH),
    ("helm", t::DEPLOY_HELM),
    ("swarm", t::DEPLOY_SWARM),
];

/// The documentation languages, each by its own name (as a language switcher writes them).
const DOCS_LANGS: &[(&str, Text)] = &[
    (Lang::En.code(), same(Lang::En.native_name())),
    (Lang::De.code(), same(Lang::De.native_name())),
    (Lang::Fr.code(), same(Lang::Fr.native_name())),
];

/// A new design (a blank board or a pattern starter) written for the people using the interface:
/// its documentation language is the interface language. The opening design goes through here
/// (`ui::opening_design`), and so do the toolbar's "New" and "Patterns…" (a `ReplaceDesign` of
/// `in_interface_language(catalog::instantiate(p), lang)`). Designs that
/// arrive from outside (imports, links, files) keep their own language.
pub fn in_interface_language(mut design: Design, lang: Lang) -> Design {
    design.settings.docs_lang = lang;
    design
}

fn set_settings(app: AppState, f: impl FnOnce(&mut Settings)) -> Result<(), String> {
    let mut settings = app.reader().signal().with_untracked(|d| d.settings.clone());
    f(&mut settings);
    app.dispatch(Command::SetSettings { settings })
        .map(|_| ())
        .map_err(|e| e.message(crate::ui::lang::current()))
}

#[component]
pub fn DesignSection() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let say = move |text: Text| text.get(lang.get_untracked()).to_string();
    let design = app.reader().signal();
    let name = Signal::derive(move || design.with(|d| d.name.clone()));
    let rename = Callback::new(move |name: String| {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(say(t::DESIGN_NEEDS_NAME));
        }
        app.dispatch(Command::RenameDesign { name })
            .map(|_| ())
            .map_err(|e| e.message(lang.get_untracked()))
    });
    let flag = move |get: fn(&Ops) -> bool, set: fn(&mut Ops, bool)| {
        let value = Signal::derive(move || design.with(|d| get(&d.settings.ops)));
        let commit = Callback::new(move |on: bool| set_settings(app, |st| set(&mut st.ops, on)));
        (value, commit)
    };
    let (scan, scan_c) = flag(|o| o.image_scan, |o, v| o.image_scan = v);
    let (rollback, rollback_c) = flag(|o| o.rollback_docs, |o, v| o.rollback_docs = v);
    let (hot, hot_c) = flag(|o| o.hot_reload, |o, v| o.hot_reload = v);
    let logging = Signal::derive(move || {
        design.with(|d| match d.settings.ops.logging {
            LoggingTarget::Local => "local".to_string(),
            LoggingTarget::Central => "central".to_string(),
        })
    });
    let set_logging = Callback::new(move |t: String| {
        let target = match t.as_str() {
            "local" => LoggingTarget::Local,
            "central" => LoggingTarget::Central,
            other => {
                return Err(t::UNKNOWN_LOGGING.fill(
                    lang.get_untracked(),
                    &[("value", &crate::i18n::quote(other))],
                ))
            }
        };
        set_settings(app, |st| st.ops.logging = target)
    });
    let registry = Callback::new(move |t: String| {
        let t = t.trim().trim_end_matches('/').to_string();
        if t.contains(char::is_whitespace) {
            return Err(say(t::REGISTRY_NO_SPACES));
        }
        set_settings(app, |st| st.registry = t)
    });
    let deploy = Signal::derive(move || design.with(|d| d.settings.deploy.id().to_string()));
    let set_deploy =
        Callback::new(move |id: String| match DeployTarget::parse(&id) {
            Some(target) => set_settings(app, |st| st.deploy = target),
            None => Err(t::UNKNOWN_DEPLOY
                .fill(lang.get_untracked(), &[("value", &crate::i18n::quote(&id))])),
        });
    let docs_lang =
        Signal::derive(move || design.with(|d| d.settings.docs_lang.code().to_string()));
    // One `SetSettings`: one undo step, and the interface language is left alone.
    let set_docs_lang = Callback::new(move |code: String| match Lang::parse(&code) {
        Some(l) => set_settings(app, |st| st.docs_lang = l),
        None => Err(t::UNKNOWN_LANGUAGE.fill(
            lang.get_untracked(),
            &[("value", &crate::i18n::quote(&code))],
        )),
    });
    view! {
        <form class="inspector__form" aria-label=tr(t::DESIGN_SETTINGS) on:submit=|ev| ev.prevent_default()>
            <fieldset class="inspector__section">
                <legend>{tr(t::DESIGN)}</legend>
                <TextField label=t::DESIGN_NAME value=name commit=rename />
                <TextField label=t::REGISTRY placeholder=same("ghcr.io/<name>")
                    value=Signal::derive(move || design.with(|d| d.settings.registry.clone()))
                    commit=registry />
                <SelectField label=t::DOCS_LANGUAGE options=DOCS_LANGS value=docs_lang commit=set_docs_lang />
            </fieldset>
            <fieldset class="inspector__section">
                <legend>{tr(t::OPERATIONS)}</legend>
                <CheckField label=t::SCAN_IMAGES value=scan commit=scan_c />
                <CheckField label=t::DOCUMENT_ROLLBACK value=rollback commit=rollback_c />
                <CheckField label=t::HOT_RELOAD value=hot commit=hot_c />
                <SelectField label=t::LOGGING options=LOGGING value=logging commit=set_logging />
                <SelectField label=t::DEPLOY_TARGET options=DEPLOY value=deploy commit=set_deploy />
            </fieldset>
        </form>
    }
}

//! "Import": compose YAML pasted or uploaded (a base plus overrides, merged in order as
//! `docker compose -f a -f b` does) becomes the design on the board; the dialog then lists what
//! the importer kept verbatim, ignored, inferred or changed. Errors keep the board as it was and
//! say where (file, line, column).

use super::DialogButton;
use crate::i18n::Lang;
use crate::import::{self, Notice, NoticeKind};
use crate::ui::browser;
use crate::ui::incoming::load_design;
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::dialogs as texts;
use crate::ui::use_app;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The toolbar's "Import" button and its dialog.
#[component]
pub fn ImportButton() -> impl IntoView {
    view! {
        <DialogButton label=texts::IMPORT title=texts::IMPORT_TITLE id="import-dialog">
            <ImportForm />
        </DialogButton>
    }
}

/// What the last import attempt gave.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    Imported {
        services: usize,
        notices: Vec<Notice>,
    },
    Failed(String),
}

#[component]
fn ImportForm() -> impl IntoView {
    let state = use_app();
    let pasted = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<(String, String)>::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let file_input = NodeRef::<html::Input>::new();
    let lang = use_lang();

    let pick = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match browser::read_files(&input, import::MAX_FILE_BYTES).await {
                Ok(picked) => files.set(picked),
                Err(why) => outcome.set(Some(Outcome::Failed(why))),
            }
        });
    };
    let run = move |_| {
        let mut sources = files.get_untracked();
        let text = pasted.get_untracked();
        if !text.trim().is_empty() {
            let name = texts::PASTED_YAML.get(lang.get_untracked());
            sources.push((name.to_string(), text));
        }
        if sources.is_empty() {
            let why = texts::NOTHING_TO_IMPORT.get(lang.get_untracked());
            outcome.set(Some(Outcome::Failed(why.to_string())));
            return;
        }
        outcome.set(Some(import_sources(state, &sources)));
    };
    let file_names = move || {
        files.with(|f| {
            f.iter()
                .map(|(name, _)| name.clone())
                .collect::<Vec<_>>()
                .join(" → ")
        })
    };

    view! {
        <div class="import">
            <label class="import__label" for="import-yaml">{tr(texts::COMPOSE_YAML)}</label>
            <textarea
                id="import-yaml"
                class="import__text"
                rows="10"
                spellcheck="false"
                placeholder="services:\n  web:\n    image: nginx:1.27"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))
            ></textarea>
            <div class="import__row">
                <label class="button import__file">
                    {tr(texts::CHOOSE_FILES)}
                    <input
                        class="visually-hidden"
                        type="file"
                        multiple=true
                        accept=".yml,.yaml,text/yaml,application/yaml"
                        node_ref=file_input
                        on:change=pick
                    />
                </label>
                <span class="import__files">{file_names}</span>
            </div>
            <p class="import__hint">{tr(texts::IMPORT_HINT)}</p>
            <button type="button" class="button button--primary" on:click=run>{tr(texts::LOAD_DESIGN)}</button>
            {move || {
                let lang = lang.get();
                outcome.get().map(|o| outcome_view(o, lang))
            }}
        </div>
    }
}

/// Imports compose sources (base first, then overrides) onto the board: the one import path of
/// the dialog and of files dropped on the window (`ui::file_drop`).
pub(crate) fn import_sources(state: crate::ui::AppState, sources: &[(String, String)]) -> Outcome {
    // Files that `extends:` / `include:` name are looked up among the ones chosen.
    match import::compose_with(sources, sources) {
        Ok(imported) => {
            let services = imported.design.services.len();
            // The importer keeps the file's order; the board opens it tidied.
            let design = crate::diagram::tidied(&imported.design, crate::diagram::BOARD_VIEW);
            load_design(state, design, "compose import");
            Outcome::Imported {
                services,
                notices: imported.notices,
            }
        }
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// What an import gave, as the dialog shows it (summary and notices, or the error).
pub(crate) fn outcome_view(outcome: Outcome, lang: Lang) -> AnyView {
    match outcome {
        Outcome::Failed(why) => {
            view! { <p class="import__error" role="alert">{why}</p> }.into_any()
        }
        Outcome::Imported { services, notices } => {
            let groups = [
                (NoticeKind::Verbatim, texts::KEPT_VERBATIM),
                (NoticeKind::Ignored, texts::IGNORED),
                (NoticeKind::Inferred, texts::INFERRED),
                (NoticeKind::Changed, texts::CHANGED),
            ];
            let summary = match services {
                1 => texts::IMPORTED_ONE.get(lang).to_string(),
                n => texts::IMPORTED_N.fill(lang, &[("n", &n.to_string())]),
            };
            let sections = groups
                .into_iter()
                .filter_map(|(kind, title)| {
                    let items: Vec<Notice> = notices.iter().filter(|n| n.kind == kind).cloned().collect();
                    (!items.is_empty()).then(|| {
                        view! {
                            <section class="import__notices">
                                <h3 class="import__notices-title">
                                    {texts::NOTICE_GROUP.fill(lang, &[("title", title.get(lang)), ("n", &items.len().to_string())])}
                                </h3>
                                <ul role="list">{items.into_iter().map(notice_view).collect_view()}</ul>
                            </section>
                        }
                    })
                })
                .collect_view();
            view! {
                <div class="import__result" role="status">
                    <p class="import__summary">{summary}</p>
                    {sections}
                </div>
            }
            .into_any()
        }
    }
}

fn notice_view(notice: Notice) -> impl IntoView {
    let lang = crate::ui::lang::use_lang();
    let place = match (&notice.service, &notice.key) {
        (Some(s), Some(k)) => format!("{s} · {k}"),
        (Some(s), None) => s.clone(),
        (None, Some(k)) => k.clone(),
        (None, None) => String::new(),
    };
    view! {
        <li class="import__notice">
            <span class="import__place">{place}</span>
            " "
            <span class="import__message">{move || notice.message(lang.get())}</span>
        </li>
    }
}

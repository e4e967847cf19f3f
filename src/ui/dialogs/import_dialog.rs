//! "Import": compose YAML pasted or uploaded (a base plus overrides, merged in order as
//! `docker compose -f a -f b` does) becomes the design on the board; the dialog then lists what
//! the importer kept verbatim, ignored, inferred or changed. Errors keep the board as it was and
//! say where (file, line, column). Pasted `docker run` commands (alone, or a shell script of
//! them) are told apart from YAML and imported as services (`import::docker_run`). The importer
//! runs in the app's worker (`ui::offload`), so the dialog waits for its answer.

use super::DialogButton;
use crate::i18n::Lang;
use crate::import::{self, NoticeKind};
use crate::offload::{ImportNotice, Reply, Request};
use crate::ui::browser;
use crate::ui::incoming::load_design;
use crate::ui::lang::{tr, use_lang};
use crate::ui::offload;
use crate::ui::on_demand::{self, OnDemand};
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
            <OnDemand load=on_demand::import_form />
        </DialogButton>
    }
}

/// What the last import attempt gave.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    Imported {
        services: usize,
        notices: Vec<ImportNotice>,
    },
    Failed(String),
}

#[component]
pub(crate) fn ImportForm() -> impl IntoView {
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
        if sources.is_empty() && import::docker_run::looks_like_docker_run(&text) {
            let name = texts::PASTED_COMMANDS.get(lang.get_untracked()).to_string();
            spawn_local(async move {
                outcome.set(Some(import_docker_run(state, name, text).await));
            });
            return;
        }
        if !text.trim().is_empty() {
            let name = texts::PASTED_YAML.get(lang.get_untracked());
            sources.push((name.to_string(), text));
        }
        if sources.is_empty() {
            let why = texts::NOTHING_TO_IMPORT.get(lang.get_untracked());
            outcome.set(Some(Outcome::Failed(why.to_string())));
            return;
        }
        spawn_local(async move { outcome.set(Some(import_sources(state, sources).await)) });
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
pub(crate) async fn import_sources(
    state: crate::ui::AppState,
    sources: Vec<(String, String)>,
) -> Outcome {
    // Files that `extends:` / `include:` name are looked up among the ones chosen.
    imported(state, offload::run(Request::Import { sources }).await.reply)
}

/// Imports pasted `docker run` commands onto the board (in the worker, like compose files).
async fn import_docker_run(state: crate::ui::AppState, name: String, text: String) -> Outcome {
    imported(
        state,
        offload::run(Request::DockerRun { name, text }).await.reply,
    )
}

/// The worker's answer to an import onto the board, and what to say about it.
fn imported(state: crate::ui::AppState, reply: Reply) -> Outcome {
    match reply {
        Reply::Imported {
            design,
            notices,
            carried,
        } => {
            let services = design.services.len();
            // The importer keeps the file's order; the board opens it tidied, unless the order
            // is the one a carried design (`x-tierboard`) brought back.
            let design = if carried {
                design
            } else {
                crate::diagram::tidied(&design, crate::diagram::BOARD_VIEW)
            };
            load_design(state, design, "compose import");
            Outcome::Imported { services, notices }
        }
        Reply::Failed { message } => Outcome::Failed(message),
        other => Outcome::Failed(other.unexpected()),
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
                (
                    NoticeKind::Conflict,
                    crate::import::notice_text::CONFLICT_TITLE,
                ),
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
                    let items: Vec<ImportNotice> = notices.iter().filter(|n| n.kind == kind).cloned().collect();
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

fn notice_view(notice: ImportNotice) -> impl IntoView {
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
            <span class="import__message">{move || notice.message(lang.get()).to_string()}</span>
        </li>
    }
}

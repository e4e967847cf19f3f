//! Design files and pasted links: export the design as `<name>.tierboard.json`, open such a file
//! (or an SVG Tierboard exported: it carries the design), or open a link someone sent. All of
//! them are read by `share::open` (one reader, one gate) and replace the board through
//! `load_design` (recents first, one undo step).

use crate::generate::layout::slug;
use crate::share;
use crate::ui::browser;
use crate::ui::incoming::load_design;
use crate::ui::lang::tr;
use crate::ui::texts::dialogs as texts;
use crate::ui::{use_app, AppState};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn DesignFiles() -> impl IntoView {
    let state = use_app();
    let file_input = NodeRef::<html::Input>::new();
    let pasted = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);

    let export = move |_| {
        let design = state.reader().signal().get_untracked();
        let name = format!("{}{}", slug(&design.name), share::FILE_SUFFIX);
        match browser::download(
            &name,
            "application/json",
            share::to_file(&design).as_bytes(),
        ) {
            Ok(()) => problem.set(None),
            Err(why) => problem.set(Some(why)),
        }
    };
    let open_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let read = browser::read_files(&input, share::MAX_FILE).await;
            input.set_value("");
            let outcome = match read {
                Ok(files) => match files.into_iter().next() {
                    Some((name, text)) => share::open(&text).map_err(|e| format!("{name}: {e}")),
                    None => return,
                },
                Err(why) => Err(why),
            };
            settle(state, problem, outcome, "design file");
        });
    };
    let open_link = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let outcome = share::open(&text).map_err(|e| e.message(crate::ui::lang::current()));
        if outcome.is_ok() {
            pasted.set(String::new());
        }
        settle(state, problem, outcome, "link");
    };

    view! {
        <section class="share__section" aria-labelledby="share-files-title">
            <h3 class="share__heading" id="share-files-title">{tr(texts::FILES_AND_LINKS)}</h3>
            <div class="share__row">
                <button type="button" class="button" on:click=export>{tr(texts::EXPORT_FILE)}</button>
                <label class="button share__file">
                    {tr(texts::OPEN_FILE)}
                    <input
                        class="visually-hidden"
                        type="file"
                        accept=".json,application/json,.svg,image/svg+xml"
                        node_ref=file_input
                        on:change=open_file
                    />
                </label>
            </div>
            <div class="share__row">
                <input
                    class="share__paste"
                    type="text"
                    aria-label=tr(texts::LINK_TO_OPEN)
                    placeholder=tr(texts::PASTE_LINK)
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                />
                <button type="button" class="button" on:click=open_link>{tr(texts::OPEN_LINK)}</button>
            </div>
            <Show when=move || problem.with(Option::is_some)>
                <p class="share__error" role="alert">{move || problem.get().unwrap_or_default()}</p>
            </Show>
        </section>
    }
}

/// A restored design replaces the board; a refusal is shown here and in the banner, and the
/// board stays as it was.
fn settle(
    state: AppState,
    problem: RwSignal<Option<String>>,
    outcome: Result<crate::model::Design, String>,
    source: &str,
) {
    match outcome {
        Ok(design) => {
            problem.set(None);
            load_design(state, design, source);
        }
        Err(why) => {
            let lang = state.lang();
            let source = texts::source(source).map_or(source, |t| t.get(lang));
            let text = texts::OPEN_FAILED_KEPT.fill(lang, &[("source", source), ("why", &why)]);
            state.report_error(text.clone());
            problem.set(Some(text));
        }
    }
}

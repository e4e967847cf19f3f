//! The Files panel: the generated project (`generate::project`) as a file tree above a
//! highlighted, read-only view of the selected file, with "Copy" (the toolbar has "Download
//! zip"). The panel exists only while its tab is open, so the project is generated only then,
//! and again after every edit. The generator runs in the app's worker (`ui::offload`): an edit
//! renders at once, its design is sent once the page is idle after it, and the panel follows
//! when the files arrive, after the frame then being drawn. Edits made while the worker is busy
//! are coalesced: when it answers, the latest design is sent, never a queue of old ones.

use super::highlight::{self, Syntax};
use crate::generate::GeneratedFile;
use crate::offload::{Reply, Request};
use crate::ui::browser;
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use crate::ui::{offload, use_design};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Files longer than this are shown without highlighting (keeps the view fast).
const MAX_HIGHLIGHTED_LINES: usize = 3000;

/// One row of the tree: a directory heading or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TreeRow {
    Dir {
        name: String,
        depth: usize,
    },
    File {
        path: String,
        name: String,
        depth: usize,
    },
}

/// Rows for paths sorted as `generate::project` sorts them (a directory's files are contiguous).
fn tree(files: &[GeneratedFile]) -> Vec<TreeRow> {
    let mut rows = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    for f in files {
        let parts: Vec<&str> = f.path.split('/').collect();
        let (name, dirs) = parts.split_last().map_or(("", &[][..]), |(n, d)| (*n, d));
        let common = open.iter().zip(dirs).take_while(|(a, b)| a == b).count();
        open.truncate(common);
        for (depth, dir) in dirs.iter().enumerate().skip(common) {
            rows.push(TreeRow::Dir {
                name: (*dir).to_string(),
                depth,
            });
            open.push(dir);
        }
        rows.push(TreeRow::File {
            path: f.path.clone(),
            name: name.to_string(),
            depth: dirs.len(),
        });
    }
    rows
}

/// The path shown first: the compose file when there is one.
fn first_path(files: &[GeneratedFile]) -> Option<String> {
    files
        .iter()
        .find(|f| f.path == "docker-compose.yml" || f.path == "compose.yaml")
        .or_else(|| files.first())
        .map(|f| f.path.clone())
}

/// The longest wait for an idle moment before an edit's design goes to the worker.
const SEND_IDLE_WAIT_MS: u32 = 100;

#[component]
pub fn FilesPanel() -> impl IntoView {
    let design = use_design();
    let lang = use_lang();
    let files = RwSignal::new(Vec::<GeneratedFile>::new());
    // None: the first project is on its way; Some(why): the last request failed.
    let problem = RwSignal::new(Some(None::<String>));
    let busy = StoredValue::new(false);
    let stale = StoredValue::new(false);
    Effect::new(move |_| {
        design.signal().track();
        if busy.get_value() {
            stale.set_value(true);
            return;
        }
        busy.set_value(true);
        spawn_local(async move {
            loop {
                // The design goes to the worker once the page is idle after the edit: writing
                // its message (100 services: about 5 ms, and as much to hand it over) would
                // otherwise hold the edit's frame or the next input.
                browser::idle(SEND_IDLE_WAIT_MS).await;
                stale.set_value(false);
                let design = design.signal().get_untracked();
                let reply = offload::run(Request::Project { design }).await.reply;
                // Off the edit's frame: the panel follows once the edit is on screen.
                offload::after_next_paint().await;
                match reply {
                    Reply::Project { files: made } => {
                        files.set(made);
                        problem.set(None);
                    }
                    Reply::Failed { message } => problem.set(Some(Some(message))),
                    other => problem.set(Some(Some(other.unexpected()))),
                }
                if !stale.get_value() {
                    break;
                }
            }
            busy.set_value(false);
        });
    });
    let chosen = RwSignal::new(None::<String>);
    // The selection survives edits while its file exists; otherwise the first file is shown.
    let selected = Memo::new(move |_| {
        files.with(|fs| {
            chosen
                .get()
                .filter(|p| fs.iter().any(|f| &f.path == p))
                .or_else(|| first_path(fs))
        })
    });
    let contents = Memo::new(move |_| {
        let path = selected.get()?;
        files.with(|fs| {
            fs.iter()
                .find(|f| f.path == path)
                .map(|f| f.contents.clone())
        })
    });
    // The tree is rebuilt only when the paths change, not on every edit of a file's contents.
    let rows = Memo::new(move |_| files.with(|f| tree(f)));
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let Some(text) = contents.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let lang = lang.get_untracked();
            status.set(match browser::copy_text(&text).await {
                Ok(()) => t::COPIED.get(lang).to_string(),
                Err(why) => t::COPY_FAILED.fill(lang, &[("why", &why.to_string())]),
            });
        });
    };

    let row = move |r: TreeRow| match r {
        TreeRow::Dir { name, depth } => {
            view! { <li class=format!("files__dir depth-{}", depth.min(6))>{name + "/"}</li> }
                .into_any()
        }
        TreeRow::File { path, name, depth } => {
            let this = path.clone();
            let pressed = move || {
                if selected.get().as_deref() == Some(this.as_str()) {
                    "true"
                } else {
                    "false"
                }
            };
            view! {
                <li class=format!("files__file depth-{}", depth.min(6))>
                    <button
                        type="button"
                        class="files__pick"
                        title=path.clone()
                        aria-pressed=pressed
                        on:click=move |_| {
                            chosen.set(Some(path.clone()));
                            status.set(String::new());
                        }
                    >
                        {name}
                    </button>
                </li>
            }
            .into_any()
        }
    };
    // The view of the file: one element per line, keyed by the line and its rank among equal
    // lines. An edit that changes a few lines of a long file keeps the other lines' elements
    // (re-rendering every line of a 100-service compose file took about 40 ms after each edit).
    let lines = move || {
        let path = selected.get().unwrap_or_default();
        contents.with(|c| {
            let lines = c.as_deref().map(highlight::keyed_lines).unwrap_or_default();
            let syntax = if lines.len() > MAX_HIGHLIGHTED_LINES {
                Syntax::Plain
            } else {
                Syntax::of(&path)
            };
            lines
                .into_iter()
                .map(|(line, nth)| (syntax, line, nth))
                .collect::<Vec<_>>()
        })
    };
    let line = |(syntax, text, _): (Syntax, String, usize)| {
        let tokens = highlight::line(syntax, &text)
            .into_iter()
            .map(|(t, s)| view! { <span class=t.class()>{s.to_string()}</span> })
            .collect_view();
        view! { <span class="files__line">{tokens}"\n"</span> }
    };
    let shown =
        Memo::new(move |_| selected.with(Option::is_some) && contents.with(Option::is_some));
    let code = move || {
        if !shown.get() {
            return view! { <p class="panel__empty">{tr(t::NO_FILES_TO_SHOW)}</p> }.into_any();
        }
        let label = move || {
            let path = selected.get().unwrap_or_default();
            t::CONTENTS_OF.fill(lang.get(), &[("path", &path)])
        };
        view! {
            <pre class="files__code" aria-label=label tabindex="0"><code><For each=lines key=|(syntax, text, nth)| (*syntax, text.clone(), *nth) children=line /></code></pre>
        }
        .into_any()
    };

    view! {
        <div class="panel files" aria-label=tr(t::FILES)>
            <div class="files__bar">
                <span class="files__count">
                    {move || match files.with(Vec::len) {
                        1 => t::ONE_FILE.get(lang.get()).to_string(),
                        n => t::N_FILES.fill(lang.get(), &[("n", &n.to_string())]),
                    }}
                </span>
                <button type="button" class="button" on:click=copy disabled=move || contents.with(Option::is_none)>
                    {tr(t::COPY)}
                </button>
                <span class="files__status" role="status">{move || status.get()}</span>
            </div>
            {move || match problem.get() {
                Some(None) if files.with(Vec::is_empty) => {
                    Some(view! { <p class="panel__empty" role="status">{tr(t::GENERATING)}</p> }.into_any())
                }
                Some(Some(why)) => Some(
                    view! {
                        <p class="panel__empty" role="alert">
                            {move || t::GENERATION_FAILED.fill(lang.get(), &[("why", &why)])}
                        </p>
                    }
                    .into_any(),
                ),
                _ => None,
            }}
            <Show
                when=move || files.with(|f| !f.is_empty())
                fallback=move || {
                    problem
                        .with(Option::is_none)
                        .then(|| view! { <p class="panel__empty">{tr(t::NO_FILES_YET)}</p> })
                }
            >
                <div class="files__body">
                    <ul class="files__tree" role="list" aria-label=tr(t::PROJECT_FILES)>
                        {move || rows.get().into_iter().map(row).collect_view()}
                    </ul>
                    {code}
                </div>
            </Show>
        </div>
    }
}

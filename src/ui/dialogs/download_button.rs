//! "Download zip": the generated project (`generate::project`) packed by `export::zip` into
//! `<design-name>.zip` — deflated, scripts with their executable bit — and offered as a download.
//! Built on click only, in the app's worker (`ui::offload`): nothing is generated while nobody
//! asks, and the page stays responsive while a big project is packed.

use crate::offload::{Reply, Request};
use crate::ui::browser;
use crate::ui::lang::tr;
use crate::ui::offload;
use crate::ui::texts::dialogs as texts;
use crate::ui::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The toolbar's "Download zip" button.
#[component]
pub fn DownloadButton() -> impl IntoView {
    let state = use_app();
    let download = move |_| {
        let design = state.reader().signal().get_untracked();
        spawn_local(async move {
            let lang = state.lang();
            let answer = offload::run(Request::Zip { design }).await;
            let outcome = match answer.reply {
                Reply::Zip { folder, files } => {
                    let name = format!("{folder}.zip");
                    browser::download(&name, "application/zip", &answer.bytes)
                        .map(|()| (name, files, answer.bytes.len()))
                }
                Reply::Failed { message } => {
                    Err(texts::ZIP_FAILED.fill(lang, &[("why", &message)]))
                }
                other => Err(texts::ZIP_FAILED.fill(lang, &[("why", &other.unexpected())])),
            };
            match outcome {
                Ok((file, n, size)) => state.report_info(texts::ZIP_DONE.fill(
                    lang,
                    &[
                        ("file", &file),
                        ("n", &n.to_string()),
                        ("kb", &size.div_ceil(1024).to_string()),
                    ],
                )),
                Err(why) => state.report_error(why),
            }
        });
    };
    view! {
        <button type="button" class="toolbar__button" on:click=download>{tr(texts::DOWNLOAD_ZIP)}</button>
    }
}

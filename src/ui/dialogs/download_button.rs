//! "Download zip": the generated project (`generate::project`) packed by `export::zip` into
//! `<design-name>.zip` in the browser — deflated, scripts with their executable bit — and offered
//! as a download. Built on click only: nothing is generated while nobody asks.

use crate::export;
use crate::generate::{self, layout::slug};
use crate::ui::browser;
use crate::ui::lang::tr;
use crate::ui::texts::dialogs as texts;
use crate::ui::use_app;
use leptos::prelude::*;

/// The toolbar's "Download zip" button.
#[component]
pub fn DownloadButton() -> impl IntoView {
    let state = use_app();
    let download = move |_| {
        let lang = state.lang();
        let design = state.reader().signal().get_untracked();
        let folder = slug(&design.name);
        let files = generate::project(&design);
        let outcome = export::zip::project_zip(&folder, &files)
            .map_err(|why| texts::ZIP_FAILED.fill(lang, &[("why", &why.to_string())]))
            .and_then(|bytes| {
                browser::download(&format!("{folder}.zip"), "application/zip", &bytes)
                    .map(|()| bytes.len())
            });
        match outcome {
            Ok(size) => state.report_info(texts::ZIP_DONE.fill(
                lang,
                &[
                    ("file", &format!("{folder}.zip")),
                    ("n", &files.len().to_string()),
                    ("kb", &size.div_ceil(1024).to_string()),
                ],
            )),
            Err(why) => state.report_error(why),
        }
    };
    view! {
        <button type="button" class="toolbar__button" on:click=download>{tr(texts::DOWNLOAD_ZIP)}</button>
    }
}

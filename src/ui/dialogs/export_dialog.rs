//! "Export": pictures and text of the board for slides and docs — SVG (light or dark; it carries
//! the design, so opening it in Tierboard restores the board), PNG at 2× for slides, the PNG on
//! the clipboard, and Mermaid flowchart text (copied or as a `.mmd` file). Every picture is the
//! core's SVG (`export::svg`) of the same layout the board draws; made on click only.

use super::{picture, DialogButton};
use crate::export::{mermaid::mermaid, svg::svg, Theme, DEFAULT_VIEW};
use crate::generate::layout::slug;
use crate::i18n::Text;
use crate::ui::browser;
use crate::ui::lang::tr;
use crate::ui::on_demand::{self, OnDemand};
use crate::ui::texts::dialogs as texts;
use crate::ui::{use_app, use_viewport};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// PNG scale for slides.
const PNG_SCALE: u32 = 2;

/// The toolbar's "Export" button and its dialog.
#[component]
pub fn ExportButton() -> impl IntoView {
    view! {
        <DialogButton label=texts::EXPORT title=texts::EXPORT_TITLE id="export-dialog">
            <OnDemand load=on_demand::export_choices />
        </DialogButton>
    }
}

#[component]
pub(crate) fn ExportChoices() -> impl IntoView {
    let state = use_app();
    // Captured now, inside the app's owner: the click handlers run outside it.
    let viewport = use_viewport();
    let theme = RwSignal::new(Theme::Light);
    let status = RwSignal::new(String::new());
    let picture = move || {
        let theme = theme.get_untracked();
        let design = state.reader().signal().get_untracked();
        let diagram = viewport
            .and_then(|v| v.diagram.try_get_untracked())
            .unwrap_or_else(|| crate::diagram::layout(&design, DEFAULT_VIEW));
        (slug(&design.name), svg(&design, &diagram, theme))
    };
    let done = move |outcome: Result<String, String>| match outcome {
        Ok(text) => status.set(text),
        Err(why) => {
            status.set(String::new());
            state.report_error(why);
        }
    };
    let download_svg = move |_| {
        let (name, text) = picture();
        let file = format!("{name}.svg");
        done(
            browser::download(&file, "image/svg+xml", text.as_bytes())
                .map(|()| texts::DOWNLOADED.fill(state.lang(), &[("file", &file)])),
        );
    };
    let download_png = move |_| {
        let (name, text) = picture();
        let lang = state.lang();
        spawn_local(async move {
            let file = format!("{name}.png");
            let outcome = match picture::svg_to_png(&text, PNG_SCALE).await {
                Ok((png, w, h)) => browser::download_blob(&file, &png).map(|()| {
                    let (w, h) = (w.to_string(), h.to_string());
                    texts::DOWNLOADED_PNG.fill(lang, &[("file", &file), ("w", &w), ("h", &h)])
                }),
                Err(why) => Err(texts::PNG_FAILED.fill(lang, &[("why", &why)])),
            };
            done(outcome);
        });
    };
    let copy_image = move |_| {
        let (_, text) = picture();
        let lang = state.lang();
        spawn_local(async move {
            let outcome = match picture::svg_to_png(&text, PNG_SCALE).await {
                Ok((png, _, _)) => picture::copy_png(&png)
                    .await
                    .map(|()| texts::IMAGE_COPIED.get(lang).to_string())
                    .map_err(|why| texts::IMAGE_COPY_FAILED.fill(lang, &[("why", &why)])),
                Err(why) => Err(texts::IMAGE_FAILED.fill(lang, &[("why", &why)])),
            };
            done(outcome);
        });
    };
    let copy_mermaid = move |_| {
        let text = state.reader().signal().with_untracked(mermaid);
        let lang = state.lang();
        spawn_local(async move {
            done(
                browser::copy_text(&text)
                    .await
                    .map(|()| texts::MERMAID_COPIED.get(lang).to_string())
                    .map_err(|why| texts::MERMAID_COPY_FAILED.fill(lang, &[("why", &why)])),
            );
        });
    };
    let download_mermaid = move |_| {
        let (name, text) = state
            .reader()
            .signal()
            .with_untracked(|d| (slug(&d.name), mermaid(d)));
        let file = format!("{name}.mmd");
        done(
            browser::download(&file, "text/vnd.mermaid", text.as_bytes())
                .map(|()| texts::DOWNLOADED.fill(state.lang(), &[("file", &file)])),
        );
    };
    let theme_choice = move |t: Theme, label: Text| {
        view! {
            <label class="export__choice">
                <input type="radio" name="export-theme" value=t.id()
                    prop:checked=move || theme.get() == t
                    on:change=move |_| theme.set(t) />
                {tr(label)}
            </label>
        }
    };
    view! {
        <section class="share__section" aria-labelledby="export-picture-title">
            <h3 class="share__heading" id="export-picture-title">{tr(texts::PICTURE)}</h3>
            <fieldset class="export__themes">
                <legend>{tr(texts::COLOURS)}</legend>
                {theme_choice(Theme::Light, texts::LIGHT)}
                {theme_choice(Theme::Dark, texts::DARK)}
            </fieldset>
            <div class="export__buttons">
                <button type="button" class="button button--primary" on:click=download_svg>{tr(texts::DOWNLOAD_SVG)}</button>
                <button type="button" class="button" on:click=download_png>{tr(texts::DOWNLOAD_PNG)}</button>
                <button type="button" class="button" on:click=copy_image>{tr(texts::COPY_IMAGE)}</button>
            </div>
            <p class="share__hint">{tr(texts::SVG_HINT)}</p>
        </section>
        <section class="share__section" aria-labelledby="export-mermaid-title">
            <h3 class="share__heading" id="export-mermaid-title">{tr(texts::MERMAID)}</h3>
            <div class="export__buttons">
                <button type="button" class="button" on:click=copy_mermaid>{tr(texts::COPY_MERMAID)}</button>
                <button type="button" class="button" on:click=download_mermaid>{tr(texts::DOWNLOAD_MERMAID)}</button>
            </div>
            <p class="share__hint">{tr(texts::MERMAID_HINT)}</p>
        </section>
        <p class="share__status" role="status">{move || status.get()}</p>
    }
}

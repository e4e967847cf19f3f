//! "Export": pictures and text of the board for slides and docs — SVG (light or dark; it carries
//! the design, so opening it in Tierboard restores the board), PNG at 2× for slides, the PNG on
//! the clipboard, and Mermaid flowchart text (copied or as a `.mmd` file). Every picture is the
//! core's SVG (`export::svg`) of the same layout the board draws; made on click only.

use super::{browser, picture, DialogButton};
use crate::export::{mermaid::mermaid, svg::svg, Theme, DEFAULT_VIEW};
use crate::generate::layout::slug;
use crate::ui::{use_app, use_viewport};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// PNG scale for slides.
const PNG_SCALE: u32 = 2;

/// The toolbar's "Export" button and its dialog.
#[component]
pub fn ExportButton() -> impl IntoView {
    view! {
        <DialogButton label="Export" title="Export a picture or text" id="export-dialog">
            <ExportChoices />
        </DialogButton>
    }
}

#[component]
fn ExportChoices() -> impl IntoView {
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
                .map(|()| format!("Downloaded {file}.")),
        );
    };
    let download_png = move |_| {
        let (name, text) = picture();
        spawn_local(async move {
            let file = format!("{name}.png");
            let outcome = match picture::svg_to_png(&text, PNG_SCALE).await {
                Ok((png, w, h)) => browser::download_blob(&file, &png)
                    .map(|()| format!("Downloaded {file} ({w}×{h} pixels).")),
                Err(why) => Err(format!("Could not make the PNG: {why}.")),
            };
            done(outcome);
        });
    };
    let copy_image = move |_| {
        let (_, text) = picture();
        spawn_local(async move {
            let outcome = match picture::svg_to_png(&text, PNG_SCALE).await {
                Ok((png, _, _)) => picture::copy_png(&png)
                    .await
                    .map(|()| "Image copied: paste it into a slide or a chat.".to_string())
                    .map_err(|why| {
                        format!("Could not copy the image: {why}. Download the PNG instead.")
                    }),
                Err(why) => Err(format!("Could not make the image: {why}.")),
            };
            done(outcome);
        });
    };
    let copy_mermaid = move |_| {
        let text = state.reader().signal().with_untracked(mermaid);
        spawn_local(async move {
            done(browser::copy_text(&text)
                .await
                .map(|()| "Mermaid text copied.".to_string())
                .map_err(|why| format!("Could not copy the Mermaid text: {why}. Download the .mmd file instead.")));
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
                .map(|()| format!("Downloaded {file}.")),
        );
    };
    let theme_choice = move |t: Theme, label: &'static str| {
        view! {
            <label class="export__choice">
                <input type="radio" name="export-theme" value=t.id()
                    prop:checked=move || theme.get() == t
                    on:change=move |_| theme.set(t) />
                {label}
            </label>
        }
    };
    view! {
        <section class="share__section" aria-labelledby="export-picture-title">
            <h3 class="share__heading" id="export-picture-title">"Picture"</h3>
            <fieldset class="export__themes">
                <legend>"Colours"</legend>
                {theme_choice(Theme::Light, "Light")}
                {theme_choice(Theme::Dark, "Dark")}
            </fieldset>
            <div class="export__buttons">
                <button type="button" class="button button--primary" on:click=download_svg>"Download SVG"</button>
                <button type="button" class="button" on:click=download_png>"Download PNG (2×)"</button>
                <button type="button" class="button" on:click=copy_image>"Copy image"</button>
            </div>
            <p class="share__hint">"The SVG carries the design: open it in Tierboard to get the board back."</p>
        </section>
        <section class="share__section" aria-labelledby="export-mermaid-title">
            <h3 class="share__heading" id="export-mermaid-title">"Mermaid"</h3>
            <div class="export__buttons">
                <button type="button" class="button" on:click=copy_mermaid>"Copy Mermaid"</button>
                <button type="button" class="button" on:click=download_mermaid>"Download Mermaid (.mmd)"</button>
            </div>
            <p class="share__hint">"A flowchart for README files and wikis that render Mermaid."</p>
        </section>
        <p class="share__status" role="status">{move || status.get()}</p>
    }
}

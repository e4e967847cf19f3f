//! The share link of the design with "Copy link" (clipboard, or the text selected for Ctrl+C
//! where the browser has no clipboard) and its QR code, and "Copy view link": the same design
//! as a read-only view link (`#v=1.…`), which opens in presentation mode and leaves the
//! viewer's own board alone. Derived from the design while the dialog is open, so it follows
//! every edit.

use super::{browser, QrCode};
use crate::share;
use crate::ui::use_design;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

mod unshareable {
    crate::texts! {
        /// A design the link reader would refuse (a value over the wire's 64 KiB).
        TEXT {
            en: "This design cannot travel in a link ({why}). Save it as a design file instead.",
            de: "Dieses Design passt nicht in einen Link ({why}). Speichern Sie es stattdessen als Design-Datei.",
            fr: "Ce design ne tient pas dans un lien ({why}). Enregistrez-le plutôt comme fichier de design.",
        }
    }
}

/// The link, its copy button and QR code; derived from the design while the dialog is open.
#[component]
pub fn ShareLink() -> impl IntoView {
    let design = use_design();
    let lang = crate::ui::lang::use_lang();
    // What `share` writes, `open` reads: a design the link reader would refuse gets no link.
    let checked = Memo::new(move |_| {
        design.with(|d| {
            share::checked_link(share::Access::Edit, Some(&browser::page_url()), d)
                .map_err(|e| e.to_string())
        })
    });
    let link = Memo::new(move |_| checked.with(|c| c.clone().unwrap_or_default()));
    let too_large = move || {
        checked.with(|c| {
            c.as_ref()
                .err()
                .map(|why| unshareable::TEXT.fill(lang.get(), &[("why", why)]))
        })
    };
    let input = NodeRef::<html::Input>::new();
    let status = RwSignal::new(String::new());
    let copy_view = move |_| {
        let text = design.signal().with_untracked(|d| {
            share::checked_link(share::Access::View, Some(&browser::page_url()), d)
        });
        let text = match text {
            Ok(text) => text,
            Err(why) => {
                status.set(
                    unshareable::TEXT.fill(lang.get_untracked(), &[("why", &why.to_string())]),
                );
                return;
            }
        };
        spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => status
                    .set("View link copied: it opens read-only, as a presentation.".to_string()),
                Err(why) => status.set(format!("Could not copy the view link ({why}).")),
            }
        });
    };
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => status.set("Link copied.".to_string()),
                Err(why) => {
                    // Fallback: select the text so Ctrl+C / long-press copies it.
                    if let Some(input) = input.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                    status.set(format!("Copy the selected link with Ctrl+C ({why})."));
                }
            }
        });
    };
    let length = move || format!("{} characters", link.with(String::len));

    view! {
        <section class="share__section" aria-labelledby="share-link-title">
            <h3 class="share__heading" id="share-link-title">"Link"</h3>
            <p class="share__hint">
                "The whole design travels in the link itself (after the #): no server keeps a copy."
            </p>
            <div class="share__link-row">
                <input
                    class="share__link"
                    type="text"
                    readonly=true
                    aria-label="Share link"
                    node_ref=input
                    prop:value=move || link.get()
                    on:focus=move |_| {
                        if let Some(input) = input.get_untracked() {
                            input.select();
                        }
                    }
                />
                <button type="button" class="button button--primary" on:click=copy>"Copy link"</button>
                <button type="button" class="button" on:click=copy_view
                    title="A read-only link: it opens as a presentation and never replaces the viewer's board">
                    "Copy view link"
                </button>
            </div>
            <p class="share__status" role="status">{move || status.get()}</p>
            <p class="share__error" role="alert">{too_large}</p>
            <p class="share__meta">{length}</p>
            <QrCode text=link />
        </section>
    }
}

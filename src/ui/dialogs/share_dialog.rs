//! "Share": the dialog with the design's link, "Copy link", its QR code for phones in the room,
//! design files and recent designs.

use super::{browser, DesignFiles, Modal, QrCode, RecentDesigns};
use crate::share;
use crate::ui::use_design;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The toolbar's "Share" button and its dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    let open = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    view! {
        <button
            type="button"
            class="toolbar__button"
            aria-haspopup="dialog"
            node_ref=opener
            on:click=move |_| open.set(true)
        >
            "Share"
        </button>
        <Modal open=open title="Share this design" id="share-dialog" opener=opener>
            <ShareLink />
            <DesignFiles />
            <RecentDesigns />
        </Modal>
    }
}

/// The link, its copy button and QR code; derived from the design while the dialog is open.
#[component]
fn ShareLink() -> impl IntoView {
    let design = use_design();
    let link = Memo::new(move |_| design.with(|d| share::link(&browser::page_url(), d)));
    let input = NodeRef::<html::Input>::new();
    let status = RwSignal::new(String::new());
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
            </div>
            <p class="share__status" role="status">{move || status.get()}</p>
            <p class="share__meta">{length}</p>
            <QrCode text=link />
        </section>
    }
}

//! The share link of the design with "Copy link" (clipboard, or the text selected for Ctrl+C
//! where the browser has no clipboard) and its QR code, and "Copy view link": the same design
//! as a read-only view link (`#v=1.…`), which opens in presentation mode and leaves the
//! viewer's own board alone. Derived from the design while the dialog is open, so it follows
//! every edit.

use super::QrCode;
use crate::i18n::Lang;
use crate::share;
use crate::ui::browser;
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::dialogs as texts;
use crate::ui::use_design;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The link, its copy button and QR code; derived from the design while the dialog is open.
#[component]
pub fn ShareLink() -> impl IntoView {
    let design = use_design();
    // The reader's language is theirs: a `?lang=` of this page stays out of the link.
    let base = Lang::strip_from_url(&browser::page_url());
    let base_view = base.clone();
    // What `share` writes, `open` reads: a design the link reader would refuse gets no link.
    let checked = Memo::new(move |_| {
        design.with(|d| {
            share::checked_link(share::Access::Edit, Some(&base), d)
                .map_err(|e| e.message(crate::ui::lang::current()))
        })
    });
    let link = Memo::new(move |_| checked.with(|c| c.clone().unwrap_or_default()));
    let input = NodeRef::<html::Input>::new();
    let status = RwSignal::new(String::new());
    let lang = use_lang();
    let too_large = move || {
        checked.with(|c| {
            c.as_ref()
                .err()
                .map(|why| texts::UNSHAREABLE.fill(lang.get(), &[("why", why)]))
        })
    };
    let copy_view = move |_| {
        let text = design
            .signal()
            .with_untracked(|d| share::checked_link(share::Access::View, Some(&base_view), d));
        let lang = lang.get_untracked();
        let text = match text {
            Ok(text) => text,
            Err(why) => {
                status.set(texts::UNSHAREABLE.fill(lang, &[("why", &why.to_string())]));
                return;
            }
        };
        spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => status.set(texts::VIEW_LINK_COPIED.get(lang).to_string()),
                Err(why) => status.set(texts::VIEW_LINK_FAILED.fill(lang, &[("why", &why)])),
            }
        });
    };
    let copy = move |_| {
        let text = link.get_untracked();
        let lang = lang.get_untracked();
        spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => status.set(texts::LINK_COPIED.get(lang).to_string()),
                Err(why) => {
                    // Fallback: select the text so Ctrl+C / long-press copies it.
                    if let Some(input) = input.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                    status.set(texts::COPY_BY_HAND.fill(lang, &[("why", &why)]));
                }
            }
        });
    };
    let length = move || {
        let n = link.with(String::len).to_string();
        texts::CHARACTERS.fill(lang.get(), &[("n", &n)])
    };

    view! {
        <section class="share__section" aria-labelledby="share-link-title">
            <h3 class="share__heading" id="share-link-title">{tr(texts::LINK)}</h3>
            <p class="share__hint">{tr(texts::LINK_HINT)}</p>
            <div class="share__link-row">
                <input
                    class="share__link"
                    type="text"
                    readonly=true
                    aria-label=tr(texts::SHARE_LINK)
                    node_ref=input
                    prop:value=move || link.get()
                    on:focus=move |_| {
                        if let Some(input) = input.get_untracked() {
                            input.select();
                        }
                    }
                />
                <button type="button" class="button button--primary" on:click=copy>{tr(texts::COPY_LINK)}</button>
                <button type="button" class="button" on:click=copy_view title=tr(texts::VIEW_LINK_HINT)>
                    {tr(texts::COPY_VIEW_LINK)}
                </button>
            </div>
            <p class="share__status" role="status">{move || status.get()}</p>
            // Only while there is something to say: an empty alert would be announced, and found.
            {move || too_large().map(|why| view! { <p class="share__error" role="alert">{why}</p> })}
            <p class="share__meta">{length}</p>
            <QrCode text=link />
        </section>
    }
}

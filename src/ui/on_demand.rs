//! The parts of the interface the first screen does not need, fetched when first shown (issue 18:
//! the first download), and the checklist's rules behind the tab badge. Each is a split point: with the `split` feature (the web build, see
//! index.html) its code and everything only it reaches leave the app's wasm for a chunk of their
//! own (`wasm-split`, run by scripts/wasm-link after linking; scripts/finish-site.mjs ships the
//! chunks). Without the feature (tests, `cargo check`) they are plain functions.
//!
//! The chunks are fetched once the board is idle ([`prefetch`]), so a tab or dialog opened later
//! appears at once; opened before that, it shows "Loading…" for the moment its chunk takes. A
//! chunk that cannot be fetched (offline before the first visit finished) never stops the app:
//! the part says so and offers to try again.
//!
//! JSON: the model's serde (de)serialisation and serde_json are split points too, so the first
//! download carries none of it. The board is saved and restored in the share link's form
//! (`share::saved`, `ui::autosave`); what still needs the model's JSON awaits a function here: a
//! board saved as JSON by an earlier build (the board shows once it is read), a dropped design
//! file, the worker's messages, copied services. Each caller is asynchronous or has a fallback
//! for the moment the chunk is not loaded yet, and a chunk that cannot be fetched loses nothing.

use super::dialogs::{DesignFiles, ExportChoices, ImportForm, RecentDesigns, ShareLink};
use super::lang::tr;
use super::panels::{ChecklistPanel, FilesPanel, ResourcesPanel};
use super::shortcut_help::ShortcutList;
use super::texts::common as texts;
use super::Inspector;
use crate::edit::clipboard::{classify, Clip, Pasted};
use crate::model::Design;
use crate::offload::{Reply, Request};
use crate::rules::Report;
use crate::share::ShareError;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// The split points, in the order [`prefetch`] fetches them. Each `fn name / preload_name(...)`
/// becomes `name(...)`, which loads its chunk (once) and runs the body, and `preload_name()`,
/// which only loads the chunk. (Not formatted: rustfmt indents the attribute further on every
/// run.)
#[rustfmt::skip]
macro_rules! split_points {
    ($(
        $(#[$doc:meta])*
        fn $name:ident / $preload:ident ($($arg:ident: $ty:ty),*) -> $out:ty $body:block
    )*) => {
        $(
            $(#[$doc])*
            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split(
                $name,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload($preload)
            )]
            pub fn $name($($arg: $ty),*) -> Result<$out, SplitLoaderError> {
                let out: $out = $body;
                Ok(out)
            }

            $(#[$doc])*
            #[cfg(not(feature = "split"))]
            pub async fn $name($($arg: $ty),*) -> Result<$out, SplitLoaderError> {
                let out: $out = $body;
                Ok(out)
            }

            #[cfg(not(feature = "split"))]
            async fn $preload() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        )*

        /// Fetches every chunk once the board is idle (after the worker's prefetch started), so
        /// that the parts open at once later and work offline after the first visit.
        pub fn prefetch() {
            leptos::task::spawn_local(async {
                // One after the other: the first screen's own requests are done, and a failure
                // is retried when the part is opened.
                $(let _ = $preload().await;)*
            });
        }
    };
}

split_points! {
    fn inspector / preload_inspector() -> AnyView { view! { <Inspector /> }.into_any() }
    /// The checklist of `design` (`rules::check`) for the tab badge: the rules and their texts
    /// are a chunk too (the Checklist panel, itself on demand, calls the rules directly).
    fn check / preload_check(design: Design) -> Report { crate::rules::check(&design) }
    fn checklist / preload_checklist() -> AnyView { view! { <ChecklistPanel /> }.into_any() }
    fn resources / preload_resources() -> AnyView { view! { <ResourcesPanel /> }.into_any() }
    fn files / preload_files() -> AnyView { view! { <FilesPanel /> }.into_any() }
    fn share / preload_share() -> AnyView {
        view! {
            <ShareLink />
            <DesignFiles />
            <RecentDesigns />
        }
        .into_any()
    }
    fn import_form / preload_import_form() -> AnyView { view! { <ImportForm /> }.into_any() }
    fn export_choices / preload_export_choices() -> AnyView {
        view! { <ExportChoices /> }.into_any()
    }
    fn shortcuts / preload_shortcuts() -> AnyView { view! { <ShortcutList /> }.into_any() }
    /// The model's JSON, read and written by serde (see "JSON" below): a design file, dropped
    /// or saved by an earlier build, or a link or SVG (`share::open`, the one reader).
    fn open_design / preload_open_design(text: String) -> Result<Design, ShareError> {
        crate::share::open(&text)
    }
    /// A design file's text (`share::to_file`): what autosave and the recent designs keep when
    /// a link cannot hold the design (`share::saved`).
    fn design_file / preload_design_file(design: Design) -> String {
        crate::share::to_file(&design)
    }
    /// A request to the worker as the JSON it reads (`ui::offload`).
    fn to_worker / preload_to_worker(request: Request) -> Result<String, String> {
        serde_json::to_string(&request).map_err(|e| e.to_string())
    }
    /// The worker's JSON reply.
    fn from_worker / preload_from_worker(reply: String) -> Result<Reply, String> {
        serde_json::from_str(&reply).map_err(|e| format!("unreadable reply: {e}"))
    }
    /// Copied services as clipboard text (`Clip::to_text`).
    fn clip_text / preload_clip_text(clip: Clip) -> String { clip.to_text() }
    /// What pasted text holds (`edit::clipboard::classify`: a clip is JSON).
    fn classify_paste / preload_classify_paste(text: String) -> Pasted { classify(&text) }
}

/// The output of `future` if it is ready at once, else `None` (and the future is dropped). A
/// split function whose chunk is loaded (after [`prefetch`]) runs to completion on its first
/// poll: this is how an event handler that must answer synchronously (the `copy` event) uses
/// one, with an asynchronous fallback while the chunk is not there yet.
pub fn ready<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => Some(out),
        std::task::Poll::Pending => None,
    }
}

/// A part loaded on demand: "Loading…" until its chunk is there, then the part; if the chunk
/// cannot be fetched, a message and "Try again".
#[component]
pub fn OnDemand<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=move || {
            view! { <p class="on-demand" role="status">{tr(texts::LOADING_PART)}</p> }
        }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match load().await {
                        Ok(part) => part,
                        Err(_) => {
                            view! {
                                <div class="on-demand on-demand--failed" role="alert">
                                    <p>{tr(texts::PART_FAILED)}</p>
                                    <button
                                        type="button"
                                        class="toolbar__button"
                                        on:click=move |_| attempt.update(|n| *n += 1)
                                    >
                                        {tr(texts::TRY_AGAIN)}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

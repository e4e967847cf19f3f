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

use super::dialogs::{DesignFiles, ExportChoices, ImportForm, RecentDesigns, ShareLink};
use super::lang::tr;
use super::panels::{ChecklistPanel, FilesPanel, ResourcesPanel};
use super::shortcut_help::ShortcutList;
use super::texts::common as texts;
use super::Inspector;
use crate::model::Design;
use crate::rules::Report;
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

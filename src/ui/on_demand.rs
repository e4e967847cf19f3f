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

use super::context_menu::{MenuList, MenuState, OpenMenu};
use super::dialogs::{
    DesignFiles, ExportChoices, ImportForm, ModalFrame, ModalParts, RecentDesigns, ShareLink,
};
use super::file_drop::Target as DropTarget;
use super::lang::tr;
use super::panels::{ChecklistPanel, FilesPanel, ResourcesPanel};
use super::rename::RenameField;
use super::shortcut_help::ShortcutList;
use super::side_panel::SidePanelTabs;
use super::texts::common as texts;
use super::Inspector;
use crate::catalog::Kind;
use crate::edit::clipboard::{classify, Clip, Pasted};
use crate::i18n::Lang;
use crate::model::{Design, ServiceId};
use crate::offload::{Reply, Request};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

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
            #[allow(dead_code)]
            pub async fn $preload() -> Result<(), SplitLoaderError> {
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
    /// The side panel's tabs and their badges (`SidePanelTabs`; the panel's frame is in the
    /// first download).
    fn side_panel / preload_side_panel() -> AnyView { view! { <SidePanelTabs /> }.into_any() }
    fn inspector / preload_inspector() -> AnyView { view! { <Inspector /> }.into_any() }
    /// What a drag draws over the page while it lasts (`DragPicture`).
    fn drag_picture / preload_drag_picture() -> AnyView {
        view! { <super::drag_overlay::DragPicture /> }.into_any()
    }
    /// The tab badges of `design`: the checklist's score (`rules::check`) and the planner's
    /// warnings (`planner::plan`). The rules and the planner are chunks too (the Checklist and
    /// Resources panels, themselves on demand, call them directly).
    fn check / preload_check(design: Design) -> Badges {
        Badges {
            score: crate::rules::check(&design).score,
            warnings: crate::planner::plan(&design).warnings.len(),
        }
    }
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
    /// Its error is said in `lang` here, so the messages stay in the chunk too.
    fn open_design / preload_open_design(text: String, lang: Lang) -> Result<Design, String> {
        crate::share::open(&text).map_err(|e| e.message(lang))
    }
    /// A design file's text (`share::to_file`): what autosave and the recent designs keep when
    /// a link cannot hold the design (`share::saved`).
    fn design_file / preload_design_file(design: Design) -> String {
        crate::share::to_file(&design)
    }
    /// The share link's reader (`share::decode_with_access`: the fragment, base64url, inflate,
    /// the v1 format, validation): a link opened on start or later, and the saved board, which
    /// autosave keeps in the link's form (`share::saved`). A first visit without either never
    /// fetches it; when there is one, `web/boot.js` fetches its chunks beside the app's wasm.
    fn read_link / preload_read_link(
        text: String
    ) -> Result<(crate::share::Access, Design), crate::share::ShareError> {
        crate::share::decode_with_access(&text)
    }
    /// What a share link's error says, in `lang` (`ShareError::message`: its words in three
    /// languages stay out of the first download; a broken link or saved value is rare).
    fn share_error / preload_share_error(error: crate::share::ShareError, lang: Lang) -> String {
        error.message(lang)
    }
    /// The design in the link's form, or the design back when no link holds it exactly (then
    /// autosave keeps its design file text, [`design_file`]). The share link's writer
    /// (`share::v1`, deflate) is not in the first download: autosave writes the board with it
    /// from the first change on. (The reader is: a returning visit and a link opened on start
    /// need it before the board shows, and as a chunk it took some twenty requests first.)
    fn to_saved / preload_to_saved(design: Design) -> Result<String, Design> {
        crate::share::saved::to_saved(&design).ok_or(design)
    }
    /// Opens a share link or imports a compose file pasted on the board (`ui::selection`).
    fn paste_outside / preload_paste_outside(
        state: super::AppState,
        pasted: Pasted
    ) -> Pin<Box<dyn Future<Output = ()>>> {
        Box::pin(super::selection::paste_outside(state, pasted))
    }
    /// A design from outside replaces the board (`incoming::load_design`: the present design
    /// goes to Recent designs first, which writes it in the link's form).
    fn load_design / preload_load_design(
        state: super::AppState,
        design: Design,
        source: &'static str
    ) -> bool {
        super::incoming::load_design(state, design, source)
    }
    /// The board's order with fewer crossings (`diagram::tidy_order`), for Tidy.
    fn tidy_order / preload_tidy_order(
        design: Design,
        view: crate::diagram::View
    ) -> Vec<ServiceId> {
        crate::diagram::tidy_order(&design, view)
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
    // Parts only a gesture or a key shows (issue 18, second round): the presentation bar, the
    // picture print gets, the open context menu, the catalog search and dropped files.
    fn present_bar / preload_present_bar() -> AnyView {
        view! { <super::present::PresentBarContent /> }.into_any()
    }
    /// The design drawn for paper (`export::svg`), on `beforeprint`.
    fn print_svg / preload_print_svg(design: Design) -> String {
        super::present::print_svg(&design)
    }
    fn context_menu / preload_context_menu(menu: MenuState, open: OpenMenu) -> AnyView {
        view! { <MenuList menu=menu open=open /> }.into_any()
    }
    /// The kinds matching `query`, best first (`catalog::search`): the palette's filter and
    /// Enter-to-add.
    fn search / preload_search(query: String) -> Vec<&'static Kind> {
        crate::catalog::search::search(&query)
    }
    /// Reading, sorting and opening or importing files dropped on the window (`file_drop`).
    fn receive_files / preload_receive_files(
        target: DropTarget,
        files: Vec<web_sys::File>
    ) -> Pin<Box<dyn Future<Output = ()>>> {
        Box::pin(super::file_drop::receive(target, files))
    }
    fn dropped_outcome / preload_dropped_outcome(target: DropTarget) -> AnyView {
        super::file_drop::outcome(target).into_any()
    }
    /// The field that renames a card on the card.
    fn rename_field / preload_rename_field(id: ServiceId, name: Signal<String>) -> AnyView {
        view! { <RenameField id=id name=name /> }.into_any()
    }
    /// The frame of every dialog (its content is a part of its own).
    fn modal / preload_modal(parts: ModalParts) -> AnyView {
        view! { <ModalFrame parts=parts /> }.into_any()
    }
}

thread_local! {
    /// While the first screen holds the parts back (see [`hold_until_first_screen`]): the tasks
    /// waiting for it. `None` when nothing holds them back.
    static FIRST_SCREEN: std::cell::RefCell<Option<Vec<std::task::Waker>>> =
        const { std::cell::RefCell::new(None) };
}

/// The longest wait for an idle moment after the first paint before the parts on the first screen
/// (the inspector, the tab badges) fetch their chunks anyway.
const FIRST_IDLE_WAIT_MS: u32 = 300;

/// Holds back the parts shown on the first screen until it is painted and the page has had an
/// idle moment (or [`FIRST_IDLE_WAIT_MS`] at the latest): fetching their chunks (dozens of
/// requests) took about 30 ms of the start, before the board's first frame.
/// Called once, by the app when it mounts; without it (component tests) nothing waits.
pub fn hold_until_first_screen() {
    FIRST_SCREEN.set(Some(Vec::new()));
    super::browser::after_paint(|| {
        super::browser::when_idle(
            || {
                for waker in FIRST_SCREEN.take().into_iter().flatten() {
                    waker.wake();
                }
            },
            FIRST_IDLE_WAIT_MS,
        );
    });
}

/// Waits for the first screen (see [`hold_until_first_screen`]); ready at once after it, so a part
/// whose chunk is loaded still renders in its first poll.
pub fn first_screen() -> impl Future<Output = ()> + Send {
    std::future::poll_fn(|cx| {
        FIRST_SCREEN.with_borrow_mut(|waiting| match waiting {
            None => std::task::Poll::Ready(()),
            Some(wakers) => {
                wakers.push(cx.waker().clone());
                std::task::Poll::Pending
            }
        })
    })
}

/// Polls `future` once: its output if it is ready at once, else the future, still under way.
/// A split function whose chunk is loaded (after [`prefetch`]) runs to completion on its first
/// poll; [`ready`] and [`soon`] are how handlers that must act within their event use one.
fn poll_once<F: Future + Unpin>(mut future: F) -> Result<F::Output, F> {
    use std::task::{Context, Poll, Waker};
    match Pin::new(&mut future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Ok(out),
        Poll::Pending => Err(future),
    }
}

/// The output of `future` if it is ready at once, else `None` (and the future is dropped): how
/// the `copy` event, which must answer synchronously, uses a split function, with an
/// asynchronous fallback while the chunk is not there yet.
pub fn ready<T>(future: impl Future<Output = T>) -> Option<T> {
    poll_once(Box::pin(future)).ok()
}

/// Runs `then` on `el` once it is in the page: a part whose chunk arrived later is built before
/// it is mounted, and focus cannot go to an element outside the page. Checks on each animation
/// frame, a few times at most (an element dropped meanwhile is let go).
pub fn when_in_page(el: web_sys::HtmlElement, then: impl FnOnce(&web_sys::HtmlElement) + 'static) {
    fn check(
        el: web_sys::HtmlElement,
        then: Box<dyn FnOnce(&web_sys::HtmlElement)>,
        frames_left: u8,
    ) {
        if el.is_connected() {
            then(&el);
        } else if frames_left > 0 {
            request_animation_frame(move || check(el, then, frames_left - 1));
        }
    }
    check(el, Box::new(then), 10);
}

/// What the side panel's tabs show of the design: the checklist's score and how many warnings the
/// resource plan has.
pub struct Badges {
    pub score: u8,
    pub warnings: usize,
}

/// Runs `part` and hands its output to `then`: at once when its chunk is already loaded (the
/// usual case, after [`prefetch`]), so a handler that must act before the browser goes on (a
/// `beforeprint`, an Enter whose default is prevented) still can; else once the chunk has
/// arrived. A chunk that cannot be fetched calls nothing (the next use tries again).
pub fn soon<T: 'static>(
    part: impl Future<Output = Result<T, SplitLoaderError>> + 'static,
    then: impl FnOnce(T) + 'static,
) {
    match poll_once(Box::pin(part)) {
        Ok(Ok(out)) => then(out),
        Ok(Err(_)) => {}
        // The same future goes on (its load is under way): dropping it would start a second.
        Err(part) => leptos::task::spawn_local(async move {
            if let Ok(out) = part.await {
                then(out);
            }
        }),
    }
}

/// A part loaded on demand: "Loading…" until its chunk and the parts' stylesheet
/// (`ui::parts_style`) are there, then the part; if either cannot be fetched, a message and "Try
/// again".
#[component]
pub fn OnDemand<F, Fut>(
    load: F,
    /// Nothing until the chunk is there, and nothing if it cannot be fetched (the next time the
    /// part is shown tries again): what a gesture draws over the page, whose chunk [`prefetch`]
    /// has fetched long before the first gesture.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    // Only this boxing is compiled per part; the view below, with its `Suspense`, once.
    on_demand_view(Arc::new(move || Box::pin(load()) as LoadingPart), quiet)
}

/// A part's future, boxed so that [`on_demand_view`] is one function for every part.
type LoadingPart = Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>> + Send>>;

fn on_demand_view(load: Arc<dyn Fn() -> LoadingPart + Send + Sync>, quiet: bool) -> AnyView {
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=move || {
            (!quiet).then(|| view! { <p class="on-demand" role="status">{tr(texts::LOADING_PART)}</p> })
        }>
            {move || {
                attempt.track();
                let load = load.clone();
                Suspend::new(async move {
                    first_screen().await;
                    // The parts' stylesheet is fetched beside the chunk.
                    let styled = super::parts_style::applied();
                    let part = load().await.map(send_wrapper::SendWrapper::new).map_err(drop);
                    match (part, styled.await) {
                        (Ok(part), true) => part.take(),
                        _ if quiet => ().into_any(),
                        _ => {
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
    .into_any()
}

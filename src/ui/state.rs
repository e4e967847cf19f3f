//! The app's state and the handles components get to it.
//!
//! The design is plain data (`model::Design`) inside an `edit::History` held by one signal;
//! reactive state never enters the model. [`AppState`] is created once by `App` and provided
//! through context; it is `Copy`, so closures capture it freely. Components take the narrowest
//! handle they need: [`DesignReader`] to display, [`AppState::dispatch`] to change (the one
//! write path: every change is an `edit::Command`, one undo step each).
//!
//! UI-only state — the selection (one service or link, or a group of services), the open side-panel tab, the banner — lives beside the
//! history, never in it: selecting or previewing a drag records nothing.
//!
//! Read-only showing: a design opened from a view link (`#v=1.…`) is held *beside* the history
//! (`viewing`), never in it, so the viewer's own board — the history, which autosave writes —
//! cannot change while it is shown. Everything that displays reads [`AppState::reader`] (the
//! viewed design while there is one); autosave reads [`AppState::own_design`]. While a design is
//! viewed or presented, [`AppState::dispatch`], undo and redo refuse: no edit can happen.

use super::texts::board as texts;
use crate::edit::{Command, EditError, History};
use crate::i18n::Lang;
use crate::model::{Design, ServiceId};
use leptos::prelude::*;

/// What is selected on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    None,
    Service(ServiceId),
    /// A link, by its endpoints.
    Link(ServiceId, ServiceId),
}

/// The side panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelTab {
    #[default]
    Inspector,
    Checklist,
    Resources,
    Files,
}

/// A message shown in the banner above the board (errors from bad input, confirmations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BannerMessage {
    pub error: bool,
    pub text: String,
}

/// Everything the app knows, behind signals. Created once by `App`.
#[derive(Clone, Copy)]
pub struct AppState {
    history: RwSignal<History>,
    /// A design shown read-only from a view link; never enters the history.
    viewing: RwSignal<Option<Design>>,
    /// What the board shows: the viewed design if any, else the own board.
    design: Memo<Design>,
    /// Presentation mode: full screen, no editing chrome, read-only.
    pub presenting: RwSignal<bool>,
    pub selection: RwSignal<Selection>,
    /// What the inspector shows: the selection, once the frame that shows it on the board is
    /// painted (the inspector follows it; [`AppState::inspect_now`] catches up at once). A
    /// service's form takes ~20 ms to build, which a click or a drop would otherwise wait for.
    pub inspected: RwSignal<Selection>,
    /// The services of a multi-selection (Shift/Ctrl-click, rubber band, Ctrl+A), the primary
    /// first. It counts only while its first member is the selected service (see
    /// [`AppState::selected_ids`]), so code that sets `selection` alone to another service
    /// still selects exactly one thing.
    pub group: RwSignal<Vec<ServiceId>>,
    pub panel: RwSignal<PanelTab>,
    /// On small screens the side panel is a drawer over the board: open or closed.
    pub drawer_open: RwSignal<bool>,
    /// The keyboard shortcut overlay ("?").
    pub help_open: RwSignal<bool>,
    pub banner: RwSignal<Option<BannerMessage>>,
    /// Counts the designs that replaced the board (a pattern, an import, an opened link): the
    /// viewport fits each new one into view.
    pub replaced: RwSignal<u64>,
    /// The interface language (`ui::lang`), for the messages event handlers write.
    ui_lang: RwSignal<Lang>,
}

impl AppState {
    pub fn new(design: Design) -> Self {
        let history = RwSignal::new(History::new(design));
        let viewing = RwSignal::new(None::<Design>);
        // One clone per change: of the viewed design, or of the history's present one.
        let design = Memo::new(move |_| {
            viewing
                .with(|v| v.clone())
                .unwrap_or_else(|| history.with(|h| h.present().clone()))
        });
        let group = RwSignal::new(Vec::<ServiceId>::new());
        AppState {
            history,
            viewing,
            design,
            presenting: RwSignal::new(false),
            selection: RwSignal::new(Selection::None),
            inspected: RwSignal::new(Selection::None),
            group,
            panel: RwSignal::new(PanelTab::default()),
            drawer_open: RwSignal::new(false),
            help_open: RwSignal::new(false),
            banner: RwSignal::new(None),
            replaced: RwSignal::new(0),
            ui_lang: super::lang::use_lang(),
        }
    }

    /// The interface language now (untracked: for messages written from event handlers, which
    /// keep the language they were written in).
    pub fn lang(self) -> Lang {
        self.ui_lang.try_get_untracked().unwrap_or_default()
    }

    /// Read-only access to the present design.
    pub fn reader(self) -> DesignReader {
        DesignReader(self.design)
    }

    /// The viewer's own board (the history's present design), whatever is shown: what autosave
    /// writes and what goes to Recent designs.
    pub fn own_design(self) -> OwnDesign {
        OwnDesign(self.history)
    }

    /// Shows `design` read-only (a view link) without touching the own board or its history.
    pub fn view_shared(self, design: Design) {
        self.selection.set(Selection::None);
        self.viewing.set(Some(design));
        self.presenting.set(true);
    }

    /// Stops showing a viewed design; returns it (None when nothing was viewed). The own board
    /// is shown again exactly as it was.
    pub fn stop_viewing(self) -> Option<Design> {
        let viewed = self.viewing.try_update(Option::take).flatten();
        self.selection.set(Selection::None);
        viewed
    }

    /// Whether a design from a view link is shown.
    pub fn is_viewing(self) -> Signal<bool> {
        let viewing = self.viewing;
        Signal::derive(move || viewing.with(Option::is_some))
    }

    /// Whether edits are refused now (a viewed design, or presentation mode).
    pub fn read_only(self) -> bool {
        self.presenting.get_untracked() || self.viewing.with_untracked(Option::is_some)
    }

    /// Apply a command as one undo step. A refused command changes nothing and returns why
    /// (callers show it next to the field or in the banner). Returns whether the design changed.
    /// While read-only (a viewed design, presentation mode) nothing is applied: `Ok(false)`, and
    /// the banner says why.
    pub fn dispatch(self, command: Command) -> Result<bool, EditError> {
        if self.refuse_read_only() {
            return Ok(false);
        }
        let replaces = matches!(
            command,
            Command::ApplyPattern { .. } | Command::ReplaceDesign { .. }
        );
        let mut result = Ok(false);
        self.history.update(|h| result = h.apply(command));
        if result.is_ok() {
            self.drop_stale_selection();
            if replaces {
                self.replaced.update(|n| *n += 1);
            }
        }
        result
    }

    /// Apply a command; a refusal goes to the banner.
    pub fn dispatch_or_report(self, command: Command) {
        if let Err(e) = self.dispatch(command) {
            self.report_error(e.message(self.lang()));
        }
    }

    pub fn undo(self) {
        if self.refuse_read_only() {
            return;
        }
        self.history.update(|h| {
            h.undo();
        });
        self.drop_stale_selection();
    }

    pub fn redo(self) {
        if self.refuse_read_only() {
            return;
        }
        self.history.update(|h| {
            h.redo();
        });
        self.drop_stale_selection();
    }

    pub fn can_undo(self) -> Signal<bool> {
        let history = self.history;
        Signal::derive(move || history.with(History::can_undo))
    }

    pub fn can_redo(self) -> Signal<bool> {
        let history = self.history;
        Signal::derive(move || history.with(History::can_redo))
    }

    pub fn report_error(self, text: impl Into<String>) {
        self.banner.set(Some(BannerMessage {
            error: true,
            text: text.into(),
        }));
    }

    pub fn report_info(self, text: impl Into<String>) {
        self.banner.set(Some(BannerMessage {
            error: false,
            text: text.into(),
        }));
    }

    /// True (and the banner says so) when the board is read-only now.
    fn refuse_read_only(self) -> bool {
        if !self.read_only() {
            return false;
        }
        let text = if self.viewing.with_untracked(Option::is_some) {
            texts::READ_ONLY_VIEW
        } else {
            texts::READ_ONLY_PRESENTING
        };
        self.report_info(text.get(self.lang()));
        true
    }

    /// Shows the present selection in the inspector now (before focusing one of its fields).
    pub fn inspect_now(self) {
        let now = self.selection.get_untracked();
        if self.inspected.get_untracked() != now {
            self.inspected.set(now);
        }
    }

    /// The selected services: the group when it holds the selected service, else that one
    /// service (none for a link or nothing). Tracks both signals.
    pub fn selected_ids(self) -> Vec<ServiceId> {
        match self.selection.get() {
            Selection::Service(id) => {
                let group = self.group.get();
                if group.first() == Some(&id) {
                    group
                } else {
                    vec![id]
                }
            }
            _ => Vec::new(),
        }
    }

    /// Whether `id` is selected (alone or in the group). Tracks.
    pub fn is_selected(self, id: ServiceId) -> bool {
        match self.selection.get() {
            Selection::Service(p) if p == id => true,
            Selection::Service(p) => self
                .group
                .with(|g| g.first() == Some(&p) && g.contains(&id)),
            _ => false,
        }
    }

    /// Selects several services; `primary` (the inspector's subject) must be one of them,
    /// else the last. An empty list clears the selection.
    pub fn select_many(self, mut ids: Vec<ServiceId>, primary: Option<ServiceId>) {
        let Some(&last) = ids.last() else {
            self.selection.set(Selection::None);
            return;
        };
        let primary = primary.filter(|p| ids.contains(p)).unwrap_or(last);
        ids.retain(|&id| id != primary);
        ids.insert(0, primary);
        self.group.set(ids);
        self.selection.set(Selection::Service(primary));
    }

    /// Shift/Ctrl-click: adds `id` to the selection, or takes it out if it was in.
    pub fn toggle_selected(self, id: ServiceId) {
        let mut ids = self.selected_ids_untracked();
        if let Some(at) = ids.iter().position(|&o| o == id) {
            ids.remove(at);
            let primary = ids.last().copied();
            self.select_many(ids, primary);
        } else {
            ids.push(id);
            self.select_many(ids, Some(id));
        }
    }

    /// [`AppState::selected_ids`] without tracking (for event handlers).
    pub fn selected_ids_untracked(self) -> Vec<ServiceId> {
        untrack(move || self.selected_ids())
    }

    /// A selection pointing at something that no longer exists (after undo, remove) is cleared.
    fn drop_stale_selection(self) {
        let stale = self
            .design
            .with_untracked(|d| match self.selection.get_untracked() {
                Selection::None => false,
                Selection::Service(id) => d.service(id).is_none(),
                Selection::Link(a, b) => !d.links.iter().any(|l| l.from == a && l.to == b),
            });
        if stale {
            self.selection.set(Selection::None);
        }
        // Group members that vanished (undo of a paste, removal) drop out of the group.
        let alive = self.design.with_untracked(|d| {
            self.group
                .with_untracked(|g| g.iter().all(|id| d.service(*id).is_some()))
        });
        if !alive {
            let d = self.design;
            self.group
                .update(|g| d.with_untracked(|d| g.retain(|id| d.service(*id).is_some())));
        }
    }
}

/// Read-only access to the viewer's own board (the history's present design), also while a
/// viewed design is shown. No copy of the design is kept: it reads the history.
#[derive(Clone, Copy)]
pub struct OwnDesign(RwSignal<History>);

impl OwnDesign {
    /// Subscribes the running effect to changes of the own board.
    pub fn track(self) {
        self.0.track();
    }

    /// Runs `f` on the own board without tracking; `None` once the app is gone.
    pub fn try_with_untracked<R>(self, f: impl FnOnce(&Design) -> R) -> Option<R> {
        self.0.try_with_untracked(|h| f(h.present()))
    }

    /// A copy of the own board, untracked.
    pub fn get_untracked(self) -> Design {
        self.0.with_untracked(|h| h.present().clone())
    }
}

/// Read-only handle to the current design. `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct DesignReader(Memo<Design>);

impl DesignReader {
    /// Runs `f` on the current design, tracking it (use inside a `Memo` to derive a view).
    pub fn with<R>(self, f: impl FnOnce(&Design) -> R) -> R {
        self.0.with(f)
    }

    /// The design as a signal (for `Memo`s that derive reports from it).
    pub fn signal(self) -> Memo<Design> {
        self.0
    }

    /// A memo of `f` over the design that follows it one painted frame late: an edit renders
    /// first, in a frame `f` does not hold, and the memo catches up at the start of the frame
    /// after it (`browser::after_paint`); edits in between count once. For the panels' reports
    /// (the checklist's rules, the resource plan: 25 ms of a Delete's frame on 100 services).
    /// Code that must read the report of the design as it is now calls `f` itself.
    pub fn memo_after_paint<R>(self, f: impl Fn(&Design) -> R + Send + Sync + 'static) -> Memo<R>
    where
        R: PartialEq + Send + Sync + 'static,
    {
        let design = self.0;
        let painted = Trigger::new();
        let pending = StoredValue::new(false);
        Effect::new(move |first: Option<()>| {
            design.track();
            if first.is_some() && pending.try_get_value() == Some(false) {
                pending.set_value(true);
                super::browser::after_paint(move || {
                    pending.try_set_value(false);
                    painted.notify();
                });
            }
        });
        Memo::new(move |_| {
            painted.track();
            design.with_untracked(&f)
        })
    }
}

/// The state provided by `App`. Outside `App` (a component mounted alone in a test), a fresh
/// empty state rather than a panic.
pub fn use_app() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| {
        leptos::logging::warn!("tierboard: no AppState in context; using an empty board");
        AppState::new(Design::new("untitled"))
    })
}

/// Read-only access to the design provided by `App`.
pub fn use_design() -> DesignReader {
    use_app().reader()
}

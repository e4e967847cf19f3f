//! The drag controller: Pointer Events (mouse, pen, touch) for adding, moving and connecting.
//!
//! A drag is UI state in its own signal ([`DragController::drag`]), never a command: the pointer
//! position, the hovered lane and index and the ghost change on every `pointermove` and record
//! nothing. Exactly one command is applied on `pointerup` (`AddService`, `MoveService` or
//! `Connect`); Escape, `pointercancel` or a drop outside any target cancels.
//!
//! Hit-testing uses `document.elementFromPoint` (the overlay has `pointer-events: none`) and the
//! bounding rects of the hovered lane's cards, so it works for wrapped rows of cards too. Listeners
//! live on the window; the source element captures the pointer so a touch drag keeps its events.

use super::{AppState, Selection};
use crate::catalog;
use crate::edit::Command;
use crate::model::{LinkKind, ServiceId, Tier};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};

/// Pixels a pointer must travel before a press becomes a drag (below it, it is a click).
const DRAG_THRESHOLD: f64 = 5.0;

/// What is being dragged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DragSource {
    /// A palette entry: a catalog kind id.
    Kind(&'static str),
    /// A card being moved.
    Card(ServiceId),
    /// A connection being drawn from a card's handle.
    Link(ServiceId),
}

/// Where the drop would land.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropTarget {
    /// Into `tier` at position `index` among its services (the dragged card not counted).
    Lane { tier: Tier, index: usize },
    /// Onto a service (the end of a connection).
    Service(ServiceId),
}

/// A rectangle in viewport pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn of(el: &Element) -> Rect {
        let r = el.get_bounding_client_rect();
        Rect {
            x: r.left(),
            y: r.top(),
            w: r.width(),
            h: r.height(),
        }
    }
}

/// A drag in progress (pressed, maybe not yet past the threshold).
#[derive(Debug, Clone, PartialEq)]
pub struct Drag {
    pub source: DragSource,
    pub pointer_id: i32,
    pub start: (f64, f64),
    pub at: (f64, f64),
    /// Past the threshold: the ghost shows and a drop applies a command.
    pub active: bool,
    pub target: Option<DropTarget>,
    /// The drop indicator (an insertion bar or a highlighted card), viewport pixels.
    pub indicator: Option<Rect>,
    /// Text of the ghost that follows the pointer.
    pub label: String,
}

/// The drag state and its operations; provided once by `App`. `Copy`.
#[derive(Clone, Copy)]
pub struct DragController {
    pub drag: RwSignal<Option<Drag>>,
    /// The card being moved, if any. Changes only when a drag starts or ends, so the cards
    /// that follow it do not re-run on every pointer move (200 cards × 60 moves a second).
    pub moving_card: Memo<Option<ServiceId>>,
    /// Set when a drag ends, so the click the browser fires after `pointerup` does not also
    /// act (a palette button would otherwise add a second service).
    suppress_click: StoredValue<bool>,
}

impl DragController {
    pub fn new() -> Self {
        let drag = RwSignal::new(None::<Drag>);
        let moving_card = Memo::new(move |_| {
            drag.with(|d| match d {
                Some(Drag {
                    active: true,
                    source: DragSource::Card(id),
                    ..
                }) => Some(*id),
                _ => None,
            })
        });
        DragController {
            drag,
            moving_card,
            suppress_click: StoredValue::new(false),
        }
    }

    /// Installs the window listeners that drive every drag. Call once, in `App`.
    pub fn install(self, app: AppState) {
        let me = self;
        let _ = window_event_listener(leptos::ev::pointermove, move |ev: PointerEvent| {
            me.moved(&ev)
        });
        let _ = window_event_listener(leptos::ev::pointerup, move |ev: PointerEvent| {
            me.released(app, &ev)
        });
        let _ = window_event_listener(leptos::ev::pointercancel, move |_ev: PointerEvent| {
            me.cancel();
        });
    }

    /// A press on a drag source: remembers it; the drag starts once the pointer travels.
    pub fn begin(self, source: DragSource, label: String, ev: &PointerEvent) {
        // Primary button only (touch and pen report 0 as well).
        if ev.button() != 0 || self.drag.with_untracked(Option::is_some) {
            return;
        }
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.drag.set(Some(Drag {
            source,
            pointer_id: ev.pointer_id(),
            start: at,
            at,
            active: false,
            target: None,
            indicator: None,
            label,
        }));
    }

    /// Escape, `pointercancel`: the drag ends and nothing is applied.
    pub fn cancel(self) -> bool {
        let Some(drag) = self.drag.try_get_untracked() else {
            return false;
        };
        let was = drag.as_ref().is_some_and(|d| d.active);
        if drag.is_some() {
            self.drag.set(None);
        }
        if was {
            self.suppress_next_click();
        }
        was
    }

    /// True (once) when a drag just ended: the caller ignores this click.
    pub fn take_suppressed_click(self) -> bool {
        let s = self.suppress_click.get_value();
        self.suppress_click.set_value(false);
        s
    }

    fn suppress_next_click(self) {
        self.suppress_click.set_value(true);
        let me = self;
        set_timeout(
            move || {
                me.suppress_click.try_set_value(false);
            },
            std::time::Duration::from_millis(0),
        );
    }

    fn moved(self, ev: &PointerEvent) {
        let Some(mut drag) = self.drag.try_get_untracked().flatten() else {
            return;
        };
        if drag.pointer_id != ev.pointer_id() {
            return;
        }
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        drag.at = at;
        if !drag.active {
            let (dx, dy) = (at.0 - drag.start.0, at.1 - drag.start.1);
            if (dx * dx + dy * dy).sqrt() < DRAG_THRESHOLD {
                return;
            }
            drag.active = true;
        }
        ev.prevent_default();
        let (target, indicator) = hit_test(drag.source, at);
        drag.target = target;
        drag.indicator = indicator;
        self.drag.set(Some(drag));
    }

    fn released(self, app: AppState, ev: &PointerEvent) {
        let Some(drag) = self.drag.try_get_untracked().flatten() else {
            return;
        };
        if drag.pointer_id != ev.pointer_id() {
            return;
        }
        self.drag.set(None);
        if !drag.active {
            return;
        }
        self.suppress_next_click();
        // Released where the last move was: the target that move found, which the indicator
        // shows (no second hit test on a big board). Elsewhere (a fast flick may end before the
        // last move), the target under the release point.
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let target = if at == drag.at {
            drag.target
        } else {
            hit_test(drag.source, at).0
        };
        if let Some(target) = target {
            drop_on(app, drag.source, target);
        }
    }
}

impl Default for DragController {
    fn default() -> Self {
        DragController::new()
    }
}

/// The drag controller provided by `App` (a fresh, unused one outside it).
pub fn use_drag() -> DragController {
    use_context::<DragController>().unwrap_or_default()
}

/// The one command a drop applies; the new service or link becomes the selection.
pub fn drop_on(app: AppState, source: DragSource, target: DropTarget) {
    let (command, selection) = match (source, target) {
        (DragSource::Kind(kind), DropTarget::Lane { tier, index }) => {
            let id = app
                .reader()
                .signal()
                .with_untracked(crate::edit::new_service_id);
            (
                Command::AddService {
                    kind: kind.to_string(),
                    tier,
                    index: Some(index),
                    name: None,
                },
                Selection::Service(id),
            )
        }
        // A move keeps the selection as it was (the inspector need not rebuild). A card of a
        // multi-selection takes the whole group along, as one undo step.
        (DragSource::Card(id), DropTarget::Lane { tier, index }) => {
            let group = app.selected_ids_untracked();
            let command = if group.len() > 1 && group.contains(&id) {
                app.reader()
                    .signal()
                    .with_untracked(|d| crate::edit::move_many(d, &group, id, tier, index))
            } else {
                None
            };
            (
                command.unwrap_or(Command::MoveService { id, tier, index }),
                app.selection.get_untracked(),
            )
        }
        (DragSource::Link(from), DropTarget::Service(to)) => {
            let kind = link_kind_to(app, to);
            (
                Command::Connect { from, to, kind },
                Selection::Link(from, to),
            )
        }
        _ => return,
    };
    match app.dispatch(command) {
        // Set only when it changes: every card, arrow and the inspector listen to it.
        Ok(_) if app.selection.get_untracked() != selection => app.selection.set(selection),
        Ok(_) => {}
        Err(e) => app.report_error(e.to_string()),
    }
}

/// The kind of a new link to `to` (`catalog::link_kind_to`: async to a broker).
pub fn link_kind_to(app: AppState, to: ServiceId) -> LinkKind {
    app.reader().signal().with_untracked(|d| {
        d.service(to)
            .map_or(LinkKind::Sync, |s| catalog::link_kind_to(&s.kind))
    })
}

/// What lies under the pointer for this kind of drag, and where to draw the indicator.
fn hit_test(source: DragSource, (x, y): (f64, f64)) -> (Option<DropTarget>, Option<Rect>) {
    let Some(el) = document().element_from_point(x as f32, y as f32) else {
        return (None, None);
    };
    match source {
        DragSource::Link(from) => {
            let Some(card) = el.closest("[data-service-id]").ok().flatten() else {
                return (None, None);
            };
            match service_id_of(&card) {
                Some(to) if to != from => (Some(DropTarget::Service(to)), Some(Rect::of(&card))),
                _ => (None, None),
            }
        }
        DragSource::Kind(_) | DragSource::Card(_) => {
            let Some(lane) = el.closest(".lane[data-tier]").ok().flatten() else {
                return (None, None);
            };
            let Some(tier) = lane
                .get_attribute("data-tier")
                .and_then(|t| Tier::parse(&t))
            else {
                return (None, None);
            };
            let dragged = match source {
                DragSource::Card(id) => Some(id),
                _ => None,
            };
            let cards: Vec<Rect> = cards_of(&lane)
                .into_iter()
                .filter(|c| service_id_of(c) != dragged)
                .map(|c| Rect::of(&c))
                .collect();
            let index = insertion_index(&cards, (x, y));
            let zone = lane
                .query_selector(".lane__drop")
                .ok()
                .flatten()
                .map(|z| Rect::of(&z))
                .unwrap_or_else(|| Rect::of(&lane));
            (
                Some(DropTarget::Lane { tier, index }),
                Some(insertion_bar(&cards, index, zone)),
            )
        }
    }
}

/// The card elements of a lane, in board order.
fn cards_of(lane: &Element) -> Vec<Element> {
    let Ok(list) = lane.query_selector_all(".card[data-service-id]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn service_id_of(el: &Element) -> Option<ServiceId> {
    el.get_attribute("data-service-id")
        .and_then(|v| v.parse().ok())
        .map(ServiceId)
}

/// Index at which a drop at `(x, y)` inserts among cards laid out left to right in wrapping rows:
/// the number of cards that come before the point in reading order.
pub fn insertion_index(cards: &[Rect], (x, y): (f64, f64)) -> usize {
    cards
        .iter()
        .take_while(|c| {
            let below_row = y >= c.y + c.h;
            let in_row = y >= c.y && y < c.y + c.h;
            below_row || (in_row && x >= c.x + c.w / 2.0)
        })
        .count()
}

/// A thin vertical bar before the `index`-th card (after the last one at the end; at the start of
/// the drop zone when the lane is empty).
pub fn insertion_bar(cards: &[Rect], index: usize, zone: Rect) -> Rect {
    const W: f64 = 4.0;
    match (cards.get(index), cards.last()) {
        (Some(c), _) => Rect {
            x: c.x - W - 4.0,
            y: c.y,
            w: W,
            h: c.h,
        },
        (None, Some(last)) => Rect {
            x: last.x + last.w + 4.0,
            y: last.y,
            w: W,
            h: last.h,
        },
        (None, None) => Rect {
            x: zone.x + 16.0,
            y: zone.y + 12.0,
            w: W,
            h: (zone.h - 24.0).max(24.0),
        },
    }
}

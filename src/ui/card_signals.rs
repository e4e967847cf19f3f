//! What every card on the board shows, as one signal per card and concern, each concern fed by
//! one effect (`fan_out`): the face (from the design), the place in its lane and the networks
//! it joins as a guest (from the diagram), whether it is selected, and whether it is being
//! dragged. An edit recomputes these as plain Rust and wakes only the cards it changed: a drop
//! on a 200-service board re-renders the cards that moved, not 200.
//!
//! Created once by the board and handed to its lanes.

use super::drag::use_drag;
use super::fan_out::{FanOut, Missing};
use super::use_app;
use super::viewport::Viewport;
use crate::diagram::{CardFace, Rect};
use crate::model::ServiceId;
use leptos::prelude::*;
use std::collections::HashMap;

/// The board's per-card signals. `Copy`.
#[derive(Clone, Copy)]
pub struct CardSignals {
    face: FanOut<ServiceId, CardFace>,
    at: FanOut<ServiceId, Rect>,
    guest_of: FanOut<ServiceId, Vec<String>>,
    selected: FanOut<ServiceId, bool>,
    dragging: FanOut<ServiceId, bool>,
}

/// One card's signals.
#[derive(Clone, Copy)]
pub struct CardView {
    /// What the card shows.
    pub face: Signal<CardFace>,
    /// Where it sits in its lane (diagram pixels, relative to the lane).
    pub at: Signal<Rect>,
    /// The networks of other tiers it joins.
    pub guest_of: Signal<Vec<String>>,
    /// Selected, alone or in a group.
    pub selected: Signal<bool>,
    /// Being dragged (shown faded while its ghost moves).
    pub dragging: Signal<bool>,
}

impl CardSignals {
    /// Feeds the signals from the app's design and selection and `viewport`'s diagram.
    pub fn new(viewport: Viewport) -> Self {
        let app = use_app();
        let design = app.reader();
        let diagram = viewport.diagram;
        let moving = use_drag().moving_card;
        let face = FanOut::new(Missing::Reset, move || {
            design.with(|d| d.services.iter().map(|s| (s.id, CardFace::of(s))).collect())
        });
        // A card the diagram lacks (a frame before the layout catches up) stays where it was.
        let at = FanOut::new(Missing::Keep, move || {
            diagram.with(|d| {
                d.cards
                    .iter()
                    .map(|c| {
                        let lane = d
                            .lanes
                            .iter()
                            .find(|l| l.tier == c.tier)
                            .map(|l| l.rect)
                            .unwrap_or_default();
                        let r = c.rect;
                        let place = Rect {
                            x: r.x - lane.x,
                            y: r.y - lane.y,
                            ..r
                        };
                        (c.id, place)
                    })
                    .collect()
            })
        });
        let guest_of = FanOut::new(Missing::Reset, move || {
            diagram.with(|d| {
                let mut guests: HashMap<ServiceId, Vec<String>> = HashMap::new();
                for n in &d.networks {
                    for &id in &n.guests {
                        guests.entry(id).or_default().push(n.name.clone());
                    }
                }
                guests.into_iter().collect()
            })
        });
        let selected = FanOut::new(Missing::Reset, move || {
            app.selected_ids()
                .into_iter()
                .map(|id| (id, true))
                .collect()
        });
        let dragging = FanOut::new(Missing::Reset, move || {
            moving.get().map(|id| (id, true)).into_iter().collect()
        });
        CardSignals {
            face,
            at,
            guest_of,
            selected,
            dragging,
        }
    }

    /// The signals of the card of `id`.
    pub fn card(self, id: ServiceId) -> CardView {
        CardView {
            face: self.face.get(id),
            at: self.at.get(id),
            guest_of: self.guest_of.get(id),
            selected: self.selected.get(id),
            dragging: self.dragging.get(id),
        }
    }
}

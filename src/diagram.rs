//! The diagram: where every lane, network band, card and link of a design is drawn, computed
//! from the `Design` and the space available (pure, deterministic, integer pixels).
//!
//! "Layout is data, drawing is a shell": the board (`ui/`), the SVG export (`export::svg`) and
//! the print view all paint the same [`Diagram`], so they cannot disagree.
//!
//! Coordinates are whole CSS pixels at zoom 1, origin top left; the board scales them for zoom.
//! Integers keep float formatting out of the wasm binary and make the layout compare exactly.
//!
//! **Invariants** (tested over every pattern and every corpus import):
//! - cards never overlap, and every card lies inside its tier's lane;
//! - a link route is an orthogonal polyline that never passes through a card other than
//!   touching its own two ends, and no two routes share a segment (collinear overlap);
//! - each end of a route sits on the top or bottom side of its card, clear of the connect
//!   handle, at a point no other route end on that side uses.

mod crossing;
mod face;
pub mod fit;
mod grid;
mod networks;
mod route;
mod skeleton;
mod strokes;
#[cfg(test)]
mod tests;
mod tidy;
mod tracks;

use crate::model::{Design, LinkKind, ServiceId, Tier};
pub use face::{CardFace, Exposure};
use grid::{Geometry, Grid};
pub use skeleton::skeleton;
pub use strokes::{route_path, strokes, Strokes};

/// Most card columns a lane gets: beyond this a wide view still gets a readable diagram.
pub const MAX_COLUMNS: usize = 24;

/// Card size at zoom 1. A card shows monogram, name, kind, source and a row of badges.
pub const CARD_W: i32 = 200;
pub const CARD_H: i32 = 92;

/// A point in diagram pixels (ordered by x, then y).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

/// An axis-aligned rectangle in diagram pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

/// The space the diagram is laid out for (the board's visible area, or an export size), in CSS
/// pixels. The layout chooses how many card columns a lane gets from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub width: i32,
    pub height: i32,
}

/// One tier's lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneBox {
    pub tier: Tier,
    pub rect: Rect,
    /// Card columns in this lane (cards wrap into rows of this many).
    pub columns: usize,
}

/// A tier network as the generator writes it (`frontend`, `backend`, `data`), drawn as a band
/// behind its lane; `internal` networks (no route to the outside) are marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkBand {
    pub name: String,
    pub tier: Tier,
    pub internal: bool,
    pub rect: Rect,
    /// Services that join this network although their own tier is another one (they bridge
    /// two networks).
    pub guests: Vec<ServiceId>,
}

/// One service card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardBox {
    pub id: ServiceId,
    pub tier: Tier,
    pub rect: Rect,
    /// Row and column within its lane.
    pub row: usize,
    pub column: usize,
}

/// One link's route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub from: ServiceId,
    pub to: ServiceId,
    pub kind: LinkKind,
    /// The orthogonal polyline from the source card's side to the target card's side; the
    /// arrowhead sits at the last point.
    pub points: Vec<Point>,
    /// Where a label for this link goes (the middle of its longest segment).
    pub label: Point,
}

/// The whole drawing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagram {
    pub width: i32,
    pub height: i32,
    pub lanes: Vec<LaneBox>,
    pub networks: Vec<NetworkBand>,
    pub cards: Vec<CardBox>,
    pub routes: Vec<Route>,
}

impl Diagram {
    pub fn card(&self, id: ServiceId) -> Option<&CardBox> {
        self.cards.iter().find(|c| c.id == id)
    }
}

impl Diagram {
    /// The largest zoom at which the whole diagram fits `view`, in thousandths (1000 = zoom 1).
    pub fn fit_permille(&self, view: View) -> i64 {
        let f = Fit::of(self.width, self.height, view);
        f.num * 1000 / f.den
    }
}

/// How well a `width` × `height` drawing fits a view: the scale `num / den` at which it fits.
#[derive(Debug, Clone, Copy)]
struct Fit {
    num: i64,
    den: i64,
}

impl Fit {
    fn of(width: i32, height: i32, view: View) -> Fit {
        let (vw, vh) = (i64::from(view.width.max(1)), i64::from(view.height.max(1)));
        let (w, h) = (i64::from(width.max(1)), i64::from(height.max(1)));
        // min(vw / w, vh / h) without division.
        if vw * h <= vh * w {
            Fit { num: vw, den: w }
        } else {
            Fit { num: vh, den: h }
        }
    }

    fn better_than(&self, other: &Fit) -> bool {
        self.cmp_scale(other) == std::cmp::Ordering::Greater
    }

    fn cmp_scale(&self, other: &Fit) -> std::cmp::Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

/// Lays out `design` for `view`: one column count for all lanes, chosen so that the whole
/// diagram fits `view` at the largest scale (a local best: see the search below).
pub fn layout(design: &Design, view: View) -> Diagram {
    let widest = Tier::ALL
        .iter()
        .map(|&t| design.tier_services(t).count())
        .max()
        .unwrap_or(0)
        .clamp(1, MAX_COLUMNS);
    // Without any track a grid is as small as it gets. Route the column count whose
    // track-less grid fits best, scale every track-less size by how much routing grew that
    // one, route the count that then fits best, and climb to a neighbouring count while
    // routing it fits better (the fit rises, then falls, with the column count). A handful
    // of routings instead of one per count keeps a 200-service re-layout inside a frame.
    let counts = Grid::lane_counts(design);
    let bounds: Vec<(i64, i64)> = (1..=widest)
        .map(|columns| {
            let g = Geometry::new(&Grid::outline(&counts, columns), &[], &[]);
            (i64::from(g.width.max(1)), i64::from(g.height.max(1)))
        })
        .collect();
    let best_scaled = |grow: (i64, i64, i64, i64)| {
        let mut pick = (1, Fit::of(0, 0, view));
        for (k, &(w, h)) in bounds.iter().enumerate() {
            let clamp = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
            let fit = Fit::of(clamp(w * grow.0 / grow.1), clamp(h * grow.2 / grow.3), view);
            if k == 0 || fit.better_than(&pick.1) {
                pick = (k + 1, fit);
            }
        }
        pick.0
    };
    let routed = |columns: usize| {
        let d = build(design, &Grid::place(design, columns));
        (Fit::of(d.width, d.height, view), d)
    };
    let first = best_scaled((1, 1, 1, 1));
    let (first_fit, first_d) = routed(first);
    let (w0, h0) = bounds.get(first - 1).copied().unwrap_or((1, 1));
    let start = best_scaled((
        i64::from(first_d.width.max(1)),
        w0,
        i64::from(first_d.height.max(1)),
        h0,
    ));
    let routed_start = if start == first {
        (first_fit, first_d)
    } else {
        let (f, d) = routed(start);
        if f.better_than(&first_fit) {
            (f, d)
        } else {
            (first_fit, first_d)
        }
    };
    let mut columns = if routed_start.1.lanes.first().map(|l| l.columns) == Some(start) {
        start
    } else {
        first
    };
    let (mut fit, mut best) = routed_start;
    let mut came_from = 0;
    loop {
        let mut moved = false;
        for next in [columns.saturating_sub(1), columns + 1] {
            if next == 0 || next > widest || next == came_from {
                continue;
            }
            let (f, d) = routed(next);
            if f.better_than(&fit) {
                (came_from, columns, fit, best) = (columns, next, f, d);
                moved = true;
                break;
            }
        }
        if !moved {
            return best;
        }
    }
}

/// Lays out `design` with `columns` card columns per lane (at least one), whatever the view.
pub fn layout_columns(design: &Design, columns: usize) -> Diagram {
    build(design, &Grid::place(design, columns.clamp(1, MAX_COLUMNS)))
}

fn build(design: &Design, grid: &Grid) -> Diagram {
    let (geometry, routes) = route::route(design, grid);
    let lanes: Vec<LaneBox> = grid
        .lanes
        .iter()
        .zip(&geometry.lane_rects)
        .map(|(&(tier, _, _), &rect)| LaneBox {
            tier,
            rect,
            columns: grid.columns,
        })
        .collect();
    let cards = grid
        .cells
        .iter()
        .map(|cell| CardBox {
            id: cell.id,
            tier: cell.tier,
            rect: geometry.card_rect(cell),
            row: cell.lane_row,
            column: cell.column,
        })
        .collect();
    Diagram {
        width: geometry.width,
        height: geometry.height,
        networks: networks::bands(design, &lanes),
        lanes,
        cards,
        routes,
    }
}

/// The board's area on a 1366×768 screen: the view a design is tidied for when it is opened
/// (an import), before anyone has measured the board.
pub const BOARD_VIEW: View = View {
    width: 900,
    height: 620,
};

/// `design` with its services in [`tidy_order`] (imports open tidied: the importer keeps the
/// file's order, the board opens this).
pub fn tidied(design: &Design, view: View) -> Design {
    let order = tidy_order(design, view);
    let mut out = design.clone();
    out.services = order
        .iter()
        .filter_map(|id| design.service(*id).cloned())
        .collect();
    if out.services.len() == design.services.len() {
        out
    } else {
        // Only an invalid design (a repeated id) can lose a service here: leave it as it is.
        design.clone()
    }
}

/// How many times two routes cross (proper crossings of their segments).
pub fn crossings(diagram: &Diagram) -> usize {
    crossing::count(&diagram.routes)
}

/// The board order "Tidy" gives: every service id, tiers kept, cards reordered within their
/// tiers to reduce crossings (never more crossings than `design`'s own order at `view`).
pub fn tidy_order(design: &Design, view: View) -> Vec<ServiceId> {
    tidy::order(design, view)
}

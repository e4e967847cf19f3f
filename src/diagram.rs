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
mod grid;
mod networks;
mod route;
#[cfg(test)]
mod tests;
mod tidy;
mod tracks;

use crate::model::{Design, LinkKind, ServiceId, Tier};
use grid::{Geometry, Grid};

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
        self.num * other.den > other.num * self.den
    }
}

/// Lays out `design` for `view`: one column count for all lanes, the one at which the whole
/// diagram fits `view` at the largest scale (the fewest columns among equals).
pub fn layout(design: &Design, view: View) -> Diagram {
    let widest = Tier::ALL
        .iter()
        .map(|&t| design.tier_services(t).count())
        .max()
        .unwrap_or(0)
        .clamp(1, MAX_COLUMNS);
    let mut best: Option<(Fit, Diagram)> = None;
    for columns in 1..=widest {
        let grid = Grid::place(design, columns);
        if let Some((fit, _)) = &best {
            // Without any track the grid is as small as it gets: if even that does not fit
            // better, routing it cannot.
            let bound = Geometry::new(&grid, &[], &[]);
            if !Fit::of(bound.width, bound.height, view).better_than(fit) {
                continue;
            }
        }
        let diagram = build(design, &grid);
        let fit = Fit::of(diagram.width, diagram.height, view);
        if best.as_ref().is_none_or(|(f, _)| fit.better_than(f)) {
            best = Some((fit, diagram));
        }
    }
    best.map(|(_, d)| d).unwrap_or_default()
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

/// How many times two routes cross (proper crossings of their segments).
pub fn crossings(diagram: &Diagram) -> usize {
    crossing::count(&diagram.routes)
}

/// The board order "Tidy" gives: every service id, tiers kept, cards reordered within their
/// tiers to reduce crossings (never more crossings than `design`'s own order at `view`).
pub fn tidy_order(design: &Design, view: View) -> Vec<ServiceId> {
    tidy::order(design, view)
}

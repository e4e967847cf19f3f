//! Link routes by channel routing: every link leaves its source card from the top or bottom
//! side, runs along the horizontal gutter next to it, down or up a vertical gutter if the
//! target is more than one row away, along the gutter next to the target and into its side.
//!
//! - Ports: the ends that touch one gutter from one column (the bottom side of the card above
//!   and the top side of the card below) share one pool of distinct x slots, ordered by where
//!   the other end lies, so no two ends coincide and their stubs never overlap. A link between
//!   vertically adjacent cards of one column takes one slot for both ends: a straight line.
//! - Tracks: segments in one gutter get tracks by [`tracks::assign`], so they never overlap;
//!   the gutter grows with its track count.
//! - Only top and bottom sides are used: the connect handle sits at a card's right middle, and
//!   the vertical gutters keep a margin wider than the handle sticks out.
//!
//! Vertical legs are assigned first (their extent is known in gutter indices, conservatively:
//! two legs touching the same horizontal gutter never share a track), then ports, then the
//! horizontal segments, whose extents are then exact in pixels within each grid element.

use super::grid::{v_track_offset, Geometry, Grid};
use super::tracks::{self, Span};
use super::{Point, Route, CARD_H, CARD_W};
use crate::model::Design;
use std::collections::BTreeMap;

/// Ends keep this far from a card's corners.
const PORT_INSET: i32 = 16;
/// Horizontal segments closer than this (pixels) go on different tracks, so they never look
/// joined.
const GAP: i64 = 6;
/// Abstract x: grid element `e` (vertical gutter `j` = `2j`, column `c` = `2c + 1`) starts at
/// `e * STRIDE`; the pixel offset within the element is added.
const STRIDE: i64 = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Top,
    Bottom,
}

#[derive(Debug, Clone, Copy)]
struct End {
    cell: usize,
    side: Side,
    /// The horizontal gutter this end's stub reaches.
    gutter: usize,
    /// Port x, from the card's left edge.
    offset: i32,
}

#[derive(Debug, Clone, Copy)]
struct Leg {
    /// Vertical gutter.
    gutter: usize,
    track: usize,
    /// Horizontal gutters at its top and bottom.
    top: usize,
    bottom: usize,
}

#[derive(Debug, Clone)]
struct Plan {
    link: usize,
    start: End,
    end: End,
    leg: Option<Leg>,
    /// One slot for both ends: vertically adjacent cards of one column.
    straight: bool,
    /// Track of the horizontal segment in the start's gutter and in the end's gutter.
    tracks: [usize; 2],
}

/// The routes of `design` on `grid`, and the geometry their tracks need.
pub(super) fn route(design: &Design, grid: &Grid) -> (Geometry, Vec<Route>) {
    let mut plans = plan_links(design, grid);
    let v_counts = assign_legs(grid, &mut plans);
    assign_ports(grid, &mut plans, &v_counts);
    let h_counts = assign_horizontal(grid, &mut plans, &v_counts);
    let geometry = Geometry::new(grid, &h_counts, &v_counts);
    let routes = plans
        .iter()
        .filter_map(|p| {
            let link = design.links.get(p.link)?;
            let points = points(grid, &geometry, p);
            Some(Route {
                from: link.from,
                to: link.to,
                kind: link.kind,
                label: label(&points),
                points,
            })
        })
        .collect();
    (geometry, routes)
}

/// Sides, gutters and the vertical gutter of every drawable link (both ends placed, not a
/// self-link), in link order.
fn plan_links(design: &Design, grid: &Grid) -> Vec<Plan> {
    let mut load = vec![0usize; grid.columns + 1];
    let mut plans = Vec::with_capacity(design.links.len());
    for (link, l) in design.links.iter().enumerate() {
        let (Some(a), Some(b)) = (grid.cell_of(l.from), grid.cell_of(l.to)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let (ca, cb) = (grid.cells[a], grid.cells[b]);
        let end = |cell, side, gutter| End {
            cell,
            side,
            gutter,
            offset: CARD_W / 2,
        };
        let (start, finish) = if cb.row > ca.row {
            (end(a, Side::Bottom, ca.row + 1), end(b, Side::Top, cb.row))
        } else if cb.row < ca.row {
            (end(a, Side::Top, ca.row), end(b, Side::Bottom, cb.row + 1))
        } else {
            (end(a, Side::Top, ca.row), end(b, Side::Top, cb.row))
        };
        let straight = start.gutter == finish.gutter && ca.column == cb.column;
        let leg = (start.gutter != finish.gutter).then(|| {
            let (lo, hi) = if ca.column == cb.column {
                (ca.column, ca.column + 1)
            } else {
                (ca.column.min(cb.column) + 1, ca.column.max(cb.column))
            };
            let middle = ca.column + cb.column + 1;
            let gutter = (lo..=hi)
                .min_by_key(|&j| (load[j], (2 * j).abs_diff(middle), j))
                .unwrap_or(lo);
            load[gutter] += 1;
            Leg {
                gutter,
                track: 0,
                top: start.gutter.min(finish.gutter),
                bottom: start.gutter.max(finish.gutter),
            }
        });
        plans.push(Plan {
            link,
            start,
            end: finish,
            leg,
            straight,
            tracks: [0, 0],
        });
    }
    plans
}

/// The column of the end that reaches horizontal gutter `gutter`.
fn column_at(grid: &Grid, p: &Plan, gutter: usize) -> usize {
    let e = if p.start.gutter == gutter {
        p.start
    } else {
        p.end
    };
    grid.cells[e.cell].column
}

/// Tracks of the vertical legs; returns the track count per vertical gutter.
fn assign_legs(grid: &Grid, plans: &mut [Plan]) -> Vec<usize> {
    let mut counts = vec![0usize; grid.columns + 1];
    for (j, count) in counts.iter_mut().enumerate() {
        let members: Vec<usize> = (0..plans.len())
            .filter(|&i| plans[i].leg.is_some_and(|l| l.gutter == j))
            .collect();
        let spans: Vec<Span> = members
            .iter()
            .filter_map(|&i| {
                let leg = plans[i].leg?;
                Some(Span {
                    lo: leg.top as i64,
                    hi: leg.bottom as i64,
                    lo_pos: column_at(grid, &plans[i], leg.top) >= j,
                    hi_pos: column_at(grid, &plans[i], leg.bottom) >= j,
                })
            })
            .collect();
        let (assigned, n) = tracks::assign(&spans, 0);
        for (&i, t) in members.iter().zip(assigned) {
            if let Some(leg) = plans[i].leg.as_mut() {
                leg.track = t;
            }
        }
        *count = n;
    }
    counts
}

/// Abstract x of a vertical leg's track.
fn leg_key(leg: &Leg, v_counts: &[usize]) -> i64 {
    let n = v_counts.get(leg.gutter).copied().unwrap_or(0);
    2 * leg.gutter as i64 * STRIDE + i64::from(v_track_offset(n, leg.track))
}

/// Abstract x of a port.
fn port_key(grid: &Grid, e: &End) -> i64 {
    (2 * grid.cells[e.cell].column as i64 + 1) * STRIDE + i64::from(e.offset)
}

/// One end in a port pool: sort key (where it heads), plan, which end (0 start, 1 end, 2 both).
type PoolItem = (i64, usize, u8);

/// Distinct port slots per (horizontal gutter, column), ordered by where each end heads.
fn assign_ports(grid: &Grid, plans: &mut [Plan], v_counts: &[usize]) {
    let mut pools: BTreeMap<(usize, usize), Vec<PoolItem>> = BTreeMap::new();
    for (i, p) in plans.iter().enumerate() {
        let col = |e: &End| grid.cells[e.cell].column;
        let centre = |e: &End| (2 * col(e) as i64 + 1) * STRIDE + i64::from(CARD_W / 2);
        if p.straight {
            pools
                .entry((p.start.gutter, col(&p.start)))
                .or_default()
                .push((centre(&p.start), i, 2));
            continue;
        }
        let (to_start, to_end) = match &p.leg {
            Some(leg) => (leg_key(leg, v_counts), leg_key(leg, v_counts)),
            None => (centre(&p.end), centre(&p.start)),
        };
        pools
            .entry((p.start.gutter, col(&p.start)))
            .or_default()
            .push((to_start, i, 0));
        pools
            .entry((p.end.gutter, col(&p.end)))
            .or_default()
            .push((to_end, i, 1));
    }
    for (_, mut items) in pools {
        crate::sorting::sort(&mut items);
        let n = items.len() as i64;
        let usable = i64::from(CARD_W - 2 * PORT_INSET);
        for (k, &(_, i, which)) in items.iter().enumerate() {
            let offset = PORT_INSET as i64 + (k as i64 + 1) * usable / (n + 1);
            let offset = i32::try_from(offset).unwrap_or(CARD_W / 2);
            let p = &mut plans[i];
            if which != 1 {
                p.start.offset = offset;
            }
            if which != 0 {
                p.end.offset = offset;
            }
        }
    }
}

/// Tracks of the horizontal segments; returns the track count per horizontal gutter.
fn assign_horizontal(grid: &Grid, plans: &mut [Plan], v_counts: &[usize]) -> Vec<usize> {
    // Per gutter: (plan, which segment: 0 in the start's gutter, 1 in the end's), span.
    let mut per_gutter: Vec<Vec<(usize, usize, Span)>> = vec![Vec::new(); grid.rows + 1];
    // A port's connector goes up to a card above the gutter (bottom side) or down to one below.
    let port_pos = |e: &End| e.side == Side::Top;
    for (i, p) in plans.iter().enumerate() {
        if p.straight {
            continue;
        }
        let mut push = |gutter: usize, which: usize, a: (i64, bool), b: (i64, bool)| {
            let (lo, hi) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            if let Some(list) = per_gutter.get_mut(gutter) {
                list.push((
                    i,
                    which,
                    Span {
                        lo: lo.0,
                        hi: hi.0,
                        lo_pos: lo.1,
                        hi_pos: hi.1,
                    },
                ));
            }
        };
        let start = (port_key(grid, &p.start), port_pos(&p.start));
        let end = (port_key(grid, &p.end), port_pos(&p.end));
        match &p.leg {
            Some(leg) => {
                let key = leg_key(leg, v_counts);
                push(p.start.gutter, 0, start, (key, p.start.gutter == leg.top));
                push(p.end.gutter, 1, (key, p.end.gutter == leg.top), end);
            }
            None => push(p.start.gutter, 0, start, end),
        }
    }
    let mut counts = vec![0usize; grid.rows + 1];
    for (g, list) in per_gutter.iter().enumerate() {
        let spans: Vec<Span> = list.iter().map(|&(_, _, s)| s).collect();
        let (assigned, n) = tracks::assign(&spans, GAP);
        for (&(i, which, _), t) in list.iter().zip(assigned) {
            if which == 0 {
                plans[i].tracks[0] = t;
                if plans[i].leg.is_none() {
                    plans[i].tracks[1] = t;
                }
            } else {
                plans[i].tracks[1] = t;
            }
        }
        counts[g] = n;
    }
    counts
}

fn port_point(grid: &Grid, geometry: &Geometry, e: &End) -> Point {
    let rect = geometry.card_rect(&grid.cells[e.cell]);
    Point {
        x: rect.x + e.offset,
        y: match e.side {
            Side::Top => rect.y,
            Side::Bottom => rect.y + CARD_H,
        },
    }
}

fn points(grid: &Grid, geometry: &Geometry, p: &Plan) -> Vec<Point> {
    let a = port_point(grid, geometry, &p.start);
    let b = port_point(grid, geometry, &p.end);
    if p.straight {
        return vec![a, b];
    }
    let y1 = geometry.h_track_y(p.start.gutter, p.tracks[0]);
    match &p.leg {
        None => vec![a, Point { x: a.x, y: y1 }, Point { x: b.x, y: y1 }, b],
        Some(leg) => {
            let x = geometry.v_track_x(leg.gutter, leg.track);
            let y2 = geometry.h_track_y(p.end.gutter, p.tracks[1]);
            vec![
                a,
                Point { x: a.x, y: y1 },
                Point { x, y: y1 },
                Point { x, y: y2 },
                Point { x: b.x, y: y2 },
                b,
            ]
        }
    }
}

/// The middle of the longest segment (the first of equals).
fn label(points: &[Point]) -> Point {
    let mut best = (i32::MIN, Point::default());
    for w in points.windows(2) {
        let len = (w[1].x - w[0].x).abs() + (w[1].y - w[0].y).abs();
        if len > best.0 {
            best = (
                len,
                Point {
                    x: (w[0].x + w[1].x) / 2,
                    y: (w[0].y + w[1].y) / 2,
                },
            );
        }
    }
    best.1
}

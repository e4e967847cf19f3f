//! The grid: which row and column every card takes, and the pixel geometry of rows, columns and
//! the gutters between them once the router knows how many tracks each gutter needs.
//!
//! Tiers are stacked top to bottom (frontend, backend, data). A tier's cards fill rows of
//! `columns` cards in board order (the order of `Design::services` within the tier, row-major).
//! A tier without cards keeps one empty row, so its lane stays a drop target.
//!
//! Rows are numbered over the whole diagram ("global rows"). Horizontal gutter `i` lies above
//! global row `i` (gutter `rows` lies below the last row); vertical gutter `j` lies left of
//! column `j` (gutter `columns` right of the last one). Links travel only in gutters, so a link
//! never passes through a card: that is the whole point of the grid.

use super::{Rect, CARD_H, CARD_W};
use crate::model::{Design, ServiceId, Tier};
use std::collections::BTreeMap;

/// Distance between two parallel tracks in a gutter.
pub(super) const TRACK: i32 = 8;
/// Smallest horizontal gutter, and the room above the first and below the last track.
const H_GUTTER_MIN: i32 = 24;
const H_MARGIN: i32 = 10;
/// Smallest vertical gutter, and the room beside its outer tracks: wide enough that a vertical
/// leg stays clear of the connect handle, which sticks out of a card's right side.
const V_GUTTER_MIN: i32 = 28;
const V_MARGIN: i32 = 14;
/// A lane's title strip, and the padding below its last row.
pub(super) const LANE_TITLE: i32 = 24;
const LANE_PAD: i32 = 8;

/// One card's place in the grid.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cell {
    pub id: ServiceId,
    pub tier: Tier,
    /// Global row (over all lanes).
    pub row: usize,
    /// Row within its lane.
    pub lane_row: usize,
    pub column: usize,
}

/// The abstract grid: cells, and which global rows each lane holds.
#[derive(Debug, Clone)]
pub(super) struct Grid {
    pub columns: usize,
    /// Global rows (at least one per lane).
    pub rows: usize,
    pub cells: Vec<Cell>,
    /// Per lane, top to bottom: its tier, first global row and row count.
    pub lanes: Vec<(Tier, usize, usize)>,
    index: BTreeMap<ServiceId, usize>,
}

impl Grid {
    /// Places the services of `design` in rows of `columns` (at least one).
    pub fn place(design: &Design, columns: usize) -> Grid {
        let columns = columns.max(1);
        let mut cells: Vec<Cell> = Vec::with_capacity(design.services.len());
        let mut index = BTreeMap::new();
        let mut counts = Vec::with_capacity(Tier::ALL.len());
        for tier in Tier::ALL {
            let mut count = 0;
            for s in design.tier_services(tier) {
                if index.contains_key(&s.id) {
                    // A repeated id (an invalid design) is drawn once, never twice.
                    continue;
                }
                index.insert(s.id, cells.len());
                cells.push(Cell {
                    id: s.id,
                    tier,
                    row: count / columns,
                    lane_row: count / columns,
                    column: count % columns,
                });
                count += 1;
            }
            counts.push((tier, count));
        }
        let mut grid = Grid::outline(&counts, columns);
        // The lanes stack: a cell's global row is its lane's first row plus its row in the lane.
        for cell in &mut cells {
            let first = grid
                .lanes
                .iter()
                .find(|l| l.0 == cell.tier)
                .map_or(0, |l| l.1);
            cell.row += first;
        }
        grid.cells = cells;
        grid.index = index;
        grid
    }

    /// The grid `place` gives for `columns`, without its cells: rows and lanes only, which is
    /// all the track-less [`Geometry`] reads. `counts` are [`Grid::lane_counts`]. The layout
    /// sizes every column count this way before it routes a few (placing 200 cards for each of
    /// 24 counts was about 1 ms of a drop's work).
    pub fn outline(counts: &[(Tier, usize)], columns: usize) -> Grid {
        let columns = columns.max(1);
        let mut lanes = Vec::with_capacity(counts.len());
        let mut first_row = 0;
        for &(tier, count) in counts {
            let rows = count.div_ceil(columns).max(1);
            lanes.push((tier, first_row, rows));
            first_row += rows;
        }
        Grid {
            columns,
            rows: first_row,
            cells: Vec::new(),
            lanes,
            index: BTreeMap::new(),
        }
    }

    /// How many cards each lane holds, top to bottom, as `place` counts them (a repeated id
    /// once, in the first tier that lists it).
    pub fn lane_counts(design: &Design) -> Vec<(Tier, usize)> {
        let mut seen = std::collections::BTreeSet::new();
        Tier::ALL
            .iter()
            .map(|&tier| {
                let count = design
                    .tier_services(tier)
                    .filter(|s| seen.insert(s.id))
                    .count();
                (tier, count)
            })
            .collect()
    }

    /// The cell of a service, by index into `cells`.
    pub fn cell_of(&self, id: ServiceId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// Whether global row `row` is the first row of a lane.
    fn lane_starts_at(&self, row: usize) -> bool {
        self.lanes.iter().any(|&(_, first, _)| first == row)
    }
}

/// Pixel geometry of a grid, given the track count of every gutter.
#[derive(Debug, Clone)]
pub(super) struct Geometry {
    pub width: i32,
    pub height: i32,
    /// Left edge of each column.
    pub column_x: Vec<i32>,
    /// Top edge of each global row.
    pub row_y: Vec<i32>,
    /// Left edge and width of each vertical gutter.
    pub v_gutter: Vec<(i32, i32)>,
    /// Top edge and height of the track area of each horizontal gutter.
    pub h_gutter: Vec<(i32, i32)>,
    /// Per lane (same order as `Grid::lanes`): its rectangle.
    pub lane_rects: Vec<Rect>,
    h_tracks: Vec<usize>,
    v_tracks: Vec<usize>,
}

/// Size of a gutter with `tracks` tracks.
fn gutter_size(tracks: usize, min: i32, margin: i32) -> i32 {
    let inner = to_px(tracks.saturating_sub(1)).saturating_mul(TRACK);
    min.max(inner.saturating_add(2 * margin))
}

fn to_px(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Offset of track `k` of `tracks` from the start of a gutter of size `size` (tracks centred).
fn track_offset(size: i32, tracks: usize, k: usize) -> i32 {
    let span = to_px(tracks.saturating_sub(1)).saturating_mul(TRACK);
    (size - span) / 2 + to_px(k).saturating_mul(TRACK)
}

/// Offset of track `k` from the left edge of a vertical gutter holding `tracks` tracks.
pub(super) fn v_track_offset(tracks: usize, k: usize) -> i32 {
    track_offset(gutter_size(tracks, V_GUTTER_MIN, V_MARGIN), tracks, k)
}

impl Geometry {
    /// `h_tracks[i]`: tracks in horizontal gutter `i` (`grid.rows + 1` of them); `v_tracks[j]`:
    /// tracks in vertical gutter `j` (`grid.columns + 1`). Missing entries count as none.
    pub fn new(grid: &Grid, h_tracks: &[usize], v_tracks: &[usize]) -> Geometry {
        let h_tracks: Vec<usize> = (0..=grid.rows)
            .map(|i| h_tracks.get(i).copied().unwrap_or(0))
            .collect();
        let v_tracks: Vec<usize> = (0..=grid.columns)
            .map(|j| v_tracks.get(j).copied().unwrap_or(0))
            .collect();

        let mut x = 0i32;
        let mut column_x = Vec::with_capacity(grid.columns);
        let mut v_gutter = Vec::with_capacity(grid.columns + 1);
        for (j, &tracks) in v_tracks.iter().enumerate() {
            let w = gutter_size(tracks, V_GUTTER_MIN, V_MARGIN);
            v_gutter.push((x, w));
            x = x.saturating_add(w);
            if j < grid.columns {
                column_x.push(x);
                x = x.saturating_add(CARD_W);
            }
        }
        let width = x;

        let mut y = 0i32;
        let mut row_y = Vec::with_capacity(grid.rows);
        let mut h_gutter = Vec::with_capacity(grid.rows + 1);
        let mut lane_tops = Vec::with_capacity(grid.lanes.len());
        for (i, &tracks) in h_tracks.iter().enumerate() {
            if i < grid.rows && grid.lane_starts_at(i) {
                if i > 0 {
                    y = y.saturating_add(LANE_PAD);
                }
                lane_tops.push(y);
                y = y.saturating_add(LANE_TITLE);
            }
            let h = gutter_size(tracks, H_GUTTER_MIN, H_MARGIN);
            h_gutter.push((y, h));
            y = y.saturating_add(h);
            if i < grid.rows {
                row_y.push(y);
                y = y.saturating_add(CARD_H);
            }
        }
        y = y.saturating_add(LANE_PAD);
        let height = y;
        let lane_rects = lane_tops
            .iter()
            .enumerate()
            .map(|(n, &top)| {
                let bottom = lane_tops.get(n + 1).copied().unwrap_or(height);
                Rect {
                    x: 0,
                    y: top,
                    w: width,
                    h: bottom - top,
                }
            })
            .collect();
        Geometry {
            width,
            height,
            column_x,
            row_y,
            v_gutter,
            h_gutter,
            lane_rects,
            h_tracks,
            v_tracks,
        }
    }

    /// The rectangle of a card.
    pub fn card_rect(&self, cell: &Cell) -> Rect {
        Rect {
            x: self.column_x.get(cell.column).copied().unwrap_or(0),
            y: self.row_y.get(cell.row).copied().unwrap_or(0),
            w: CARD_W,
            h: CARD_H,
        }
    }

    /// The y of track `k` in horizontal gutter `i`.
    pub fn h_track_y(&self, i: usize, k: usize) -> i32 {
        let (top, h) = self.h_gutter.get(i).copied().unwrap_or((0, 0));
        let tracks = self.h_tracks.get(i).copied().unwrap_or(0);
        top + track_offset(h, tracks, k)
    }

    /// The x of track `k` in vertical gutter `j`.
    pub fn v_track_x(&self, j: usize, k: usize) -> i32 {
        let (left, _) = self.v_gutter.get(j).copied().unwrap_or((0, 0));
        let tracks = self.v_tracks.get(j).copied().unwrap_or(0);
        left + v_track_offset(tracks, k)
    }
}

//! Segment geometry of routes: proper crossings (what Tidy minimises) and collinear overlaps
//! (what must never happen between two routes).

use super::{Point, Route};

/// An axis-parallel segment, endpoints ordered (`a <= b` on the varying axis).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub a: Point,
    pub b: Point,
}

impl Segment {
    fn new(p: Point, q: Point) -> Segment {
        if (p.x, p.y) <= (q.x, q.y) {
            Segment { a: p, b: q }
        } else {
            Segment { a: q, b: p }
        }
    }
    pub fn horizontal(&self) -> bool {
        self.a.y == self.b.y && self.a.x != self.b.x
    }
    pub fn vertical(&self) -> bool {
        self.a.x == self.b.x && self.a.y != self.b.y
    }
}

/// The non-empty segments of a route.
pub(crate) fn segments(route: &Route) -> impl Iterator<Item = Segment> + '_ {
    route
        .points
        .windows(2)
        .map(|w| Segment::new(w[0], w[1]))
        .filter(|s| s.a != s.b)
}

/// Whether a horizontal and a vertical segment cross at a point inside both.
fn cross(h: &Segment, v: &Segment) -> bool {
    h.a.x < v.a.x && v.a.x < h.b.x && v.a.y < h.a.y && h.a.y < v.b.y
}

/// Proper crossings between segments of different routes.
pub(crate) fn count(routes: &[Route]) -> usize {
    let mut horizontal: Vec<(usize, Segment)> = Vec::new();
    let mut vertical: Vec<(usize, Segment)> = Vec::new();
    for (i, r) in routes.iter().enumerate() {
        for s in segments(r) {
            if s.horizontal() {
                horizontal.push((i, s));
            } else if s.vertical() {
                vertical.push((i, s));
            }
        }
    }
    let mut n = 0;
    for (i, h) in &horizontal {
        for (j, v) in &vertical {
            if i != j && cross(h, v) {
                n += 1;
            }
        }
    }
    n
}

/// Whether two segments overlap along a common line by more than a point.
#[cfg(test)]
pub(crate) fn overlap(s: &Segment, t: &Segment) -> bool {
    if s.horizontal() && t.horizontal() && s.a.y == t.a.y {
        s.a.x.max(t.a.x) < s.b.x.min(t.b.x)
    } else if s.vertical() && t.vertical() && s.a.x == t.a.x {
        s.a.y.max(t.a.y) < s.b.y.min(t.b.y)
    } else {
        false
    }
}

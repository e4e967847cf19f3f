//! The links as SVG path data: one route as a path (`route_path`), and every route of a kind
//! drawn as one path with its arrowheads as another (`strokes`). The board draws its resting
//! links with these few paths instead of an element per link: a drop that moves the routes of
//! a 200-service board rewrites four attributes, not two hundred.
//!
//! Arrowheads are filled triangles in diagram pixels, the size of the board's own arrowhead
//! marker on a 2.5 px line (18 px long and wide, its tip 2 px past the route's last point, under
//! the target card's edge). A marker would not do: a path with many subpaths gets one marker
//! at its very end, not one per route.

use super::{Point, Route};
use crate::model::LinkKind;
use std::fmt::Write;

/// An arrowhead's length and width (diagram pixels).
const HEAD: i32 = 18;
/// How far the tip lies past the route's last point.
const TIP_PAST: i32 = 2;

/// The SVG path of a route: `M x,y L x,y …` in whole pixels (an empty path when it has no points).
pub fn route_path(points: &[Point]) -> String {
    let mut d = String::new();
    push_route(&mut d, points);
    d
}

fn push_route(d: &mut String, points: &[Point]) {
    for (i, p) in points.iter().enumerate() {
        let op = if i == 0 { 'M' } else { 'L' };
        if !d.is_empty() {
            d.push(' ');
        }
        let _ = write!(d, "{op}{},{}", p.x, p.y);
    }
}

/// The arrowhead at a route's end, as a closed triangle path, pointing along its last segment
/// of non-zero length (`None` for a route without one).
#[cfg(test)]
fn arrowhead(points: &[Point]) -> Option<String> {
    let mut d = String::new();
    push_head(&mut d, points);
    (!d.is_empty()).then_some(d)
}

fn push_head(d: &mut String, points: &[Point]) {
    let Some(&end) = points.last() else {
        return;
    };
    let Some(&from) = points.iter().rev().find(|p| **p != end) else {
        return;
    };
    // The unit direction along the segment's main axis (the layout's segments are orthogonal).
    let (w, h) = (end.x - from.x, end.y - from.y);
    let (dx, dy) = if w.abs() >= h.abs() {
        (w.signum(), 0)
    } else {
        (0, h.signum())
    };
    let tip = (end.x + dx * TIP_PAST, end.y + dy * TIP_PAST);
    let base = (tip.0 - dx * HEAD, tip.1 - dy * HEAD);
    let half = HEAD / 2;
    let (px, py) = (-dy * half, dx * half);
    if !d.is_empty() {
        d.push(' ');
    }
    let _ = write!(
        d,
        "M{},{} L{},{} L{},{} Z",
        tip.0,
        tip.1,
        base.0 + px,
        base.1 + py,
        base.0 - px,
        base.1 - py
    );
}

/// Every route of a kind as one path, and their arrowheads as another.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Strokes {
    pub sync_lines: String,
    pub sync_heads: String,
    pub async_lines: String,
    pub async_heads: String,
}

/// The routes drawn by kind, in the diagram's order.
pub fn strokes(routes: &[Route]) -> Strokes {
    let mut s = Strokes::default();
    for r in routes {
        let (lines, heads) = match r.kind {
            LinkKind::Sync => (&mut s.sync_lines, &mut s.sync_heads),
            LinkKind::Async => (&mut s.async_lines, &mut s.async_heads),
        };
        push_route(lines, &r.points);
        push_head(heads, &r.points);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ServiceId;

    fn p(x: i32, y: i32) -> Point {
        Point { x, y }
    }

    fn route(from: u32, to: u32, kind: LinkKind, points: Vec<Point>) -> Route {
        Route {
            from: ServiceId(from),
            to: ServiceId(to),
            kind,
            label: points.first().copied().unwrap_or_default(),
            points,
        }
    }

    #[test]
    fn a_route_is_a_polyline_in_whole_pixels() {
        assert_eq!(
            route_path(&[p(10, 92), p(10, 140), p(250, 140), p(250, 188)]),
            "M10,92 L10,140 L250,140 L250,188"
        );
        assert_eq!(route_path(&[]), "");
    }

    #[test]
    fn an_arrowhead_points_along_the_last_segment_past_the_end() {
        // Downward onto a card's top edge at (250, 188): tip 2 px below, base 16 px above.
        assert_eq!(
            arrowhead(&[p(10, 92), p(10, 140), p(250, 140), p(250, 188)]).as_deref(),
            Some("M250,190 L241,172 L259,172 Z")
        );
        // Upward onto a card's bottom edge.
        assert_eq!(
            arrowhead(&[p(40, 300), p(40, 200)]).as_deref(),
            Some("M40,198 L49,216 L31,216 Z")
        );
        // Rightward and leftward.
        assert_eq!(
            arrowhead(&[p(0, 0), p(100, 0)]).as_deref(),
            Some("M102,0 L84,9 L84,-9 Z")
        );
        assert_eq!(
            arrowhead(&[p(100, 0), p(0, 0)]).as_deref(),
            Some("M-2,0 L16,-9 L16,9 Z")
        );
    }

    #[test]
    fn a_repeated_last_point_does_not_turn_the_arrowhead() {
        assert_eq!(
            arrowhead(&[p(0, 0), p(0, 50), p(0, 50)]),
            arrowhead(&[p(0, 0), p(0, 50)])
        );
    }

    #[test]
    fn a_route_without_a_segment_has_no_arrowhead() {
        assert_eq!(arrowhead(&[]), None);
        assert_eq!(arrowhead(&[p(5, 5)]), None);
        assert_eq!(arrowhead(&[p(5, 5), p(5, 5)]), None);
    }

    #[test]
    fn routes_are_drawn_by_kind_one_subpath_each() {
        let routes = [
            route(1, 2, LinkKind::Sync, vec![p(0, 0), p(0, 40)]),
            route(2, 3, LinkKind::Async, vec![p(10, 0), p(10, 40)]),
            route(1, 3, LinkKind::Sync, vec![p(20, 0), p(20, 10), p(60, 10)]),
        ];
        let s = strokes(&routes);
        assert_eq!(s.sync_lines, "M0,0 L0,40 M20,0 L20,10 L60,10");
        assert_eq!(s.async_lines, "M10,0 L10,40");
        assert_eq!(
            s.sync_heads,
            format!(
                "{} {}",
                arrowhead(&routes[0].points).unwrap(),
                arrowhead(&routes[2].points).unwrap()
            )
        );
        assert_eq!(s.async_heads, arrowhead(&routes[1].points).unwrap());
        assert_eq!(strokes(&[]), Strokes::default(), "no links, empty paths");
    }
}

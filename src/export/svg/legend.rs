//! The legend under the drawing: what a solid and a dashed link, the exposed-port marker, a
//! dashed network outline, the health badges and `×N` mean. Items flow left to right and wrap
//! to the drawing's width.

use super::card::{badge, badge_width, Badge};
use super::xml::{escape, width};
use crate::export::theme::Palette;
use std::fmt::Write as _;

/// Height of one legend row.
pub const ROW_H: i32 = 28;
const SWATCH_W: i32 = 40;
const GAP: i32 = 24;
const MARGIN: i32 = 16;
const SIZE: i32 = 12;

#[derive(Debug, Clone, Copy)]
enum Swatch {
    Sync,
    Async,
    Exposed,
    Internal,
    Health(bool),
    Replicas,
}

const ITEMS: [(Swatch, &str); 7] = [
    (Swatch::Sync, "request/response (sync)"),
    (Swatch::Async, "through a queue (async)"),
    (
        Swatch::Exposed,
        "published port (host interface:port→container)",
    ),
    (Swatch::Internal, "internal network (no route outside)"),
    (Swatch::Health(true), "healthcheck"),
    (Swatch::Health(false), "no healthcheck"),
    (Swatch::Replicas, "production replicas"),
];

/// The badge a badge swatch shows.
fn sample(s: Swatch) -> Option<Badge> {
    match s {
        Swatch::Exposed => Some(Badge::Exposed(":80".into())),
        Swatch::Health(ok) => Some(Badge::Health(ok)),
        Swatch::Replicas => Some(Badge::Replicas(3)),
        Swatch::Sync | Swatch::Async | Swatch::Internal => None,
    }
}

fn swatch_width(s: Swatch) -> i32 {
    sample(s).map_or(SWATCH_W, |b| badge_width(&b))
}

fn item_width(s: Swatch, label: &str) -> i32 {
    swatch_width(s) + 6 + width(label, SIZE)
}

/// Item positions `(x, row)` for a legend `total` pixels wide.
fn places(total: i32) -> Vec<(i32, i32)> {
    let mut out = Vec::new();
    let (mut x, mut row) = (MARGIN, 0);
    for (s, label) in ITEMS {
        let w = item_width(s, label);
        if x > MARGIN && x + w > total - MARGIN {
            x = MARGIN;
            row += 1;
        }
        out.push((x, row));
        x += w + GAP;
    }
    out
}

/// Height of the legend at `total` width (its rows plus a margin).
pub fn height(total: i32) -> i32 {
    let rows = places(total).last().map_or(0, |(_, r)| r + 1);
    rows * ROW_H + 12
}

fn swatch(out: &mut String, s: Swatch, x: i32, y: i32, p: &Palette) {
    let mid = y + ROW_H / 2;
    match s {
        Swatch::Sync | Swatch::Async => {
            let (colour, dash, marker) = match s {
                Swatch::Sync => (p.link, "", "sync"),
                _ => (p.link_async, " stroke-dasharray=\"6 4\"", "async"),
            };
            let _ = write!(
                out,
                "<path d=\"M{x} {mid} L{} {mid}\" stroke=\"{colour}\" stroke-width=\"2\"{dash} marker-end=\"url(#tb-arrow-{marker})\"/>",
                x + SWATCH_W - 4
            );
        }
        Swatch::Internal => {
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{}\" width=\"{SWATCH_W}\" height=\"16\" rx=\"4\" fill=\"none\" stroke=\"{}\" stroke-dasharray=\"4 3\"/>",
                mid - 8,
                p.muted
            );
        }
        Swatch::Exposed | Swatch::Health(_) | Swatch::Replicas => {
            if let Some(b) = sample(s) {
                badge(out, &b, x, mid - 8, p, p.text);
            }
        }
    }
}

/// Draws the legend with its top at `top`, `total` pixels wide.
pub fn legend(out: &mut String, top: i32, total: i32, p: &Palette) {
    out.push_str("<g aria-label=\"Legend\">");
    for ((s, label), (x, row)) in ITEMS.into_iter().zip(places(total)) {
        let y = top + row * ROW_H;
        swatch(out, s, x, y, p);
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{SIZE}\" fill=\"{}\">{}</text>",
            x + swatch_width(s) + 6,
            y + ROW_H / 2 + 4,
            p.muted,
            escape(label)
        );
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_wraps_to_a_narrow_drawing() {
        assert_eq!(height(4000), ROW_H + 12);
        assert!(height(400) > 2 * ROW_H);
        for (x, _) in places(400) {
            assert!(x >= MARGIN);
        }
    }
}

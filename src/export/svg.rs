//! The diagram as a self-contained SVG, painted from the same [`Diagram`] the board draws:
//! lanes with their tier titles, the tier networks (internal ones dashed), the service cards
//! with their badges, and the links as paths with an arrowhead per kind (sync solid with a
//! filled head, async dashed with an open one); a title strip above and a legend below.
//!
//! The SVG carries the design itself (`share::svg_metadata`: the share payload in its
//! `<metadata>`), so opening an exported SVG in Tierboard restores the exact board, as draw.io
//! and Excalidraw do with theirs. The web app turns this SVG into PNG and the clipboard image.
//!
//! Invariants:
//! - **Well-formed for any input**: every piece of user text goes through [`xml::escape`];
//!   the markup around it is fixed.
//! - **Self-contained**: no external font, stylesheet or image; presentation attributes only,
//!   the system font stack.
//! - **Deterministic, integers only**: coordinates come from the layout as whole pixels and are
//!   printed as integers (no float formatting code in the wasm bundle).

mod card;
mod legend;
mod xml;

pub use xml::escape;

use super::theme::{Palette, Theme};
use crate::diagram::{Diagram, NetworkBand, Route};
use crate::model::{Design, LinkKind, Tier};
use crate::share;
use std::fmt::Write as _;

/// Height of the title strip above the drawing.
pub const TITLE_H: i32 = 48;
/// The narrowest SVG written (an empty board still gets a readable title and legend).
pub const MIN_WIDTH: i32 = 480;

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/// The SVG document of `design` drawn as `diagram` (from `diagram::layout`), in `theme`.
pub fn svg(design: &Design, diagram: &Diagram, theme: Theme) -> String {
    let p = theme.palette();
    let width = diagram.width.max(MIN_WIDTH);
    let drawing_h = diagram.height.max(0);
    let height = TITLE_H + drawing_h + legend::height(width);
    let mut out = String::with_capacity(4096 + 1536 * diagram.cards.len());
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-labelledby=\"tb-title tb-desc\" font-family=\"{FONT}\">\n\
         <title id=\"tb-title\">{}</title>\n<desc id=\"tb-desc\">{}</desc>\n{}\n",
        escape(&format!("{}: architecture", design.name)),
        escape(&description(design)),
        share::svg_metadata(design),
    );
    markers(&mut out, p);
    let _ = writeln!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"{}\"/>",
        p.background
    );
    title_strip(&mut out, design, width, p);
    let _ = writeln!(out, "<g transform=\"translate(0 {TITLE_H})\">");
    for lane in &diagram.lanes {
        let c = p.tier(lane.tier);
        let r = lane.rect;
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"12\" fill=\"{}\" stroke=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"700\" fill=\"{}\">{}</text>",
            r.x,
            r.y,
            r.w,
            r.h,
            c.tint,
            c.soft,
            r.x + 16,
            r.y + 24,
            c.strong,
            lane.tier.name().get(design.settings.docs_lang)
        );
    }
    for band in &diagram.networks {
        network(&mut out, band, p);
    }
    for placed in &diagram.cards {
        if let Some(service) = design.service(placed.id) {
            card::card(&mut out, service, placed.rect, p);
            out.push('\n');
        }
    }
    for r in &diagram.routes {
        route(&mut out, design, r, p);
    }
    out.push_str("</g>\n");
    legend::legend(&mut out, TITLE_H + drawing_h, width, p);
    out.push_str("\n</svg>\n");
    out
}

/// The arrowheads: a filled triangle for sync links, an open chevron for async ones.
fn markers(out: &mut String, p: &Palette) {
    let _ = writeln!(
        out,
        "<defs>\
         <marker id=\"tb-arrow-sync\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
         <path d=\"M0 0 L10 5 L0 10 Z\" fill=\"{}\"/></marker>\
         <marker id=\"tb-arrow-async\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
         <path d=\"M1 1 L9 5 L1 9\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/></marker>\
         </defs>",
        p.link, p.link_async
    );
}

fn title_strip(out: &mut String, design: &Design, width: i32, p: &Palette) {
    let summary = format!(
        "{} services · {} links · Tierboard",
        design.services.len(),
        design.links.len()
    );
    let room = width - 48 - xml::width(&summary, 12);
    let _ = writeln!(
        out,
        "<text x=\"16\" y=\"31\" font-size=\"18\" font-weight=\"700\" fill=\"{}\">{}</text>\
         <text x=\"{}\" y=\"31\" font-size=\"12\" text-anchor=\"end\" fill=\"{}\">{}</text>",
        p.text,
        escape(&xml::fit(&design.name, room, 18)),
        width - 16,
        p.muted,
        escape(&summary)
    );
}

fn network(out: &mut String, band: &NetworkBand, p: &Palette) {
    let c = p.tier(band.tier);
    let r = band.rect;
    let dash = if band.internal {
        " stroke-dasharray=\"6 4\""
    } else {
        ""
    };
    let label = if band.internal {
        format!("network {} · internal", band.name)
    } else {
        format!("network {}", band.name)
    };
    let _ = writeln!(
        out,
        "<g><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"none\" stroke=\"{}\"{dash}/>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" fill=\"{}\">{}</text></g>",
        escape(&label),
        r.x,
        r.y,
        r.w,
        r.h,
        c.strong,
        r.x + r.w - 10,
        r.y + 16,
        c.strong,
        escape(&label)
    );
}

fn route(out: &mut String, design: &Design, r: &Route, p: &Palette) {
    let Some((first, rest)) = r.points.split_first() else {
        return;
    };
    let mut d = format!("M{} {}", first.x, first.y);
    for pt in rest {
        let _ = write!(d, " L{} {}", pt.x, pt.y);
    }
    let name = |id| design.service(id).map_or("?", |s| s.name.as_str());
    let (colour, dash, kind) = match r.kind {
        LinkKind::Sync => (p.link, "", "sync"),
        LinkKind::Async => (p.link_async, " stroke-dasharray=\"6 4\"", "async"),
    };
    let _ = writeln!(
        out,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} marker-end=\"url(#tb-arrow-{kind})\">\
         <title>{} → {} ({kind})</title></path>",
        escape(name(r.from)),
        escape(name(r.to)),
    );
}

crate::texts! {
    DESCRIPTION {
        en: "Architecture of {name}: {count} services",
        de: "Architektur von {name}: {count} Services",
        fr: "Architecture de {name} : {count} services",
    }
}

/// The `<desc>`: the design in words (in the design's `docs_lang`), for screen readers and search.
fn description(design: &Design) -> String {
    let mut text = DESCRIPTION.fill(
        design.settings.docs_lang,
        &[
            ("name", &design.name),
            ("count", &design.services.len().to_string()),
        ],
    );
    let tiers: Vec<String> = Tier::ALL
        .iter()
        .filter_map(|t| {
            let names: Vec<&str> = design.tier_services(*t).map(|s| s.name.as_str()).collect();
            (!names.is_empty()).then(|| {
                format!(
                    "{}: {}",
                    t.name().get(design.settings.docs_lang),
                    names.join(", ")
                )
            })
        })
        .collect();
    if !tiers.is_empty() {
        let _ = write!(text, " ({})", tiers.join("; "));
    }
    let links: Vec<String> = design
        .links
        .iter()
        .filter_map(|l| {
            let (from, to) = (design.service(l.from)?, design.service(l.to)?);
            let how = match l.kind {
                LinkKind::Sync => "request/response",
                LinkKind::Async => "through a queue",
            };
            Some(format!("{} → {} ({how})", from.name, to.name))
        })
        .collect();
    let _ = write!(text, "; {} links", links.len());
    if !links.is_empty() {
        let _ = write!(text, ": {}", links.join(", "));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests;

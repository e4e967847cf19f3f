//! One service card of the exported SVG, drawn like the board's: monogram, name, kind, image or
//! build, and a row of badges (published ports with their host interface, production replicas,
//! healthcheck present or missing, profiles). Text is cut to the card; the card's `<title>`
//! keeps every fact in full (a tooltip in browsers, read by screen readers).

use super::xml::{escape, fit, width};
use crate::diagram::{CardFace, Rect};
use crate::export::theme::Palette;
use crate::model::Service;
use std::fmt::Write as _;

/// What a badge says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Badge {
    /// A published port: `host_ip:published→container` (generated files bind `127.0.0.1`
    /// when the design names no interface).
    Exposed(String),
    /// Production replicas above one: `×3`.
    Replicas(u32),
    /// Whether the service has a healthcheck.
    Health(bool),
    Profile(String),
}

impl Badge {
    fn text(&self) -> String {
        match self {
            Badge::Exposed(text) => text.clone(),
            Badge::Replicas(n) => format!("×{n}"),
            Badge::Health(true) => "health".to_string(),
            Badge::Health(false) => "no health".to_string(),
            Badge::Profile(p) => format!("profile {p}"),
        }
    }
}

/// The badges of a card, in the order drawn (from the one card face the board shows too).
pub fn badges(face: &CardFace) -> Vec<Badge> {
    let mut out: Vec<Badge> = face
        .exposures
        .iter()
        .map(|e| Badge::Exposed(e.long()))
        .collect();
    if face.replicas > 1 {
        out.push(Badge::Replicas(face.replicas));
    }
    out.push(Badge::Health(face.healthcheck));
    out.extend(face.profiles.iter().cloned().map(Badge::Profile));
    out
}

/// The card's `<title>`: every fact, uncut.
fn title(face: &CardFace, badges: &[Badge]) -> String {
    let mut text = format!("{} — {}, {}", face.name, face.kind, face.source);
    for b in badges {
        text.push_str("; ");
        text.push_str(&match b {
            Badge::Exposed(port) => format!("published {port}"),
            Badge::Replicas(n) => format!("{n} replicas in production"),
            Badge::Health(true) => "healthcheck".to_string(),
            Badge::Health(false) => "no healthcheck".to_string(),
            Badge::Profile(p) => format!("profile {p}"),
        });
    }
    text
}

const BADGE_SIZE: i32 = 11;
const BADGE_H: i32 = 16;
const PAD: i32 = 10;

/// A badge's width in pixels.
pub fn badge_width(badge: &Badge) -> i32 {
    let mark_w = if matches!(badge, Badge::Exposed(_)) {
        10
    } else {
        0
    };
    width(&badge.text(), BADGE_SIZE) + 10 + mark_w
}

/// Draws one badge with its left edge at `x`, top at `y`; returns its width.
pub fn badge(out: &mut String, badge: &Badge, x: i32, y: i32, p: &Palette, tier: &str) -> i32 {
    let text = badge.text();
    let (colour, mark) = match badge {
        Badge::Exposed(_) => (tier, true),
        Badge::Health(false) => (p.danger, false),
        Badge::Health(true) => (p.healthy(), false),
        Badge::Replicas(_) | Badge::Profile(_) => (p.muted, false),
    };
    // The "exposed" marker: a small triangle pointing out of the card (drawn, not a glyph, so
    // no font can miss it).
    let mark_w = if mark { 10 } else { 0 };
    let w = badge_width(badge);
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{BADGE_H}\" rx=\"8\" fill=\"none\" stroke=\"{colour}\"/>"
    );
    if mark {
        let (mx, my) = (x + 6, y + 4);
        let _ = write!(
            out,
            "<path d=\"M{mx} {} L{} {} L{} {} Z\" fill=\"{colour}\"/>",
            my + 8,
            mx + 4,
            my,
            mx + 8,
            my + 8
        );
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{BADGE_SIZE}\" fill=\"{colour}\">{}</text>",
        x + 5 + mark_w,
        y + 12,
        escape(&text)
    );
    w
}

/// Draws the card of `service` in `rect`.
pub fn card(out: &mut String, service: &Service, rect: Rect, p: &Palette) {
    let colours = p.tier(service.tier);
    let Rect { x, y, w, h } = rect;
    let face = CardFace::of(service);
    let all = badges(&face);
    let _ = write!(
        out,
        "<g data-service=\"{}\"><title>{}</title>",
        escape(&service.name),
        escape(&title(&face, &all))
    );
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"10\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>",
        p.surface, colours.strong
    );
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"30\" height=\"30\" rx=\"6\" fill=\"{}\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
        x + PAD,
        y + PAD,
        colours.soft,
        x + PAD + 15,
        y + PAD + 20,
        colours.strong,
        escape(&face.monogram)
    );
    let text_x = x + PAD + 38;
    let text_w = w - (text_x - x) - PAD;
    let _ = write!(
        out,
        "<text x=\"{text_x}\" y=\"{}\" font-size=\"14\" font-weight=\"700\" fill=\"{}\">{}</text>\
         <text x=\"{text_x}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" font-family=\"ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace\" fill=\"{}\">{}</text>",
        y + 23,
        p.text,
        escape(&fit(&service.name, text_w, 15)),
        y + 39,
        p.muted,
        escape(&fit(&face.kind, text_w, 12)),
        x + PAD,
        y + 59,
        p.muted,
        escape(&fit(&face.source, w - 2 * PAD, 11)),
    );
    // Badges left to right; those that do not fit are counted in a last "+N".
    let mut bx = x + PAD;
    let by = y + h - BADGE_H - 8;
    let right = x + w - PAD;
    for (i, b) in all.iter().enumerate() {
        let left = all.len() - i;
        let need = badge_width(b) + 4;
        let room_for_more = if left > 1 { 26 } else { 0 };
        if bx + need + room_for_more > right {
            let _ = write!(
                out,
                "<text x=\"{bx}\" y=\"{}\" font-size=\"{BADGE_SIZE}\" fill=\"{}\">+{left}</text>",
                by + 12,
                p.muted
            );
            break;
        }
        bx += badge(out, b, bx, by, p, colours.strong) + 4;
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Healthcheck, Port, Protocol, ServiceId, Tier};

    #[test]
    fn badges_name_the_host_interface_replicas_health_and_profiles() {
        let mut s = Service::new(ServiceId(1), "web", "custom", Tier::Frontend);
        let mut open = Port::published(80, 8080);
        open.host_ip = Some("0.0.0.0".into());
        let mut dns = Port::published(53, 5353);
        dns.protocol = Protocol::Udp;
        s.ports = vec![Port::published(80, 8080), open, Port::internal(9000), dns];
        s.replicas.prod = 3;
        s.profiles = vec!["debug".into()];
        assert_eq!(
            badges(&CardFace::of(&s)),
            vec![
                Badge::Exposed("127.0.0.1:8080→80".into()),
                Badge::Exposed("0.0.0.0:8080→80".into()),
                Badge::Exposed("127.0.0.1:5353→53/udp".into()),
                Badge::Replicas(3),
                Badge::Health(false),
                Badge::Profile("debug".into()),
            ]
        );
        s.healthcheck = Some(Healthcheck {
            test: vec!["CMD".into(), "true".into()],
            interval_s: 10,
            timeout_s: 5,
            retries: 3,
            start_period_s: 0,
        });
        s.replicas.prod = 1;
        s.ports.clear();
        s.profiles.clear();
        assert_eq!(badges(&CardFace::of(&s)), vec![Badge::Health(true)]);
    }

    #[test]
    fn a_card_keeps_every_fact_in_its_title_and_cuts_what_overflows() {
        let mut s = Service::new(
            ServiceId(1),
            "a-very-long-service-name-that-overflows",
            "custom",
            Tier::Backend,
        );
        s.ports = (1..=6).map(|n| Port::published(80, 8000 + n)).collect();
        let mut out = String::new();
        let p = crate::export::theme::Theme::Light.palette();
        card(
            &mut out,
            &s,
            Rect {
                x: 0,
                y: 0,
                w: 200,
                h: 92,
            },
            p,
        );
        assert!(out.contains("<title>a-very-long-service-name-that-overflows — "));
        assert!(out.contains("published 127.0.0.1:8006→80; no healthcheck</title>"));
        assert!(out.contains("…</text>"), "{out}");
        assert!(out.contains(">+"), "{out}");
    }
}

//! Where keyboard focus goes: to a card, the board, the inspector's first field, a neighbour
//! after a removal, the next card for an arrow key. Focus never changes the selection (only
//! Enter, Space or a click select), so tabbing across the board to the inspector keeps the
//! card the user chose. Every move happens a frame later, once the DOM has caught up with the
//! command that caused it, and every target is visible (`:focus-visible` draws its ring).

use super::{AppState, PanelTab};
use crate::model::{ServiceId, Tier};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The board's element id (the skip link's target).
pub const BOARD_ID: &str = "board";

/// The fields the inspector can focus first, in document order.
const FIELDS: &str = ".inspector input:not([disabled]), .inspector select:not([disabled]), .inspector textarea:not([disabled]), .inspector button:not([disabled])";

fn focus_selector(selector: String) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Focuses the card of `id` (a frame later: a moved or new card is a new element).
pub fn card(id: ServiceId) {
    super::card::focus_card(id);
}

/// Focuses the board itself (nothing left to focus on it).
pub fn board() {
    focus_selector(format!("#{BOARD_ID}"));
}

/// The skip link's target: the first card, else the board.
pub fn skip_to_board() {
    request_animation_frame(|| {
        let target = document()
            .query_selector(".board .card[data-service-id]")
            .ok()
            .flatten()
            .or_else(|| document().get_element_by_id(BOARD_ID));
        if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// Opens the inspector and focuses its first field (F2, Enter on a selected card): its first
/// field is the service's name, so this is also "rename".
pub fn inspector_first_field(app: AppState) {
    app.panel.set(PanelTab::Inspector);
    app.drawer_open.set(true);
    app.inspect_now();
    // Two frames: the panel switches tab, then the inspector renders the selected service.
    request_animation_frame(|| focus_selector(FIELDS.to_string()));
}

/// The card to focus once `removed` are gone: the next one in the same tier, else the one
/// before it, else the first card left anywhere.
pub fn neighbour_after_removal(app: AppState, removed: &[ServiceId]) -> Option<ServiceId> {
    let first = *removed.first()?;
    app.reader().signal().with_untracked(|d| {
        let tier = d.service(first)?.tier;
        let row: Vec<ServiceId> = d.tier_services(tier).map(|s| s.id).collect();
        let at = row.iter().position(|&id| id == first)?;
        let kept = |id: &&ServiceId| !removed.contains(id);
        row[at..]
            .iter()
            .find(kept)
            .or_else(|| row[..at].iter().rev().find(kept))
            .or_else(|| d.services.iter().map(|s| &s.id).find(kept))
            .copied()
    })
}

/// The card an arrow key moves focus to from `id`: Left/Right in the tier's order, Up/Down to
/// the card in the nearest non-empty tier above/below whose centre is closest horizontally.
pub fn card_for_arrow(app: AppState, id: ServiceId, key: &str) -> Option<ServiceId> {
    let (tier, row) = app.reader().signal().with_untracked(|d| {
        let tier = d.service(id)?.tier;
        Some((
            tier,
            d.tier_services(tier).map(|s| s.id).collect::<Vec<_>>(),
        ))
    })?;
    let at = row.iter().position(|&o| o == id)?;
    match key {
        "ArrowLeft" => at.checked_sub(1).map(|i| row[i]),
        "ArrowRight" => row.get(at + 1).copied(),
        "ArrowUp" | "ArrowDown" => {
            let step = |t: Tier| if key == "ArrowUp" { t.up() } else { t.down() };
            let x = centre_x(id);
            let mut next = step(tier);
            while let Some(t) = next {
                let others: Vec<ServiceId> = app
                    .reader()
                    .signal()
                    .with_untracked(|d| d.tier_services(t).map(|s| s.id).collect());
                if !others.is_empty() {
                    return nearest(&others, x, at);
                }
                next = step(t);
            }
            None
        }
        _ => None,
    }
}

/// The card of `others` whose centre is nearest `x`; by position when cards are not measured.
fn nearest(others: &[ServiceId], x: Option<f64>, at: usize) -> Option<ServiceId> {
    let by_index = || others.get(at.min(others.len() - 1)).copied();
    let Some(x) = x else {
        return by_index();
    };
    let mut best: Option<(f64, ServiceId)> = None;
    for &o in others {
        if let Some(ox) = centre_x(o) {
            let d = (ox - x).abs();
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, o));
            }
        }
    }
    best.map(|(_, o)| o).or_else(by_index)
}

fn centre_x(id: ServiceId) -> Option<f64> {
    let el = document()
        .query_selector(&format!(".card[data-service-id=\"{}\"]", id.0))
        .ok()
        .flatten()?;
    let r = el.get_bounding_client_rect();
    Some(r.left() + r.width() / 2.0)
}

/// An input, a text area, a select or an editable element: its own keys and clipboard win.
pub fn is_text_field(el: &Element) -> bool {
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || el
        .get_attribute("contenteditable")
        .is_some_and(|v| v != "false")
}

/// Escape in the inspector of `id`: focus goes back to its card (the selection stays).
pub fn escape_to_card(id: ServiceId, ev: &web_sys::KeyboardEvent) {
    if ev.key() == "Escape" && !ev.default_prevented() {
        ev.prevent_default();
        ev.stop_propagation();
        card(id);
    }
}

/// After a checklist Fix: the next Fix button (the one now where the used one was), else the
/// checklist itself. The checklist follows an edit a painted frame late
/// (`DesignReader::memo_after_paint`): this waits, a few frames at most, until the used button
/// has left the page.
pub fn after_fix(used: Option<Element>) {
    let index = used.as_ref().and_then(|el| {
        let all = document().query_selector_all(".check__fix").ok()?;
        (0..all.length()).position(|i| all.item(i).is_some_and(|n| n.is_same_node(Some(el))))
    });
    focus_next_fix(used, index, 4);
}

fn focus_next_fix(used: Option<Element>, index: Option<usize>, frames_left: u8) {
    request_animation_frame(move || {
        if frames_left > 0 && used.as_ref().is_some_and(|el| el.is_connected()) {
            return focus_next_fix(used, index, frames_left - 1);
        }
        let fixes = document().query_selector_all(".check__fix").ok();
        let n = fixes.as_ref().map_or(0, |f| f.length());
        let target = match (fixes, index) {
            (Some(f), Some(i)) if n > 0 => f.item((i as u32).min(n - 1)),
            (Some(f), None) if n > 0 => f.item(0),
            _ => document()
                .query_selector(".checklist")
                .ok()
                .flatten()
                .map(Into::into),
        };
        if let Some(el) = target.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// Focuses the link from `from` to `to` (a frame later).
pub fn link(from: ServiceId, to: ServiceId) {
    request_animation_frame(move || {
        let selector = format!(".link[data-from=\"{}\"][data-to=\"{}\"]", from.0, to.0);
        if let Some(el) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

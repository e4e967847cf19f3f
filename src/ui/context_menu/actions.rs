//! What the context menu offers and does: for a card (or the multi-selection it belongs to)
//! Rename, Edit in inspector, Duplicate, Copy, Cut, Paste, Move to another tier, Delete; for a
//! link, switching sync/async and Disconnect. Each item is one undoable command.

use crate::edit::Command;
use crate::model::{LinkKind, ServiceId, Tier};
use crate::ui::rename::Renaming;
use crate::ui::{focus, selection, AppState, Selection};
use leptos::prelude::*;

/// What a menu item does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Rename(ServiceId),
    Inspect,
    Duplicate,
    Copy,
    Cut,
    Paste,
    Delete,
    MoveTo(Tier),
    ToggleKind(ServiceId, ServiceId, LinkKind),
    Disconnect(ServiceId, ServiceId),
}

/// A card's items; the tiers offered are those some selected service is not in yet.
pub fn card_entries(app: AppState, id: ServiceId) -> Vec<(String, Action)> {
    let n = app.selected_ids_untracked().len();
    let many = |s: &str| {
        if n > 1 {
            format!("{s} {n} services")
        } else {
            s.to_string()
        }
    };
    let tiers: Vec<Tier> = app.reader().signal().with_untracked(|d| {
        let ids = app.selected_ids_untracked();
        Tier::ALL
            .into_iter()
            .filter(|t| {
                ids.iter()
                    .any(|i| d.service(*i).is_some_and(|s| s.tier != *t))
            })
            .collect()
    });
    let mut entries = Vec::new();
    if n <= 1 {
        entries.push(("Rename".to_string(), Action::Rename(id)));
        entries.push(("Edit in inspector".to_string(), Action::Inspect));
    }
    entries.push((many("Duplicate"), Action::Duplicate));
    entries.push((many("Copy"), Action::Copy));
    entries.push((many("Cut"), Action::Cut));
    entries.push(("Paste".to_string(), Action::Paste));
    for t in tiers {
        entries.push((format!("Move to {} tier", t.label()), Action::MoveTo(t)));
    }
    entries.push((many("Delete"), Action::Delete));
    entries
}

/// A link's items.
pub fn link_entries(app: AppState, from: ServiceId, to: ServiceId) -> Vec<(String, Action)> {
    let kind = app.reader().signal().with_untracked(|d| {
        d.links
            .iter()
            .find(|l| l.from == from && l.to == to)
            .map(|l| l.kind)
    });
    let toggle = match kind {
        Some(LinkKind::Sync) => "Make asynchronous (queue)",
        _ => "Make synchronous (HTTP/gRPC)",
    };
    vec![
        (
            toggle.to_string(),
            Action::ToggleKind(from, to, kind.unwrap_or_default()),
        ),
        ("Disconnect".to_string(), Action::Disconnect(from, to)),
    ]
}

/// Runs an item (the menu has closed already).
pub fn perform(app: AppState, renaming: Option<Renaming>, action: Action) {
    match action {
        Action::Rename(id) => {
            if let Some(r) = renaming {
                r.start(id);
            }
        }
        Action::Inspect => focus::inspector_first_field(app),
        Action::Duplicate => selection::duplicate_selection(app),
        Action::Copy => selection::copy_to_system(app),
        Action::Cut => {
            selection::copy_to_system(app);
            selection::delete_selection(app);
        }
        Action::Paste => selection::paste_from_system(app),
        Action::Delete => {
            selection::delete_selection(app);
        }
        Action::MoveTo(tier) => selection::retier_selection(app, tier),
        Action::ToggleKind(from, to, kind) => {
            let kind = if kind == LinkKind::Sync {
                LinkKind::Async
            } else {
                LinkKind::Sync
            };
            app.dispatch_or_report(Command::SetLinkKind { from, to, kind });
            focus::link(from, to);
        }
        Action::Disconnect(from, to) => {
            app.dispatch_or_report(Command::Disconnect { from, to });
            app.selection.set(Selection::None);
            focus::card(from);
        }
    }
}

//! What the context menu offers and does: for a card (or the multi-selection it belongs to)
//! Rename, Edit in inspector, Duplicate, Copy, Cut, Paste, Move to another tier, Delete; for a
//! link, switching sync/async and Disconnect. Each item is one undoable command.

use crate::edit::Command;
use crate::i18n::{Lang, Text};
use crate::model::{LinkKind, ServiceId, Tier};
use crate::ui::rename::Renaming;
use crate::ui::texts::context_menu as t;
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

/// A card's items, named in `lang`; the tiers offered are those some selected service is not in
/// yet.
pub fn card_entries(app: AppState, id: ServiceId, lang: Lang) -> Vec<(String, Action)> {
    let n = app.selected_ids_untracked().len();
    let one = |text: Text| text.get(lang).to_string();
    let many = |single: Text, several: Text| {
        if n > 1 {
            several.fill(lang, &[("n", &n.to_string())])
        } else {
            one(single)
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
        entries.push((one(t::RENAME), Action::Rename(id)));
        entries.push((one(t::EDIT_IN_INSPECTOR), Action::Inspect));
    }
    entries.push((many(t::DUPLICATE, t::DUPLICATE_N), Action::Duplicate));
    entries.push((many(t::COPY, t::COPY_N), Action::Copy));
    entries.push((many(t::CUT, t::CUT_N), Action::Cut));
    entries.push((one(t::PASTE), Action::Paste));
    for tier in tiers {
        let name = t::MOVE_TO_TIER.fill(lang, &[("tier", tier.name().get(lang))]);
        entries.push((name, Action::MoveTo(tier)));
    }
    entries.push((many(t::DELETE, t::DELETE_N), Action::Delete));
    entries
}

/// A link's items, named in `lang`.
pub fn link_entries(
    app: AppState,
    from: ServiceId,
    to: ServiceId,
    lang: Lang,
) -> Vec<(String, Action)> {
    let kind = app.reader().signal().with_untracked(|d| {
        d.links
            .iter()
            .find(|l| l.from == from && l.to == to)
            .map(|l| l.kind)
    });
    let toggle = match kind {
        Some(LinkKind::Sync) => t::MAKE_ASYNC,
        _ => t::MAKE_SYNC,
    };
    vec![
        (
            toggle.get(lang).to_string(),
            Action::ToggleKind(from, to, kind.unwrap_or_default()),
        ),
        (
            t::DISCONNECT.get(lang).to_string(),
            Action::Disconnect(from, to),
        ),
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

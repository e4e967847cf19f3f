//! The tabbed side panel: the inspector, and the checklist, resources and files panels other
//! features fill (`panels`). The Checklist tab always shows the live score and the Resources
//! tab the number of planner warnings, so both stay in sight while the inspector is open. They
//! are worked out a moment after each edit (debounced), so a drop or a field commit on a large
//! board renders first and a burst of edits costs one check. The score comes from the rules'
//! and the planner's split point (`on_demand::check`), like the panels themselves, which
//! are split points too.
//!
//! The panel's frame ([`SidePanel`]: the landmark, the drawer's state and its close button) is
//! in the first download; its tabs and what they show ([`SidePanelTabs`]) are a split point
//! (`on_demand::side_panel`, issue 18), fetched once the first screen is painted together with
//! the inspector's, which the first screen shows in it.

use super::lang::{tr, use_lang};
use super::on_demand::{self, OnDemand};
use super::texts::panels as t;
use super::{use_app, PanelTab};
use crate::i18n::Text;
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last edit the tab badges are worked out again.
pub const BADGE_DELAY_MS: u64 = 120;
/// The longest wait for an idle moment after that.
const BADGE_IDLE_WAIT_MS: u32 = 500;

const TABS: [(PanelTab, Text); 4] = [
    (PanelTab::Inspector, t::TAB_INSPECTOR),
    (PanelTab::Checklist, t::TAB_CHECKLIST),
    (PanelTab::Resources, t::TAB_RESOURCES),
    (PanelTab::Files, t::TAB_FILES),
];

/// The panel's frame: its tabs come from their chunk.
#[component]
pub fn SidePanel() -> impl IntoView {
    let state = use_app();
    // The inspector's chunk is fetched beside the tabs' (not after them): the first screen shows
    // both.
    let load = move || {
        leptos::task::spawn_local(async {
            let _ = on_demand::preload_inspector().await;
        });
        on_demand::side_panel()
    };
    view! {
        <aside class="side-panel" class:side-panel--open=move || state.drawer_open.get() aria-label=tr(t::DETAILS)>
            <super::drawer::DrawerClose />
            <OnDemand load=load />
        </aside>
    }
}

/// The tabs with their badges, and the open tab's part.
#[component]
pub fn SidePanelTabs() -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let panel = state.panel;
    let design = state.reader();
    let score = RwSignal::new(None::<u8>);
    let warnings = RwSignal::new(0usize);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // Which update is the latest: a score that arrives after a newer edit's is dropped.
    let latest = StoredValue::new(0u64);
    let update = move || {
        let Some(now) = design.signal().try_get_untracked() else {
            return; // unmounted meanwhile
        };
        // The rules and the planner are fetched on demand: the badges come when they are there
        // (at once after the first time). Without them (no network yet) they keep their last.
        let Some(n) = latest.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            on_demand::first_screen().await;
            if let Ok(badges) = on_demand::check(now).await {
                if latest.try_get_value() == Some(n) {
                    score.try_set(Some(badges.score));
                    warnings.try_set(badges.warnings);
                }
            }
        });
    };
    Effect::new(move |first: Option<()>| {
        design.signal().track();
        if first.is_none() {
            update();
            return;
        }
        if let Some(Some(handle)) = pending.try_get_value() {
            handle.clear();
        }
        // After the delay, in an idle moment: not in the frames of the edits that follow.
        let later = move || super::browser::when_idle(update, BADGE_IDLE_WAIT_MS);
        pending
            .set_value(set_timeout_with_handle(later, Duration::from_millis(BADGE_DELAY_MS)).ok());
    });
    // The badge of a tab, and the words around it a screen reader also says (visually hidden:
    // the tab's name is its content, so what is shown is what is said, as axe asks).
    let badge = move |tab: PanelTab| -> Option<(String, &'static str, &'static str)> {
        let l = lang.get();
        match tab {
            PanelTab::Checklist => {
                let s = score.get()?;
                Some((
                    s.to_string(),
                    t::BADGE_SCORE_BEFORE.get(l),
                    t::BADGE_SCORE_AFTER.get(l),
                ))
            }
            PanelTab::Resources => match warnings.get() {
                0 => None,
                1 => Some(("1".into(), " ", t::BADGE_WARNING.get(l))),
                n => Some((n.to_string(), " ", t::BADGE_WARNINGS.get(l))),
            },
            _ => None,
        }
    };
    let tab = move |(t, label): (PanelTab, Text)| {
        view! {
            <button
                type="button"
                role="tab"
                class="side-panel__tab"
                aria-selected=move || (panel.get() == t).to_string()
                on:click=move |_| {
                    panel.set(t);
                    state.drawer_open.set(true);
                }
            >
                {tr(label)}
                {move || {
                    badge(t)
                        .map(|(shown, before, after)| {
                            view! {
                                <span class="visually-hidden">{before}</span>
                                <span
                                    class="side-panel__badge"
                                    class:side-panel__badge--warn=t == PanelTab::Resources
                                >
                                    {shown}
                                </span>
                                <span class="visually-hidden">{after}</span>
                            }
                        })
                }}
            </button>
        }
    };
    view! {
        <div class="side-panel__tabs" role="tablist">{TABS.map(tab)}</div>
        <div class="side-panel__body" role="tabpanel">
            {move || match panel.get() {
                PanelTab::Inspector => view! { <OnDemand load=on_demand::inspector /> }.into_any(),
                PanelTab::Checklist => view! { <OnDemand load=on_demand::checklist /> }.into_any(),
                PanelTab::Resources => view! { <OnDemand load=on_demand::resources /> }.into_any(),
                PanelTab::Files => view! { <OnDemand load=on_demand::files /> }.into_any(),
            }}
        </div>
    }
}

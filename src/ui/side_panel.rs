//! The tabbed side panel: the inspector, and the checklist, resources and files panels other
//! features fill (`panels`). The Checklist tab always shows the live score and the Resources
//! tab the number of planner warnings, so both stay in sight while the inspector is open.

use super::panels::{ChecklistPanel, FilesPanel, ResourcesPanel};
use super::{use_app, Inspector, PanelTab};
use crate::{planner, rules};
use leptos::prelude::*;

const TABS: [(PanelTab, &str); 4] = [
    (PanelTab::Inspector, "Inspector"),
    (PanelTab::Checklist, "Checklist"),
    (PanelTab::Resources, "Resources"),
    (PanelTab::Files, "Files"),
];

#[component]
pub fn SidePanel() -> impl IntoView {
    let state = use_app();
    let panel = state.panel;
    let design = state.reader();
    let score = Memo::new(move |_| design.with(|d| rules::check(d).score));
    let warnings = Memo::new(move |_| design.with(|d| planner::plan(d).warnings.len()));
    // The badge of a tab, and the words a screen reader says for it.
    let badge = move |t: PanelTab| -> Option<(String, String)> {
        match t {
            PanelTab::Checklist => {
                let s = score.get();
                Some((s.to_string(), format!("score {s} of 100")))
            }
            PanelTab::Resources => match warnings.get() {
                0 => None,
                1 => Some(("1".into(), "1 warning".into())),
                n => Some((n.to_string(), format!("{n} warnings"))),
            },
            _ => None,
        }
    };
    let tab = move |(t, label): (PanelTab, &'static str)| {
        view! {
            <button
                type="button"
                role="tab"
                class="side-panel__tab"
                aria-selected=move || (panel.get() == t).to_string()
                aria-label=move || match badge(t) {
                    Some((_, spoken)) => format!("{label}, {spoken}"),
                    None => label.to_string(),
                }
                on:click=move |_| panel.set(t)
            >
                {label}
                {move || {
                    badge(t)
                        .map(|(shown, _)| {
                            view! {
                                <span
                                    class="side-panel__badge"
                                    class:side-panel__badge--warn=t == PanelTab::Resources
                                    aria-hidden="true"
                                >
                                    {shown}
                                </span>
                            }
                        })
                }}
            </button>
        }
    };
    view! {
        <aside class="side-panel" aria-label="Details">
            <div class="side-panel__tabs" role="tablist">{TABS.map(tab)}</div>
            <div class="side-panel__body" role="tabpanel">
                {move || match panel.get() {
                    PanelTab::Inspector => view! { <Inspector /> }.into_any(),
                    PanelTab::Checklist => view! { <ChecklistPanel /> }.into_any(),
                    PanelTab::Resources => view! { <ResourcesPanel /> }.into_any(),
                    PanelTab::Files => view! { <FilesPanel /> }.into_any(),
                }}
            </div>
        </aside>
    }
}

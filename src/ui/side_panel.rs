//! The tabbed side panel: the inspector, and the checklist, resources and files panels other
//! features fill (`panels`).

use super::panels::{ChecklistPanel, FilesPanel, ResourcesPanel};
use super::{use_app, Inspector, PanelTab};
use leptos::prelude::*;

const TABS: [(PanelTab, &str); 4] = [
    (PanelTab::Inspector, "Inspector"),
    (PanelTab::Checklist, "Checklist"),
    (PanelTab::Resources, "Resources"),
    (PanelTab::Files, "Files"),
];

#[component]
pub fn SidePanel() -> impl IntoView {
    let panel = use_app().panel;
    let tab = move |(t, label): (PanelTab, &'static str)| {
        view! {
            <button
                type="button"
                role="tab"
                class="side-panel__tab"
                aria-selected=move || (panel.get() == t).to_string()
                on:click=move |_| panel.set(t)
            >
                {label}
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

//! The side panel's content panels, one component per file. The side panel (owned by the
//! canvas) shows one of them per `PanelTab`; each derives what it shows from the design with
//! `Memo`s and changes it only through `AppState::dispatch`.
//!
//! Placeholders until their issues land: checklist (rules), resources (planner), files (generate).

use leptos::prelude::*;

/// The live checklist score with findings and fixes.
#[component]
pub fn ChecklistPanel() -> impl IntoView {
    view! { <p class="panel-placeholder">"Checklist: coming with the rules engine."</p> }
}

/// Resource totals per environment and tier, budget and node packing.
#[component]
pub fn ResourcesPanel() -> impl IntoView {
    view! { <p class="panel-placeholder">"Resources: coming with the planner view."</p> }
}

/// The generated project: file tree, preview, copy, download.
#[component]
pub fn FilesPanel() -> impl IntoView {
    view! { <p class="panel-placeholder">"Files: coming with the generator."</p> }
}

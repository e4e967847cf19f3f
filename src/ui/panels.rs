//! The side panel's content panels, one component per file. The side panel (owned by the
//! canvas) shows one of them per `PanelTab`; each derives what it shows from the design with
//! `Memo`s and changes it only through `AppState::dispatch`.

mod checklist;
mod checklist_item;
mod cluster_view;
mod files;
pub mod highlight;
mod plan_settings;
mod resources;
mod tier_chart;
mod totals_table;

pub use checklist::ChecklistPanel;
pub use checklist_item::ChecklistItem;
pub use cluster_view::ClusterView;
pub use files::FilesPanel;
pub use plan_settings::PlanSettings;
pub use resources::ResourcesPanel;
pub use tier_chart::TierChart;
pub use totals_table::TotalsTable;

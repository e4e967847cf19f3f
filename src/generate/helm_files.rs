//! Helm family: the chart `helm/<project>/` that runs the design on Kubernetes (seed 003's move
//! from one compose host to a cluster), generated from the design rather than converted from the
//! compose files, so healthchecks, hardening and tier segmentation are not lost on the way.
//!
//! Layout: `Chart.yaml`, `values.yaml`, `values-prod.yaml` (typed, serde_yaml), `README.md`,
//! `.helmignore`, fixed templates (one per Kubernetes kind, see `templates`) and `files/`, where
//! the project's nginx.conf and prometheus.yml are copied for the ConfigMaps (`config_copies`).
//!
//! Architecture invariant: the templates are static text; every design-specific byte of the chart
//! is in the values files (typed data) or the README. Same design, same bytes.

mod chart;
mod interpolate;
mod names;
mod network;
mod plan;
mod probe;
mod readme;
mod security;
mod templates;
mod values;
mod values_prod;

use super::{layout, GeneratedFile};
use crate::generate::layout::Facts;
use crate::model::Design;

pub use names::dns_label;
pub use network::replaced_reason;

pub fn files(design: &Design, _: &Facts) -> Vec<GeneratedFile> {
    let dir = layout::helm_chart_dir(design);
    let plan = plan::plan(design);
    let lang = design.settings.docs_lang;
    let header = format!(
        "# {}\n",
        super::headers::VALUES.fill(
            lang,
            &[("path", "values.yaml"), ("prod", "values-prod.yaml")]
        )
    );
    let mut files = vec![
        GeneratedFile::text(
            format!("{dir}/Chart.yaml"),
            chart::to_yaml(&chart::chart(&plan.name, &design.name), lang),
        ),
        GeneratedFile::text(
            format!("{dir}/values.yaml"),
            values::to_yaml(&plan.values, &header),
        ),
        GeneratedFile::text(
            format!("{dir}/values-prod.yaml"),
            values_prod::to_yaml(&values_prod::prod_values(&plan), lang),
        ),
        GeneratedFile::text(
            format!("{dir}/README.md"),
            readme::readme(&plan, &design.name, lang),
        ),
        GeneratedFile::text(format!("{dir}/templates/NOTES.txt"), templates::notes(lang)),
    ];
    files.extend(
        templates::FILES
            .iter()
            .map(|(path, text)| GeneratedFile::text(format!("{dir}/{path}"), *text)),
    );
    files.extend(config_copies(design));
    files
}

/// Copies of the project's config files into the chart (`files/<service>/...`), where the
/// ConfigMaps read them: Helm can read only files inside the chart. The text comes from the same
/// function the project family writes the file with (`project_files::config_text`), never from
/// another family's output; a service the project writes no config for gets no copy.
fn config_copies(design: &Design) -> Vec<GeneratedFile> {
    let dir = layout::helm_chart_dir(design);
    plan::config_targets(design)
        .into_iter()
        .filter_map(|(service, target)| {
            let text = super::project_files::config_text(design, service)?;
            Some(GeneratedFile::text(format!("{dir}/{target}"), text))
        })
        .collect()
}

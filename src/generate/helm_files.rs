//! Helm family: the chart `helm/<project>/` that runs the design on Kubernetes (seed 003's move
//! from one compose host to a cluster), generated from the design rather than converted from the
//! compose files, so healthchecks, hardening and tier segmentation are not lost on the way.
//!
//! Layout: `Chart.yaml`, `values.yaml`, `values-prod.yaml`, `values-staging.yaml` (typed, serde_yaml), `README.md`,
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
pub(crate) mod secrets;
mod security;
mod templates;
mod values;
mod values_prod;
pub(crate) mod yaml;

use super::{layout, GeneratedFile};
use crate::generate::layout::Facts;
use crate::model::Design;

pub use names::dns_label;
pub use network::replaced_reason;
pub use values_prod::{PROD_FILE as PROD_VALUES, STAGING_FILE as STAGING_VALUES};

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
            format!("{dir}/{}", values_prod::STAGING_FILE),
            values_prod::staging_yaml(&values_prod::staging_values(&plan), lang),
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
    files
}

/// Copies of the project's config files into the chart (`files/<service>/...`), where the
/// ConfigMaps read them: Helm can read only files inside the chart. `project` is every file the
/// other families generated; a source that is missing is skipped (its ConfigMap is then empty).
pub fn config_copies(design: &Design, project: &[GeneratedFile]) -> Vec<GeneratedFile> {
    let dir = layout::helm_chart_dir(design);
    plan::config_sources(design)
        .into_iter()
        .filter_map(|(source, target)| {
            let f = project.iter().find(|f| f.path == source)?;
            Some(GeneratedFile::text(
                format!("{dir}/{target}"),
                f.contents.clone(),
            ))
        })
        .collect()
}

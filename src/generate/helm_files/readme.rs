//! The chart's `README.md`: how to install it, how the design was mapped, and every place where
//! the chart runs a service differently from the compose files, with the reason. Generated from
//! the same plan as `values.yaml`, so the notes cannot drift from what the chart does.
//!
//! Written in the design's documentation language (`texts`, shared with `templates/NOTES.txt`).

pub mod texts;

use super::plan::ChartPlan;
use crate::i18n::Lang;
use std::fmt::Write;

pub fn readme(plan: &ChartPlan, design_name: &str, lang: Lang) -> String {
    let n = &plan.name;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        texts::TITLE.fill(lang, &[("name", &format!("`{n}`"))])
    );
    let _ = writeln!(
        out,
        "{}\n",
        texts::INTRO.fill(
            lang,
            &[("design", &design_name.trim().replace(['\n', '\r'], " "))]
        )
    );
    let _ = writeln!(out, "## {}\n", texts::H_INSTALL.get(lang));
    let _ = writeln!(out, "```sh");
    let _ = writeln!(out, "kubectl create namespace {n}");
    let _ = writeln!(out, "{}", texts::INSTALL_SECRETS_COMMENT.get(lang));
    let _ = writeln!(out, "helm upgrade --install {n} helm/{n} -n {n}");
    let _ = writeln!(out, "{}", texts::INSTALL_PROD_COMMENT.get(lang));
    let _ = writeln!(out, "helm upgrade --install {n} helm/{n} -n {n} -f helm/{n}/values-prod.yaml --set global.imageTag=1.2.3");
    let _ = writeln!(out, "```\n");
    let secrets: Vec<_> = plan
        .values
        .components
        .iter()
        .filter_map(|(name, s)| s.secrets.as_ref().map(|x| (name, x)))
        .collect();
    if !secrets.is_empty() {
        let _ = writeln!(out, "{}\n", texts::SECRETS_INTRO.get(lang));
        let _ = writeln!(out, "```sh");
        for (_, s) in secrets {
            let files: Vec<String> = s
                .files
                .iter()
                .map(|f| format!("--from-file={0}=secrets/{0}.txt", f.key))
                .collect();
            let _ = writeln!(
                out,
                "kubectl -n {n} create secret generic {} {}",
                s.existing_secret_name,
                files.join(" ")
            );
        }
        let _ = writeln!(out, "```\n");
    }
    let _ = writeln!(
        out,
        "## {}
",
        texts::H_MAPPING.get(lang)
    );
    for line in [
        texts::MAP_WORKLOADS,
        texts::MAP_NAMES,
        texts::MAP_REPLICAS,
        texts::MAP_PROFILES,
        texts::MAP_PROBES,
        texts::MAP_SECURITY,
        texts::MAP_SECRETS,
        texts::MAP_NETWORK,
        texts::MAP_IMAGES,
    ] {
        let line = line.get(lang);
        let _ = writeln!(out, "- {line}");
    }
    let _ = writeln!(out, "\n## {}\n", texts::H_COMPONENTS.get(lang));
    let _ = writeln!(out, "{}", texts::COMPONENTS_HEADER.get(lang));
    let _ = writeln!(out, "| --- | --- | --- |");
    for r in &plan.reports {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            r.name,
            r.workload,
            if r.enabled {
                texts::YES.get(lang)
            } else {
                texts::NO.get(lang)
            }
        );
    }
    let _ = writeln!(out, "\n## {}\n", texts::H_DIFFERENCES.get(lang));
    let mut any = false;
    for r in plan.reports.iter().filter(|r| !r.notes.is_empty()) {
        any = true;
        let _ = writeln!(out, "- **{}**: {}.", r.name, r.notes.join("; "));
    }
    for note in &plan.notes {
        any = true;
        let _ = writeln!(out, "- {note}");
    }
    if !any {
        let _ = writeln!(out, "{}", texts::NONE.get(lang));
    }
    out
}

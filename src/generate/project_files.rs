//! Project family: everything but the compose files — per scaffolded service a Dockerfile, an
//! app stub and (for shell images) an entry point; the reverse proxy's nginx.conf and Dockerfile;
//! prometheus.yml; the CI workflow; the operations docs; the smoke test; the project README;
//! the backup script; the design file and the architecture SVG (the design travels with the
//! project). One generator per file under `project_files/`.
//!
//! Invariants: output depends on the design alone (no clock, no randomness, board order);
//! user text reaches generated code only through `app::App`'s sanitised fields, and YAML only
//! through serde_yaml; every generated file passes the validators of /work/shared/tools
//! (hadolint, checkov, shellcheck, actionlint, zizmor, nginx -t, gixy, promtool, yamllint)
//! with no error and no warning — `tests/generate_project*.rs` keeps the evidence.

mod app;
pub(crate) mod backup;
mod design_file;
mod dockerfile;
mod entrypoint;
mod nginx;
pub(crate) mod ops_doc;
mod pins;
mod project_tests;
mod prometheus;
mod readme;
mod smoke;
mod stub;
mod stub_tests;
mod template;
mod workflow;

use super::{layout, GeneratedFile};
use crate::generate::layout::Facts;
use crate::model::{Design, Service};

/// The config file this family writes for `service` (a generated proxy's nginx.conf, the
/// design's Prometheus's prometheus.yml), for the Helm chart's copy: one function for both, so
/// the chart's ConfigMap always holds the file the compose project mounts.
pub(crate) fn config_text(design: &Design, service: &Service) -> Option<String> {
    if nginx::is_proxy(service) {
        return Some(nginx::proxy_conf(design, service));
    }
    let first = design
        .services
        .iter()
        .find(|s| prometheus::is_prometheus(s))?;
    if first.id == service.id {
        return prometheus::file(design).map(|f| f.contents);
    }
    None
}

pub fn files(design: &Design, facts: &Facts) -> Vec<GeneratedFile> {
    let mut out = Vec::new();
    for app in app::apps(design) {
        out.push(GeneratedFile::text(
            layout::dockerfile(app.service),
            dockerfile::dockerfile(&app),
        ));
        out.extend(entrypoint::file(&app));
        out.extend(stub::files(&app));
        out.extend(stub_tests::files(&app));
    }
    for proxy in design.services.iter().filter(|s| nginx::is_proxy(s)) {
        out.push(GeneratedFile::text(
            layout::dockerfile(proxy),
            nginx::proxy_dockerfile(design, proxy),
        ));
        out.push(GeneratedFile::text(
            layout::nginx_conf(proxy),
            nginx::proxy_conf(design, proxy),
        ));
    }
    out.extend(prometheus::file(design));
    out.push(workflow::file(design));
    out.push(ops_doc::file(design, facts.version_var));
    out.push(smoke::file(design));
    out.extend(project_tests::files(design));
    out.push(readme::file(design));
    out.extend(backup::file(design));
    out.extend(design_file::files(design));
    out
}

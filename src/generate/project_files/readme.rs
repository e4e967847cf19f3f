//! The generated project's `README.md`: what it is, a quick start that works in under fifteen
//! minutes (seed 000's onboarding goal), the file map and the three environments.

use super::app::{self, App};
use super::template::{cell, code};
use super::{backup, nginx, prometheus, smoke};
use crate::generate::{layout, GeneratedFile};
use crate::model::Design;
use std::fmt::Write as _;

pub const PATH: &str = "README.md";

pub fn file(design: &Design) -> GeneratedFile {
    let name = layout::project_name(design);
    let mut out = format!(
        "# {name}\n\nContainerised with Tierboard: {} services on three tiers (frontend, backend, data). \
         Architecture, commands and runbooks: [docs/docker-operations.md](docs/docker-operations.md).\n\n\
         [![Architecture diagram]({svg})]({svg})\n\n\
         To change the design, open `{file}` (or `{svg}`) in Tierboard, edit the board and generate again.\n\n",
        design.services.len(),
        svg = layout::ARCHITECTURE_SVG,
        file = layout::design_file(design),
    );
    out.push_str(
        "## Quick start\n\nRequirements: Docker Engine 24+ with the Compose plugin (v2.24+).\n\n```bash\n\
         cp .env.example .env   # then replace every <SET_IN_ENV> with a real value\n\
         docker compose up -d --build --wait\n",
    );
    let _ = writeln!(out, "{}\n```\n", smoke::PATH);
    let published: Vec<String> = design
        .services
        .iter()
        .flat_map(|s| s.published_ports().map(move |p| (s, p)))
        .filter_map(|(s, p)| {
            p.published.map(|h| {
                format!(
                    "- {}: <http://{}:{h}>",
                    cell(&s.name),
                    p.host_ip.as_deref().unwrap_or("127.0.0.1")
                )
            })
        })
        .collect();
    if !published.is_empty() {
        out.push_str("Then open:\n\n");
        for line in published {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }

    out.push_str("## Files\n\n| Path | What |\n| --- | --- |\n");
    let mut rows: Vec<(String, String)> = vec![
        (
            "docker-compose.yml".into(),
            "Common base: services, networks per tier, volumes, healthchecks, limits".into(),
        ),
        (
            "docker-compose.override.yml".into(),
            "Development, loaded automatically: `development` build stages, hot reload".into(),
        ),
        (
            "docker-compose.prod.yml".into(),
            "Production: registry images, replicas, secrets from files".into(),
        ),
        (
            "docker-compose.ci.yml".into(),
            "CI: what the workflow starts and smoke-tests".into(),
        ),
        (
            ".env.example".into(),
            "Every variable, documented; copy to `.env` (never committed)".into(),
        ),
    ];
    for s in &design.services {
        if let Some(a) = App::of(s) {
            rows.push((
                format!("{}/", a.dir),
                format!(
                    "{}: Dockerfile and app stub ({})",
                    s.name,
                    app::stack(a.language)
                ),
            ));
        } else if nginx::is_proxy(s) {
            rows.push((
                format!("{}/", layout::build_dir(s)),
                format!("{}: nginx.conf and Dockerfile (reverse proxy)", s.name),
            ));
        }
    }
    if prometheus::file(design).is_some() {
        rows.push((
            layout::PROMETHEUS_CONFIG.into(),
            "Prometheus scrape configuration".into(),
        ));
    }
    rows.push((
        layout::WORKFLOW.into(),
        "CI: build, start, wait for healthy, smoke test, tear down".into(),
    ));
    rows.push((
        layout::OPS_DOC.into(),
        "Operations: diagram, services, networks, volumes, commands, resources".into(),
    ));
    rows.push((
        layout::ARCHITECTURE_SVG.into(),
        "Architecture diagram (opens in Tierboard as the design)".into(),
    ));
    rows.push((
        layout::design_file(design),
        "The design: open it in Tierboard to change the board and regenerate".into(),
    ));
    rows.push((
        smoke::PATH.into(),
        "Smoke test: every service becomes healthy".into(),
    ));
    rows.push((
        "tests/".into(),
        "Tests: `tests/integration` checks the running stack (pytest); unit tests sit beside each service's code, and CI runs them first".into(),
    ));
    if backup::file(design).is_some() {
        rows.push((
            backup::PATH.into(),
            "Backup of the services marked for backup".into(),
        ));
    }
    for (path, what) in rows {
        let _ = writeln!(out, "| {} | {} |", code(&path), cell(&what));
    }

    out.push_str(
        "\n## Environments\n\n\
         - **Development**: `docker compose up -d --build` — the override builds each service's `development` \
         stage (reload on change) and publishes debug ports on 127.0.0.1 only.\n\
         - **CI**: `docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait`, then the smoke test; \
         see `.github/workflows/docker.yml`.\n\
         - **Production**: `docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d`; secrets come \
         from files in `secrets/` (see `secrets/README.md`), images from the registry.\n",
    );
    let apps: Vec<App> = app::apps(design);
    if !apps.is_empty() {
        out.push_str(
            "\n## Services built here\n\nEach stub answers `GET /health` with `{\"status\":\"ok\"}` and takes one argument: \
             `serve`, `worker`, `scheduler` or `healthcheck`. Replace the stub's example route or job loop with your code; \
             keep `/health`.\n\n| Service | Stack | Port | Mode |\n| --- | --- | --- | --- |\n",
        );
        for a in apps {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&a.service.name),
                a.stack(),
                a.port,
                a.mode.arg()
            );
        }
    }
    GeneratedFile::text(PATH, out)
}

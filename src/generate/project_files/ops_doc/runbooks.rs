//! The sections of the operations docs beyond seed 000's template, each written only when the
//! design has the thing it describes: reverse proxy routes, monitoring, logging, image scanning,
//! backup and restore, rollback, validator notes.

use super::super::app;
use super::super::template::{cell, code};
use super::super::{backup, nginx, pins, prometheus};
use super::VALIDATOR_NOTES;
use crate::generate::layout;
use crate::model::{Design, LoggingTarget};
use std::fmt::Write as _;

pub(super) fn proxy_section(design: &Design, out: &mut String) {
    for proxy in design.services.iter().filter(|s| nginx::is_proxy(s)) {
        let _ = writeln!(out, "## Reverse proxy ({})\n", cell(&proxy.name));
        let _ = writeln!(
            out,
            "Configuration: {}. Security headers are set once at server level; `/healthz` answers the healthcheck.\n",
            code(&layout::nginx_conf(proxy))
        );
        let routes = nginx::routes(design, proxy);
        let skipped: Vec<&str> = design
            .links_from(proxy.id)
            .filter_map(|l| design.service(l.to))
            .filter(|t| !t.ports.is_empty() && !routes.iter().any(|r| r.service == t.name))
            .map(|t| t.name.as_str())
            .collect();
        if !skipped.is_empty() {
            let _ = writeln!(
                out,
                "Not routed: {} (they run only under a compose profile the proxy does not share, and nginx \
                 resolves every upstream when it starts).\n",
                cell(&skipped.join(", "))
            );
        }
        if routes.is_empty() {
            out.push_str("No service is linked from the proxy yet: every path but `/healthz` answers 404.\n\n");
            continue;
        }
        out.push_str("| Path | Service | Upstream |\n| --- | --- | --- |\n");
        for r in routes {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                code(&r.prefix),
                cell(&r.service),
                code(&r.server)
            );
        }
        out.push_str(
            "\nPrefixes other than `/` are stripped before the request reaches the service.\n\n",
        );
    }
}

pub(super) fn monitoring_section(design: &Design, out: &mut String) {
    let Some(prom) = design
        .services
        .iter()
        .find(|s| prometheus::is_prometheus(s))
    else {
        return;
    };
    let _ = writeln!(
        out,
        "## Monitoring\n\n{} scrapes itself and every service with a metrics path ({}):\n",
        cell(&prom.name),
        code(layout::PROMETHEUS_CONFIG)
    );
    let scraped = prometheus::scraped(design);
    if scraped.is_empty() {
        out.push_str("- no service declares a metrics path yet.\n\n");
        return;
    }
    for s in scraped {
        let port = s.ports.first().map_or(0, |p| p.container);
        let path = s
            .metrics_path
            .as_deref()
            .map(app::clean_path)
            .unwrap_or_default();
        let _ = writeln!(out, "- {}", code(&format!("{}:{port}{path}", app::host(s))));
    }
    out.push('\n');
}

pub(super) fn logging_section(design: &Design, out: &mut String) {
    out.push_str("## Logging\n\n");
    match design.settings.ops.logging {
        LoggingTarget::Local => out.push_str(
            "Every container logs to stdout/stderr; Docker keeps them with the `json-file` driver, rotated \
             (see `logging:` in docker-compose.yml). Read them with `docker compose logs`.\n\n",
        ),
        LoggingTarget::Central => {
            let collectors: Vec<&str> = design
                .services
                .iter()
                .filter(|s| ["loki", "elasticsearch", "logstash", "fluent", "vector", "promtail"].iter().any(|k| s.kind.contains(k)))
                .map(|s| s.name.as_str())
                .collect();
            let target = if collectors.is_empty() { "the central collector".to_string() } else { collectors.join(", ") };
            let _ = writeln!(
                out,
                "Logging is central: containers log to stdout/stderr and the logging configuration of \
                 docker-compose.yml ships them to {}. `docker compose logs` still shows recent lines.\n",
                cell(&target)
            );
        }
    }
}

pub(super) fn scanning_section(design: &Design, out: &mut String) {
    if !design.settings.ops.image_scan {
        return;
    }
    let _ = writeln!(
        out,
        "## Image scanning\n\nCI scans every image of the CI configuration with Trivy ({}) after the build and \
         fails on critical vulnerabilities that have a fix. Run the same scan locally:\n\n```bash\n\
         docker compose config --images | sort -u | while read -r image; do\n  \
         docker run --rm -v /var/run/docker.sock:/var/run/docker.sock:ro {} image --ignore-unfixed --severity HIGH,CRITICAL \"$image\"\n\
         done\n```\n",
        code(pins::TRIVY),
        pins::TRIVY
    );
}

pub(super) fn backup_section(design: &Design, out: &mut String) {
    let targets = backup::targets(design);
    if targets.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Backup and restore\n\n{} writes one file per service below `backups/<UTC timestamp>/` \
         (git-ignore that directory and copy it off the host). Schedule it with cron or a systemd timer, \
         for example daily:\n\n```bash\n\
         scripts/backup.sh -f docker-compose.yml -f docker-compose.prod.yml\n```\n",
        code(backup::PATH)
    );
    out.push_str("| Service | Method | Restore |\n| --- | --- | --- |\n");
    for (s, m) in &targets {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&s.name),
            cell(m.label()),
            cell(&code(&backup::restore(s, *m)))
        );
    }
    out.push_str("\nTest a restore regularly on a copy of the stack: a backup that was never restored is a hope, not a backup.\n\n");
}

pub(super) fn rollback_section(design: &Design, version: &str, out: &mut String) {
    if !design.settings.ops.rollback_docs {
        return;
    }
    out.push_str(&format!(
        "## Rollback\n\n\
         Production images are tagged with a version (`{version}` in `.env`) and pushed to the registry \
         (`REGISTRY`), so the previous release stays available.\n\n\
         1. Note the running version: `docker compose -f docker-compose.yml -f docker-compose.prod.yml images`.\n\
         2. Set `{version}` in `.env` back to the last good tag.\n\
         3. Pull and restart: `docker compose -f docker-compose.yml -f docker-compose.prod.yml pull` then \
         `docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d --wait`.\n\
         4. Check: `tests/smoke/smoke.sh -f docker-compose.yml -f docker-compose.prod.yml`.\n\
         5. If the failed release migrated data, restore the backup taken before it (see \"Backup and restore\").\n\n",
    ));
}

pub(super) fn notes_section(out: &mut String) {
    if VALIDATOR_NOTES.is_empty() {
        return;
    }
    out.push_str("## Validator notes\n\nFindings accepted on purpose:\n\n");
    for (finding, why) in VALIDATOR_NOTES {
        let _ = writeln!(out, "- {}: {why}", code(finding));
    }
    out.push('\n');
}

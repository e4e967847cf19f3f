//! The sections of the operations docs beyond seed 000's template, each written only when the
//! design has the thing it describes: reverse proxy routes, monitoring, logging, image scanning,
//! backup and restore, rollback, validator notes.

use super::super::app;
use super::super::template::{cell, code};
use super::super::{backup, nginx, pins, prometheus};
use super::texts;
use super::VALIDATOR_NOTES;
use crate::generate::{layout, words};
use crate::i18n::Lang;
use crate::model::{Design, LoggingTarget};
use std::fmt::Write as _;

pub(super) fn proxy_section(design: &Design, lang: Lang, out: &mut String) {
    for proxy in design.services.iter().filter(|s| nginx::is_proxy(s)) {
        let _ = writeln!(
            out,
            "## {}\n",
            texts::H_PROXY.fill(lang, &[("name", &cell(&proxy.name))])
        );
        let _ = writeln!(
            out,
            "{}\n",
            texts::PROXY_CONFIG.fill(lang, &[("file", &code(&layout::nginx_conf(proxy)))])
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
                "{}\n",
                texts::PROXY_NOT_ROUTED.fill(lang, &[("names", &cell(&skipped.join(", ")))])
            );
        }
        if routes.is_empty() {
            let _ = writeln!(out, "{}\n", texts::PROXY_NO_ROUTES.get(lang));
            continue;
        }
        let _ = writeln!(
            out,
            "{}\n| --- | --- | --- |",
            texts::ROUTES_HEADER.get(lang)
        );
        for r in routes {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                code(&r.prefix),
                cell(&r.service),
                code(&r.server)
            );
        }
        let _ = writeln!(out, "\n{}\n", texts::PROXY_STRIP.get(lang));
    }
}

pub(super) fn monitoring_section(design: &Design, lang: Lang, out: &mut String) {
    let Some(prom) = design
        .services
        .iter()
        .find(|s| prometheus::is_prometheus(s))
    else {
        return;
    };
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        texts::H_MONITORING.get(lang),
        texts::MONITORING_INTRO.fill(
            lang,
            &[
                ("name", &cell(&prom.name)),
                ("file", &code(layout::PROMETHEUS_CONFIG))
            ]
        )
    );
    let scraped = prometheus::scraped(design);
    if scraped.is_empty() {
        let _ = writeln!(out, "- {}\n", texts::MONITORING_NONE.get(lang));
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

pub(super) fn logging_section(design: &Design, lang: Lang, out: &mut String) {
    let _ = writeln!(out, "## {}\n", texts::H_LOGGING.get(lang));
    match design.settings.ops.logging {
        LoggingTarget::Local => {
            let _ = writeln!(out, "{}\n", texts::LOGGING_LOCAL.get(lang));
        }
        LoggingTarget::Central => {
            let collectors: Vec<&str> = design
                .services
                .iter()
                .filter(|s| {
                    [
                        "loki",
                        "elasticsearch",
                        "logstash",
                        "fluent",
                        "vector",
                        "promtail",
                    ]
                    .iter()
                    .any(|k| s.kind.contains(k))
                })
                .map(|s| s.name.as_str())
                .collect();
            let target = if collectors.is_empty() {
                texts::CENTRAL_COLLECTOR.get(lang).to_string()
            } else {
                collectors.join(", ")
            };
            let _ = writeln!(
                out,
                "{}\n",
                texts::LOGGING_CENTRAL.fill(lang, &[("target", &cell(&target))])
            );
        }
    }
}

pub(super) fn scanning_section(design: &Design, lang: Lang, out: &mut String) {
    if !design.settings.ops.image_scan {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n\n```bash\n\
         docker compose config --images | sort -u | while read -r image; do\n  \
         docker run --rm -v /var/run/docker.sock:/var/run/docker.sock:ro {} image --ignore-unfixed --severity HIGH,CRITICAL \"$image\"\n\
         done\n```\n",
        texts::H_SCANNING.get(lang),
        texts::SCANNING_INTRO.fill(lang, &[("image", &code(pins::TRIVY))]),
        pins::TRIVY
    );
}

pub(super) fn backup_section(design: &Design, lang: Lang, out: &mut String) {
    let targets = backup::targets(design);
    if targets.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n\n```bash\n\
         scripts/backup.sh -f docker-compose.yml -f docker-compose.prod.yml\n```\n",
        texts::H_BACKUP.get(lang),
        texts::BACKUP_INTRO.fill(lang, &[("script", &code(backup::PATH))])
    );
    let _ = writeln!(
        out,
        "{}\n| --- | --- | --- |",
        texts::BACKUP_HEADER.get(lang)
    );
    for (s, m) in &targets {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&s.name),
            cell(words::backup_method(*m, lang)),
            cell(&code(&backup::restore(s, *m)))
        );
    }
    let _ = writeln!(out, "\n{}\n", texts::BACKUP_TEST.get(lang));
}

pub(super) fn rollback_section(design: &Design, version: &str, lang: Lang, out: &mut String) {
    if !design.settings.ops.rollback_docs {
        return;
    }
    const PROD: &str = "docker compose -f docker-compose.yml -f docker-compose.prod.yml";
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        texts::H_ROLLBACK.get(lang),
        texts::ROLLBACK_INTRO.fill(lang, &[("var", version)])
    );
    let steps = [
        texts::ROLLBACK_1.fill(lang, &[("cmd", &code(&format!("{PROD} images")))]),
        texts::ROLLBACK_2.fill(lang, &[("var", version)]),
        texts::ROLLBACK_3.fill(
            lang,
            &[
                ("pull", &code(&format!("{PROD} pull"))),
                ("up", &code(&format!("{PROD} up -d --wait"))),
            ],
        ),
        texts::ROLLBACK_4.fill(
            lang,
            &[(
                "cmd",
                &code("tests/smoke/smoke.sh -f docker-compose.yml -f docker-compose.prod.yml"),
            )],
        ),
        texts::ROLLBACK_5.fill(lang, &[("section", texts::H_BACKUP.get(lang))]),
    ];
    for (i, step) in steps.iter().enumerate() {
        let _ = writeln!(out, "{}. {step}", i + 1);
    }
    out.push('\n');
}

pub(super) fn notes_section(lang: Lang, out: &mut String) {
    if VALIDATOR_NOTES.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        texts::H_NOTES.get(lang),
        texts::NOTES_INTRO.get(lang)
    );
    for (finding, why) in VALIDATOR_NOTES {
        let _ = writeln!(out, "- {}: {why}", code(finding));
    }
    out.push('\n');
}

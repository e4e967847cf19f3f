//! The generated project's `README.md`: what it is, a quick start that works in under fifteen
//! minutes (seed 000's onboarding goal), the file map and the three environments, in the design's
//! documentation language (words in `texts`).

pub mod texts;

use super::app::{self, App};
use super::template::{cell, code};
use super::{backup, nginx, prometheus, smoke};
use crate::generate::{layout, words, GeneratedFile};
use crate::model::Design;
use std::fmt::Write as _;

pub const PATH: &str = "README.md";

pub fn file(design: &Design) -> GeneratedFile {
    let lang = design.settings.docs_lang;
    let name = layout::project_name(design);
    let svg = layout::ARCHITECTURE_SVG;
    let mut out = format!(
        "# {name}\n\n{}\n\n[![{}]({svg})]({svg})\n\n{}\n\n",
        texts::INTRO.fill(lang, &[("n", &design.services.len().to_string())]),
        texts::DIAGRAM_ALT.get(lang),
        texts::CHANGE.fill(
            lang,
            &[
                ("file", &code(&layout::design_file(design))),
                ("svg", &code(svg))
            ]
        ),
    );
    let _ = writeln!(
        out,
        "## {}\n\n{}\n\n```bash\ncp .env.example .env   {}\ndocker compose up -d --build --wait",
        texts::H_QUICK_START.get(lang),
        texts::REQUIREMENTS.get(lang),
        texts::CP_ENV_COMMENT.get(lang)
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
        let _ = writeln!(out, "{}\n", texts::THEN_OPEN.get(lang));
        for line in published {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "## {}\n\n{}\n| --- | --- |",
        texts::H_FILES.get(lang),
        texts::FILES_HEADER.get(lang)
    );
    let mut rows: Vec<(String, String)> = [
        ("docker-compose.yml", texts::F_BASE),
        ("docker-compose.override.yml", texts::F_OVERRIDE),
        ("docker-compose.prod.yml", texts::F_PROD),
        ("docker-compose.ci.yml", texts::F_CI),
        (".env.example", texts::F_ENV),
    ]
    .iter()
    .map(|(path, what)| (path.to_string(), what.get(lang).to_string()))
    .collect();
    for s in &design.services {
        if let Some(a) = App::of(s) {
            rows.push((
                format!("{}/", a.dir),
                texts::F_APP.fill(
                    lang,
                    &[("name", &s.name), ("stack", words::stack(a.language, lang))],
                ),
            ));
        } else if nginx::is_proxy(s) {
            rows.push((
                format!("{}/", layout::build_dir(s)),
                texts::F_PROXY.fill(lang, &[("name", &s.name)]),
            ));
        }
    }
    if prometheus::file(design).is_some() {
        rows.push((
            layout::PROMETHEUS_CONFIG.into(),
            texts::F_PROMETHEUS.get(lang).into(),
        ));
    }
    rows.push((layout::WORKFLOW.into(), texts::F_WORKFLOW.get(lang).into()));
    rows.push((layout::OPS_DOC.into(), texts::F_OPS_DOC.get(lang).into()));
    rows.push((
        layout::ARCHITECTURE_SVG.into(),
        texts::F_SVG.get(lang).into(),
    ));
    rows.push((
        layout::design_file(design),
        texts::F_DESIGN.get(lang).into(),
    ));
    rows.push((smoke::PATH.into(), texts::F_SMOKE.get(lang).into()));
    rows.push(("tests/".into(), texts::F_TESTS.get(lang).into()));
    if backup::file(design).is_some() {
        rows.push((backup::PATH.into(), texts::F_BACKUP.get(lang).into()));
    }
    for (path, what) in rows {
        let _ = writeln!(out, "| {} | {} |", code(&path), cell(&what));
    }

    let _ = writeln!(
        out,
        "\n## {}\n\n- {}\n- {}\n- {}",
        texts::H_ENVIRONMENTS.get(lang),
        texts::ENV_DEV.get(lang),
        texts::ENV_CI.get(lang),
        texts::ENV_PROD.get(lang)
    );
    let apps: Vec<App> = app::apps(design);
    if !apps.is_empty() {
        let _ = writeln!(
            out,
            "\n## {}\n\n{}\n\n{}\n| --- | --- | --- | --- |",
            texts::H_BUILT_HERE.get(lang),
            texts::BUILT_HERE_INTRO.get(lang),
            texts::BUILT_HERE_HEADER.get(lang)
        );
        for a in apps {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&a.service.name),
                words::stack(a.language, lang),
                a.port,
                a.mode.arg()
            );
        }
    }
    GeneratedFile::text(PATH, out)
}

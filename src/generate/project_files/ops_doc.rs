//! `docs/docker-operations.md`, following seed 000's documentation template, in the design's
//! documentation language (`Settings::docs_lang`; German is the template's own wording, French
//! seed 001's, the words are in `texts`):
//! overview diagram (the SVG, its Mermaid twin and a plain-text sketch), services, networks,
//! volumes, commands (with a backup command per data service), resources; then what the design switched on: proxy routes, monitoring, logging,
//! image scanning, backup and restore, rollback; release, deploy and rollback for the design's
//! deploy target (`release`); and validator notes.
//!
//! Invariant: every fact comes from the design or from the other generators' own functions
//! (routes from `nginx`, scrape jobs from `prometheus`, methods from `backup`), so the docs
//! describe the files that are actually written.

mod diagram;
mod release;
mod runbooks;
pub mod texts;

use super::app::{self, App};
use super::template::{cell, code};
use super::{backup, nginx, smoke};
use crate::export::mermaid::mermaid;
use crate::generate::{layout, words, GeneratedFile};
use crate::i18n::Lang;
use crate::model::{Design, MountKind, Service, Tier};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Findings of the validators that the generated project accepts on purpose, with the reason.
/// Empty today: every generated file passes with no error and no warning. A note added here
/// appears in the docs' "Validator notes" section.
pub const VALIDATOR_NOTES: &[(&str, &str)] = &[];

/// Cores in the language's notation (`0.5` / `0,5`).
fn cpu(millicores: Option<u32>, lang: Lang) -> String {
    match millicores {
        Some(m) => lang.decimal(f64::from(m) / 1000.0, 3),
        None => "-".to_string(),
    }
}

fn memory(mb: Option<u32>) -> String {
    mb.map_or("-".to_string(), |m| format!("{m} MB"))
}

fn image(service: &Service, lang: Lang) -> String {
    if let Some(a) = App::of(service) {
        return format!(
            "build {} ({})",
            code(&a.dir),
            words::stack(a.language, lang)
        );
    }
    if nginx::is_proxy(service) {
        return format!("build {} (nginx)", code(&layout::build_dir(service)));
    }
    match (&service.image, &service.build) {
        (Some(i), _) => code(&i.reference()),
        (None, Some(b)) if !b.context.is_empty() => format!("build {}", code(&b.context)),
        _ => "-".to_string(),
    }
}

fn ports(service: &Service, lang: Lang) -> String {
    if service.ports.is_empty() {
        return "-".to_string();
    }
    let list: Vec<String> = service
        .ports
        .iter()
        .map(|p| {
            match p
                .host_text()
                .map(|h| if h.is_empty() { "*".into() } else { h })
            {
                Some(host) => texts::HOST_PORT.fill(
                    lang,
                    &[
                        ("port", &p.container.to_string()),
                        (
                            "addr",
                            &format!("{}:{host}", p.host_ip.as_deref().unwrap_or("127.0.0.1")),
                        ),
                    ],
                ),
                None => p.container.to_string(),
            }
        })
        .collect();
    cell(&list.join(", "))
}

/// Network membership as the compose family computes it: a service joins its own tier's network
/// and the network of every service it links to.
fn networks(design: &Design, service: &Service) -> BTreeSet<Tier> {
    let mut set = BTreeSet::new();
    if service.hardening.network_mode.is_some() {
        return set;
    }
    set.insert(service.tier);
    for l in design.links_from(service.id) {
        if let Some(t) = design.service(l.to) {
            set.insert(t.tier);
        }
    }
    set
}

fn services_section(design: &Design, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "## {}\n\n{}\n| --- | --- | --- | --- |",
        texts::H_SERVICES.get(lang),
        texts::SERVICES_HEADER.get(lang)
    );
    for s in &design.services {
        let deps: Vec<String> = design
            .links_from(s.id)
            .filter_map(|l| design.service(l.to))
            .map(|t| t.name.clone())
            .collect();
        let deps = if deps.is_empty() {
            "-".to_string()
        } else {
            deps.join(", ")
        };
        let name = if s.profiles.is_empty() {
            s.name.clone()
        } else {
            texts::PROFILE.fill(
                lang,
                &[("name", &s.name), ("profiles", &s.profiles.join(", "))],
            )
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&name),
            cell(&image(s, lang)),
            ports(s, lang),
            cell(&deps)
        );
    }
    out.push('\n');
}

fn networks_section(design: &Design, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "## {}\n\n{}\n| --- | --- | --- |",
        texts::H_NETWORKS.get(lang),
        texts::NETWORKS_HEADER.get(lang)
    );
    for tier in Tier::ALL {
        let members: Vec<&Service> = design
            .services
            .iter()
            .filter(|s| networks(design, s).contains(&tier))
            .collect();
        if members.is_empty() {
            continue;
        }
        let published: Vec<&str> = members
            .iter()
            .filter(|s| s.tier == tier && s.published_ports().next().is_some())
            .map(|s| s.name.as_str())
            .collect();
        let exposure = if !published.is_empty() {
            texts::PUBLISHED_BY.fill(lang, &[("names", &published.join(", "))])
        } else if tier == Tier::Frontend {
            texts::INTERNAL_NOTHING_PUBLISHED.get(lang).to_string()
        } else {
            texts::INTERNAL.get(lang).to_string()
        };
        let names: Vec<&str> = members.iter().map(|s| s.name.as_str()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            tier.id(),
            cell(&names.join(", ")),
            cell(&exposure)
        );
    }
    out.push('\n');
}

fn volumes_section(design: &Design, lang: Lang, out: &mut String) {
    let _ = writeln!(out, "## {}\n", texts::H_VOLUMES.get(lang));
    let rows: Vec<String> = design
        .services
        .iter()
        .flat_map(|s| {
            s.volumes
                .iter()
                .filter(|m| m.kind == MountKind::Named)
                .map(move |m| (s, m))
        })
        .map(|(s, m)| {
            let size = m.size.map_or(String::new(), |g| {
                texts::ABOUT_GB.fill(lang, &[("n", &g.to_string())])
            });
            let backup = if s.backup {
                texts::BACKED_UP.get(lang)
            } else {
                ""
            };
            format!(
                "| {} | {} | {} | {}{size}{backup} |",
                cell(&m.source),
                cell(&s.name),
                code(&m.target),
                texts::PERSISTENT_DATA.get(lang)
            )
        })
        .collect();
    if rows.is_empty() {
        let _ = writeln!(out, "{}\n", texts::NO_VOLUMES.get(lang));
        return;
    }
    let _ = writeln!(
        out,
        "{}\n| --- | --- | --- | --- |",
        texts::VOLUMES_HEADER.get(lang)
    );
    for r in rows {
        out.push_str(&r);
        out.push('\n');
    }
    out.push('\n');
}

fn commands_section(design: &Design, lang: Lang, out: &mut String) {
    let _ = writeln!(out, "## {}\n\n```bash", texts::H_COMMANDS.get(lang));
    let _ = writeln!(
        out,
        "{}\ndocker compose up -d --build\n",
        texts::CMD_DEV.get(lang)
    );
    let _ = writeln!(
        out,
        "{}\ndocker compose -f docker-compose.yml -f docker-compose.prod.yml up -d\n",
        texts::CMD_PROD.get(lang)
    );
    let _ = writeln!(
        out,
        "{}\ndocker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait",
        texts::CMD_CI.get(lang)
    );
    let _ = writeln!(
        out,
        "{} -f docker-compose.yml -f docker-compose.ci.yml\n",
        smoke::PATH
    );
    let profiles: BTreeSet<&str> = crate::sorting::btree_set(
        design
            .services
            .iter()
            .flat_map(|s| s.profiles.iter().map(String::as_str)),
    );
    for p in &profiles {
        let _ = writeln!(
            out,
            "{}\ndocker compose --profile {p} up -d\n",
            texts::CMD_PROFILE.fill(lang, &[("profile", p)])
        );
    }
    let logs = design
        .services
        .iter()
        .find(|s| App::of(s).is_some())
        .or(design.services.first());
    if let Some(s) = logs {
        let _ = writeln!(
            out,
            "{}\ndocker compose logs -f {}\n",
            texts::CMD_LOGS.get(lang),
            app::host(s)
        );
    }
    let backups: Vec<(&Service, backup::Method)> = design
        .services
        .iter()
        .filter_map(|s| backup::method(s).map(|m| (s, m)))
        .filter(|(s, m)| *m != backup::Method::Volumes || s.backup)
        .collect();
    if !backups.is_empty() {
        let _ = writeln!(out, "{}\nmkdir -p backups", texts::CMD_BACKUPS.get(lang));
        for (s, method) in backups {
            let _ = writeln!(
                out,
                "# {}: {}\n{}",
                app::host(s),
                words::backup_method(method, lang),
                backup::command(s, method)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}\ndocker compose down\n```\n",
        texts::CMD_STOP.get(lang)
    );
}

fn resources_section(design: &Design, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "## {}\n\n{}\n\n{}\n| --- | --- | --- | --- |",
        texts::H_RESOURCES.get(lang),
        texts::RESOURCES_INTRO.get(lang),
        texts::RESOURCES_HEADER.get(lang)
    );
    let (mut cpu_total, mut mem_total) = (0u64, 0u64);
    for s in &design.services {
        let r = s.resources;
        let n = u64::from(s.replicas.prod.max(1));
        cpu_total += u64::from(r.cpu_limit_m.unwrap_or(0)) * n;
        mem_total += u64::from(r.memory_limit_mb.unwrap_or(0)) * n;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&s.name),
            cpu(r.cpu_limit_m, lang),
            memory(r.memory_limit_mb),
            s.replicas.prod.max(1)
        );
    }
    let total_cpu = u32::try_from(cpu_total).ok();
    let total_mem = u32::try_from(mem_total).ok();
    let _ = writeln!(
        out,
        "| {} | {} | {} | |\n",
        texts::TOTAL_PROD.get(lang),
        cpu(total_cpu, lang),
        memory(total_mem)
    );
}

pub fn file(design: &Design, version_var: &str) -> GeneratedFile {
    let lang = design.settings.docs_lang;
    let mut out = format!(
        "# {}\n\n{}\n\n## {}\n\n![{}](architecture.svg)\n\n```mermaid\n{}```\n\n{}\n\n```text\n{}```\n\n",
        texts::TITLE.fill(lang, &[("name", &layout::project_name(design))]),
        texts::INTRO.fill(lang, &[("file", &code(&layout::design_file(design)))]),
        texts::H_OVERVIEW.get(lang),
        texts::DIAGRAM_ALT.get(lang),
        mermaid(design),
        texts::PLAIN_TEXT.get(lang),
        diagram::diagram(design, lang)
    );
    services_section(design, lang, &mut out);
    networks_section(design, lang, &mut out);
    volumes_section(design, lang, &mut out);
    commands_section(design, lang, &mut out);
    resources_section(design, lang, &mut out);
    runbooks::proxy_section(design, lang, &mut out);
    runbooks::monitoring_section(design, lang, &mut out);
    runbooks::logging_section(design, lang, &mut out);
    runbooks::scanning_section(design, lang, &mut out);
    runbooks::backup_section(design, lang, &mut out);
    runbooks::rollback_section(design, version_var, lang, &mut out);
    release::section(design, version_var, lang, &mut out);
    runbooks::notes_section(lang, &mut out);
    while out.ends_with("\n\n") {
        out.pop();
    }
    GeneratedFile::text(layout::OPS_DOC, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_is_written_in_cores() {
        assert_eq!(cpu(Some(1000), Lang::En), "1");
        assert_eq!(cpu(Some(500), Lang::En), "0.5");
        assert_eq!(cpu(Some(250), Lang::En), "0.25");
        assert_eq!(cpu(Some(1500), Lang::De), "1,5");
        assert_eq!(cpu(Some(125), Lang::Fr), "0,125");
        assert_eq!(cpu(None, Lang::De), "-");
    }

    /// The Markdown headings of `text`, outside fenced code blocks.
    fn headings(text: &str) -> Vec<&str> {
        let mut fenced = false;
        text.lines()
            .filter(|l| {
                if l.starts_with("```") {
                    fenced = !fenced;
                }
                !fenced && l.starts_with('#')
            })
            .collect()
    }

    #[test]
    fn the_german_doc_follows_the_template_of_seed_000() {
        let mut d = Design::new("shop");
        d.settings.docs_lang = Lang::De;
        let text = file(&d, "VERSION").contents;
        assert_eq!(
            headings(&text),
            [
                "# Docker-Architektur - shop",
                "## Übersicht",
                "## Services",
                "## Netzwerke",
                "## Volumes",
                "## Befehle",
                "## Ressourcen",
                "## Logging",
                "## Release, Deployment und Rollback",
                "### Release",
                "### Deployment",
                "### Ein Release zurückrollen"
            ]
        );
    }

    #[test]
    fn the_french_doc_follows_the_template_of_seed_001() {
        let mut d = Design::new("shop");
        d.settings.docs_lang = Lang::Fr;
        let text = file(&d, "VERSION").contents;
        for h in [
            "# Architecture Docker - shop\n",
            "\n## Vue d'ensemble\n",
            "\n## Services\n\n| Service | Image | Port | Dépendances |",
            "\n## Réseaux\n",
            "\n## Volumes\n",
            "\n## Commandes\n",
            "\n## Ressources\n",
        ] {
            assert!(text.contains(h), "{h:?} missing");
        }
    }

    #[test]
    fn optional_sections_follow_the_settings() {
        let mut d = Design::new("shop");
        let text = file(&d, "VERSION").contents;
        assert!(!text.contains("\n## Rollback\n") && !text.contains("## Image scanning"));
        d.settings.ops.rollback_docs = true;
        d.settings.ops.image_scan = true;
        let text = file(&d, "VERSION").contents;
        assert!(text.contains("\n## Rollback\n") && text.contains("## Image scanning"));
    }
}

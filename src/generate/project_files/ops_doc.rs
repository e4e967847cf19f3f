//! `docs/docker-operations.md`, following seed 000's documentation template (in English):
//! overview diagram (the SVG, its Mermaid twin and a plain-text sketch), services, networks,
//! volumes, commands (with a backup command per data service), resources; then what the design switched on: proxy routes, monitoring, logging,
//! image scanning, backup and restore, rollback, and validator notes.
//!
//! Invariant: every fact comes from the design or from the other generators' own functions
//! (routes from `nginx`, scrape jobs from `prometheus`, methods from `backup`), so the docs
//! describe the files that are actually written.

mod diagram;
mod runbooks;

use super::app::{self, App};
use super::template::{cell, code};
use super::{backup, nginx, smoke};
use crate::export::mermaid::mermaid;
use crate::generate::{layout, GeneratedFile};
use crate::model::{Design, MountKind, Service, Tier};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Findings of the validators that the generated project accepts on purpose, with the reason.
/// Empty today: every generated file passes with no error and no warning. A note added here
/// appears in the docs' "Validator notes" section.
pub const VALIDATOR_NOTES: &[(&str, &str)] = &[];

fn cpu(millicores: Option<u32>) -> String {
    match millicores {
        Some(m) if m % 1000 == 0 => format!("{}", m / 1000),
        Some(m) => {
            let text = format!("{:.3}", f64::from(m) / 1000.0);
            text.trim_end_matches('0').to_string()
        }
        None => "-".to_string(),
    }
}

fn memory(mb: Option<u32>) -> String {
    mb.map_or("-".to_string(), |m| format!("{m} MB"))
}

fn image(service: &Service) -> String {
    if let Some(a) = App::of(service) {
        return format!("build {} ({})", code(&a.dir), app::stack(a.language));
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

fn ports(service: &Service) -> String {
    if service.ports.is_empty() {
        return "-".to_string();
    }
    let list: Vec<String> = service
        .ports
        .iter()
        .map(|p| match p.published {
            Some(host) => format!(
                "{} (host {}:{host})",
                p.container,
                p.host_ip.as_deref().unwrap_or("127.0.0.1")
            ),
            None => p.container.to_string(),
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

fn services_section(design: &Design, out: &mut String) {
    out.push_str(
        "## Services\n\n| Service | Image | Port | Dependencies |\n| --- | --- | --- | --- |\n",
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
            format!("{} (profile {})", s.name, s.profiles.join(", "))
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&name),
            cell(&image(s)),
            ports(s),
            cell(&deps)
        );
    }
    out.push('\n');
}

fn networks_section(design: &Design, out: &mut String) {
    out.push_str("## Networks\n\n| Network | Services | Exposure |\n| --- | --- | --- |\n");
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
            format!("Published on the host by {}", published.join(", "))
        } else if tier == Tier::Frontend {
            "Internal (nothing published)".to_string()
        } else {
            "Internal".to_string()
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

fn volumes_section(design: &Design, out: &mut String) {
    out.push_str("## Volumes\n\n");
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
            let size = m.size.map_or(String::new(), |g| format!(", about {g} GB"));
            let backup = if s.backup {
                ", backed up by scripts/backup.sh"
            } else {
                ""
            };
            format!(
                "| {} | {} | {} | Persistent data{size}{backup} |",
                cell(&m.source),
                cell(&s.name),
                code(&m.target)
            )
        })
        .collect();
    if rows.is_empty() {
        out.push_str("No named volumes: no service keeps data across restarts.\n\n");
        return;
    }
    out.push_str("| Volume | Service | Mount | Use |\n| --- | --- | --- | --- |\n");
    for r in rows {
        out.push_str(&r);
        out.push('\n');
    }
    out.push('\n');
}

fn commands_section(design: &Design, out: &mut String) {
    out.push_str("## Commands\n\n```bash\n");
    out.push_str("# Development (docker-compose.override.yml is loaded automatically)\ndocker compose up -d --build\n\n");
    out.push_str(
        "# Production\ndocker compose -f docker-compose.yml -f docker-compose.prod.yml up -d\n\n",
    );
    out.push_str("# CI (what .github/workflows/docker.yml runs)\ndocker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait\n");
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
            "# With the optional services of profile {p}\ndocker compose --profile {p} up -d\n"
        );
    }
    let logs = design
        .services
        .iter()
        .find(|s| App::of(s).is_some())
        .or(design.services.first());
    if let Some(s) = logs {
        let _ = writeln!(out, "# Logs\ndocker compose logs -f {}\n", app::host(s));
    }
    let backups: Vec<(&Service, backup::Method)> = design
        .services
        .iter()
        .filter_map(|s| backup::method(s).map(|m| (s, m)))
        .filter(|(s, m)| *m != backup::Method::Volumes || s.backup)
        .collect();
    if !backups.is_empty() {
        out.push_str("# Backups, one per data service (scripts/backup.sh runs those marked for backup)\nmkdir -p backups\n");
        for (s, method) in backups {
            let _ = writeln!(
                out,
                "# {}: {}\n{}",
                app::host(s),
                method.label(),
                backup::command(s, method)
            );
        }
        out.push('\n');
    }
    out.push_str("# Stop (add --volumes to delete the data as well)\ndocker compose down\n```\n\n");
}

fn resources_section(design: &Design, out: &mut String) {
    out.push_str("## Resources\n\nLimits per container (reservations in the compose files are half of them).\n\n");
    out.push_str("| Service | CPU | Memory | Prod replicas |\n| --- | --- | --- | --- |\n");
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
            cpu(r.cpu_limit_m),
            memory(r.memory_limit_mb),
            s.replicas.prod.max(1)
        );
    }
    let total_cpu = u32::try_from(cpu_total).ok();
    let total_mem = u32::try_from(mem_total).ok();
    let _ = writeln!(
        out,
        "| **Total in production** | {} | {} | |\n",
        cpu(total_cpu),
        memory(total_mem)
    );
}

pub fn file(design: &Design, version_var: &str) -> GeneratedFile {
    let mut out = format!(
        "# Docker architecture - {}\n\nGenerated by Tierboard from the board; regenerate rather than edit by hand \
         where you can. To change the design, open `{}` (at the project root) or `architecture.svg` in Tierboard.\n\n\
         ## Overview\n\n![Architecture diagram](architecture.svg)\n\n```mermaid\n{}```\n\n\
         The same in plain text:\n\n```text\n{}```\n\n",
        layout::project_name(design),
        layout::design_file(design),
        mermaid(design),
        diagram::diagram(design)
    );
    services_section(design, &mut out);
    networks_section(design, &mut out);
    volumes_section(design, &mut out);
    commands_section(design, &mut out);
    resources_section(design, &mut out);
    runbooks::proxy_section(design, &mut out);
    runbooks::monitoring_section(design, &mut out);
    runbooks::logging_section(design, &mut out);
    runbooks::scanning_section(design, &mut out);
    runbooks::backup_section(design, &mut out);
    runbooks::rollback_section(design, version_var, &mut out);
    runbooks::notes_section(&mut out);
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
        assert_eq!(cpu(Some(1000)), "1");
        assert_eq!(cpu(Some(500)), "0.5");
        assert_eq!(cpu(Some(250)), "0.25");
        assert_eq!(cpu(None), "-");
    }

    #[test]
    fn optional_sections_follow_the_settings() {
        let mut d = Design::new("shop");
        let text = file(&d, "VERSION").contents;
        assert!(!text.contains("## Rollback") && !text.contains("## Image scanning"));
        d.settings.ops.rollback_docs = true;
        d.settings.ops.image_scan = true;
        let text = file(&d, "VERSION").contents;
        assert!(text.contains("## Rollback") && text.contains("## Image scanning"));
    }
}

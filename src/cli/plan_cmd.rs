//! `tierboard plan DESIGN.json`: the resource plan — totals per environment and tier against the
//! host budget, the prod cluster packing, profile variants and warnings — as text or JSON.
//!
//! JSON shape (stable for scripts): `environments[]` with `env`, `profiles`, `services`,
//! `replicas`, `cpus` / `memory_mb` (declared limits), `reserved_cpus` / `reserved_memory_mb`,
//! `storage_gb`, `headroom` and `tiers[]` of the same figures; `nodes` with `count`,
//! `without_spread`, `lower_bound`, `placement[]` and `unplaced[]`; `warnings[]`; `variants[]`.
//! CPUs are decimal numbers (`0.5`), memory MiB, storage GiB.
//!
//! `--lang en|de|fr` (default: the locale) sets the words of the text and of the warnings'
//! `message` in JSON; figures in text follow the language (`1,5 CPU`, `2 Go`), JSON numbers and
//! keys never do.

use super::{read_design, to_json, Args, CliError};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Budget, NodeSize};
use crate::planner::{
    self, cpus_arg, cpus_in, memory_arg, memory_in, Basis, Environment, Headroom, Plan,
    PlanOptions, Totals, WarningLevel,
};
use serde::Serialize;
use std::io::{Read, Write};

/// Largest CPU count accepted on the command line (a guard, far above any real node).
const MAX_CPUS_M: u32 = 1_000_000_000;

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let json = args.flag("--json");
    let lang = args.lang()?;
    let strict = args.flag("--strict");
    let node_cpus = cpu_option(&mut args, "--node-cpus", lang)?;
    let node_memory: Option<u32> = args.number("--node-memory-mb")?;
    let budget_cpus = cpu_option(&mut args, "--budget-cpus", lang)?;
    let budget_memory: Option<u32> = args.number("--budget-memory-mb")?;
    let budget_disk: Option<u32> = args.number("--budget-disk-gb")?;
    let profiles: Vec<String> = args
        .option("--profiles")?
        .map(|list| {
            list.split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let basis = match args.option("--pack-on")? {
        None | Some("reservations") => Basis::Reservations,
        Some("limits") => Basis::Limits,
        Some(other) => {
            let message = Message::plain(BAD_PACK_ON).arg("value", format!("{other:?}"));
            return Err(CliError::input(message.render(lang)));
        }
    };
    let path = args.one("DESIGN.json")?;
    let design = read_design(path, stdin)?;

    let (node, budget) = (design.settings.node, design.settings.budget);
    let options = PlanOptions {
        profiles,
        basis,
        node: Some(NodeSize {
            cpu_m: node_cpus.unwrap_or(node.cpu_m),
            memory_mb: node_memory.unwrap_or(node.memory_mb),
        }),
        budget: Some(Budget {
            cpu_m: budget_cpus.unwrap_or(budget.cpu_m),
            memory_mb: budget_memory.unwrap_or(budget.memory_mb),
            disk_gb: budget_disk.unwrap_or(budget.disk_gb),
        }),
    };
    let plan = planner::plan_with(&design, &options);
    if json {
        writeln!(out, "{}", to_json(&Report::of(&design.name, &plan, lang)))?;
    } else {
        write_text(&design.name, &plan, lang, out)?;
    }
    let problems = plan.problems().count();
    if strict && problems > 0 {
        let message = Message::plain(STRICT).arg("n", problems);
        return Err(CliError::gate(message.render(lang)));
    }
    Ok(())
}

fn cpu_option(args: &mut Args, name: &'static str, lang: Lang) -> Result<Option<u32>, CliError> {
    match args.option(name)? {
        None => Ok(None),
        Some(text) => parse_cpus(text).map(Some).ok_or_else(|| {
            let message = Message::plain(BAD_CPUS)
                .arg("name", name)
                .arg("value", format!("{text:?}"));
            CliError::input(message.render(lang))
        }),
    }
}

/// Decimal CPUs (`4`, `0.5`, `1.25`) as millicores, exactly (the planner reads them as the
/// board's fields do), up to the CLI's ceiling.
fn parse_cpus(text: &str) -> Option<u32> {
    planner::parse_cpus(text).ok().filter(|&m| m <= MAX_CPUS_M)
}

fn cpu_number(m: u64) -> f64 {
    m as f64 / 1000.0
}

#[derive(Serialize)]
struct Figures {
    services: u32,
    replicas: u32,
    cpus: f64,
    memory_mb: u64,
    reserved_cpus: f64,
    reserved_memory_mb: u64,
    storage_gb: u64,
    replicas_without_cpu_limit: u32,
    replicas_without_memory_limit: u32,
}

impl Figures {
    fn of(t: &Totals) -> Self {
        Figures {
            services: t.services,
            replicas: t.replicas,
            cpus: cpu_number(t.cpu_limit_m),
            memory_mb: t.memory_limit_mb,
            reserved_cpus: cpu_number(t.cpu_reserved_m),
            reserved_memory_mb: t.memory_reserved_mb,
            storage_gb: t.storage_gb,
            replicas_without_cpu_limit: t.replicas_without_cpu_limit,
            replicas_without_memory_limit: t.replicas_without_memory_limit,
        }
    }
}

#[derive(Serialize)]
struct EnvRow<'a> {
    env: Environment,
    profiles: &'a [String],
    #[serde(flatten)]
    total: Figures,
    headroom: Headroom,
    tiers: Vec<TierRow>,
}

#[derive(Serialize)]
struct TierRow {
    tier: &'static str,
    #[serde(flatten)]
    total: Figures,
}

#[derive(Serialize)]
struct NodeRow {
    cpus_used: f64,
    memory_mb_used: u64,
    replicas: Vec<String>,
}

#[derive(Serialize)]
struct Nodes<'a> {
    count: u32,
    cpus: f64,
    memory_mb: u32,
    packed_on: &'static str,
    without_spread: u32,
    lower_bound: u32,
    placement: Vec<NodeRow>,
    unplaced: &'a [planner::Unplaced],
}

#[derive(Serialize)]
struct Report<'a> {
    design: &'a str,
    budget: serde_json::Value,
    environments: Vec<EnvRow<'a>>,
    nodes: Nodes<'a>,
    services: &'a [planner::ServicePlan],
    variants: &'a [planner::ProfileVariant],
    warnings: Vec<WarningRow<'a>>,
}

/// A warning as scripts read it: code, severity, env, service, and the message in `--lang`.
#[derive(Serialize)]
struct WarningRow<'a> {
    #[serde(flatten)]
    warning: &'a planner::Warning,
    message: String,
}

impl<'a> Report<'a> {
    fn of(name: &'a str, plan: &'a Plan, lang: Lang) -> Self {
        let b = plan.budget;
        let c = &plan.cluster;
        Report {
            design: name,
            budget: serde_json::json!({
                "cpus": cpu_number(u64::from(b.cpu_m)), "memory_mb": b.memory_mb, "disk_gb": b.disk_gb
            }),
            environments: plan
                .environments
                .iter()
                .map(|e| EnvRow {
                    env: e.env,
                    profiles: &e.profiles,
                    total: Figures::of(&e.total),
                    headroom: e.headroom,
                    tiers: e
                        .tiers
                        .iter()
                        .map(|(t, totals)| TierRow {
                            tier: t.id(),
                            total: Figures::of(totals),
                        })
                        .collect(),
                })
                .collect(),
            nodes: Nodes {
                count: c.node_count(),
                cpus: cpu_number(u64::from(c.node.cpu_m)),
                memory_mb: c.node.memory_mb,
                packed_on: c.basis.id(),
                without_spread: c.nodes_without_spread,
                lower_bound: c.lower_bound,
                placement: c
                    .nodes
                    .iter()
                    .map(|n| NodeRow {
                        cpus_used: cpu_number(n.cpu_used_m),
                        memory_mb_used: n.memory_used_mb,
                        replicas: n
                            .replicas
                            .iter()
                            .map(|p| format!("{}#{}", p.service, p.replica))
                            .collect(),
                    })
                    .collect(),
                unplaced: &c.unplaced,
            },
            services: &plan.services,
            variants: &plan.variants,
            warnings: plan
                .warnings
                .iter()
                .map(|w| WarningRow {
                    warning: w,
                    message: w.message(lang),
                })
                .collect(),
        }
    }
}

fn pct(p: Option<i64>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{p}%"))
}

crate::texts! {
    HOST_BUDGET {
        en: "{name}: host budget {cpu} CPU / {mem} / {disk} GB disk",
        de: "{name}: Host-Budget {cpu} CPU / {mem} / {disk} GB Platte",
        fr: "{name} : budget de l'hôte {cpu} CPU / {mem} / {disk} Go de disque",
    }
    COL_ENV { en: "env", de: "Umgeb.", fr: "envir." }
    COL_SERVICES { en: "services", de: "Services", fr: "services" }
    COL_REPLICAS { en: "replicas", de: "Replikas", fr: "réplicas" }
    COL_RESV_CPU { en: "resv CPU", de: "res. CPU", fr: "CPU rés." }
    COL_RESV_MEM { en: "resv mem", de: "res. Sp.", fr: "mém. rés." }
    COL_LIMIT_CPU { en: "limit CPU", de: "Limit CPU", fr: "lim. CPU" }
    COL_LIMIT_MEM { en: "limit mem", de: "Limit Sp.", fr: "lim. mém." }
    COL_STORAGE { en: "storage", de: "Platte", fr: "stockage" }
    COL_FREE {
        en: "free (reserved CPU / mem, disk)",
        de: "frei (reserviert CPU / Sp., Platte)",
        fr: "libre (CPU / mém. réservés, disque)",
    }
    DISK_GB { en: "{n} GB", de: "{n} GB", fr: "{n} Go" }
    CLUSTER {
        en: "prod on {cpu} CPU / {mem} nodes (packed on {basis}): {count} node(s); {without} without spreading replicas, at least {lower}",
        de: "prod auf Nodes mit {cpu} CPU / {mem} (gepackt nach {basis}): {count} Node(s); {without} ohne Verteilung der Replikas, mindestens {lower}",
        fr: "prod sur des nœuds de {cpu} CPU / {mem} (placement sur {basis}) : {count} nœud(s) ; {without} sans répartir les réplicas, au moins {lower}",
    }
    NODE { en: "node", de: "Node", fr: "nœud" }
    VARIANT {
        en: "with --profiles {profile}: +{cpu} CPU / +{mem} limits in dev ({services})",
        de: "mit --profiles {profile}: +{cpu} CPU / +{mem} Limits in dev ({services})",
        fr: "avec --profiles {profile} : +{cpu} CPU / +{mem} de limites en dev ({services})",
    }
    WARNING { en: "warning: {message}", de: "Warnung: {message}", fr: "avertissement : {message}" }
    NOTE { en: "note: {message}", de: "Hinweis: {message}", fr: "remarque : {message}" }
    BAD_PACK_ON {
        en: "--pack-on: {value} is not reservations or limits",
        de: "--pack-on: {value} ist weder reservations noch limits",
        fr: "--pack-on : {value} n'est ni reservations ni limits",
    }
    BAD_CPUS {
        en: "{name}: {value} is not a CPU count like 4 or 0.5",
        de: "{name}: {value} ist keine CPU-Anzahl wie 4 oder 0.5",
        fr: "{name} : {value} n'est pas un nombre de CPU comme 4 ou 0.5",
    }
    STRICT {
        en: "{n} planning warning(s)",
        de: "{n} Planungswarnung(en)",
        fr: "{n} avertissement(s) de planification",
    }
}

fn write_text(name: &str, plan: &Plan, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let b = plan.budget;
    let cpus = |m: u64| cpus_in(lang, m);
    let memory = |mib: u64| memory_in(lang, mib);
    let header = Message::plain(HOST_BUDGET)
        .arg("name", name)
        .arg("cpu", cpus_arg(u64::from(b.cpu_m)))
        .arg("mem", memory_arg(u64::from(b.memory_mb)))
        .arg("disk", b.disk_gb);
    writeln!(out, "{}", header.render(lang))?;
    writeln!(out)?;
    let col = |t: Text| t.get(lang);
    writeln!(
        out,
        "{:<5} {:>8} {:>8} {:>9} {:>10} {:>9} {:>10} {:>8}   {}",
        col(COL_ENV),
        col(COL_SERVICES),
        col(COL_REPLICAS),
        col(COL_RESV_CPU),
        col(COL_RESV_MEM),
        col(COL_LIMIT_CPU),
        col(COL_LIMIT_MEM),
        col(COL_STORAGE),
        col(COL_FREE)
    )?;
    for e in &plan.environments {
        let (t, h) = (&e.total, &e.headroom);
        writeln!(
            out,
            "{:<5} {:>8} {:>8} {:>9} {:>10} {:>9} {:>10} {:>8}   {} / {}, {}",
            e.env.id(),
            t.services,
            t.replicas,
            cpus(t.cpu_reserved_m),
            memory(t.memory_reserved_mb),
            cpus(t.cpu_limit_m),
            memory(t.memory_limit_mb),
            Message::plain(DISK_GB).arg("n", t.storage_gb).render(lang),
            pct(h.cpu_reserved_pct),
            pct(h.memory_reserved_pct),
            pct(h.disk_pct)
        )?;
    }
    let c = &plan.cluster;
    writeln!(out)?;
    let cluster = Message::plain(CLUSTER)
        .arg("cpu", cpus_arg(u64::from(c.node.cpu_m)))
        .arg("mem", memory_arg(u64::from(c.node.memory_mb)))
        .arg("basis", c.basis.id())
        .arg("count", c.node_count())
        .arg("without", c.nodes_without_spread)
        .arg("lower", c.lower_bound);
    writeln!(out, "{}", cluster.render(lang))?;
    for (i, n) in c.nodes.iter().enumerate() {
        let replicas: Vec<String> = n
            .replicas
            .iter()
            .map(|p| format!("{}#{}", p.service, p.replica))
            .collect();
        writeln!(
            out,
            "  {} {:<3} {:>6} CPU {:>9}  {}",
            col(NODE),
            i + 1,
            cpus(n.cpu_used_m),
            memory(n.memory_used_mb),
            replicas.join(" ")
        )?;
    }
    for v in &plan.variants {
        let d = &v.added.dev;
        let variant = Message::plain(VARIANT)
            .arg("profile", v.profile.as_str())
            .arg("cpu", cpus_arg(d.cpu_limit_m))
            .arg("mem", memory_arg(d.memory_limit_mb))
            .arg("services", v.services.join(", "));
        writeln!(out, "{}", variant.render(lang))?;
    }
    if !plan.warnings.is_empty() {
        writeln!(out)?;
    }
    for w in &plan.warnings {
        let line = if w.level == WarningLevel::Warning {
            WARNING
        } else {
            NOTE
        };
        let line = Message::plain(line).arg("message", w.message(lang));
        writeln!(out, "{}", line.render(lang))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn cpu_counts_are_parsed_exactly() {
        assert_eq!(parse_cpus("4"), Some(4000));
        assert_eq!(parse_cpus("0.5"), Some(500));
        assert_eq!(parse_cpus(".25"), Some(250));
        assert_eq!(parse_cpus("1.125"), Some(1125));
        for bad in ["", ".", "-1", "1.0001", "1e3", "four", "99999999999"] {
            assert_eq!(parse_cpus(bad), None, "{bad}");
        }
    }
}

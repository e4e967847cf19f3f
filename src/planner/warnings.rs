//! What the plan warns about: budgets exceeded, limits missing or inconsistent, replicas that fit
//! neither the host nor a node, and inputs the planner had to cap. Each warning has a stable
//! code (for the UI and scripts) and a one-line message that says what to change, kept as a
//! language-free [`Message`] and rendered in the reader's language by [`Warning::message`].
//!
//! Order is stable: environments (dev, ci, prod), then services in board order, then the cluster.

use super::cluster::{Cluster, Unplacement};
use super::demand::{ServicePlan, MAX_REPLICAS};
use super::environment::Environment;
use super::totals::EnvPlan;
use super::units::{cpus_arg as cpus, memory_arg as memory};
use crate::i18n::{message, Arg, Lang, Message};
use crate::model::Budget;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WarningLevel {
    /// The plan does not hold as designed.
    Warning,
    /// Worth knowing; the plan still holds.
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningCode {
    ReservationsOverBudget,
    LimitsOverBudget,
    StorageOverBudget,
    LimitsMissing,
    ReservationAboveLimit,
    ReplicaExceedsHost,
    ReplicaExceedsNode,
    SpreadAddsNodes,
    PackingCapped,
    ReplicasCapped,
    UnusedProfile,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    #[serde(rename = "severity")]
    pub level: WarningLevel,
    pub code: WarningCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<Environment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// What happened and what to change, in no language yet: see [`Warning::message`].
    #[serde(skip)]
    pub text: Message,
}

impl Warning {
    /// The warning in `lang` ("1,5 CPU" in German and French).
    pub fn message(&self, lang: Lang) -> String {
        self.text.render(lang)
    }
}

/// Everything the planner has to say about a plan in the making.
pub struct Inputs<'a> {
    pub budget: &'a Budget,
    pub services: &'a [ServicePlan],
    pub environments: &'a [EnvPlan; 4],
    pub cluster: &'a Cluster,
    /// Profiles the caller turned on that no service uses.
    pub unused_profiles: &'a [String],
}

pub fn collect(i: &Inputs) -> Vec<Warning> {
    let mut out = Vec::new();
    for p in i.unused_profiles {
        out.push(note(
            WarningCode::UnusedProfile,
            None,
            None,
            Message::plain(UNUSED_PROFILE).arg("profile", crate::i18n::quote(p)),
        ));
    }
    for e in i.environments {
        budget_warnings(e, i.budget, &mut out);
    }
    for s in i.services {
        service_warnings(s, i.budget, &mut out);
    }
    cluster_warnings(i.cluster, i.services, &mut out);
    out
}

fn warn(
    code: WarningCode,
    env: Option<Environment>,
    service: Option<&str>,
    message: Message,
) -> Warning {
    Warning {
        level: WarningLevel::Warning,
        code,
        env,
        service: service.map(str::to_string),
        text: message,
    }
}

fn note(
    code: WarningCode,
    env: Option<Environment>,
    service: Option<&str>,
    message: Message,
) -> Warning {
    Warning {
        level: WarningLevel::Note,
        ..warn(code, env, service, message)
    }
}

fn budget_warnings(e: &EnvPlan, b: &Budget, out: &mut Vec<Warning>) {
    let t = &e.total;
    let env = Some(e.env);
    let mut over = Vec::new();
    if t.cpu_reserved_m > u64::from(b.cpu_m) {
        over.push(Arg::from(
            Message::plain(OF_CPU)
                .arg("used", cpus(t.cpu_reserved_m))
                .arg("budget", cpus(u64::from(b.cpu_m))),
        ));
    }
    if t.memory_reserved_mb > u64::from(b.memory_mb) {
        over.push(Arg::from(
            Message::plain(OF)
                .arg("used", memory(t.memory_reserved_mb))
                .arg("budget", memory(u64::from(b.memory_mb))),
        ));
    }
    if !over.is_empty() {
        // Prod usually runs on a cluster: point at the cluster view rather than only "shrink".
        let fix = if e.env == Environment::Prod {
            FIX_PROD
        } else {
            FIX_HOST
        };
        let message = Message::plain(RESERVES_OVER)
            .arg("env", e.env.id())
            .arg("over", Arg::Join(over, message::AND))
            .arg("fix", fix);
        out.push(warn(
            WarningCode::ReservationsOverBudget,
            env,
            None,
            message,
        ));
    }
    // Limits may overcommit a host (they are ceilings, not guarantees); say what that risks.
    if t.cpu_limit_m > u64::from(b.cpu_m) {
        let message = Message::plain(CPU_LIMITS_OVER)
            .arg("env", e.env.id())
            .arg("used", cpus(t.cpu_limit_m))
            .arg("budget", cpus(u64::from(b.cpu_m)));
        out.push(note(WarningCode::LimitsOverBudget, env, None, message));
    }
    if t.memory_limit_mb > u64::from(b.memory_mb) {
        let message = Message::plain(MEMORY_LIMITS_OVER)
            .arg("env", e.env.id())
            .arg("used", memory(t.memory_limit_mb))
            .arg("budget", memory(u64::from(b.memory_mb)));
        out.push(note(WarningCode::LimitsOverBudget, env, None, message));
    }
    if t.storage_gb > u64::from(b.disk_gb) {
        let message = Message::plain(STORAGE_OVER)
            .arg("env", e.env.id())
            .arg("need", t.storage_gb)
            .arg("disk", b.disk_gb);
        out.push(warn(WarningCode::StorageOverBudget, env, None, message));
    }
}

fn service_warnings(s: &ServicePlan, b: &Budget, out: &mut Vec<Warning>) {
    let runs = Environment::ALL.iter().any(|&e| s.runs_in(e));
    let name = Some(s.name.as_str());
    if runs && !s.has_limits() {
        let missing: Vec<Arg> = [
            (s.cpu_limit_m.is_none(), CPU),
            (s.memory_limit_mb.is_none(), MEMORY),
        ]
        .into_iter()
        .filter_map(|(m, what)| m.then_some(Arg::Text(what)))
        .collect();
        let message = Message::plain(LIMITS_MISSING)
            .arg("name", s.name.as_str())
            .arg("missing", Arg::Join(missing, message::OR));
        out.push(warn(WarningCode::LimitsMissing, None, name, message));
    }
    let cpu_above = s.cpu_limit_m.is_some_and(|l| s.cpu_reserved_m > l);
    let mem_above = s.memory_limit_mb.is_some_and(|l| s.memory_reserved_mb > l);
    if cpu_above || mem_above {
        let message = Message::plain(RESERVATION_ABOVE_LIMIT).arg("name", s.name.as_str());
        out.push(warn(
            WarningCode::ReservationAboveLimit,
            None,
            name,
            message,
        ));
    }
    if runs
        && (u64::from(s.cpu_reserved_m) > u64::from(b.cpu_m) || s.memory_reserved_mb > b.memory_mb)
    {
        let message = Message::plain(REPLICA_EXCEEDS_HOST)
            .arg("name", s.name.as_str())
            .arg("cpu", cpus(u64::from(s.cpu_reserved_m)))
            .arg("mem", memory(u64::from(s.memory_reserved_mb)))
            .arg("host_cpu", cpus(u64::from(b.cpu_m)))
            .arg("host_mem", memory(u64::from(b.memory_mb)));
        out.push(warn(WarningCode::ReplicaExceedsHost, None, name, message));
    }
    for env in Environment::ALL {
        let capped = s.replicas_capped.get(env);
        if capped > 0 {
            let asked = u64::from(capped) + u64::from(MAX_REPLICAS);
            let message = Message::plain(REPLICAS_CAPPED)
                .arg("name", s.name.as_str())
                .arg("asked", asked)
                .arg("env", env.id())
                .arg("max", MAX_REPLICAS);
            out.push(warn(WarningCode::ReplicasCapped, Some(env), name, message));
        }
    }
}

fn cluster_warnings(c: &Cluster, services: &[ServicePlan], out: &mut Vec<Warning>) {
    let prod = Some(Environment::Prod);
    for u in &c.unplaced {
        let name = Some(u.service.as_str());
        match u.reason {
            Unplacement::ExceedsNode => {
                let (cpu, mem) = services
                    .iter()
                    .find(|s| s.id == u.id)
                    .map_or((0, 0), |s| c.basis.size(s));
                let message = Message::plain(REPLICA_EXCEEDS_NODE)
                    .arg("n", u.replicas)
                    .arg("name", u.service.as_str())
                    .arg("cpu", cpus(u64::from(cpu)))
                    .arg("mem", memory(u64::from(mem)))
                    .arg("node_cpu", cpus(u64::from(c.node.cpu_m)))
                    .arg("node_mem", memory(u64::from(c.node.memory_mb)));
                out.push(warn(WarningCode::ReplicaExceedsNode, prod, name, message));
            }
            Unplacement::Capped => {
                let message = Message::plain(PACKING_CAPPED)
                    .arg("n", u.replicas)
                    .arg("name", u.service.as_str())
                    .arg("nodes", super::cluster::MAX_NODES)
                    .arg("replicas", super::cluster::MAX_PACKED_REPLICAS);
                out.push(warn(WarningCode::PackingCapped, prod, name, message));
            }
        }
    }
    if c.spread_cost() > 0 {
        let wide: Vec<Arg> = services
            .iter()
            .filter(|s| s.replicas.prod > c.nodes_without_spread)
            .map(|s| {
                Message::plain(WIDE)
                    .arg("name", s.name.as_str())
                    .arg("n", s.replicas.prod)
                    .into()
            })
            .collect();
        let why = if wide.is_empty() {
            Arg::str("")
        } else {
            Message::plain(BECAUSE)
                .arg("services", Arg::Join(wide, message::COMMA))
                .into()
        };
        let message = Message::plain(SPREAD_ADDS_NODES)
            .arg("nodes", c.node_count())
            .arg("packed", c.nodes_without_spread)
            .arg("why", why);
        out.push(note(WarningCode::SpreadAddsNodes, prod, None, message));
    }
}

crate::texts! {
    UNUSED_PROFILE {
        en: "no service uses the profile {profile}",
        de: "kein Service nutzt das Profil {profile}",
        fr: "aucun service n'utilise le profil {profile}",
    }
    OF_CPU { en: "{used} of {budget} CPU", de: "{used} von {budget} CPU", fr: "{used} sur {budget} CPU" }
    OF { en: "{used} of {budget}", de: "{used} von {budget}", fr: "{used} sur {budget}" }
    RESERVES_OVER {
        en: "{env} reserves {over} on one host: {fix}",
        de: "{env} reserviert {over} auf einem Host: {fix}",
        fr: "{env} réserve {over} sur un seul hôte : {fix}",
    }
    FIX_PROD {
        en: "run prod on the nodes of the cluster view, plan a larger host, or lower reservations or replicas",
        de: "Prod auf den Nodes der Cluster-Ansicht betreiben, einen größeren Host planen oder Reservierungen bzw. Replikas senken",
        fr: "faites tourner la prod sur les nœuds de la vue cluster, prévoyez un hôte plus grand, ou réduisez les réservations ou les réplicas",
    }
    FIX_HOST {
        en: "lower reservations or replicas, or plan a larger host",
        de: "Reservierungen oder Replikas senken oder einen größeren Host planen",
        fr: "réduisez les réservations ou les réplicas, ou prévoyez un hôte plus grand",
    }
    CPU_LIMITS_OVER {
        en: "{env} CPU limits add up to {used} of {budget} CPU: busy services get throttled when they peak together",
        de: "{env}: CPU-Limits summieren sich auf {used} von {budget} CPU: ausgelastete Services werden gedrosselt, wenn ihre Spitzen zusammenfallen",
        fr: "{env} : les limites CPU totalisent {used} sur {budget} CPU : les services chargés sont bridés quand leurs pics coïncident",
    }
    MEMORY_LIMITS_OVER {
        en: "{env} memory limits add up to {used} of {budget}: under load the host can run out of memory and kill containers",
        de: "{env}: Speicherlimits summieren sich auf {used} von {budget}: unter Last kann dem Host der Speicher ausgehen, und er beendet Container",
        fr: "{env} : les limites mémoire totalisent {used} sur {budget} : sous charge, l'hôte peut manquer de mémoire et tuer des containers",
    }
    STORAGE_OVER {
        en: "{env} volumes need {need} GB of a {disk} GB disk",
        de: "{env}: Volumes brauchen {need} GB einer Platte mit {disk} GB",
        fr: "{env} : les volumes demandent {need} Go d'un disque de {disk} Go",
    }
    CPU { en: "CPU", de: "CPU", fr: "CPU" }
    MEMORY { en: "memory", de: "Speicher", fr: "mémoire" }
    LIMITS_MISSING {
        en: "{name} has no {missing} limit: one busy replica can starve its neighbours, and the limit totals leave it out",
        de: "{name} hat kein Limit für {missing}: Eine ausgelastete Replika kann ihre Nachbarn aushungern, und die Limit-Summen lassen sie aus",
        fr: "{name} n'a pas de limite {missing} : un réplica chargé peut affamer ses voisins, et les totaux des limites l'ignorent",
    }
    RESERVATION_ABOVE_LIMIT {
        en: "{name} reserves more than its limit; Docker refuses to start such a container",
        de: "{name} reserviert mehr als sein Limit; Docker startet einen solchen Container nicht",
        fr: "{name} réserve plus que sa limite ; Docker refuse de démarrer un tel container",
    }
    REPLICA_EXCEEDS_HOST {
        en: "one replica of {name} reserves {cpu} CPU / {mem}, more than the {host_cpu} CPU / {host_mem} host",
        de: "eine Replika von {name} reserviert {cpu} CPU / {mem}, mehr als der Host mit {host_cpu} CPU / {host_mem} hat",
        fr: "un réplica de {name} réserve {cpu} CPU / {mem}, plus que l'hôte de {host_cpu} CPU / {host_mem}",
    }
    REPLICAS_CAPPED {
        en: "{name} asks for {asked} replicas in {env}; planned with {max}",
        de: "{name} verlangt {asked} Replikas in {env}; geplant mit {max}",
        fr: "{name} demande {asked} réplicas en {env} ; planifié avec {max}",
    }
    REPLICA_EXCEEDS_NODE {
        en: "{n} replica(s) of {name} need {cpu} CPU / {mem} each, more than a {node_cpu} CPU / {node_mem} node: not placed; use larger nodes or a smaller service",
        de: "{n} Replika(s) von {name} brauchen je {cpu} CPU / {mem}, mehr als ein Node mit {node_cpu} CPU / {node_mem}: nicht platziert; größere Nodes oder einen kleineren Service verwenden",
        fr: "{n} réplica(s) de {name} demandent chacun {cpu} CPU / {mem}, plus qu'un nœud de {node_cpu} CPU / {node_mem} : non placés ; utilisez des nœuds plus grands ou un service plus petit",
    }
    PACKING_CAPPED {
        en: "{n} replica(s) of {name} not placed: the planner stops at {nodes} nodes and {replicas} replicas",
        de: "{n} Replika(s) von {name} nicht platziert: Der Planer hört bei {nodes} Nodes und {replicas} Replikas auf",
        fr: "{n} réplica(s) de {name} non placés : le planificateur s'arrête à {nodes} nœuds et {replicas} réplicas",
    }
    SPREAD_ADDS_NODES {
        en: "keeping replicas of a service on distinct nodes needs {nodes} nodes where packing alone needs {packed}{why}",
        de: "Replikas eines Services auf verschiedenen Nodes zu halten braucht {nodes} Nodes, wo reines Packen {packed} braucht{why}",
        fr: "garder les réplicas d'un service sur des nœuds distincts demande {nodes} nœuds là où le seul placement en demande {packed}{why}",
    }
    BECAUSE { en: " because of {services}", de: ", wegen {services}", fr: ", à cause de {services}" }
    WIDE { en: "{name} ({n} replicas)", de: "{name} ({n} Replikas)", fr: "{name} ({n} réplicas)" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn no_warning_text_was_left_in_english() {
        let same = ["CPU", "{used} of {budget}"];
        for (name, t) in ALL {
            for lang in [Lang::De, Lang::Fr] {
                assert!(
                    t.get(lang) != t.en || same.contains(&t.en),
                    "{name} untranslated in {}",
                    lang.code()
                );
            }
        }
    }
}

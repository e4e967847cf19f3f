//! `onboarding-fast`: the dev stack fits the host budget.
//!
//! "Onboarding < 15 minutes" is judgement; the rule measures what most often breaks it: the
//! default dev stack (always-on services × dev replicas) not fitting the host budget (a
//! developer laptop by default). Memory is counted by reservation (the limit when none is set):
//! what the services need, not what they may burst to. CPU time is shared, so CPU counts by
//! reservation too, but a single CPU limit above the host's CPUs makes `docker compose up` refuse
//! the container outright.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::{Arg, Message, Text};

pub static RULE: Rule = Rule {
    id: "onboarding-fast",
    category: Category::Dx,
    severity: Severity::Low,
    title: Text {
        en: "Onboarding takes minutes",
        de: "Onboarding < 15 Minuten",
        fr: "Onboarding < 15 minutes",
    },
    why: Text {
        en: "A newcomer's first `docker compose up` should run on their machine. Measured: the memory and CPU the \
          always-on dev services reserve (times dev replicas) fit the host budget, and no CPU limit exceeds the \
          host's CPUs (Docker refuses such a container). Optional services go behind profiles.",
        de: "Das erste `docker compose up` eines Neuen soll auf seinem Rechner laufen. Gemessen: \
              Speicher und CPU, die die ständig laufenden Dev-Services reservieren (mal \
              Dev-Replikas), passen ins Host-Budget, und kein CPU-Limit übersteigt die CPUs des \
              Hosts (Docker verweigert einen solchen Container). Optionale Services gehören hinter \
              Profile.",
        fr: "Le premier `docker compose up` d'un nouvel arrivant doit tourner sur sa machine. \
              Mesuré : la mémoire et le CPU réservés par les services de dev toujours actifs (fois \
              les réplicas de dev) tiennent dans le budget de l'hôte, et aucune limite CPU ne \
              dépasse les CPU de l'hôte (Docker refuse un tel container). Les services optionnels \
              vont derrière des profils.",
    },
    source: "seed 000/001 checklist, DX: \"Onboarding < 15 Minuten\"",
    problem: Text {
        en: "dev stack exceeds the host budget",
        de: "Dev-Stack sprengt das Host-Budget",
        fr: "la stack de dev dépasse le budget de l'hôte",
    },
    check,
    fix: None,
    safe_fix: false,
};

crate::texts! {
    ABOVE_HOST {
        en: "CPU limit above the host's {cpus} CPUs: {names}",
        de: "CPU-Limit über den {cpus} CPUs des Hosts: {names}",
        fr: "limite CPU au-delà des {cpus} CPU de l'hôte : {names}",
    }
    RESERVES {
        en: "the dev stack reserves {cpu} CPU / {mem} MB, the host budget is {host_cpu} CPU / {host_mem} MB",
        de: "der Dev-Stack reserviert {cpu} CPU / {mem} MB, das Host-Budget ist {host_cpu} CPU / {host_mem} MB",
        fr: "la stack de dev réserve {cpu} CPU / {mem} Mo, le budget de l'hôte est de {host_cpu} CPU / {host_mem} Mo",
    }
}

fn check(ctx: &Ctx) -> Verdict {
    if ctx.design.services.is_empty() {
        return Verdict::not_applicable();
    }
    let b = ctx.design.settings.budget;
    let (mut cpu, mut mem) = (0u64, 0u64);
    let mut too_big = Vec::new();
    let on: Vec<usize> = ctx
        .services()
        .filter(|(_, s)| s.always_on())
        .map(|(i, _)| i)
        .collect();
    for &i in &on {
        let Some(s) = ctx.service(i) else { continue };
        let r = s.resources;
        let n = u64::from(s.replicas.dev);
        cpu += n * u64::from(r.cpu_reservation_m.or(r.cpu_limit_m).unwrap_or(0));
        mem += n * u64::from(r.memory_reservation_mb.or(r.memory_limit_mb).unwrap_or(0));
        if r.cpu_limit_m.is_some_and(|c| c > b.cpu_m) {
            too_big.push(i);
        }
    }
    if !too_big.is_empty() {
        let names = Arg::names(
            too_big
                .iter()
                .filter_map(|&i| ctx.service(i))
                .map(|s| s.name.as_str()),
        );
        let detail = Message::plain(ABOVE_HOST)
            .arg("cpus", Arg::Fixed(f64::from(b.cpu_m) / 1000.0, 1))
            .arg("names", names);
        return Verdict::design(false, too_big, detail);
    }
    let fits = cpu <= u64::from(b.cpu_m) && mem <= u64::from(b.memory_mb);
    let detail = Message::plain(RESERVES)
        .arg("cpu", Arg::Fixed(cpu as f64 / 1000.0, 1))
        .arg("mem", mem)
        .arg("host_cpu", Arg::Fixed(f64::from(b.cpu_m) / 1000.0, 1))
        .arg("host_mem", b.memory_mb);
    Verdict::design(fits, if fits { Vec::new() } else { on }, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn a_small_stack_fits() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_stack_above_the_budget_fails_until_optional_parts_move_to_a_profile() {
        let mut d = good();
        d.settings.budget.memory_mb = 500; // the shop reserves 128 + 256 + 128
        let r = assert_fails(&RULE, &d, &["proxy", "api", "db"]);
        assert!(
            r.message(crate::i18n::Lang::En).contains("512 MB"),
            "{}",
            r.message(crate::i18n::Lang::En)
        );
        edit(&mut d, "proxy", |s| s.profiles = vec!["edge".into()]);
        assert_passes(&RULE, &d);
    }

    #[test]
    fn a_cpu_limit_above_the_hosts_cpus_fails() {
        let mut d = good();
        edit(&mut d, "api", |s| s.resources.cpu_limit_m = Some(8000));
        let r = assert_fails(&RULE, &d, &["api"]);
        assert!(
            r.message(crate::i18n::Lang::En).contains("4.0 CPUs"),
            "{}",
            r.message(crate::i18n::Lang::En)
        );
    }
}

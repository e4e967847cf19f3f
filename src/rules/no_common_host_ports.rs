//! `no-common-host-ports`: no host port that a developer's machine already uses.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Port;
use std::collections::BTreeSet;

pub static RULE: Rule = Rule {
    id: "no-common-host-ports",
    category: Category::Dx,
    severity: Severity::Low,
    title: Text {
        en: "No host ports that local tools already use",
        de: "Keine Host-Ports, die lokale Tools schon belegen",
        fr: "Pas de ports de l'hôte déjà pris par les outils locaux",
    },
    why: Text {
        en: "5432, 3306, 6379 and friends are taken on most developer machines by a locally installed database: \
          `docker compose up` then fails for them. Publish on a shifted port (15432) or not at all.",
        de: "5432, 3306, 6379 und Co. sind auf den meisten Entwicklerrechnern von einer lokal \
              installierten Datenbank belegt: `docker compose up` scheitert dann daran. \
              Veröffentlichen Sie auf einem verschobenen Port (15432) oder gar nicht.",
        fr: "5432, 3306, 6379 et consorts sont pris sur la plupart des machines de développement \
              par une base de données installée localement : `docker compose up` échoue alors pour \
              eux. Publiez sur un port décalé (15432) ou pas du tout.",
    },
    source: "seed 002 anti-pattern \"Ports en conflit (5432, 6379 déjà utilisés)\"",
    problem: Text {
        en: "publishes a host port local tools usually hold",
        de: "veröffentlicht einen Host-Port, den lokale Tools meist belegen",
        fr: "publie un port de l'hôte que les outils locaux occupent souvent",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

/// Default ports of databases, caches and brokers developers run locally.
const COMMON: &[u16] = &[
    1433, 1521, 2181, 3306, 5432, 5672, 6379, 9092, 9200, 11211, 27017,
];

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| s.published_ports().next().is_some(),
        |_, s| {
            s.published_ports()
                .any(|p| p.published.is_some_and(|h| COMMON.contains(&h)))
        },
    )
}

/// Shift each to the first free port from `port + 10000` (5432 → 15432).
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    let mut used: BTreeSet<u16> = crate::sorting::btree_set(
        ctx.design
            .services
            .iter()
            .flat_map(|s| s.ports.iter().filter_map(|p| p.published)),
    );
    let mut commands = Vec::new();
    for &i in failing {
        let Some(s) = ctx.service(i) else { continue };
        let ports = s
            .ports
            .iter()
            .map(|p| match p.published {
                Some(h) if COMMON.contains(&h) => {
                    let free = (h.saturating_add(10000)..=u16::MAX)
                        .find(|c| !used.contains(c) && !COMMON.contains(c));
                    if let Some(f) = free {
                        used.insert(f);
                    }
                    Port {
                        published: free.or(p.published),
                        ..p.clone()
                    }
                }
                _ => p.clone(),
            })
            .collect();
        commands.push(Command::UpdateService {
            id: s.id,
            change: ServiceChange::Ports(ports),
        });
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn uncommon_ports_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_default_database_port_fails_and_is_shifted() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.ports = vec![Port::published(5432, 5432)]
        });
        assert_fails(&RULE, &d, &["api"]);
        let mut expected = good();
        edit(&mut expected, "api", |s| {
            s.ports = vec![Port::published(5432, 15432)]
        });
        assert_fix(&RULE, &d, &expected);
    }
}

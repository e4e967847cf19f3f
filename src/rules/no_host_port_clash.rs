//! `no-host-port-clash`: no two services publish the same host port on the same interface.
//! `0.0.0.0` (or no address) and `::` take the port on every interface, so they clash with any
//! address; two different explicit addresses do not. A conflict across the files of an import
//! (a base and an override both publishing 8080) is found here as well, once merged.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Port, Service};
use std::collections::BTreeSet;

pub static RULE: Rule = Rule {
    id: "no-host-port-clash",
    category: Category::Dx,
    severity: Severity::High,
    title: Text {
        en: "No two services publish the same host port",
        de: "Keine zwei Services veröffentlichen denselben Host-Port",
        fr: "Deux services ne publient pas le même port de l'hôte",
    },
    why: Text {
        en: "A host port on an interface belongs to one container: the second service fails to start with \
          \"port is already allocated\", and which one wins depends on start order. Give each service its \
          own port, or bind them to different interfaces.",
        de: "Ein Host-Port auf einem Interface gehört genau einem Container: der zweite Service startet \
              nicht (\"port is already allocated\"), und welcher gewinnt, hängt von der Startreihenfolge \
              ab. Geben Sie jedem Service einen eigenen Port oder binden Sie sie an verschiedene Interfaces.",
        fr: "Un port de l'hôte sur une interface appartient à un seul container : le second service ne \
              démarre pas (« port is already allocated »), et lequel gagne dépend de l'ordre de démarrage. \
              Donnez à chaque service son propre port, ou liez-les à des interfaces différentes.",
    },
    source: "docker compose: \"Bind for 0.0.0.0:8080 failed: port is already allocated\"; seed 002 anti-pattern \
             \"Ports en conflit\"",
    problem: Text {
        en: "publishes a host port another service publishes on the same interface",
        de: "veröffentlicht einen Host-Port, den ein anderer Service auf demselben Interface veröffentlicht",
        fr: "publie un port de l'hôte qu'un autre service publie sur la même interface",
    },
    check,
    fix: Some(fix),
    safe_fix: false,
};

/// Whether two addresses share an interface (`None`, empty, `0.0.0.0` and `::` are all of them).
fn overlaps(a: Option<&str>, b: Option<&str>) -> bool {
    let any = |ip: Option<&str>| ip.is_none_or(|ip| matches!(ip, "" | "0.0.0.0" | "::" | "[::]"));
    any(a) || any(b) || a == b
}

fn clash(a: &Port, b: &Port) -> bool {
    a.published.is_some()
        && a.published == b.published
        && a.protocol == b.protocol
        && overlaps(a.host_ip.as_deref(), b.host_ip.as_deref())
}

/// Whether service `i` publishes a port an earlier (`before`) or any other service publishes.
fn clashes(ctx: &Ctx, i: usize, s: &Service, only_earlier: bool) -> bool {
    ctx.services().any(|(j, other)| {
        j != i
            && (!only_earlier || j < i)
            && s.published_ports()
                .any(|p| other.published_ports().any(|q| clash(p, q)))
    })
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| s.published_ports().next().is_some(),
        |i, s| clashes(ctx, i, s, false),
    )
}

/// The first service keeps its port; each later one moves to the next free port above it.
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    // Any protocol: a moved port lands on a number nothing publishes.
    let mut used: BTreeSet<u16> = crate::sorting::btree_set(
        ctx.design
            .services
            .iter()
            .flat_map(|s| s.ports.iter().filter_map(|p| p.published)),
    );
    let mut commands = Vec::new();
    let mut moved: Vec<Port> = Vec::new();
    for &i in failing {
        let Some(s) = ctx.service(i) else { continue };
        if !clashes(ctx, i, s, true) {
            continue;
        }
        let earlier: Vec<&Port> = ctx
            .services()
            .filter(|(j, _)| *j < i)
            .flat_map(|(_, o)| o.published_ports())
            .chain(moved.iter())
            .collect();
        let mut ports = Vec::new();
        for p in &s.ports {
            if earlier.iter().any(|q| clash(p, q)) {
                let start = p.published.unwrap_or(0).saturating_add(1);
                let free = (start..=u16::MAX).find(|c| !used.contains(c));
                if let Some(f) = free {
                    used.insert(f);
                    ports.push(Port {
                        published: Some(f),
                        ..p.clone()
                    });
                    continue;
                }
            }
            ports.push(p.clone());
        }
        moved.extend(ports.iter().filter(|p| p.published.is_some()).cloned());
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
    use crate::model::Protocol;
    use crate::rules::testing::*;

    fn on(ip: Option<&str>, container: u16, host: u16) -> Port {
        Port {
            host_ip: ip.map(str::to_string),
            ..Port::published(container, host)
        }
    }

    #[test]
    fn distinct_ports_or_interfaces_pass() {
        assert_passes(&RULE, &good());
        let mut d = good();
        edit(&mut d, "proxy", |s| {
            s.ports = vec![on(Some("127.0.0.1"), 80, 8080)]
        });
        edit(&mut d, "api", |s| {
            s.ports = vec![on(Some("10.0.0.5"), 80, 8080)]
        });
        assert_passes(&RULE, &d);
        // The same number over another protocol is another port.
        edit(&mut d, "api", |s| {
            s.ports = vec![Port {
                protocol: Protocol::Udp,
                ..on(Some("127.0.0.1"), 80, 8080)
            }]
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn the_same_port_on_a_shared_interface_fails_and_the_later_service_moves() {
        let mut d = good();
        edit(&mut d, "proxy", |s| s.ports = vec![on(None, 80, 8080)]);
        edit(&mut d, "api", |s| {
            s.ports = vec![on(Some("127.0.0.1"), 8000, 8080)]
        });
        assert_fails(&RULE, &d, &["proxy", "api"]);
        let mut expected = d.clone();
        edit(&mut expected, "api", |s| {
            s.ports = vec![on(Some("127.0.0.1"), 8000, 8081)]
        });
        assert_fix(&RULE, &d, &expected);
    }
}

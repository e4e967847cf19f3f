//! `compose-up-works`: `docker compose up` can bind every published port.
//!
//! Measured: no two always-on services publish the same host port (same protocol, overlapping
//! address), and no service publishing a host port runs more than one dev replica (the second
//! replica cannot bind it). Either makes the first `docker compose up` fail.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Port, Protocol};
use std::collections::{BTreeSet, HashMap};

pub static RULE: Rule = Rule {
    id: "compose-up-works",
    category: Category::Dx,
    severity: Severity::High,
    title: Text {
        en: "`docker compose up` works at once",
        de: "`docker compose up` funktioniert sofort",
        fr: "`docker compose up` fonctionnel immédiatement",
    },
    why: Text {
        en: "The first `docker compose up` is the onboarding. Two services on one host port, or a published port \
          on a service with several dev replicas, fail with \"port is already allocated\".",
        de: "Das erste `docker compose up` ist das Onboarding. Zwei Services auf einem Host-Port \
              oder ein veröffentlichter Port an einem Service mit mehreren Dev-Replikas scheitern \
              mit „port is already allocated“.",
        fr: "Le premier `docker compose up` est l'onboarding. Deux services sur un même port de \
              l'hôte, ou un port publié sur un service avec plusieurs réplicas en dev, échouent avec \
              « port is already allocated ».",
    },
    source: "seed 000/001 checklist, DX: \"docker compose up funktioniert sofort\"",
    problem: Text {
        en: "host port already taken",
        de: "Host-Port bereits belegt",
        fr: "port de l'hôte déjà pris",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn address(p: &Port) -> &str {
    match p.host_ip.as_deref().map(str::trim) {
        None => "127.0.0.1",
        Some("" | "0.0.0.0" | "::" | "[::]" | "*") => "*",
        Some(ip) => ip,
    }
}

/// For each host port: the services binding it, with the address, in board order.
type Bindings<'a> = HashMap<(u16, bool), Vec<(&'a str, usize)>>;

/// (host port, is UDP): `Protocol` is not hashable, and TCP and UDP may share a number.
fn key(host: u16, p: &Port) -> (u16, bool) {
    (host, p.protocol == Protocol::Udp)
}

fn clashes(bindings: &Bindings, p: &Port, i: usize) -> bool {
    let Some(host) = p.published else {
        return false;
    };
    let addr = address(p);
    bindings.get(&key(host, p)).is_some_and(|owners| {
        owners
            .iter()
            .any(|&(a, o)| o != i && (a == addr || a == "*" || addr == "*"))
    })
}

fn bindings<'a>(ctx: &Ctx<'a>) -> Bindings<'a> {
    let mut map: Bindings = HashMap::new();
    for (i, s) in ctx.services().filter(|(_, s)| s.always_on()) {
        for p in s.published_ports() {
            if let Some(host) = p.published {
                map.entry(key(host, p)).or_default().push((address(p), i));
            }
        }
    }
    map
}

fn check(ctx: &Ctx) -> Verdict {
    let map = bindings(ctx);
    ctx.each(
        |_, s| s.published_ports().next().is_some(),
        |i, s| {
            s.replicas.dev > 1
                || (s.always_on() && s.published_ports().any(|p| clashes(&map, p, i)))
        },
    )
}

/// Move the later of two clashing services to the next free host port; replicas are the user's call.
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    let map = bindings(ctx);
    let mut used: BTreeSet<u16> = crate::sorting::btree_set(map.keys().map(|(port, _)| *port));
    let mut commands = Vec::new();
    for &i in failing {
        let Some(s) = ctx.service(i) else { continue };
        let mut changed = false;
        let ports: Vec<Port> = s
            .ports
            .iter()
            .map(|p| {
                let first_owner = p
                    .published
                    .and_then(|h| map.get(&key(h, p)))
                    .and_then(|o| o.first())
                    .map(|&(_, o)| o);
                if !s.always_on() || !clashes(&map, p, i) || first_owner == Some(i) {
                    return p.clone();
                }
                let start = p.published.unwrap_or(p.container);
                let Some(free) = (start.saturating_add(1)..=u16::MAX).find(|c| !used.contains(c))
                else {
                    return p.clone();
                };
                used.insert(free);
                changed = true;
                Port {
                    published: Some(free),
                    ..p.clone()
                }
            })
            .collect();
        if changed {
            commands.push(Command::UpdateService {
                id: s.id,
                change: ServiceChange::Ports(ports),
            });
        }
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn distinct_ports_pass_and_different_addresses_may_share_one() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.ports = vec![Port {
                host_ip: Some("10.0.0.5".into()),
                ..Port::published(8000, 8080)
            }]
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn two_services_on_one_port_fail_and_the_second_moves() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.ports = vec![Port::published(8000, 8080)]
        });
        assert_fails(&RULE, &d, &["proxy", "api"]);
        let mut expected = good();
        edit(&mut expected, "api", |s| {
            s.ports = vec![Port::published(8000, 8081)]
        });
        assert_fix(&RULE, &d, &expected);
    }

    #[test]
    fn a_published_port_on_several_dev_replicas_fails() {
        let mut d = good();
        edit(&mut d, "proxy", |s| s.replicas.dev = 2);
        assert_fails(&RULE, &d, &["proxy"]);
        assert_no_fix(&RULE, &d);
    }
}

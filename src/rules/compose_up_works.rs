//! `compose-up-works`: `docker compose up` can bind every published port.
//!
//! Measured: no two always-on services publish the same host port (same protocol, overlapping
//! address), and no service publishing a host port runs more than one dev replica (the second
//! replica cannot bind it). Either makes the first `docker compose up` fail.
//!
//! A host port given by a variable (`${FRONTEND_PORT:-8080}`) binds its default when `.env`
//! leaves it unset, which is what the first `up` does: it is compared by that default, like
//! any number (every generated port is such a variable anyway). A variable without a default
//! is compared by its name: two services on the same variable bind the same port once it is set.

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

/// The host port a first `docker compose up` binds: a number (a variable's default), or a
/// variable without a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Host<'a> {
    Number(u16),
    Variable(&'a str),
}

/// For each host port: the services binding it, with the address, in board order.
type Bindings<'a> = HashMap<(Host<'a>, bool), Vec<(&'a str, usize)>>;

/// (host port, is UDP): `Protocol` is not hashable, and TCP and UDP may share a number.
fn key(p: &Port) -> Option<(Host<'_>, bool)> {
    let host = match (p.published, p.published_var.as_deref()) {
        (Some(n), _) => Host::Number(n),
        (None, Some(var)) => Host::Variable(var),
        (None, None) => return None,
    };
    Some((host, p.protocol == Protocol::Udp))
}

fn clashes(bindings: &Bindings, p: &Port, i: usize) -> bool {
    let Some(key) = key(p) else {
        return false;
    };
    let addr = address(p);
    bindings.get(&key).is_some_and(|owners| {
        owners
            .iter()
            .any(|&(a, o)| o != i && (a == addr || a == "*" || addr == "*"))
    })
}

fn bindings<'a>(ctx: &Ctx<'a>) -> Bindings<'a> {
    let mut map: Bindings = HashMap::new();
    for (i, s) in ctx.services().filter(|(_, s)| s.always_on()) {
        for p in s.published_ports() {
            if let Some(key) = key(p) {
                map.entry(key).or_default().push((address(p), i));
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
    let mut used: BTreeSet<u16> =
        crate::sorting::btree_set(map.keys().filter_map(|(host, _)| match host {
            Host::Number(n) => Some(*n),
            Host::Variable(_) => None,
        }));
    let mut commands = Vec::new();
    for &i in failing {
        let Some(s) = ctx.service(i) else { continue };
        let mut changed = false;
        let ports: Vec<Port> = s
            .ports
            .iter()
            .map(|p| {
                let first_owner = key(p)
                    .and_then(|k| map.get(&k))
                    .and_then(|o| o.first())
                    .map(|&(_, o)| o);
                if !s.always_on() || !clashes(&map, p, i) || first_owner == Some(i) {
                    return p.clone();
                }
                // A shared variable without a default clashes whatever its value: which of
                // the services should get another variable is the user's call.
                let Some(start) = p.published else {
                    return p.clone();
                };
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
    fn host_port_variables_clash_by_default_or_by_name() {
        let var = |name: &str, default: Option<u16>| Port {
            published: default,
            published_var: Some(name.into()),
            ..Port::internal(8000)
        };
        let mut d = good();
        // The proxy publishes 8080 in the fixture.
        edit(&mut d, "api", |s| {
            s.ports = vec![var("API_PORT", Some(8081))]
        });
        assert_passes(&RULE, &d);
        edit(&mut d, "api", |s| {
            s.ports = vec![var("API_PORT", Some(8080))]
        });
        assert_fails(&RULE, &d, &["proxy", "api"]);
        let mut expected = d.clone();
        edit(&mut expected, "api", |s| {
            s.ports = vec![var("API_PORT", Some(8081))]
        });
        assert_fix(&RULE, &d, &expected);

        let mut d = good();
        edit(&mut d, "api", |s| s.ports = vec![var("SHARED", None)]);
        assert_passes(&RULE, &d);
        edit(&mut d, "proxy", |s| s.ports = vec![var("SHARED", None)]);
        assert_fails(&RULE, &d, &["proxy", "api"]);
        assert_no_fix(&RULE, &d);
        edit(&mut d, "proxy", |s| s.ports = vec![var("OTHER", None)]);
        assert_passes(&RULE, &d);
    }

    #[test]
    fn a_published_port_on_several_dev_replicas_fails() {
        let mut d = good();
        edit(&mut d, "proxy", |s| s.replicas.dev = 2);
        assert_fails(&RULE, &d, &["proxy"]);
        assert_no_fix(&RULE, &d);
    }
}

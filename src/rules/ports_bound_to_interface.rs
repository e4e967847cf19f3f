//! `ports-bound-to-interface`: published ports bind to a specific interface, not all of them.
//!
//! A port without `host_ip` is generated bound to 127.0.0.1; `0.0.0.0` or `::` is an explicit
//! choice to listen on every interface, which this rule reports.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Port, Service};

pub static RULE: Rule = Rule {
    id: "ports-bound-to-interface",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Published ports are bound to an interface",
        de: "Veröffentlichte Ports sind an eine Schnittstelle gebunden",
        fr: "Les ports publiés sont liés à une interface",
    },
    why: Text {
        en: "A port published on 0.0.0.0 is reachable from every network the host is on, and Docker's iptables rules \
          bypass the host firewall. Bind to 127.0.0.1 (the default here) or to the one public address meant to \
          serve traffic.",
        de: "Ein auf 0.0.0.0 veröffentlichter Port ist aus jedem Netzwerk des Hosts erreichbar, und \
              Dockers iptables-Regeln umgehen die Host-Firewall. Binden Sie an 127.0.0.1 (hier der \
              Standard) oder an die eine öffentliche Adresse, die Traffic bedienen soll.",
        fr: "Un port publié sur 0.0.0.0 est joignable depuis tous les réseaux de l'hôte, et les \
              règles iptables de Docker contournent le pare-feu de l'hôte. Liez-le à 127.0.0.1 (le \
              défaut ici) ou à la seule adresse publique censée servir le trafic.",
    },
    source: "KICS docker-compose \"Container Traffic Not Bound To Host Interface\"; CIS Docker 5.13; dclint \
             `no-unbound-port-interfaces`",
    problem: Text {
        en: "published on every interface",
        de: "auf allen Schnittstellen veröffentlicht",
        fr: "publié sur toutes les interfaces",
    },
    check,
    fix: Some(fix),
    // Narrowing the interface may cut off intended public traffic.
    safe_fix: false,
};

fn all_interfaces(p: &Port) -> bool {
    p.is_published()
        && p.host_ip
            .as_deref()
            .is_some_and(|ip| matches!(ip.trim(), "" | "0.0.0.0" | "::" | "[::]" | "*"))
}

fn fails(s: &Service) -> bool {
    s.ports.iter().any(all_interfaces)
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, s| s.published_ports().next().is_some(), |_, s| fails(s))
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let ports = s
            .ports
            .iter()
            .map(|p| {
                if all_interfaces(p) {
                    Port {
                        host_ip: None,
                        ..p.clone()
                    }
                } else {
                    p.clone()
                }
            })
            .collect();
        Some(ServiceChange::Ports(ports))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn default_and_specific_addresses_pass() {
        let mut d = good();
        assert_passes(&RULE, &d);
        edit(&mut d, "proxy", |s| {
            s.ports[0].host_ip = Some("203.0.113.10".into())
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn every_interface_fails_and_falls_back_to_localhost() {
        let mut d = good();
        edit(&mut d, "proxy", |s| {
            s.ports[0].host_ip = Some("0.0.0.0".into())
        });
        assert_fails(&RULE, &d, &["proxy"]);
        assert_fix(&RULE, &d, &good());
    }

    #[test]
    fn a_host_port_variable_on_every_interface_fails_and_is_bound() {
        let mut d = good();
        let bound = |d: &mut crate::model::Design| {
            edit(d, "proxy", |s| {
                s.ports[0].published_var = Some("PROXY_PORT".into());
                s.ports[0].published = None;
            })
        };
        bound(&mut d);
        let mut fixed = d.clone();
        assert_passes(&RULE, &d);
        edit(&mut d, "proxy", |s| {
            s.ports[0].host_ip = Some("0.0.0.0".into())
        });
        assert_fails(&RULE, &d, &["proxy"]);
        bound(&mut fixed);
        assert_fix(&RULE, &d, &fixed);
    }
}

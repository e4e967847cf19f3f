//! `no-privileged-host-ports`: no host port below 1024, but 80/443 on a proxy or gateway.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "no-privileged-host-ports",
    category: Category::Security,
    severity: Severity::Low,
    title: Text {
        en: "No privileged host ports",
        de: "Keine privilegierten Host-Ports",
        fr: "Pas de ports privilégiés sur l'hôte",
    },
    why: Text {
        en: "Host ports below 1024 need root on the host and collide with system services (22, 25, 53). CIS allows \
          the one exception of HTTP/HTTPS on the load balancer: 80 and 443 on a proxy or gateway pass.",
        de: "Host-Ports unter 1024 brauchen root auf dem Host und kollidieren mit Systemdiensten \
              (22, 25, 53). CIS erlaubt als einzige Ausnahme HTTP/HTTPS am Load Balancer: 80 und 443 \
              an einem Proxy oder Gateway sind in Ordnung.",
        fr: "Les ports de l'hôte sous 1024 exigent root sur l'hôte et entrent en conflit avec les \
              services système (22, 25, 53). Le CIS n'admet qu'une exception, HTTP/HTTPS sur le load \
              balancer : 80 et 443 sur un proxy ou une gateway sont acceptés.",
    },
    source: "KICS docker-compose \"Privileged Ports Mapped In Container\"; CIS Docker 5.8",
    problem: Text {
        en: "publishes a host port below 1024",
        de: "veröffentlicht einen Host-Port unter 1024",
        fr: "publie un port de l'hôte inférieur à 1024",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| s.published_ports().next().is_some(),
        |i, s| {
            s.published_ports()
                .filter_map(|p| p.published)
                .any(|h| h < 1024 && !(ctx.is_routing(i) && (h == 80 || h == 443)))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Port;
    use crate::rules::fixtures::*;

    #[test]
    fn high_ports_and_https_on_the_proxy_pass() {
        let mut d = good();
        edit(&mut d, "proxy", |s| {
            s.ports.push(Port::published(8443, 443))
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn low_ports_elsewhere_fail() {
        let mut d = good();
        edit(&mut d, "api", |s| s.ports = vec![Port::published(8000, 80)]);
        edit(&mut d, "proxy", |s| s.ports.push(Port::published(2222, 22)));
        assert_fails(&RULE, &d, &["proxy", "api"]);
        assert_no_fix(&RULE, &d);
    }
}

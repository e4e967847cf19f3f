//! `no-privileged-host-ports`: no host port below 1024, but 80/443 on a proxy or gateway.

use super::{Category, Ctx, Rule, Severity, Verdict};

pub static RULE: Rule = Rule {
    id: "no-privileged-host-ports",
    category: Category::Security,
    severity: Severity::Low,
    title: "No privileged host ports",
    why: "Host ports below 1024 need root on the host and collide with system services (22, 25, 53). CIS allows \
          the one exception of HTTP/HTTPS on the load balancer: 80 and 443 on a proxy or gateway pass.",
    source: "KICS docker-compose \"Privileged Ports Mapped In Container\"; CIS Docker 5.8",
    problem: "publishes a host port below 1024",
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
    use crate::rules::testing::*;

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

//! `no-host-network`: no service uses the host's network stack.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::model::Hardening;

pub static RULE: Rule = Rule {
    id: "no-host-network",
    category: Category::Security,
    severity: Severity::High,
    title: "No network_mode: host",
    why: "On the host network a container sees every host interface and port, skips the tier networks and \
          clashes with host services. Put it on its tier's bridge network and publish the ports it needs.",
    source: "seed 002 anti-pattern \"network_mode: host\" and checklist, Network: \"Pas de network_mode: host sans \
             justification\"; KICS \"Shared Host Network Namespace\"; CIS Docker 5.9",
    problem: "uses network_mode host",
    check,
    fix: Some(fix),
    // Ports the service listened on directly on the host must then be published: the user's call.
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, _| true,
        |_, s| {
            s.hardening
                .network_mode
                .as_deref()
                .is_some_and(|m| m.trim() == "host")
        },
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        Some(ServiceChange::Hardening(Hardening {
            network_mode: None,
            ..s.hardening.clone()
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn tier_networks_and_none_pass() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.hardening.network_mode = Some("none".into())
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn host_fails_and_returns_to_the_tier_network() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.hardening.network_mode = Some("host".into())
        });
        assert_fails(&RULE, &d, &["api"]);
        assert_fix(&RULE, &d, &good());
    }
}

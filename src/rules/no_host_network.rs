//! `no-host-network`: no service uses the host's network stack.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Hardening;

pub static RULE: Rule = Rule {
    id: "no-host-network",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "No network_mode: host",
        de: "Kein network_mode: host",
        fr: "Pas de network_mode: host",
    },
    why: Text {
        en: "On the host network a container sees every host interface and port, skips the tier networks and \
          clashes with host services. Put it on its tier's bridge network and publish the ports it needs.",
        de: "Im Host-Netzwerk sieht ein Container jede Schnittstelle und jeden Port des Hosts, \
              umgeht die Netzwerke der Ebenen und kollidiert mit Host-Diensten. Setzen Sie ihn in \
              das Bridge-Netzwerk seiner Ebene und veröffentlichen Sie die Ports, die er braucht.",
        fr: "Sur le réseau de l'hôte, un container voit toutes les interfaces et tous les ports de \
              l'hôte, contourne les réseaux des tiers et entre en conflit avec les services de \
              l'hôte. Placez-le sur le réseau bridge de son tier et publiez les ports dont il a \
              besoin.",
    },
    source: "seed 002 anti-pattern \"network_mode: host\" and checklist, Network: \"Pas de network_mode: host sans \
             justification\"; KICS \"Shared Host Network Namespace\"; CIS Docker 5.9",
    problem: Text {
        en: "uses network_mode host",
        de: "nutzt network_mode host",
        fr: "utilise network_mode host",
    },
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
    use crate::rules::fixtures::*;

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

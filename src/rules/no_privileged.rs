//! `no-privileged`: no container runs privileged.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Hardening;

pub static RULE: Rule = Rule {
    id: "no-privileged",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "No privileged containers",
        de: "Keine privilegierten Container",
        fr: "Pas de containers privilégiés",
    },
    why: Text {
        en: "`privileged: true` gives the container every capability and every host device: escaping it is trivial. \
          Add the one capability or device the service needs instead.",
        de: "`privileged: true` gibt dem Container jede Capability und jedes Gerät des Hosts: Der \
              Ausbruch ist trivial. Fügen Sie stattdessen die eine Capability oder das eine Gerät \
              hinzu, das der Service braucht.",
        fr: "`privileged: true` donne au container toutes les capabilities et tous les \
              périphériques de l'hôte : s'en échapper est trivial. Ajoutez plutôt la seule \
              capability ou le seul périphérique dont le service a besoin.",
    },
    source: "KICS docker-compose \"Privileged Containers Enabled\"; CIS Docker 5.4",
    problem: Text {
        en: "runs privileged",
        de: "läuft privilegiert",
        fr: "tourne en mode privilégié",
    },
    check,
    fix: Some(fix),
    // The service may really need a device or capability; the user must find which.
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| s.hardening.privileged)
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        Some(ServiceChange::Hardening(Hardening {
            privileged: false,
            ..s.hardening.clone()
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn unprivileged_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn privileged_fails_and_is_turned_off() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.privileged = true);
        assert_fails(&RULE, &d, &["api"]);
        assert_fix(&RULE, &d, &good());
    }
}

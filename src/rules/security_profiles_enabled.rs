//! `security-profiles-enabled`: seccomp confinement stays on.
//!
//! The generator writes `security_opt` from the hardening block alone (imported `security_opt`
//! entries are not written back), so `seccomp_unconfined` is the one design fact that disables
//! a profile.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Hardening;

pub static RULE: Rule = Rule {
    id: "security-profiles-enabled",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Seccomp is not disabled",
        de: "Seccomp ist nicht deaktiviert",
        fr: "Seccomp n'est pas désactivé",
    },
    why: Text {
        en: "Docker's default seccomp profile blocks some 40 dangerous system calls (kernel modules, mount, \
          reboot, ...). `seccomp:unconfined` removes that layer for a convenience that is rarely needed.",
        de: "Dockers Standard-Seccomp-Profil blockiert rund 40 gefährliche Systemaufrufe \
              (Kernel-Module, mount, reboot, ...). `seccomp:unconfined` entfernt diese Schicht für \
              eine Bequemlichkeit, die selten nötig ist.",
        fr: "Le profil seccomp par défaut de Docker bloque une quarantaine d'appels système \
              dangereux (modules du noyau, mount, reboot, ...). `seccomp:unconfined` retire cette \
              couche pour un confort rarement nécessaire.",
    },
    source: "KICS docker-compose \"Default Seccomp Profile Disabled\"; CIS Docker 5.21",
    problem: Text {
        en: "seccomp disabled",
        de: "Seccomp deaktiviert",
        fr: "seccomp désactivé",
    },
    check,
    fix: Some(fix),
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| s.hardening.seccomp_unconfined)
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        Some(ServiceChange::Hardening(Hardening {
            seccomp_unconfined: false,
            ..s.hardening.clone()
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn default_profiles_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn unconfined_fails_and_is_removed() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.seccomp_unconfined = true);
        assert_fails(&RULE, &d, &["api"]);
        assert_fix(&RULE, &d, &good());
    }
}

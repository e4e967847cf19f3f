//! `restart-policy`: long-running services restart after a crash.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::RestartPolicy;

pub static RULE: Rule = Rule {
    id: "restart-policy",
    category: Category::Operations,
    severity: Severity::Medium,
    title: Text {
        en: "A restart policy is set",
        de: "Restart-Policy ist gesetzt",
        fr: "Restart policy définie",
    },
    why: Text {
        en: "With `restart: no` a crashed service stays down until someone notices. `unless-stopped` (or \
          `on-failure`) brings it back. One-shot jobs are exempt.",
        de: "Mit `restart: no` bleibt ein abgestürzter Service unten, bis es jemand bemerkt. \
              `unless-stopped` (oder `on-failure`) holt ihn zurück. Einmalige Jobs sind ausgenommen.",
        fr: "Avec `restart: no`, un service planté reste arrêté jusqu'à ce que quelqu'un s'en \
              aperçoive. `unless-stopped` (ou `on-failure`) le relance. Les jobs ponctuels sont \
              exemptés.",
    },
    source: "seed 002 checklist, Services: \"Restart policy définie (unless-stopped ou on-failure)\" and \
             anti-pattern \"Pas de restart policy\"",
    problem: Text {
        en: "restart: no",
        de: "restart: no",
        fr: "restart: no",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |i, _| ctx.category(i) != KindCategory::Job,
        |_, s| s.restart == RestartPolicy::No,
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, _| {
        Some(ServiceChange::Restart(RestartPolicy::UnlessStopped))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn unless_stopped_and_on_failure_pass() {
        let mut d = good();
        edit(&mut d, "api", |s| s.restart = RestartPolicy::OnFailure);
        assert_passes(&RULE, &d);
    }

    #[test]
    fn no_restart_fails_and_becomes_unless_stopped() {
        let mut d = good();
        edit(&mut d, "db", |s| s.restart = RestartPolicy::No);
        assert_fails(&RULE, &d, &["db"]);
        assert_fix(&RULE, &d, &good());
    }
}

//! `pids-limited`: every service has a process limit.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Resources;

pub static RULE: Rule = Rule {
    id: "pids-limited",
    category: Category::Performance,
    severity: Severity::Low,
    title: Text {
        en: "Process count is limited",
        de: "Prozessanzahl ist begrenzt",
        fr: "Le nombre de processus est limité",
    },
    why: Text {
        en: "A fork bomb or a thread leak in one container can exhaust the host's process table and stop every \
          service. `pids_limit` caps it; 512 leaves room for thread-heavy runtimes (JVM, postgres backends).",
        de: "Eine Fork-Bomb oder ein Thread-Leck in einem Container kann die Prozesstabelle des \
              Hosts erschöpfen und jeden Service anhalten. `pids_limit` deckelt das; 512 lässt Platz \
              für thread-lastige Laufzeiten (JVM, postgres-Backends).",
        fr: "Une fork bomb ou une fuite de threads dans un container peut épuiser la table des \
              processus de l'hôte et arrêter tous les services. `pids_limit` la plafonne ; 512 \
              laisse de la marge aux runtimes gourmands en threads (JVM, backends postgres).",
    },
    source: "KICS docker-compose \"Pids Limit Not Set\"; CIS Docker 5.29",
    problem: Text {
        en: "no pids limit",
        de: "kein PID-Limit",
        fr: "pas de limite de PID",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

pub(crate) const DEFAULT_PIDS: u32 = 512;

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| s.resources.pids_limit.is_none())
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        Some(ServiceChange::Resources(Resources {
            pids_limit: Some(DEFAULT_PIDS),
            ..s.resources
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn limited_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn unlimited_fails_and_gets_the_default() {
        let mut d = good();
        edit(&mut d, "api", |s| s.resources.pids_limit = None);
        assert_fails(&RULE, &d, &["api"]);
        assert_fix(&RULE, &d, &good());
    }
}

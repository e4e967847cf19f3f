//! `rollback-documented`: the operations docs carry a rollback procedure (a design fact).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "rollback-documented",
    category: Category::Operations,
    severity: Severity::Low,
    title: Text {
        en: "Rollback is documented",
        de: "Rollback dokumentiert",
        fr: "Rollback documenté",
    },
    why: Text {
        en: "A bad release is fixed fastest by going back to the previous image tags. With this set, the generated \
          operations docs carry a rollback section (previous tag, compose commands, database caveats).",
        de: "Ein schlechtes Release behebt man am schnellsten, indem man zu den vorherigen \
              Image-Tags zurückkehrt. Damit aktiviert, enthält die generierte Betriebsdokumentation \
              einen Rollback-Abschnitt (vorheriger Tag, Compose-Befehle, Vorsicht bei Datenbanken).",
        fr: "Une mauvaise release se corrige le plus vite en revenant aux tags d'image précédents. \
              Avec cette option, la documentation d'exploitation générée contient une section \
              rollback (tag précédent, commandes Compose, précautions pour les bases de données).",
    },
    source: "seed 000/001 checklist, Operations: \"Rollback dokumentiert\"",
    problem: Text {
        en: "no rollback procedure",
        de: "kein Rollback-Verfahren",
        fr: "pas de procédure de rollback",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

crate::texts! {
    NO_ROLLBACK {
        en: "no rollback procedure: turn on rollback docs",
        de: "kein Rollback-Verfahren: Rollback-Dokumentation aktivieren",
        fr: "pas de procédure de rollback : activez la documentation de rollback",
    }
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.fact(ctx.design.settings.ops.rollback_docs, NO_ROLLBACK)
}

fn fix(ctx: &Ctx, _failing: &[usize]) -> Vec<Command> {
    ctx.settings(|s| s.ops.rollback_docs = true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn documented_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn undocumented_fails_and_is_documented() {
        let mut d = good();
        d.settings.ops.rollback_docs = false;
        assert_fails(&RULE, &d, &[]);
        assert_fix(&RULE, &d, &good());
    }
}

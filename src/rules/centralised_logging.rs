//! `centralised-logging`: logs are shipped to a central collector (a design fact).
//!
//! Seed 002's "Logging configuré" holds by construction: every generated service gets
//! `json-file` logging rotated at 10 MB x 3, and no design fact can turn that off (imported
//! `logging:` blocks are not written back). What remains to decide is where logs go.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;
use crate::i18n::Text;
use crate::model::LoggingTarget;

pub static RULE: Rule = Rule {
    id: "centralised-logging",
    category: Category::Operations,
    severity: Severity::Low,
    title: Text {
        en: "Logging is centralised",
        de: "Zentralisiertes Logging",
        fr: "Logging centralisé",
    },
    why: Text {
        en: "Logs on each host vanish with the host and cannot be searched across services. With the central \
          target set, the generated project documents and configures log shipping to a collector.",
        de: "Logs auf den einzelnen Hosts verschwinden mit dem Host und lassen sich nicht über \
              Services hinweg durchsuchen. Mit dem zentralen Ziel dokumentiert und konfiguriert das \
              generierte Projekt den Versand der Logs an einen Collector.",
        fr: "Les logs de chaque hôte disparaissent avec l'hôte et ne peuvent pas être recherchés \
              d'un service à l'autre. Avec la cible centrale, le projet généré documente et \
              configure l'envoi des logs vers un collecteur.",
    },
    source: "seed 000/001 checklist, Operations: \"Zentralisiertes Logging\"; seed 002 checklist, Services: \
             \"Logging configuré\" (rotation always generated); seed 003 (Centralized Logging)",
    problem: Text {
        en: "logs stay on each host",
        de: "Logs bleiben auf jedem Host",
        fr: "les logs restent sur chaque hôte",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

crate::texts! {
    NOT_CENTRAL {
        en: "logs stay on each host: choose the central logging target",
        de: "Logs bleiben auf jedem Host: zentrales Logging-Ziel wählen",
        fr: "les logs restent sur chaque hôte : choisissez la cible de logging centrale",
    }
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.fact(
        ctx.design.settings.ops.logging == LoggingTarget::Central,
        NOT_CENTRAL,
    )
}

fn fix(ctx: &Ctx, _failing: &[usize]) -> Vec<Command> {
    ctx.settings(|s| s.ops.logging = LoggingTarget::Central)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn central_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn local_fails_and_becomes_central() {
        let mut d = good();
        d.settings.ops.logging = LoggingTarget::Local;
        assert_fails(&RULE, &d, &[]);
        assert_fix(&RULE, &d, &good());
    }
}

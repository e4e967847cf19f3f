//! `healthy-dependencies`: every service others depend on can report healthy.
//!
//! Generated `depends_on` entries use `condition: service_healthy`; that needs a healthcheck
//! on the dependency, or the dependent waits forever. A plain `depends_on` only orders starts.

use super::healthchecks::{has_healthcheck, kind_healthcheck};
use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "healthy-dependencies",
    category: Category::Operations,
    severity: Severity::Medium,
    title: Text {
        en: "Dependencies wait for healthy services",
        de: "Abhängigkeiten warten auf gesunde Services",
        fr: "Les dépendances attendent des services sains",
    },
    why: Text {
        en: "A plain `depends_on` starts the API as soon as the database container exists, not when it accepts \
          connections: the first requests fail. With a healthcheck on the dependency the generated files wait \
          for `service_healthy`.",
        de: "Ein einfaches `depends_on` startet die API, sobald der Datenbank-Container existiert, \
              nicht wenn er Verbindungen annimmt: Die ersten Anfragen scheitern. Mit einem \
              Healthcheck auf der Abhängigkeit warten die generierten Dateien auf `service_healthy`.",
        fr: "Un simple `depends_on` démarre l'API dès que le container de la base de données \
              existe, pas quand il accepte des connexions : les premières requêtes échouent. Avec un \
              healthcheck sur la dépendance, les fichiers générés attendent `service_healthy`.",
    },
    source: "seed 002 anti-pattern \"depends_on simple\" (condition: service_healthy) and Ordre de démarrage",
    problem: Text {
        en: "depended on but has no healthcheck",
        de: "wird benötigt, hat aber keinen Healthcheck",
        fr: "est une dépendance mais n'a pas de healthcheck",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    let mut depended_on = vec![false; ctx.design.services.len()];
    for &(_, t, _) in &ctx.links {
        depended_on[t] = true;
    }
    ctx.each(
        |i, _| depended_on[i] && ctx.category(i) != KindCategory::Job,
        |_, s| !has_healthcheck(s),
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |i, _| {
        kind_healthcheck(ctx, i).map(|h| ServiceChange::Healthcheck(Some(h)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn healthy_dependencies_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_dependency_without_healthcheck_fails_and_gets_one() {
        let mut d = good();
        edit(&mut d, "db", |s| s.healthcheck = None);
        edit(&mut d, "proxy", |s| s.healthcheck = None); // nobody depends on the proxy
        assert_fails(&RULE, &d, &["db"]);
        let mut expected = good();
        edit(&mut expected, "proxy", |s| s.healthcheck = None);
        assert_fix(&RULE, &d, &expected);
    }
}

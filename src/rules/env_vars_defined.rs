//! `env-vars-defined`: every `${VAR}` the design refers to will be defined.
//!
//! Compose fills `${VAR}` from the shell or `.env`; the generated `.env.example` lists the
//! design's secrets. A reference is defined when it has a default (`${VAR:-x}`, `${VAR-x}`) or
//! names a variable marked secret somewhere in the design. `$$` is a literal dollar.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use crate::model::interpolation;
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    id: "env-vars-defined",
    category: Category::Dx,
    severity: Severity::Medium,
    title: Text {
        en: "`.env.example` covers every variable",
        de: "`.env.example` enthält jede Variable",
        fr: "`.env.example` avec toutes les variables",
    },
    why: Text {
        en: "An undefined `${VAR}` becomes an empty string with only a warning: the service starts with a blank \
          URL or password and fails later, far from the cause. Give it a default or declare it as a secret so \
          `.env.example` lists it.",
        de: "Eine undefinierte `${VAR}` wird mit nur einer Warnung zum leeren String: Der Service \
              startet mit leerer URL oder leerem Passwort und scheitert später, weit weg von der \
              Ursache. Geben Sie ihr einen Standardwert oder deklarieren Sie sie als Secret, damit \
              `.env.example` sie aufführt.",
        fr: "Une `${VAR}` non définie devient une chaîne vide avec un simple avertissement : le \
              service démarre avec une URL ou un mot de passe vide et échoue plus tard, loin de la \
              cause. Donnez-lui une valeur par défaut ou déclarez-la comme secret pour que \
              `.env.example` la liste.",
    },
    source: "seed 002 checklist, Configuration: \".env.example avec toutes les variables\"",
    problem: Text {
        en: "refers to an undefined variable",
        de: "verweist auf eine undefinierte Variable",
        fr: "fait référence à une variable non définie",
    },
    check,
    fix: None,
    safe_fix: false,
};

/// Variables compose needs set (`model::interpolation`: no default, no alternative; nested
/// references inside a default count too).
pub(crate) fn undefaulted_refs(text: &str) -> Vec<&str> {
    interpolation::references(text)
        .into_iter()
        .filter(interpolation::VarRef::needs_value)
        .map(|r| r.name)
        .collect()
}

fn check(ctx: &Ctx) -> Verdict {
    let secrets: HashSet<&str> = ctx
        .design
        .services
        .iter()
        .flat_map(|s| {
            s.environment
                .iter()
                .filter(|e| e.secret)
                .map(|e| e.key.as_str())
        })
        .collect();
    let undefined = |text: &str| undefaulted_refs(text).iter().any(|v| !secrets.contains(v));
    ctx.each(
        |_, _| true,
        |_, s| {
            s.environment
                .iter()
                .filter(|e| !e.secret)
                .any(|e| undefined(&e.value))
                || s.command.iter().any(|c| undefined(c))
                || s.image
                    .as_ref()
                    .is_some_and(|im| undefined(&im.name) || undefined(&im.tag))
                || s.healthcheck
                    .as_ref()
                    .is_some_and(|h| h.test.iter().any(|t| undefined(t)))
                || s.build
                    .as_ref()
                    .is_some_and(|b| b.args.values().any(|a| undefined(a)))
                || s.volumes.iter().any(|m| undefined(&m.source))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EnvVar;
    use crate::rules::fixtures::*;

    #[test]
    fn references_parse_like_compose() {
        assert_eq!(
            undefaulted_refs("a ${A} $B ${C:-x} ${D-y} $$E ${F:?err} ${G:+z}"),
            ["A", "B", "F"]
        );
        assert_eq!(undefaulted_refs("${"), Vec::<&str>::new());
        assert_eq!(
            undefaulted_refs("${A:-${B}} ${C:-$$D}"),
            ["B"],
            "a default may name another variable"
        );
    }

    #[test]
    fn secrets_and_defaults_pass() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.environment.push(EnvVar::plain("MODE", "${MODE:-prod}"))
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn a_healthcheck_must_escape_container_variables() {
        let mut d = good();
        edit(&mut d, "db", |s| {
            s.healthcheck = Some(crate::model::Healthcheck::shell(
                "pg_isready -U $POSTGRES_USER",
            ))
        });
        assert_fails(&RULE, &d, &["db"]);
    }

    #[test]
    fn an_undeclared_reference_fails() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.environment
                .push(EnvVar::plain("SMTP_URL", "smtp://${SMTP_HOST}:25"))
        });
        assert_fails(&RULE, &d, &["api"]);
        assert_no_fix(&RULE, &d);
    }
}

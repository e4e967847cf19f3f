//! `secret-values-not-stored`: variables marked secret carry no value in the design.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::EnvVar;

pub static RULE: Rule = Rule {
    id: "secret-values-not-stored",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Secret values stay out of the design",
        de: "Secret-Werte bleiben außerhalb des Designs",
        fr: "Les valeurs des secrets restent hors du design",
    },
    why: Text {
        en: "The design file and its share link are meant to be passed around. A secret's value belongs in `.env` \
          (dev) or a Docker secret file (prod), which the generated project creates as placeholders.",
        de: "Die Design-Datei und ihr Freigabelink sind zum Weitergeben gedacht. Der Wert eines \
              Secrets gehört in `.env` (Dev) oder in eine Docker-Secret-Datei (Prod), die das \
              generierte Projekt als Platzhalter anlegt.",
        fr: "Le fichier de design et son lien de partage sont faits pour circuler. La valeur d'un \
              secret a sa place dans `.env` (dev) ou dans un fichier de Docker secret (prod), que le \
              projet généré crée comme emplacements réservés.",
    },
    source: "seed 002 checklist, Configuration: \"Variables sensibles dans .env (non versionné)\", \"Secrets via \
             Docker secrets en prod\"; seed 004 .env template (`<SET_IN_ENV>`)",
    problem: Text {
        en: "secret value stored in the design",
        de: "Secret-Wert im Design gespeichert",
        fr: "valeur de secret stockée dans le design",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| s.environment.iter().any(|e| e.secret),
        |_, s| {
            s.environment
                .iter()
                .any(|e| e.secret && !e.value.is_empty())
        },
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let env = s
            .environment
            .iter()
            .map(|e| {
                if e.secret {
                    EnvVar {
                        value: String::new(),
                        ..e.clone()
                    }
                } else {
                    e.clone()
                }
            })
            .collect();
        Some(ServiceChange::Environment(env))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn empty_secrets_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_stored_secret_value_fails_and_is_cleared() {
        let mut d = good();
        edit(&mut d, "db", |s| {
            s.environment
                .iter_mut()
                .filter(|e| e.secret)
                .for_each(|e| e.value = "pw".into())
        });
        assert_fails(&RULE, &d, &["db"]);
        assert_fix(&RULE, &d, &good());
    }
}

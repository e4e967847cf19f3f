//! `secrets-externalised`: no secret is written into the compose files.
//!
//! A variable whose name says it is a secret (PASSWORD, SECRET, TOKEN, ..._KEY, CREDENTIALS)
//! with a literal value, or a connection URL with a literal password (`postgres://u:pw@db`), is
//! a secret in clear text unless it is marked secret. Values that only reference a variable
//! (`${DB_PASSWORD}`), numbers and booleans are not secrets.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::EnvVar;

pub static RULE: Rule = Rule {
    id: "secrets-externalised",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "Secrets are externalised",
        de: "Secrets externalisiert",
        fr: "Secrets externalisés",
    },
    why: Text {
        en: "Compose files are committed and shared; a password in them is in every clone and every CI log. Marked \
          secret, the value moves to `.env` (never committed) in dev and to a Docker secret in prod.",
        de: "Compose-Dateien werden eingecheckt und geteilt; ein Passwort darin steht in jedem \
              Clone und jedem CI-Log. Als Secret markiert, wandert der Wert in Dev nach `.env` (nie \
              eingecheckt) und in Prod in ein Docker Secret.",
        fr: "Les fichiers Compose sont commités et partagés ; un mot de passe dedans se retrouve \
              dans chaque clone et chaque log de CI. Marquée comme secret, la valeur passe dans \
              `.env` (jamais commité) en dev et dans un Docker secret en prod.",
    },
    source: "seed 000/001 checklist, Security: \"Secrets externalisiert\"; seed 002 anti-pattern \"Secrets dans \
             compose\" and checklist, Configuration: \"Variables sensibles dans .env\"",
    problem: Text {
        en: "secret in clear text",
        de: "Secret im Klartext",
        fr: "secret en clair",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "PASS",
    "PWD",
    "SECRET",
    "TOKEN",
    "CREDENTIAL",
    "CREDENTIALS",
    "APIKEY",
];

/// A key that names a secret: one of its `_`-separated words is a secret word, or it ends in `_KEY`.
pub(crate) fn secret_key(key: &str) -> bool {
    let mut words = key.split('_');
    let last = words.next_back().unwrap_or_default();
    if last.eq_ignore_ascii_case("FILE") {
        return false;
    }
    let secret_word = |w: &str| SECRET_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w));
    last.eq_ignore_ascii_case("KEY") || secret_word(last) || words.any(secret_word)
}

/// Literal text, not a variable reference, a number or a boolean.
fn literal(value: &str) -> bool {
    let v = value.trim();
    !v.is_empty()
        && !v.contains("${")
        && !v.starts_with('$')
        && v.parse::<f64>().is_err()
        && !["true", "false", "yes", "no", "on", "off"]
            .iter()
            .any(|b| b.eq_ignore_ascii_case(v))
}

/// `scheme://user:password@host` with a literal password.
fn url_with_password(value: &str) -> bool {
    let Some((_, rest)) = value.split_once("://") else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or(rest);
    let Some((userinfo, _)) = authority.rsplit_once('@') else {
        return false;
    };
    userinfo.split_once(':').is_some_and(|(_, pw)| literal(pw))
}

pub(crate) fn leaks(e: &EnvVar) -> bool {
    !e.secret && ((secret_key(&e.key) && literal(&e.value)) || url_with_password(&e.value))
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| s.environment.iter().any(leaks))
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let env = s
            .environment
            .iter()
            .map(|e| {
                if leaks(e) {
                    EnvVar {
                        key: e.key.clone(),
                        value: String::new(),
                        secret: true,
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
    fn references_numbers_and_marked_secrets_pass() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.environment.push(EnvVar::plain("TOKEN_TTL", "3600"));
            s.environment.push(EnvVar::plain("API_KEY", "${API_KEY}"));
            s.environment
                .push(EnvVar::plain("REDIS_URL", "redis://cache:6379/0"));
            s.environment
                .push(EnvVar::plain("PASSWORD_FILE", "/run/secrets/pw"));
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn literal_passwords_and_urls_with_passwords_fail_and_become_secrets() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.environment.push(EnvVar::plain("JWT_SECRET", "changeme"));
            s.environment
                .push(EnvVar::plain("CACHE_URL", "redis://:hunter2@cache:6379"));
        });
        assert_fails(&RULE, &d, &["api"]);
        let mut expected = good();
        edit(&mut expected, "api", |s| {
            s.environment.push(EnvVar::secret("JWT_SECRET"));
            s.environment.push(EnvVar::secret("CACHE_URL"));
        });
        assert_fix(&RULE, &d, &expected);
    }

    #[test]
    fn secret_keys_are_recognised_by_word() {
        for key in [
            "POSTGRES_PASSWORD",
            "GITHUB_TOKEN",
            "STRIPE_API_KEY",
            "AWS_SECRET_ACCESS_KEY",
            "DB_PASS",
        ] {
            assert!(secret_key(key), "{key}");
        }
        for key in ["PASSPORT_URL", "LOG_LEVEL", "SECRET_FILE", "KEYCLOAK_URL"] {
            assert!(!secret_key(key), "{key}");
        }
    }
}

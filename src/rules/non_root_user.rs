//! `non-root-user`: containers do not run as root.
//!
//! Passes with a non-root `user:`, or for a service built from a Dockerfile Tierboard scaffolds
//! (it ends with a numeric non-root `USER`).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Hardening, Service};

pub static RULE: Rule = Rule {
    id: "non-root-user",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Containers run as a non-root user",
        de: "Container laufen ohne root",
        fr: "Les containers tournent sans root",
    },
    why: Text {
        en: "Root in a container is root on the host once anything escapes the isolation. Set `user:` to a numeric \
          uid:gid (the generated Dockerfiles already switch to one).",
        de: "Root im Container ist root auf dem Host, sobald irgendetwas die Isolation durchbricht. \
              Setzen Sie `user:` auf eine numerische uid:gid (die generierten Dockerfiles wechseln \
              bereits zu einer).",
        fr: "Root dans un container, c'est root sur l'hôte dès que quelque chose sort de \
              l'isolation. Réglez `user:` sur un uid:gid numérique (les Dockerfiles générés en \
              utilisent déjà un).",
    },
    source: "seed 004 compose template (`user: \"1000:1000\"`, Non-Root erzwingen); CIS Docker 4.1; checkov \
             CKV_DOCKER_3",
    problem: Text {
        en: "runs as root",
        de: "läuft als root",
        fr: "tourne en root",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

pub(crate) fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or(user).trim();
    name.is_empty() || name == "0" || name == "root"
}

fn runs_as_root(s: &Service) -> bool {
    match &s.hardening.user {
        Some(user) => is_root(user),
        None => s.build.as_ref().is_none_or(|b| b.language.is_none()),
    }
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| runs_as_root(s))
}

/// The kind's known non-root user; other images need the user to name one.
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |i, s| {
        let user = ctx
            .kind(i)
            .map(|k| k.user)
            .filter(|u| !u.is_empty() && !is_root(u))?;
        Some(ServiceChange::Hardening(Hardening {
            user: Some(user.to_string()),
            ..s.hardening.clone()
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn named_users_and_scaffolded_builds_pass() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.user = None);
        assert_passes(&RULE, &d);
    }

    #[test]
    fn root_fails_and_gets_the_kinds_user() {
        let mut d = good();
        edit(&mut d, "proxy", |s| s.hardening.user = Some("root".into()));
        edit(&mut d, "db", |s| s.hardening.user = None);
        assert_fails(&RULE, &d, &["proxy", "db"]);
        let mut expected = good();
        edit(&mut expected, "db", |s| s.hardening.user = None);
        let fixed = crate::edit::apply(&d, crate::rules::fix(&d, RULE.id).unwrap()).unwrap();
        assert_eq!(
            fixed, expected,
            "nginx gets 101:101; postgres has no known user in the catalog"
        );
    }
}

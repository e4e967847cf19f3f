//! `healthchecks`: every long-running service has a healthcheck.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::{self, KindCategory};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Healthcheck, Service, ServiceId, Tier};

pub static RULE: Rule = Rule {
    id: "healthchecks",
    category: Category::Operations,
    severity: Severity::High,
    title: Text {
        en: "Every service has a healthcheck",
        de: "Healthchecks auf allen Services",
        fr: "Chaque service a un healthcheck",
    },
    why: Text {
        en: "Without a healthcheck a hung service looks \"up\": nothing restarts it, `depends_on` cannot wait for it \
          and rolling updates send traffic to it. One-shot jobs are exempt.",
        de: "Ohne Healthcheck sieht ein hängender Service „up“ aus: Nichts startet ihn neu, \
              `depends_on` kann nicht auf ihn warten und Rolling Updates schicken ihm Traffic. \
              Einmalige Jobs sind ausgenommen.",
        fr: "Sans healthcheck, un service bloqué paraît « up » : rien ne le redémarre, `depends_on` \
              ne peut pas l'attendre et les rolling updates lui envoient du trafic. Les jobs \
              ponctuels sont exemptés.",
    },
    source: "seed 000/001 checklist, Operations: \"Healthchecks auf allen Services\" and anti-pattern \"Keine \
             Healthchecks\"; seed 002 checklist, Services: \"Chaque service a un healthcheck\"; KICS \
             \"Healthcheck Not Set\"; CIS Docker 4.6",
    problem: Text {
        en: "no healthcheck",
        de: "kein Healthcheck",
        fr: "pas de healthcheck",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

/// A usable healthcheck: a test other than `NONE`.
pub(crate) fn has_healthcheck(s: &Service) -> bool {
    s.healthcheck
        .as_ref()
        .is_some_and(|h| h.test.len() > 1 && h.test.first().is_some_and(|t| t != "NONE"))
}

/// The catalog kind's healthcheck for service `i`, if the kind defines one.
pub(crate) fn kind_healthcheck(ctx: &Ctx, i: usize) -> Option<Healthcheck> {
    let kind = ctx.kind(i)?;
    catalog::service_from_kind(kind, ServiceId(0), "x", Tier::Backend).healthcheck
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |i, _| ctx.category(i) != KindCategory::Job,
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
    fn services_with_healthchecks_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn missing_or_none_healthchecks_fail_and_get_the_kinds() {
        let mut d = good();
        edit(&mut d, "api", |s| s.healthcheck = None);
        edit(&mut d, "db", |s| {
            s.healthcheck = Some(Healthcheck {
                test: vec!["NONE".into()],
                ..Healthcheck::cmd(["x"])
            })
        });
        assert_fails(&RULE, &d, &["api", "db"]);
        assert_fix(&RULE, &d, &good());
    }

    #[test]
    fn a_custom_image_has_no_automatic_healthcheck() {
        let mut d = good();
        add(&mut d, svc(4, "legacy", "custom", Tier::Backend), &[], &[]);
        assert_fails(&RULE, &d, &["legacy"]);
        assert_no_fix(&RULE, &d);
    }
}

//! `database-per-service`: no database is shared between application services.
//!
//! Measured: a database linked from two or more API, web or custom services. Workers and jobs
//! are not counted: they usually run the same code base as the API they serve (seed 000's
//! `worker` is `build: ./docker/app` with `command: worker`).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::i18n::{message, Arg, Message, Text};

pub static RULE: Rule = Rule {
    id: "database-per-service",
    category: Category::Design,
    severity: Severity::Medium,
    title: Text {
        en: "Each service owns its database",
        de: "DB pro Service",
        fr: "DB par service",
    },
    why: Text {
        en: "A database shared by several services couples them through its schema: one migration can break the \
          others, and none can be scaled or replaced alone. Give each service its own database.",
        de: "Eine von mehreren Services geteilte Datenbank koppelt sie über ihr Schema: Eine \
              Migration kann die anderen brechen, und keiner lässt sich allein skalieren oder \
              ersetzen. Geben Sie jedem Service seine eigene Datenbank.",
        fr: "Une base de données partagée par plusieurs services les couple par son schéma : une \
              migration peut casser les autres, et aucun ne peut être scalé ou remplacé seul. Donnez \
              à chaque service sa propre base de données.",
    },
    source: "seed 000/001 anti-patterns: \"Geteilte DB zwischen Services\" (DB pro Service)",
    problem: Text {
        en: "shared database",
        de: "geteilte Datenbank",
        fr: "base de données partagée",
    },
    check,
    fix: None,
    safe_fix: false,
};

crate::texts! {
    USED_BY { en: "{db} (used by {users})", de: "{db} (genutzt von {users})", fr: "{db} (utilisée par {users})" }
    SHARED {
        en: "shared database: {databases}",
        de: "geteilte Datenbank: {databases}",
        fr: "base de données partagée : {databases}",
    }
}

fn check(ctx: &Ctx) -> Verdict {
    let owners_of = |db: usize| -> Vec<usize> {
        let mut owners: Vec<usize> = ctx
            .links
            .iter()
            .filter(|&&(f, t, _)| {
                t == db
                    && matches!(
                        ctx.category(f),
                        KindCategory::Api | KindCategory::Web | KindCategory::Custom
                    )
            })
            .map(|&(f, _, _)| f)
            .collect();
        owners.dedup();
        owners
    };
    let mut v = ctx.each(
        |i, _| ctx.category(i) == KindCategory::Database,
        |i, _| owners_of(i).len() > 1,
    );
    let shared: Vec<Arg> = v
        .services
        .iter()
        .filter_map(|&db| {
            let users: Vec<Arg> = owners_of(db)
                .iter()
                .filter_map(|&o| ctx.service(o))
                .map(|s| Arg::str(s.name.as_str()))
                .collect();
            ctx.service(db).map(|s| {
                Arg::from(
                    Message::plain(USED_BY)
                        .arg("db", s.name.as_str())
                        .arg("users", Arg::Join(users, message::COMMA)),
                )
            })
        })
        .collect();
    if !shared.is_empty() {
        v.detail =
            Some(Message::plain(SHARED).arg("databases", Arg::Join(shared, message::SEMICOLON)));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;
    use crate::rules::fixtures::*;

    #[test]
    fn one_api_and_its_worker_may_share_a_database() {
        let mut d = good();
        assert_passes(&RULE, &d);
        // any worker kind of the catalog (its code base is the API's)
        if let Some(k) = crate::catalog::KINDS
            .iter()
            .find(|k| k.category == KindCategory::Worker)
        {
            add(&mut d, svc(4, "worker", k.id, Tier::Backend), &[], &["db"]);
            assert_passes(&RULE, &d);
        }
    }

    #[test]
    fn two_apis_on_one_database_fail() {
        let mut d = good();
        add(
            &mut d,
            svc(4, "billing", "custom", Tier::Backend),
            &[],
            &["db"],
        );
        let r = assert_fails(&RULE, &d, &["db"]);
        assert!(
            r.message(crate::i18n::Lang::En)
                .contains("db (used by api, billing)"),
            "{}",
            r.message(crate::i18n::Lang::En)
        );
        assert_no_fix(&RULE, &d);
    }
}

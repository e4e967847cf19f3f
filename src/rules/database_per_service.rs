//! `database-per-service`: no database is shared between application services.
//!
//! Measured: a database linked from two or more API, web or custom services. Workers and jobs
//! are not counted: they usually run the same code base as the API they serve (seed 000's
//! `worker` is `build: ./docker/app` with `command: worker`).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::Category as KindCategory;

pub static RULE: Rule = Rule {
    id: "database-per-service",
    category: Category::Design,
    severity: Severity::Medium,
    title: "Each service owns its database",
    why: "A database shared by several services couples them through its schema: one migration can break the \
          others, and none can be scaled or replaced alone. Give each service its own database.",
    source: "seed 000/001 anti-patterns: \"Geteilte DB zwischen Services\" (DB pro Service)",
    problem: "shared database",
    check,
    fix: None,
    safe_fix: false,
};

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
    let shared: Vec<String> = v
        .services
        .iter()
        .filter_map(|&db| {
            let users: Vec<&str> = owners_of(db)
                .iter()
                .filter_map(|&o| ctx.service(o))
                .map(|s| s.name.as_str())
                .collect();
            ctx.service(db)
                .map(|s| format!("{} (used by {})", s.name, users.join(", ")))
        })
        .collect();
    if !shared.is_empty() {
        v.detail = format!("shared database: {}", shared.join("; "));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;
    use crate::rules::testing::*;

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
            r.message.contains("db (used by api, billing)"),
            "{}",
            r.message
        );
        assert_no_fix(&RULE, &d);
    }
}

//! `logging-configured`: no service overrides the generated log rotation away.
//!
//! Every generated service gets `json-file` logging with rotation. A design can only break that
//! through an imported `logging:` block kept as passthrough: driver `none`, or `json-file`
//! without `max-size` (the `local` driver rotates by itself).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::model::Service;

pub static RULE: Rule = Rule {
    id: "logging-configured",
    category: Category::Operations,
    severity: Severity::Low,
    title: "Logging is configured with rotation",
    why: "Docker's default json-file log grows without bound until the disk is full; `driver: none` throws the \
          evidence away. The generated files rotate logs (10 MB x 3) unless an imported block overrides them.",
    source: "seed 002 checklist, Services: \"Logging configuré\" and staging pattern (json-file, max-size 10m, \
             max-file 3)",
    problem: "logging disabled or without rotation",
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn broken(s: &Service) -> bool {
    let Some(logging) = s.extra.get("logging") else { return false };
    let driver = logging.get("driver").and_then(|d| d.as_str()).unwrap_or("json-file");
    let rotated = logging.get("options").and_then(|o| o.get("max-size")).is_some();
    driver == "none" || (driver == "json-file" && !rotated)
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| broken(s))
}

/// Drop the imported block: the generator's rotated default applies again.
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let mut extra = s.extra.clone();
        extra.remove("logging");
        Some(ServiceChange::Extra(extra))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn generated_or_rotated_logging_passes() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.extra.insert("logging".into(), json!({"driver": "json-file", "options": {"max-size": "5m"}}));
        });
        edit(&mut d, "db", |s| {
            s.extra.insert("logging".into(), json!({"driver": "local"}));
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn disabled_or_unrotated_logging_fails_and_the_override_is_dropped() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.extra.insert("logging".into(), json!({"driver": "none"}));
        });
        edit(&mut d, "db", |s| {
            s.extra.insert("logging".into(), json!({"driver": "json-file"}));
        });
        assert_fails(&RULE, &d, &["api", "db"]);
        assert_fix(&RULE, &d, &good());
    }
}

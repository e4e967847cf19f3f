//! `rollback-documented`: the operations docs carry a rollback procedure (a design fact).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;

pub static RULE: Rule = Rule {
    id: "rollback-documented",
    category: Category::Operations,
    severity: Severity::Low,
    title: "Rollback is documented",
    why: "A bad release is fixed fastest by going back to the previous image tags. With this set, the generated \
          operations docs carry a rollback section (previous tag, compose commands, database caveats).",
    source: "seed 000/001 checklist, Operations: \"Rollback dokumentiert\"",
    problem: "no rollback procedure",
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.fact(
        ctx.design.settings.ops.rollback_docs,
        "no rollback procedure: turn on rollback docs",
    )
}

fn fix(ctx: &Ctx, _failing: &[usize]) -> Vec<Command> {
    ctx.settings(|s| s.ops.rollback_docs = true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn documented_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn undocumented_fails_and_is_documented() {
        let mut d = good();
        d.settings.ops.rollback_docs = false;
        assert_fails(&RULE, &d, &[]);
        assert_fix(&RULE, &d, &good());
    }
}

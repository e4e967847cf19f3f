//! `images-scanned`: CI scans every image (a design fact the generator makes true).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;

pub static RULE: Rule = Rule {
    id: "images-scanned",
    category: Category::Security,
    severity: Severity::Medium,
    title: "Images are scanned",
    why: "Base images carry known vulnerabilities that no drawing shows. With this set, the generated CI \
          workflow scans every image it builds or pulls and fails on critical findings.",
    source: "seed 000/001 checklist, Security: \"Images gescannt\"",
    problem: "no image scan in CI",
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.fact(
        ctx.design.settings.ops.image_scan,
        "the CI workflow does not scan images: turn on image scanning",
    )
}

fn fix(ctx: &Ctx, _failing: &[usize]) -> Vec<Command> {
    ctx.settings(|s| s.ops.image_scan = true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Design;
    use crate::rules::testing::*;

    #[test]
    fn scanning_on_passes_and_an_empty_board_is_not_applicable() {
        assert_passes(&RULE, &good());
        assert_not_applicable(&RULE, &Design::new("x"));
    }

    #[test]
    fn scanning_off_fails_and_is_turned_on() {
        let mut d = good();
        d.settings.ops.image_scan = false;
        assert_fails(&RULE, &d, &[]);
        assert_fix(&RULE, &d, &good());
    }
}

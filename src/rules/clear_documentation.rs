//! `clear-documentation`: the project has a real name.
//!
//! The docs are generated, so their clarity hangs on what the design gives them. The design name
//! heads the README and becomes the compose project name: the rule asks for one that is not a
//! placeholder or a pattern starter's id. (Service names are `services-clearly-identified`.)

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::PATTERNS;
use crate::generate::layout::slug;

pub static RULE: Rule = Rule {
    id: "clear-documentation",
    category: Category::Dx,
    severity: Severity::Low,
    title: "Documentation is clear",
    why: "The generated README, ops guide and compose project are titled with the design name; \"untitled\" or a \
          starter's id (\"monolith\") says nothing about the system. Measured: the design name is not a \
          placeholder.",
    source: "seed 000/001 checklist, DX: \"Klare Dokumentation\"",
    problem: "placeholder project name",
    check,
    fix: None,
    safe_fix: false,
};

const PLACEHOLDERS: &[&str] = &[
    "project",
    "untitled",
    "blank",
    "new",
    "test",
    "design",
    "my-project",
    "myproject",
    "app",
    "demo",
    "example",
    "tierboard",
];

fn check(ctx: &Ctx) -> Verdict {
    if ctx.design.services.is_empty() {
        return Verdict::not_applicable();
    }
    let name = slug(&ctx.design.name);
    let placeholder =
        PLACEHOLDERS.contains(&name.as_str()) || PATTERNS.iter().any(|p| p.id == name);
    Verdict::design(
        !placeholder,
        Vec::new(),
        format!(
            "the project is called {:?}: give it its real name",
            ctx.design.name
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn a_real_name_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn placeholders_and_starter_ids_fail() {
        for name in ["Untitled", "monolith"] {
            let mut d = good();
            d.name = name.into();
            assert_fails(&RULE, &d, &[]);
            assert_no_fix(&RULE, &d);
        }
    }
}

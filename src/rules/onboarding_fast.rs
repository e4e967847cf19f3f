//! `onboarding-fast`: the dev stack fits the host budget.
//!
//! "Onboarding < 15 minutes" is judgement; the rule measures the thing that most often breaks
//! it: the default dev stack (always-on services × dev replicas) needing more CPU or memory than
//! the host budget (a developer laptop by default), so the first `up` swaps or gets OOM-killed.

use super::{Category, Ctx, Rule, Severity, Verdict};

pub static RULE: Rule = Rule {
    id: "onboarding-fast",
    category: Category::Dx,
    severity: Severity::Low,
    title: "Onboarding takes minutes",
    why: "A newcomer's first `docker compose up` should run on their machine. Measured: the CPU and memory limits \
          of the always-on dev services (times dev replicas) fit the host budget; optional services go behind \
          profiles.",
    source: "seed 000/001 checklist, DX: \"Onboarding < 15 Minuten\"",
    problem: "dev stack exceeds the host budget",
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    if ctx.design.services.is_empty() {
        return Verdict::not_applicable();
    }
    let (mut cpu, mut mem) = (0u64, 0u64);
    let on: Vec<usize> = ctx.services().filter(|(_, s)| s.always_on()).map(|(i, _)| i).collect();
    for s in on.iter().filter_map(|&i| ctx.service(i)) {
        let n = u64::from(s.replicas.dev);
        cpu += n * u64::from(s.resources.cpu_limit_m.unwrap_or(0));
        mem += n * u64::from(s.resources.memory_limit_mb.unwrap_or(0));
    }
    let b = ctx.design.settings.budget;
    let fits = cpu <= u64::from(b.cpu_m) && mem <= u64::from(b.memory_mb);
    let detail = format!(
        "the dev stack needs {:.1} CPU / {} MB, the host budget is {:.1} CPU / {} MB",
        cpu as f64 / 1000.0,
        mem,
        f64::from(b.cpu_m) / 1000.0,
        b.memory_mb
    );
    Verdict::design(fits, if fits { Vec::new() } else { on }, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn a_small_stack_fits() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_stack_above_the_budget_fails_until_optional_parts_move_to_a_profile() {
        let mut d = good();
        d.settings.budget.memory_mb = 1000; // the shop needs 256 + 512 + 256
        let r = assert_fails(&RULE, &d, &["proxy", "api", "db"]);
        assert!(r.message.contains("1024 MB"), "{}", r.message);
        edit(&mut d, "proxy", |s| s.profiles = vec!["edge".into()]);
        assert_passes(&RULE, &d);
    }
}

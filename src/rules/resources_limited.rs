//! `resources-limited`: every service has a CPU and a memory limit.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Resources;

pub static RULE: Rule = Rule {
    id: "resources-limited",
    category: Category::Performance,
    severity: Severity::Medium,
    title: Text {
        en: "Resources are limited per service",
        de: "Ressourcen pro Service begrenzt",
        fr: "Ressources limitées par service",
    },
    why: Text {
        en: "Without limits one leaking or busy container starves every other service on the host, and the budget \
          and node packing cannot be planned. Limits also make the OOM killer pick the culprit.",
        de: "Ohne Limits lässt ein leckender oder ausgelasteter Container jeden anderen Service auf \
              dem Host verhungern, und Budget und Node-Packing lassen sich nicht planen. Limits \
              sorgen auch dafür, dass der OOM-Killer den Schuldigen trifft.",
        fr: "Sans limites, un container qui fuit ou qui est surchargé affame tous les autres \
              services de l'hôte, et le budget comme le placement sur les nœuds ne peuvent pas être \
              planifiés. Les limites font aussi que l'OOM killer choisit le coupable.",
    },
    source: "seed 000/001 checklist, Performance: \"Ressourcen pro Service begrenzt\"; seed 002 checklist, \
             Services: \"Ressources limitées (memory, CPU)\"; KICS \"Memory Not Limited\", \"Cpus Not Limited\"; \
             CIS Docker 5.10, 5.11",
    problem: Text {
        en: "no CPU or memory limit",
        de: "kein CPU- oder Speicherlimit",
        fr: "pas de limite CPU ou mémoire",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

/// Seed 000's application default (1 CPU, 512 MB) for kinds the catalog does not size.
const DEFAULT: (u32, u32) = (1000, 512);

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, _| true,
        |_, s| s.resources.cpu_limit_m.is_none() || s.resources.memory_limit_mb.is_none(),
    )
}

/// Fill in the missing limit(s) with the kind's size; reservations are left as they are.
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |i, s| {
        let (cpu, memory) = ctx.kind(i).map_or(DEFAULT, |k| (k.cpu_m, k.memory_mb));
        let r = s.resources;
        Some(ServiceChange::Resources(Resources {
            cpu_limit_m: r.cpu_limit_m.or(Some(cpu)),
            memory_limit_mb: r.memory_limit_mb.or(Some(memory)),
            ..r
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn limited_services_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_missing_limit_fails_and_gets_the_kinds_size() {
        let mut d = good();
        edit(&mut d, "api", |s| s.resources.memory_limit_mb = None);
        edit(&mut d, "db", |s| s.resources.cpu_limit_m = None);
        assert_fails(&RULE, &d, &["api", "db"]);
        assert_fix(&RULE, &d, &good());
    }
}

//! `no-premature-microservices`: a split into many APIs is backed by a need to scale them apart.
//!
//! Measured: three or more always-on API services of which none is scaled (prod replicas > 1
//! or autoscaling). Independent scaling is the benefit microservices pay their overhead for.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::Category as KindCategory;

pub static RULE: Rule = Rule {
    id: "no-premature-microservices",
    category: Category::Design,
    severity: Severity::Low,
    title: "No premature microservices",
    why: "Microservices cost networks, deployments and data duplication; they pay off when parts scale or ship \
          independently. Three or more APIs that all run one replica suggest a monolith first. Measured: at least \
          one API is scaled in prod (replicas or autoscaling) once there are three.",
    source: "seed 000/001 anti-patterns: \"Vorzeitige Microservices\" (Monolith zuerst)",
    problem: "split into APIs none of which is scaled",
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    let apis: Vec<usize> = ctx
        .services()
        .filter(|&(i, s)| s.always_on() && ctx.category(i) == KindCategory::Api)
        .map(|(i, _)| i)
        .collect();
    if apis.len() < 3 {
        return Verdict::not_applicable();
    }
    let scaled = apis
        .iter()
        .filter_map(|&i| ctx.service(i))
        .any(|s| s.replicas.prod > 1 || s.autoscaling.is_some());
    let detail = format!(
        "{} APIs, none scaled in prod: consider a monolith first",
        apis.len()
    );
    Verdict::design(scaled, apis, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;
    use crate::rules::testing::*;

    fn three_apis() -> crate::model::Design {
        let mut d = good();
        add(
            &mut d,
            svc(4, "orders", "python-api", Tier::Backend),
            &[],
            &[],
        );
        add(
            &mut d,
            svc(5, "payments", "python-api", Tier::Backend),
            &[],
            &[],
        );
        d
    }

    #[test]
    fn fewer_than_three_apis_is_not_applicable() {
        assert_not_applicable(&RULE, &good());
    }

    #[test]
    fn three_unscaled_apis_fail_one_scaled_passes() {
        let mut d = three_apis();
        assert_fails(&RULE, &d, &["api", "orders", "payments"]);
        edit(&mut d, "orders", |s| s.replicas.prod = 3);
        assert_passes(&RULE, &d);
    }
}

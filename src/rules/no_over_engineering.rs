//! `no-over-engineering`: infrastructure stays in proportion to the application.
//!
//! Measured: always-on infrastructure services (proxies, gateways, brokers, search, monitoring,
//! object and vector stores, tunnels, model servers) number at most twice the application
//! services, and at most two when there is a single application service.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::Category as KindCategory;

pub static RULE: Rule = Rule {
    id: "no-over-engineering",
    category: Category::Design,
    severity: Severity::Low,
    title: "No over-engineering for an MVP",
    why: "Every piece of infrastructure is something to run, secure and upgrade. An MVP with a gateway, a broker, \
          search and monitoring around one API is complexity without need. Measured: always-on infrastructure \
          services <= max(2, 2 x application services). Optional services behind a profile do not count.",
    source: "seed 000/001 anti-patterns: \"Over-engineering MVP\" (Einfach starten)",
    problem: "more infrastructure than the application needs",
    check,
    fix: None,
    safe_fix: false,
};

fn is_infrastructure(c: KindCategory) -> bool {
    matches!(
        c,
        KindCategory::Proxy
            | KindCategory::Gateway
            | KindCategory::Tunnel
            | KindCategory::Monitoring
            | KindCategory::Queue
            | KindCategory::Search
            | KindCategory::Vector
            | KindCategory::Storage
            | KindCategory::Llm
            | KindCategory::Notebook
    )
}

fn check(ctx: &Ctx) -> Verdict {
    if ctx.design.services.is_empty() {
        return Verdict::not_applicable();
    }
    let on = || ctx.services().filter(|(_, s)| s.always_on());
    let apps = on().filter(|&(i, _)| ctx.is_app(i)).count();
    let infra: Vec<usize> = on()
        .filter(|&(i, _)| is_infrastructure(ctx.category(i)))
        .map(|(i, _)| i)
        .collect();
    let allowed = (2 * apps).max(2);
    let detail = format!(
        "{} infrastructure services for {apps} application service(s); at most {allowed}",
        infra.len()
    );
    Verdict::design(infra.len() <= allowed, infra, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;
    use crate::rules::testing::*;

    #[test]
    fn a_proxy_in_front_of_one_api_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn three_proxies_for_one_api_fail_unless_optional() {
        let mut d = good();
        add(&mut d, svc(4, "edge", "nginx", Tier::Frontend), &[], &[]);
        add(&mut d, svc(5, "edge2x", "nginx", Tier::Frontend), &[], &[]);
        assert_fails(&RULE, &d, &["proxy", "edge", "edge2x"]);
        edit(&mut d, "edge2x", |s| s.profiles = vec!["debug".into()]);
        assert_passes(&RULE, &d);
    }
}

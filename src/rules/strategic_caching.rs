//! `strategic-caching`: a scaled service that reads a database also has a cache.
//!
//! "Strategic" is judgement; the rule applies where a cache pays off most: an API or web
//! service scaled in prod (replicas > 1 or autoscaling) that queries a database. It passes when
//! that service also talks to a cache. Elsewhere it does not apply.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "strategic-caching",
    category: Category::Performance,
    severity: Severity::Low,
    title: Text {
        en: "Caching where it counts",
        de: "Strategisches Caching",
        fr: "Cache stratégique",
    },
    why: Text {
        en: "When a service is scaled out to absorb load, every replica hits the database; a cache (Redis, \
          Memcached) in front of hot reads keeps the database from becoming the bottleneck. Measured: scaled \
          API/web services that use a database also use a cache.",
        de: "Wird ein Service unter Last horizontal skaliert, trifft jede Replika die Datenbank; \
              ein Cache (Redis, Memcached) vor den häufigen Lesezugriffen verhindert, dass die \
              Datenbank zum Engpass wird. Gemessen: skalierte API-/Web-Services, die eine Datenbank \
              nutzen, nutzen auch einen Cache.",
        fr: "Quand un service est scalé pour absorber la charge, chaque réplica sollicite la base \
              de données ; un cache (Redis, Memcached) devant les lectures fréquentes évite que la \
              base devienne le goulot d'étranglement. Mesuré : les services API/web scalés qui \
              utilisent une base de données utilisent aussi un cache.",
    },
    source: "seed 000/001 checklist, Performance: \"Strategisches Caching\"",
    problem: Text {
        en: "scaled but reads the database without a cache",
        de: "skaliert, liest die Datenbank aber ohne Cache",
        fr: "scalé mais lit la base de données sans cache",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    let uses = |i: usize, c: KindCategory| {
        ctx.links
            .iter()
            .any(|&(f, t, _)| f == i && ctx.category(t) == c)
    };
    ctx.each(
        |i, s| {
            matches!(ctx.category(i), KindCategory::Api | KindCategory::Web)
                && (s.replicas.prod > 1 || s.autoscaling.is_some())
                && uses(i, KindCategory::Database)
        },
        |i, _| !uses(i, KindCategory::Cache),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn unscaled_services_are_not_concerned() {
        assert_not_applicable(&RULE, &good());
    }

    #[test]
    fn a_scaled_api_without_a_cache_fails_with_one_passes() {
        let mut d = good();
        edit(&mut d, "api", |s| s.replicas.prod = 3);
        assert_fails(&RULE, &d, &["api"]);
        assert_no_fix(&RULE, &d);
        if let Some(cache) = crate::catalog::KINDS
            .iter()
            .find(|k| k.category == KindCategory::Cache)
        {
            add(
                &mut d,
                svc(4, "cache", cache.id, crate::model::Tier::Data),
                &["api"],
                &[],
            );
            assert_passes(&RULE, &d);
        }
    }
}

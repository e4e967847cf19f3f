//! `no-premature-microservices`: a split into many APIs is backed by a need to scale them apart.
//!
//! Measured: three or more always-on API services of which none is scaled (prod replicas > 1
//! or autoscaling). Independent scaling is the benefit microservices pay their overhead for.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::i18n::{Message, Text};

pub static RULE: Rule = Rule {
    id: "no-premature-microservices",
    category: Category::Design,
    severity: Severity::Low,
    title: Text {
        en: "No premature microservices",
        de: "Keine vorzeitigen Microservices",
        fr: "Pas de microservices prématurés",
    },
    why: Text {
        en: "Microservices cost networks, deployments and data duplication; they pay off when parts scale or ship \
          independently. Three or more APIs that all run one replica suggest a monolith first. Measured: at least \
          one API is scaled in prod (replicas or autoscaling) once there are three.",
        de: "Microservices kosten Netzwerke, Deployments und Datenduplikation; sie lohnen sich, \
              wenn Teile unabhängig skalieren oder ausgeliefert werden. Drei oder mehr APIs mit je \
              einer Replika sprechen für: Monolith zuerst. Gemessen: Ab drei APIs ist mindestens \
              eine in Prod skaliert (Replikas oder Autoscaling).",
        fr: "Les microservices coûtent des réseaux, des déploiements et de la duplication de \
              données ; ils sont rentables quand des parties scalent ou sont livrées indépendamment. \
              Trois API ou plus qui tournent toutes avec un seul réplica suggèrent : monolithe \
              d'abord. Mesuré : à partir de trois API, au moins une est scalée en prod (réplicas ou \
              autoscaling).",
    },
    source: "seed 000/001 anti-patterns: \"Vorzeitige Microservices\" (Monolith zuerst)",
    problem: Text {
        en: "split into APIs none of which is scaled",
        de: "in APIs aufgeteilt, von denen keine skaliert ist",
        fr: "découpé en API dont aucune n'est scalée",
    },
    check,
    fix: None,
    safe_fix: false,
};

crate::texts! {
    NONE_SCALED {
        en: "{n} APIs, none scaled in prod: consider a monolith first",
        de: "{n} APIs, keine in Prod skaliert: Monolith zuerst erwägen",
        fr: "{n} API, aucune scalée en prod : envisagez d'abord un monolithe",
    }
}

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
    let detail = Message::plain(NONE_SCALED).arg("n", apis.len());
    Verdict::design(scaled, apis, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;
    use crate::rules::fixtures::*;

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

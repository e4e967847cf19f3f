//! `no-over-engineering`: infrastructure stays in proportion to the application.
//!
//! Measured: always-on infrastructure services (proxies, gateways, brokers, search, monitoring,
//! object and vector stores, tunnels, model servers) number at most twice the application
//! services, and at most two when there is a single application service.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::i18n::{Message, Text};

pub static RULE: Rule = Rule {
    id: "no-over-engineering",
    category: Category::Design,
    severity: Severity::Low,
    title: Text {
        en: "No over-engineering for an MVP",
        de: "Kein Over-engineering im MVP",
        fr: "Pas d'over-engineering pour un MVP",
    },
    why: Text {
        en: "Every piece of infrastructure is something to run, secure and upgrade. An MVP with a gateway, a broker, \
          search and monitoring around one API is complexity without need. Measured: always-on infrastructure \
          services <= max(2, 2 x application services). Optional services behind a profile do not count.",
        de: "Jedes Stück Infrastruktur will betrieben, abgesichert und aktualisiert werden. Ein MVP \
              mit Gateway, Broker, Suche und Monitoring um eine einzige API ist unnötige \
              Komplexität. Gemessen: ständig laufende Infrastruktur-Services <= max(2, 2 x \
              Anwendungs-Services). Optionale Services hinter einem Profil zählen nicht.",
        fr: "Chaque brique d'infrastructure doit être exploitée, sécurisée et mise à jour. Un MVP \
              avec une gateway, un broker, de la recherche et du monitoring autour d'une seule API, \
              c'est de la complexité inutile. Mesuré : services d'infrastructure toujours actifs <= \
              max(2, 2 x services applicatifs). Les services optionnels derrière un profil ne \
              comptent pas.",
    },
    source: "seed 000/001 anti-patterns: \"Over-engineering MVP\" (Einfach starten)",
    problem: Text {
        en: "more infrastructure than the application needs",
        de: "mehr Infrastruktur, als die Anwendung braucht",
        fr: "plus d'infrastructure que l'application n'en a besoin",
    },
    check,
    fix: None,
    safe_fix: false,
};

crate::texts! {
    TOO_MUCH {
        en: "{infra} infrastructure services for {apps} application service(s); at most {allowed}",
        de: "{infra} Infrastruktur-Services für {apps} Anwendungs-Service(s); höchstens {allowed}",
        fr: "{infra} services d'infrastructure pour {apps} service(s) applicatif(s) ; au plus {allowed}",
    }
}

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
    let detail = Message::plain(TOO_MUCH)
        .arg("infra", infra.len())
        .arg("apps", apps)
        .arg("allowed", allowed);
    Verdict::design(infra.len() <= allowed, infra, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;
    use crate::rules::fixtures::*;

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

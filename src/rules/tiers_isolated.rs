//! `tiers-isolated`: links respect the tier segmentation (frontend → backend → data).
//!
//! The generator puts each tier on its own network and joins a service only to the networks of
//! the tiers it talks to. A frontend service calling the data tier directly, or a data service
//! calling up into the application, would join networks across the segmentation.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::{Arg, Text};
use crate::model::Tier;

pub static RULE: Rule = Rule {
    id: "tiers-isolated",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "Networks are isolated by tier",
        de: "Netzwerke nach Ebene isoliert",
        fr: "Réseaux isolés par tier",
    },
    why: Text {
        en: "Each tier gets its own network; a frontend service that reaches the data tier directly, or a data \
          service that calls the application, has to join both networks, and the segmentation is flat again. \
          Route through the backend.",
        de: "Jede Ebene bekommt ihr eigenes Netzwerk; ein Frontend-Service, der direkt die \
              Datenebene erreicht, oder ein Daten-Service, der die Anwendung aufruft, muss beiden \
              Netzwerken beitreten, und das Netzwerk ist wieder flach. Leiten Sie über das Backend.",
        fr: "Chaque tier a son propre réseau ; un service frontend qui joint directement le tier \
              data, ou un service de données qui appelle l'application, doit rejoindre les deux \
              réseaux, et le réseau redevient flat. Passez par le backend.",
    },
    source: "seed 000/001 checklist, Security: \"Netzwerke nach Ebene isoliert\"; anti-pattern \"Flaches Netzwerk\"; \
             seed 002 checklist, Network: \"Réseaux séparés (frontend/backend/data)\"",
    problem: Text {
        en: "link crosses the tier segmentation",
        de: "Verbindung durchbricht die Ebenen-Segmentierung",
        fr: "lien qui traverse la segmentation par tier",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn crosses(from: Tier, to: Tier) -> bool {
    matches!((from, to), (Tier::Frontend, Tier::Data)) || (from == Tier::Data && to != Tier::Data)
}

fn check(ctx: &Ctx) -> Verdict {
    let mut v = Verdict::default();
    let mut bad = Vec::new();
    for &(f, t, _) in &ctx.links {
        let (Some(a), Some(b)) = (ctx.service(f), ctx.service(t)) else {
            continue;
        };
        v.subjects += 1;
        if crosses(a.tier, b.tier) {
            v.failed += 1;
            if !v.services.contains(&f) {
                v.services.push(f);
            }
            bad.push(Arg::Str(format!(
                "{} ({}) -> {} ({})",
                a.name, a.tier, b.name, b.tier
            )));
        }
    }
    if v.failed > 0 {
        v.detail = Some(super::problem_list(&RULE, bad));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkKind, ServiceId};
    use crate::rules::fixtures::*;

    #[test]
    fn frontend_to_backend_to_data_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn skipping_the_backend_or_calling_up_from_data_fails() {
        let mut d = good();
        d.links
            .push(Link::new(ServiceId(1), ServiceId(3), LinkKind::Sync));
        let r = assert_fails(&RULE, &d, &["proxy"]);
        assert!(
            r.message(crate::i18n::Lang::En)
                .contains("proxy (frontend) -> db (data)"),
            "{}",
            r.message(crate::i18n::Lang::En)
        );
        d.links.pop();
        d.links
            .push(Link::new(ServiceId(3), ServiceId(2), LinkKind::Sync));
        assert_fails(&RULE, &d, &["db"]);
    }
}

//! `single-responsibility`: no service orchestrates many others synchronously.
//!
//! SRP is judgement; the rule measures a symptom: a service that calls four or more other
//! application services synchronously holds the logic of all of them (a "god service").
//! Routing services (proxies, gateways) and monitors are exempt: fanning out, or watching
//! everything, is their one job. Calls to
//! databases, caches and brokers are not counted, nor are asynchronous links.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use crate::model::LinkKind;

pub static RULE: Rule = Rule {
    id: "single-responsibility",
    category: Category::Design,
    severity: Severity::Low,
    title: Text {
        en: "Responsibilities are separated (SRP)",
        de: "Getrennte Verantwortlichkeiten (SRP)",
        fr: "Responsabilités séparées (SRP)",
    },
    why: Text {
        en: "A service that synchronously drives four or more other application services couples their releases and \
          fails when any of them fails. Measured: synchronous calls to other application services (routing \
          and monitoring services exempt). Split it, or decouple through a queue.",
        de: "Ein Service, der synchron vier oder mehr andere Anwendungs-Services ansteuert, koppelt \
              deren Releases und fällt aus, sobald einer von ihnen ausfällt. Gemessen: synchrone \
              Aufrufe an andere Anwendungs-Services (Routing- und Monitoring-Services ausgenommen). \
              Teilen Sie ihn auf oder entkoppeln Sie über eine Queue.",
        fr: "Un service qui pilote de façon synchrone quatre autres services applicatifs ou plus \
              couple leurs releases et tombe dès que l'un d'eux tombe. Mesuré : appels synchrones \
              vers d'autres services applicatifs (services de routage et de monitoring exemptés). \
              Découpez-le, ou découplez par une file d'attente.",
    },
    source: "seed 000/001 checklist, Design: \"Getrennte Verantwortlichkeiten (SRP)\"",
    problem: Text {
        en: "calls 4 or more application services synchronously",
        de: "ruft 4 oder mehr Anwendungs-Services synchron auf",
        fr: "appelle 4 services applicatifs ou plus de façon synchrone",
    },
    check,
    fix: None,
    safe_fix: false,
};

const MAX_SYNC_CALLS: usize = 3;

fn check(ctx: &Ctx) -> Verdict {
    let mut calls = vec![0usize; ctx.design.services.len()];
    for &(from, to, kind) in &ctx.links {
        if kind == LinkKind::Sync && ctx.is_app(to) {
            calls[from] += 1;
        }
    }
    ctx.each(
        |i, _| !ctx.is_routing(i) && ctx.category(i) != crate::catalog::KindCategory::Monitoring,
        |i, _| calls[i] > MAX_SYNC_CALLS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkKind, ServiceId, Tier};
    use crate::rules::fixtures::*;

    fn with_backends(d: &mut crate::model::Design, n: u32) {
        for k in 0..n {
            add(
                d,
                svc(10 + k, &format!("svc{k}x"), "custom", Tier::Backend),
                &["api"],
                &[],
            );
        }
    }

    #[test]
    fn three_calls_pass_and_routing_services_may_fan_out() {
        let mut d = good();
        with_backends(&mut d, 3);
        for k in 0..3 {
            d.links
                .push(Link::new(ServiceId(1), ServiceId(10 + k), LinkKind::Sync));
        }
        d.links
            .push(Link::new(ServiceId(1), ServiceId(3), LinkKind::Sync));
        assert_passes(&RULE, &d);
    }

    #[test]
    fn four_sync_calls_fail_async_ones_do_not_count() {
        let mut d = good();
        with_backends(&mut d, 4);
        assert_fails(&RULE, &d, &["api"]);
        d.links.last_mut().unwrap().kind = LinkKind::Async;
        assert_passes(&RULE, &d);
    }

    #[test]
    fn a_monitor_may_watch_everything() {
        let mut d = good();
        with_backends(&mut d, 4);
        d.links
            .retain(|l| l.from != ServiceId(2) || l.to == ServiceId(3));
        let monitor = crate::catalog::KINDS
            .iter()
            .find(|k| k.category == crate::catalog::KindCategory::Monitoring)
            .unwrap();
        add(
            &mut d,
            svc(20, "monitor", monitor.id, Tier::Backend),
            &[],
            &["svc0x", "svc1x", "svc2x", "svc3x"],
        );
        assert_passes(&RULE, &d);
        edit(&mut d, "monitor", |s| s.kind = "custom".into());
        assert_fails(&RULE, &d, &["monitor"]);
    }
}

//! `communication-defined`: every link is a declared, consistent sync or async link.
//!
//! Measured: links the importer only inferred (from a connection URL) and have not been
//! confirmed, and asynchronous links that do not go to a broker (async means "through a queue").
//! Brokers are queue kinds and caches: Redis is the job queue of Celery, RQ, Sidekiq and BullMQ.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::i18n::{Arg, Message, Text};
use crate::model::LinkKind;

pub static RULE: Rule = Rule {
    id: "communication-defined",
    category: Category::Design,
    severity: Severity::Medium,
    title: Text {
        en: "Communication is defined (sync/async)",
        de: "Kommunikation definiert (sync/async)",
        fr: "Communication définie (sync/async)",
    },
    why: Text {
        en: "Each link decides start order, networks and failure behaviour. An inferred link is a guess; an async \
          link that does not point to a broker (RabbitMQ, Kafka, ...) says \"queue\" where there is none.",
        de: "Jede Verbindung bestimmt Startreihenfolge, Netzwerke und Fehlerverhalten. Eine \
              abgeleitete Verbindung ist eine Vermutung; eine asynchrone Verbindung, die nicht auf \
              einen Broker (RabbitMQ, Kafka, ...) zeigt, verspricht eine Queue, wo keine ist.",
        fr: "Chaque lien décide de l'ordre de démarrage, des réseaux et du comportement en cas de \
              panne. Un lien déduit est une supposition ; un lien async qui ne pointe pas vers un \
              broker (RabbitMQ, Kafka, ...) annonce une file d'attente là où il n'y en a pas.",
    },
    source: "seed 000/001 checklist, Design: \"Kommunikation definiert (sync/async)\"",
    problem: Text {
        en: "inferred or inconsistent link",
        de: "abgeleitete oder widersprüchliche Verbindung",
        fr: "lien déduit ou incohérent",
    },
    check,
    fix: None,
    safe_fix: false,
};

crate::texts! {
    /// One link under review, with the reason.
    LINK { en: "{from} -> {to} ({why})", de: "{from} -> {to} ({why})", fr: "{from} -> {to} ({why})" }
    INFERRED { en: "inferred, not confirmed", de: "abgeleitet, nicht bestätigt", fr: "déduit, non confirmé" }
    ASYNC_WITHOUT_BROKER {
        en: "async but not to a broker",
        de: "async, aber nicht zu einem Broker",
        fr: "async mais pas vers un broker",
    }
    TO_REVIEW { en: "links to review: {links}", de: "zu prüfende Verbindungen: {links}", fr: "liens à revoir : {links}" }
}

fn check(ctx: &Ctx) -> Verdict {
    let mut v = Verdict::default();
    let mut bad = Vec::new();
    for link in &ctx.design.links {
        let (Some(from), Some(to)) = (ctx.position(link.from), ctx.position(link.to)) else {
            continue;
        };
        let kind = link.kind;
        v.subjects += 1;
        let async_without_broker = kind == LinkKind::Async
            && !matches!(ctx.category(to), KindCategory::Queue | KindCategory::Cache);
        if link.inferred || async_without_broker {
            v.failed += 1;
            if !v.services.contains(&from) {
                v.services.push(from);
            }
            let (a, b) = (ctx.service(from), ctx.service(to));
            if let (Some(a), Some(b)) = (a, b) {
                let why = if link.inferred {
                    INFERRED
                } else {
                    ASYNC_WITHOUT_BROKER
                };
                bad.push(Arg::from(
                    Message::plain(LINK)
                        .arg("from", a.name.as_str())
                        .arg("to", b.name.as_str())
                        .arg("why", why),
                ));
            }
        }
    }
    if v.failed > 0 {
        v.detail = Some(Message::plain(TO_REVIEW).arg("links", Arg::List(bad)));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Design;
    use crate::rules::fixtures::*;

    #[test]
    fn declared_sync_links_pass_and_no_links_is_not_applicable() {
        assert_passes(&RULE, &good());
        assert_not_applicable(&RULE, &Design::new("x"));
    }

    #[test]
    fn inferred_links_and_async_links_to_a_non_broker_fail() {
        let mut d = good();
        d.links[0].inferred = true;
        d.links[1].kind = LinkKind::Async;
        let r = assert_fails(&RULE, &d, &["proxy", "api"]);
        assert!(
            r.message(crate::i18n::Lang::En)
                .contains("api -> db (async but not to a broker)"),
            "{}",
            r.message(crate::i18n::Lang::En)
        );
        assert_no_fix(&RULE, &d);
    }

    #[test]
    fn async_links_to_a_queue_or_a_redis_style_cache_pass() {
        for category in [KindCategory::Queue, KindCategory::Cache] {
            let mut d = good();
            let kind = crate::catalog::KINDS
                .iter()
                .find(|k| k.category == category)
                .unwrap();
            add(
                &mut d,
                svc(4, "broker", kind.id, crate::model::Tier::Data),
                &[],
                &[],
            );
            d.links.push(crate::model::Link::new(
                crate::model::ServiceId(2),
                crate::model::ServiceId(4),
                LinkKind::Async,
            ));
            assert_passes(&RULE, &d);
        }
    }
}

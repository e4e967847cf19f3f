//! `communication-defined`: every link is a declared, consistent sync or async link.
//!
//! Measured: links the importer only inferred (from a connection URL) and have not been
//! confirmed, and asynchronous links that do not go to a broker (async means "through a queue").
//! Brokers are queue kinds and caches: Redis is the job queue of Celery, RQ, Sidekiq and BullMQ.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::Category as KindCategory;
use crate::model::LinkKind;

pub static RULE: Rule = Rule {
    id: "communication-defined",
    category: Category::Design,
    severity: Severity::Medium,
    title: "Communication is defined (sync/async)",
    why: "Each link decides start order, networks and failure behaviour. An inferred link is a guess; an async \
          link that does not point to a broker (RabbitMQ, Kafka, ...) says \"queue\" where there is none.",
    source: "seed 000/001 checklist, Design: \"Kommunikation definiert (sync/async)\"",
    problem: "inferred or inconsistent link",
    check,
    fix: None,
    safe_fix: false,
};

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
                    "inferred, not confirmed"
                } else {
                    "async but not to a broker"
                };
                bad.push(format!("{} -> {} ({why})", a.name, b.name));
            }
        }
    }
    if v.failed > 0 {
        v.detail = format!(
            "links to review: {}",
            super::name_list(bad.iter().map(String::as_str))
        );
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Design;
    use crate::rules::testing::*;

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
            r.message.contains("api -> db (async but not to a broker)"),
            "{}",
            r.message
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

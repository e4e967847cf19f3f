//! `data-in-data-tier`: databases, caches, brokers and stores sit in the data tier.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;
use crate::model::Tier;

pub static RULE: Rule = Rule {
    id: "data-in-data-tier",
    category: Category::Security,
    severity: Severity::Medium,
    title: "Data services sit in the data tier",
    why: "The data tier's network is internal: no route to the internet and reachable only from the backend. A \
          database placed in the frontend or backend tier sits on a network closer to the outside.",
    source: "seed 000/001 topology (PostgreSQL, Redis, RabbitMQ in DATA) and checklist, Security: \"Isolation \
             kritischer Services\"",
    problem: "data service outside the data tier",
    check,
    fix: Some(fix),
    // Moving a card changes which links cross tiers; the user should see where it lands.
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|i, _| ctx.is_data_store(i), |_, s| s.tier != Tier::Data)
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    failing
        .iter()
        .filter_map(|&i| ctx.service(i))
        .map(|s| Command::MoveService {
            id: s.id,
            tier: Tier::Data,
            index: usize::MAX,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn the_database_in_the_data_tier_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_database_in_the_backend_fails_and_moves_back() {
        let mut d = good();
        edit(&mut d, "db", |s| s.tier = Tier::Backend);
        assert_fails(&RULE, &d, &["db"]);
        assert_fix(&RULE, &d, &good());
    }
}

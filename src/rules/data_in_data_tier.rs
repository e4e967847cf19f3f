//! `data-in-data-tier`: databases, caches, brokers and stores sit in the data tier.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;
use crate::i18n::Text;
use crate::model::Tier;

pub static RULE: Rule = Rule {
    id: "data-in-data-tier",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Data services sit in the data tier",
        de: "Daten-Services liegen in der Datenebene",
        fr: "Les services de données sont dans le tier data",
    },
    why: Text {
        en: "The data tier's network is internal: no route to the internet and reachable only from the backend. A \
          database placed in the frontend or backend tier sits on a network closer to the outside.",
        de: "Das Netzwerk der Datenebene ist intern: keine Route ins Internet, nur vom Backend \
              erreichbar. Eine Datenbank in der Frontend- oder Backend-Ebene sitzt in einem Netzwerk \
              näher an der Außenwelt.",
        fr: "Le réseau du tier data est interne : aucune route vers Internet, joignable uniquement \
              depuis le backend. Une base de données placée dans le tier frontend ou backend est sur \
              un réseau plus proche de l'extérieur.",
    },
    source: "seed 000/001 topology (PostgreSQL, Redis, RabbitMQ in DATA) and checklist, Security: \"Isolation \
             kritischer Services\"",
    problem: Text {
        en: "data service outside the data tier",
        de: "Daten-Service außerhalb der Datenebene",
        fr: "service de données hors du tier data",
    },
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
    use crate::rules::fixtures::*;

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

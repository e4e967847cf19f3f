//! `db-not-published`: data services publish no port on the host.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Port;

pub static RULE: Rule = Rule {
    id: "db-not-published",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "Databases are not exposed",
        de: "DB-Services nicht exponiert",
        fr: "Services DB non exposés",
    },
    why: Text {
        en: "A published database port is one firewall mistake away from the internet and clashes with a database \
          already running on the developer's machine. Services reach it on the data network; people use \
          `docker compose exec`.",
        de: "Ein veröffentlichter Datenbank-Port ist nur einen Firewall-Fehler vom Internet \
              entfernt und kollidiert mit einer Datenbank, die bereits auf dem Rechner der \
              Entwickler läuft. Services erreichen sie über das Datennetzwerk; Menschen nutzen \
              `docker compose exec`.",
        fr: "Un port de base de données publié n'est qu'à une erreur de pare-feu d'Internet et \
              entre en conflit avec une base de données qui tourne déjà sur la machine du \
              développeur. Les services la joignent sur le réseau data ; les personnes utilisent \
              `docker compose exec`.",
    },
    source: "seed 000/001 checklist, Security: \"DB-Services nicht exponiert\"; seed 002 checklist, Network: \
             \"Services DB non exposés publiquement\"",
    problem: Text {
        en: "data service publishes a host port",
        de: "Daten-Service veröffentlicht einen Host-Port",
        fr: "un service de données publie un port de l'hôte",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |i, _| ctx.is_data_store(i),
        |_, s| s.published_ports().next().is_some(),
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let ports = s
            .ports
            .iter()
            .map(|p| Port {
                published: None,
                published_var: None,
                random_host: false,
                host_ip: None,
                ..p.clone()
            })
            .collect();
        Some(ServiceChange::Ports(ports))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn an_internal_database_port_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_published_database_port_fails_and_is_unpublished() {
        let mut d = good();
        edit(&mut d, "db", |s| {
            s.ports = vec![Port::published(5432, 5432)]
        });
        assert_fails(&RULE, &d, &["db"]);
        assert_fix(&RULE, &d, &good());
    }

    #[test]
    fn a_database_port_published_through_a_variable_fails_and_is_unpublished() {
        let mut d = good();
        edit(&mut d, "db", |s| {
            s.ports = vec![Port {
                published_var: Some("POSTGRES_PORT".into()),
                host_ip: Some("0.0.0.0".into()),
                ..Port::internal(5432)
            }]
        });
        assert_fails(&RULE, &d, &["db"]);
        assert_fix(&RULE, &d, &good());
    }
}

//! `db-not-published`: data services publish no port on the host.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::model::Port;

pub static RULE: Rule = Rule {
    id: "db-not-published",
    category: Category::Security,
    severity: Severity::High,
    title: "Databases are not exposed",
    why: "A published database port is one firewall mistake away from the internet and clashes with a database \
          already running on the developer's machine. Services reach it on the data network; people use \
          `docker compose exec`.",
    source: "seed 000/001 checklist, Security: \"DB-Services nicht exponiert\"; seed 002 checklist, Network: \
             \"Services DB non exposés publiquement\"",
    problem: "data service publishes a host port",
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
    use crate::rules::testing::*;

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
}

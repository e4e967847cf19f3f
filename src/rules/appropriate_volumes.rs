//! `appropriate-volumes`: a service that keeps data keeps it in a named volume.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Mount, MountKind};

pub static RULE: Rule = Rule {
    id: "appropriate-volumes",
    category: Category::Performance,
    severity: Severity::Medium,
    title: Text {
        en: "Persistent data lives in named volumes",
        de: "Persistente Daten liegen in Named Volumes",
        fr: "Les données persistantes sont dans des volumes nommés",
    },
    why: Text {
        en: "Data written to the container layer is slow (copy-on-write) and lost when the container is recreated. \
          A kind with a data directory (databases, stores, brokers) needs a named volume there.",
        de: "Daten in der Container-Schicht sind langsam (Copy-on-Write) und gehen verloren, wenn \
              der Container neu erstellt wird. Ein Service-Typ mit Datenverzeichnis (Datenbanken, \
              Stores, Broker) braucht dort ein Named Volume.",
        fr: "Les données écrites dans la couche du container sont lentes (copy-on-write) et perdues \
              quand le container est recréé. Un type de service avec un répertoire de données (bases \
              de données, stores, brokers) y a besoin d'un volume nommé.",
    },
    source: "seed 000/001 checklist, Performance: \"Angemessene Volumes\" and Volume-Strategie (\"Persistente \
             Daten: Named Volumes\"); seed 002 checklist, Volumes: \"Volumes nommés pour données persistantes\"",
    problem: Text {
        en: "data directory without a named volume",
        de: "Datenverzeichnis ohne Named Volume",
        fr: "répertoire de données sans volume nommé",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |i, _| ctx.kind(i).is_some_and(|k| k.data_path.is_some()),
        |i, s| {
            let path = ctx.kind(i).and_then(|k| k.data_path).unwrap_or_default();
            !s.volumes.iter().any(|m| {
                m.kind == MountKind::Named
                    && m.target.trim_end_matches('/') == path.trim_end_matches('/')
            })
        },
    )
}

/// A free volume name derived from the service: `<name>_data`, else `<name>_data_2`, ...
pub(crate) fn free_volume_name(ctx: &Ctx, base: &str) -> String {
    let taken = |n: &str| {
        ctx.design.services.iter().any(|s| {
            s.volumes
                .iter()
                .any(|m| m.kind == MountKind::Named && m.source == n)
        })
    };
    if !taken(base) {
        return base.to_string();
    }
    (2u32..)
        .map(|k| format!("{base}_{k}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_string())
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |i, s| {
        let path = ctx.kind(i)?.data_path?;
        let mut volumes = s.volumes.clone();
        // An anonymous or tmpfs mount at the data path is replaced, not doubled.
        volumes.retain(|m| m.target.trim_end_matches('/') != path.trim_end_matches('/'));
        volumes.insert(
            0,
            Mount::named(
                free_volume_name(ctx, &format!("{}_data", s.name.replace('.', "_"))),
                path,
            ),
        );
        Some(ServiceChange::Volumes(volumes))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn a_database_with_its_volume_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_database_without_a_volume_fails_and_gets_one() {
        let mut d = good();
        edit(&mut d, "db", |s| {
            s.volumes.retain(|m| m.kind != MountKind::Named)
        });
        assert_fails(&RULE, &d, &["db"]);
        assert_fix(&RULE, &d, &good());
    }
}

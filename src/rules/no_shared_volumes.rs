//! `no-shared-volumes`: a named volume is written by one service only.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use crate::model::MountKind;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    id: "no-shared-volumes",
    category: Category::Design,
    severity: Severity::Medium,
    title: Text {
        en: "Volumes are not shared between services",
        de: "Volumes werden nicht zwischen Services geteilt",
        fr: "Les volumes ne sont pas partagés entre services",
    },
    why: Text {
        en: "Two containers writing the same volume corrupt each other's files and can never be moved to different \
          hosts. Share data through a service (an API, object storage) or mount the volume read-only in readers.",
        de: "Zwei Container, die dasselbe Volume beschreiben, zerstören sich gegenseitig die \
              Dateien und lassen sich nie auf verschiedene Hosts verteilen. Teilen Sie Daten über \
              einen Service (eine API, Object Storage) oder mounten Sie das Volume bei Lesern \
              schreibgeschützt.",
        fr: "Deux containers qui écrivent dans le même volume corrompent mutuellement leurs \
              fichiers et ne pourront jamais être déplacés sur des hôtes différents. Partagez les \
              données via un service (une API, un stockage objet) ou montez le volume en lecture \
              seule chez les lecteurs.",
    },
    source: "KICS docker-compose: \"Shared Volumes Between Containers\", \"Volume Mounted In Multiple Containers\"",
    problem: Text {
        en: "writes a volume another service also writes",
        de: "beschreibt ein Volume, das auch ein anderer Service beschreibt",
        fr: "écrit dans un volume qu'un autre service écrit aussi",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    // volume name -> services writing it
    let mut writers: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in ctx.services() {
        for m in s
            .volumes
            .iter()
            .filter(|m| m.kind == MountKind::Named && !m.read_only)
        {
            let w = writers.entry(m.source.as_str()).or_default();
            if !w.contains(&i) {
                w.push(i);
            }
        }
    }
    ctx.each(
        |_, s| s.volumes.iter().any(|m| m.kind == MountKind::Named),
        |_, s| {
            s.volumes.iter().any(|m| {
                m.kind == MountKind::Named
                    && !m.read_only
                    && writers.get(m.source.as_str()).is_some_and(|w| w.len() > 1)
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mount, Tier};
    use crate::rules::fixtures::*;

    #[test]
    fn a_read_only_reader_may_mount_a_volume() {
        let mut d = good();
        let mut reader = svc(4, "reporter", "custom", Tier::Backend);
        reader.volumes.push(Mount {
            read_only: true,
            ..Mount::named("db_data", "/data")
        });
        add(&mut d, reader, &[], &[]);
        assert_passes(&RULE, &d);
    }

    #[test]
    fn two_writers_fail() {
        let mut d = good();
        let mut other = svc(4, "reporter", "custom", Tier::Backend);
        other.volumes.push(Mount::named("db_data", "/data"));
        add(&mut d, other, &[], &[]);
        assert_fails(&RULE, &d, &["db", "reporter"]);
    }
}

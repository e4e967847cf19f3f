//! `no-shared-volumes`: a named volume is written by one service only.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::model::MountKind;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    id: "no-shared-volumes",
    category: Category::Design,
    severity: Severity::Medium,
    title: "Volumes are not shared between services",
    why: "Two containers writing the same volume corrupt each other's files and can never be moved to different \
          hosts. Share data through a service (an API, object storage) or mount the volume read-only in readers.",
    source: "KICS docker-compose: \"Shared Volumes Between Containers\", \"Volume Mounted In Multiple Containers\"",
    problem: "writes a volume another service also writes",
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
    use crate::rules::testing::*;

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

//! `no-shared-writable-binds`: one host path is bind-mounted read-write by one service only.
//! Two containers writing the same host directory corrupt each other's files, as two writers of
//! a named volume do (`no-shared-volumes`); readers mount it `:ro`. Paths are compared as
//! written, with `./` and trailing slashes dropped. No automatic fix: which service should
//! only read is the user's call.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use crate::model::{Mount, MountKind, Service};

pub static RULE: Rule = Rule {
    id: "no-shared-writable-binds",
    category: Category::Design,
    severity: Severity::Medium,
    title: Text {
        en: "A host path is written by one service only",
        de: "Ein Host-Pfad wird nur von einem Service beschrieben",
        fr: "Un chemin de l'hôte n'est écrit que par un seul service",
    },
    why: Text {
        en: "Two services binding the same host path read-write overwrite each other's files and lock files. \
          Let one service own the directory and mount it read-only (`:ro`) everywhere else.",
        de: "Zwei Services, die denselben Host-Pfad beschreibbar einbinden, überschreiben sich gegenseitig \
              Dateien und Lock-Dateien. Lassen Sie einen Service das Verzeichnis besitzen und binden Sie es \
              überall sonst schreibgeschützt (`:ro`) ein.",
        fr: "Deux services qui montent le même chemin de l'hôte en écriture écrasent mutuellement leurs \
              fichiers et leurs verrous. Laissez un seul service posséder le répertoire et montez-le en \
              lecture seule (`:ro`) partout ailleurs.",
    },
    source: "KICS docker-compose: \"Volume Mounted In Multiple Containers\"",
    problem: Text {
        en: "binds a host path read-write that another service also writes",
        de: "bindet einen Host-Pfad beschreibbar ein, den auch ein anderer Service beschreibt",
        fr: "monte en écriture un chemin de l'hôte qu'un autre service écrit aussi",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn normal(path: &str) -> &str {
    let p = path.strip_prefix("./").unwrap_or(path);
    let p = p.trim_end_matches('/');
    if p.is_empty() {
        "."
    } else {
        p
    }
}

fn writable_binds(s: &Service) -> impl Iterator<Item = &Mount> {
    s.volumes
        .iter()
        .filter(|m| m.kind == MountKind::Bind && !m.read_only)
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        // Every service with a bind mount: making binds read-only keeps the rule applicable.
        |_, s| s.volumes.iter().any(|m| m.kind == MountKind::Bind),
        |i, s| {
            writable_binds(s).any(|m| {
                ctx.services().any(|(j, o)| {
                    j != i && writable_binds(o).any(|n| normal(&n.source) == normal(&m.source))
                })
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn a_read_only_reader_passes() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.volumes.push(Mount::bind("./uploads", "/srv/uploads"))
        });
        edit(&mut d, "proxy", |s| {
            s.volumes.push(Mount {
                read_only: true,
                ..Mount::bind("./uploads/", "/usr/share/nginx/html")
            })
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn two_writers_of_one_host_path_fail() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.volumes.push(Mount::bind("./uploads", "/srv/uploads"))
        });
        edit(&mut d, "proxy", |s| {
            s.volumes.push(Mount::bind("uploads/", "/data"))
        });
        assert_fails(&RULE, &d, &["proxy", "api"]);
        assert_no_fix(&RULE, &d);
    }
}

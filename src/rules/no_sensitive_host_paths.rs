//! `no-sensitive-host-paths`: no bind mount of a system directory of the host.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use crate::model::MountKind;

pub static RULE: Rule = Rule {
    id: "no-sensitive-host-paths",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "No sensitive host directories are mounted",
        de: "Keine sensiblen Host-Verzeichnisse gemountet",
        fr: "Aucun répertoire sensible de l'hôte n'est monté",
    },
    why: Text {
        en: "Mounting /, /etc, /proc, /sys, /dev, /boot, /usr, /lib, /root or Docker's own data hands the container \
          the keys to the host. Mount a project directory or a named volume instead.",
        de: "Wer /, /etc, /proc, /sys, /dev, /boot, /usr, /lib, /root oder Dockers eigene Daten \
              mountet, gibt dem Container die Schlüssel zum Host. Mounten Sie stattdessen ein \
              Projektverzeichnis oder ein Named Volume.",
        fr: "Monter /, /etc, /proc, /sys, /dev, /boot, /usr, /lib, /root ou les données de Docker \
              lui-même donne au container les clés de l'hôte. Montez plutôt un répertoire du projet \
              ou un volume nommé.",
    },
    source: "KICS docker-compose \"Volume Has Sensitive Host Directory\"; CIS Docker 5.5",
    problem: Text {
        en: "mounts a sensitive host directory",
        de: "mountet ein sensibles Host-Verzeichnis",
        fr: "monte un répertoire sensible de l'hôte",
    },
    check,
    fix: None,
    safe_fix: false,
};

const SENSITIVE: &[&str] = &[
    "/etc",
    "/proc",
    "/sys",
    "/dev",
    "/boot",
    "/usr",
    "/lib",
    "/lib64",
    "/bin",
    "/sbin",
    "/root",
    "/var/lib/docker",
    "/var/run",
    "/run",
];

pub(crate) fn sensitive(path: &str) -> bool {
    let p = path.trim();
    if p.trim_end_matches('/').is_empty() && p.starts_with('/') {
        return true; // the host's root
    }
    let p = p.trim_end_matches('/');
    SENSITIVE
        .iter()
        .any(|s| p == *s || p.strip_prefix(s).is_some_and(|rest| rest.starts_with('/')))
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, _| true,
        |_, s| {
            s.volumes.iter().any(|m| {
                m.kind == MountKind::Bind
                    && sensitive(&m.source)
                    && !super::no_docker_socket::is_socket(m)
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mount;
    use crate::rules::fixtures::*;

    #[test]
    fn project_paths_pass_the_socket_is_another_rules_business() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.volumes.push(Mount::bind("./config", "/config"));
            s.volumes
                .push(Mount::bind("/var/run/docker.sock", "/var/run/docker.sock"));
            s.volumes.push(Mount::bind("/etcetera", "/x"));
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn system_directories_fail() {
        for path in ["/", "/etc", "/etc/", "/proc/1", "/var/lib/docker/volumes"] {
            let mut d = good();
            edit(&mut d, "api", |s| {
                s.volumes.push(Mount::bind(path, "/host"))
            });
            assert_fails(&RULE, &d, &["api"]);
            assert_no_fix(&RULE, &d);
        }
    }
}

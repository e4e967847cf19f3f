//! `bind-mounts-dev-only`: the shared files carry no writable bind mount.
//!
//! Bind mounts in the design are part of every environment. Read-only configuration files
//! (nginx.conf, prometheus.yml) are fine; a writable host directory belongs in the dev override,
//! which hot reload generates.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Mount, MountKind};

pub static RULE: Rule = Rule {
    id: "bind-mounts-dev-only",
    category: Category::Dx,
    severity: Severity::Low,
    title: Text {
        en: "Bind mounts only in dev",
        de: "Bind Mounts nur in Dev",
        fr: "Bind mounts uniquement en dev",
    },
    why: Text {
        en: "A writable host directory in the base file ties production to a path on one machine, breaks on other \
          hosts and lets the container change host files. Mount configuration read-only; let hot reload mount \
          code in the dev override.",
        de: "Ein beschreibbares Host-Verzeichnis in der Basisdatei bindet die Produktion an einen \
              Pfad auf einer Maschine, scheitert auf anderen Hosts und erlaubt dem Container, \
              Host-Dateien zu ändern. Konfiguration schreibgeschützt mounten; Code mountet \
              Hot-Reload im Dev-Override.",
        fr: "Un répertoire hôte accessible en écriture dans le fichier de base lie la production à \
              un chemin sur une seule machine, échoue sur les autres hôtes et laisse le container \
              modifier les fichiers de l'hôte. Montez la configuration en lecture seule ; le \
              hot-reload monte le code dans l'override de dev.",
    },
    source: "seed 002 checklist, Volumes: \"Bind mounts uniquement en dev\"; seed 000 Volume-Strategie \
             (Konfiguration: Bind Mounts oder Secrets)",
    problem: Text {
        en: "writable bind mount in every environment",
        de: "beschreibbarer Bind Mount in jeder Umgebung",
        fr: "bind mount accessible en écriture dans tous les environnements",
    },
    check,
    fix: Some(fix),
    // A service that writes there (uploads, generated files) would break.
    safe_fix: false,
};

fn writable_bind(m: &Mount) -> bool {
    m.kind == MountKind::Bind && !m.read_only
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| s.volumes.iter().any(writable_bind))
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let volumes = s
            .volumes
            .iter()
            .map(|m| Mount {
                read_only: m.read_only || writable_bind(m),
                ..m.clone()
            })
            .collect();
        Some(ServiceChange::Volumes(volumes))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn read_only_config_passes() {
        let mut d = good();
        edit(&mut d, "proxy", |s| {
            s.volumes.push(Mount {
                read_only: true,
                ..Mount::bind("./nginx.conf", "/etc/nginx/nginx.conf")
            })
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn a_writable_bind_fails_and_becomes_read_only() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.volumes.push(Mount::bind("./src", "/app"))
        });
        assert_fails(&RULE, &d, &["api"]);
        let mut expected = good();
        edit(&mut expected, "api", |s| {
            s.volumes.push(Mount {
                read_only: true,
                ..Mount::bind("./src", "/app")
            })
        });
        assert_fix(&RULE, &d, &expected);
    }
}

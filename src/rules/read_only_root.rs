//! `read-only-root`: the root file system is read-only, with tmpfs for scratch space.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Hardening, Mount, MountKind};

pub static RULE: Rule = Rule {
    id: "read-only-root",
    category: Category::Security,
    severity: Severity::Low,
    title: Text {
        en: "Root file system is read-only",
        de: "Root-Dateisystem ist schreibgeschützt",
        fr: "Le système de fichiers racine est en lecture seule",
    },
    why: Text {
        en: "A read-only root file system stops an intruder from dropping tools or changing binaries, and makes \
          every write go to a declared volume or tmpfs. Some images write outside their data directory; give \
          them a tmpfs there.",
        de: "Ein schreibgeschütztes Root-Dateisystem hindert Eindringlinge daran, Werkzeuge \
              abzulegen oder Binaries zu ändern, und lenkt jeden Schreibzugriff auf ein deklariertes \
              Volume oder tmpfs. Manche Images schreiben außerhalb ihres Datenverzeichnisses; geben \
              Sie ihnen dort ein tmpfs.",
        fr: "Un système de fichiers racine en lecture seule empêche un intrus de déposer des outils \
              ou de modifier des binaires, et envoie chaque écriture vers un volume ou un tmpfs \
              déclaré. Certaines images écrivent hors de leur répertoire de données ; donnez-leur un \
              tmpfs à cet endroit.",
    },
    source: "seed 004 compose template (`read_only: true`, `tmpfs: /tmp`); CIS Docker 5.12; KICS \"Container \
             Root File System Not Read Only\" (Kubernetes)",
    problem: Text {
        en: "writable root file system",
        de: "beschreibbares Root-Dateisystem",
        fr: "système de fichiers racine accessible en écriture",
    },
    check,
    fix: Some(fix),
    // The image may write outside its volumes (e.g. a pid file in /var/run): check before applying.
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| !s.hardening.read_only_root)
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    let mut commands = ctx.update_failing(failing, |_, s| {
        Some(ServiceChange::Hardening(Hardening {
            read_only_root: true,
            ..s.hardening.clone()
        }))
    });
    commands.extend(ctx.update_failing(failing, |_, s| {
        if s.volumes
            .iter()
            .any(|m| m.kind == MountKind::Tmpfs && m.target == "/tmp")
        {
            return None;
        }
        let mut volumes = s.volumes.clone();
        volumes.push(Mount::tmpfs("/tmp"));
        Some(ServiceChange::Volumes(volumes))
    }));
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn read_only_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn writable_fails_and_becomes_read_only_with_a_tmp() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.hardening.read_only_root = false;
            s.volumes.clear();
        });
        assert_fails(&RULE, &d, &["api"]);
        let mut expected = d.clone();
        edit(&mut expected, "api", |s| {
            s.hardening.read_only_root = true;
            s.volumes = vec![Mount::tmpfs("/tmp")];
        });
        assert_fix(&RULE, &d, &expected);
        // the fixture's api had /tmp already: only the flag changes
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.read_only_root = false);
        assert_fix(&RULE, &d, &good());
    }
}

//! `backup-strategy`: every database and store is backed up (a design fact per service).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindCategory;
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "backup-strategy",
    category: Category::Operations,
    severity: Severity::Medium,
    title: Text {
        en: "A backup strategy is defined",
        de: "Backup-Strategie definiert",
        fr: "Backup strategy définie",
    },
    why: Text {
        en: "A named volume survives a restart, not a deleted volume, a bad migration or a lost disk. With backup on, \
          the generated project has a backup script and documents restore for that service.",
        de: "Ein Named Volume übersteht einen Neustart, aber kein gelöschtes Volume, keine \
              missglückte Migration und keine verlorene Platte. Mit aktiviertem Backup enthält das \
              generierte Projekt ein Backup-Skript und dokumentiert die Wiederherstellung dieses \
              Services.",
        fr: "Un volume nommé survit à un redémarrage, pas à un volume supprimé, à une migration \
              ratée ou à un disque perdu. Avec le backup activé, le projet généré contient un script \
              de backup et documente la restauration de ce service.",
    },
    source: "seed 000/001 checklist, Operations: \"Backup-Strategie definiert\"; seed 000 docs template (DB-Backup)",
    problem: Text {
        en: "no backup",
        de: "kein Backup",
        fr: "pas de backup",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |i, _| {
            matches!(
                ctx.category(i),
                KindCategory::Database | KindCategory::Storage | KindCategory::Vector
            )
        },
        |_, s| !s.backup,
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, _| Some(ServiceChange::Backup(true)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn backed_up_database_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn no_backup_fails_and_is_turned_on() {
        let mut d = good();
        edit(&mut d, "db", |s| s.backup = false);
        assert_fails(&RULE, &d, &["db"]);
        assert_fix(&RULE, &d, &good());
    }
}

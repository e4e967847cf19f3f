//! `no-anonymous-volumes`: no anonymous volumes; each becomes a named one.

use super::appropriate_volumes::free_volume_name;
use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::generate::layout::slug;
use crate::i18n::Text;
use crate::model::{Mount, MountKind};

pub static RULE: Rule = Rule {
    id: "no-anonymous-volumes",
    category: Category::Operations,
    severity: Severity::High,
    title: Text {
        en: "No anonymous volumes",
        de: "Keine anonymen Volumes",
        fr: "Pas de volumes anonymes",
    },
    why: Text {
        en: "An anonymous volume gets a random name: `docker compose down -v` or a recreated container leaves its \
          data orphaned or gone, and no backup can name it. A named volume is found again.",
        de: "Ein anonymes Volume bekommt einen Zufallsnamen: `docker compose down -v` oder ein neu \
              erstellter Container lässt seine Daten verwaist oder verloren zurück, und kein Backup \
              kann es benennen. Ein Named Volume wird wiedergefunden.",
        fr: "Un volume anonyme reçoit un nom aléatoire : `docker compose down -v` ou un container \
              recréé laisse ses données orphelines ou perdues, et aucun backup ne peut le nommer. Un \
              volume nommé se retrouve.",
    },
    source: "seed 000/001 anti-pattern \"Anonyme Volumes\" (Datenverlust); seed 002 anti-pattern \"Volumes \
             anonymes\" and checklist, Volumes: \"Pas de volumes anonymes pour données importantes\"",
    problem: Text {
        en: "anonymous volume",
        de: "anonymes Volume",
        fr: "volume anonyme",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, _| true,
        |_, s| s.volumes.iter().any(|m| m.kind == MountKind::Anonymous),
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let mut taken: Vec<String> = Vec::new();
        let volumes = s
            .volumes
            .iter()
            .map(|m| {
                if m.kind != MountKind::Anonymous {
                    return m.clone();
                }
                let base = format!("{}_{}", slug(&s.name), slug(&m.target).replace('-', "_"));
                let mut name = free_volume_name(ctx, &base);
                let mut k = 2;
                while taken.contains(&name) {
                    name = free_volume_name(ctx, &format!("{base}_{k}"));
                    k += 1;
                }
                taken.push(name.clone());
                Mount {
                    kind: MountKind::Named,
                    source: name,
                    ..m.clone()
                }
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
    fn named_volumes_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn anonymous_volumes_fail_and_get_names() {
        let mut d = good();
        let anon = |t: &str| Mount {
            kind: MountKind::Anonymous,
            source: String::new(),
            target: t.into(),
            read_only: false,
            size: None,
        };
        edit(&mut d, "api", |s| s.volumes.push(anon("/app/node_modules")));
        assert_fails(&RULE, &d, &["api"]);
        let mut expected = good();
        edit(&mut expected, "api", |s| {
            s.volumes.push(Mount::named(
                "api_app-node_modules".replace('-', "_"),
                "/app/node_modules",
            ))
        });
        assert_fix(&RULE, &d, &expected);
    }
}

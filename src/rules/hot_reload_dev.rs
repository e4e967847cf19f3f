//! `hot-reload-dev`: code built from source reloads in dev (a design fact).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "hot-reload-dev",
    category: Category::Dx,
    severity: Severity::Low,
    title: Text {
        en: "Hot reload in dev",
        de: "Hot-Reload in Dev",
        fr: "Hot-reload en dev",
    },
    why: Text {
        en: "Rebuilding an image for every code change turns a one-second edit into a minute. With this set, the \
          generated dev override bind-mounts the sources of scaffolded services and runs them in reload mode.",
        de: "Für jede Codeänderung ein Image neu zu bauen macht aus einer Sekunde Arbeit eine \
              Minute. Damit aktiviert, mountet das generierte Dev-Override die Quellen der \
              angelegten Services per Bind Mount und startet sie im Reload-Modus.",
        fr: "Reconstruire une image à chaque modification du code transforme une seconde de travail \
              en une minute. Avec cette option, l'override de dev généré monte les sources des \
              services générés en bind mount et les lance en mode reload.",
    },
    source: "seed 000/001 checklist, DX: \"Hot-reload in Dev\"; seed 002 Volumes: \"Code en dev : bind mounts\"",
    problem: Text {
        en: "no hot reload",
        de: "kein Hot-Reload",
        fr: "pas de hot-reload",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

crate::texts! {
    NOT_MOUNTED {
        en: "sources are not mounted in dev: turn on hot reload",
        de: "Quellen sind in Dev nicht gemountet: Hot-Reload aktivieren",
        fr: "les sources ne sont pas montées en dev : activez le hot-reload",
    }
}

fn check(ctx: &Ctx) -> Verdict {
    let scaffolded = ctx
        .design
        .services
        .iter()
        .any(|s| s.build.as_ref().is_some_and(|b| b.language.is_some()));
    if !scaffolded {
        return Verdict::not_applicable();
    }
    Verdict::design(ctx.design.settings.ops.hot_reload, Vec::new(), NOT_MOUNTED)
}

fn fix(ctx: &Ctx, _failing: &[usize]) -> Vec<Command> {
    ctx.settings(|s| s.ops.hot_reload = true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn on_passes_and_images_only_is_not_applicable() {
        let mut d = good();
        assert_passes(&RULE, &d);
        d.services.retain(|s| s.build.is_none());
        assert_not_applicable(&RULE, &d);
    }

    #[test]
    fn off_fails_and_is_turned_on() {
        let mut d = good();
        d.settings.ops.hot_reload = false;
        assert_fails(&RULE, &d, &[]);
        assert_fix(&RULE, &d, &good());
    }
}

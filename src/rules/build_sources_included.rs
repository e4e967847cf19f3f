//! `build-sources-included`: every build's sources are part of the generated project.
//!
//! The project carries a Dockerfile and an app stub for scaffolded builds in their default
//! context (`docker/<service>`). A build imported from an existing compose file, or moved to
//! another context, points at a directory the project does not contain.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::generate::layout;
use crate::i18n::Text;
use crate::model::{Build, Service};

pub static RULE: Rule = Rule {
    id: "build-sources-included",
    category: Category::Dx,
    severity: Severity::Medium,
    title: Text {
        en: "Build sources are in the project",
        de: "Build-Quellen liegen im Projekt",
        fr: "Les sources de build sont dans le projet",
    },
    why: Text {
        en: "`docker compose up` builds every service with a `build:` first; when the context directory is not in \
          the project (an imported build, a custom context) it fails before anything starts. Copy the sources \
          into that directory, or let Tierboard scaffold the service.",
        de: "`docker compose up` baut zuerst jeden Service mit `build:`; liegt das \
              Kontextverzeichnis nicht im Projekt (ein importierter Build, ein eigener Kontext), \
              scheitert es, bevor irgendetwas startet. Kopieren Sie die Quellen in dieses \
              Verzeichnis oder lassen Sie Tierboard den Service anlegen.",
        fr: "`docker compose up` construit d'abord chaque service qui a un `build:` ; si le \
              répertoire de contexte n'est pas dans le projet (un build importé, un contexte \
              personnalisé), il échoue avant que quoi que ce soit ne démarre. Copiez les sources \
              dans ce répertoire, ou laissez Tierboard générer le squelette du service.",
    },
    source: "seed 000/001 checklist, DX: \"docker compose up funktioniert sofort\"; validate-project compose-refs \
             `build-context-missing`",
    problem: Text {
        en: "builds from a directory the project does not contain",
        de: "baut aus einem Verzeichnis, das nicht im Projekt liegt",
        fr: "construit depuis un répertoire absent du projet",
    },
    check,
    fix: Some(fix),
    // Resetting a custom context moves the build away from sources that may exist in the user's repo.
    safe_fix: false,
};

fn generated_context(s: &Service, b: &Build) -> bool {
    let context = b
        .context
        .trim()
        .trim_start_matches("./")
        .trim_end_matches('/');
    b.language.is_some() && (context.is_empty() || context == layout::build_dir(s))
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| s.build.is_some(),
        |_, s| s.build.as_ref().is_some_and(|b| !generated_context(s, b)),
    )
}

/// A scaffolded build goes back to its generated context; imported builds need their sources.
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let b = s.build.as_ref()?;
        b.language?;
        Some(ServiceChange::Build(Some(Build {
            context: String::new(),
            dockerfile: None,
            ..b.clone()
        })))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;
    use std::collections::BTreeMap;

    #[test]
    fn scaffolded_builds_in_their_context_pass() {
        let mut d = good();
        assert_passes(&RULE, &d);
        edit(&mut d, "api", |s| {
            s.build.as_mut().unwrap().context = "./docker/api/".into()
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn imported_builds_and_moved_contexts_fail() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.build.as_mut().unwrap().context = "./services/api".into()
        });
        assert_fails(&RULE, &d, &["api"]);
        assert_fix(&RULE, &d, &good());
        edit(&mut d, "api", |s| {
            s.build = Some(Build {
                language: None,
                context: "./api".into(),
                dockerfile: None,
                target: None,
                args: BTreeMap::new(),
            })
        });
        assert_fails(&RULE, &d, &["api"]);
        assert_no_fix(&RULE, &d);
    }
}

//! `optimised-builds`: built services use a multi-stage Dockerfile Tierboard knows.
//!
//! Scaffolded builds get a multi-stage Dockerfile (dependency layer cached, slim runtime stage)
//! and a `.dockerignore`. An imported build's Dockerfile is not visible to the design; the rule
//! asks it to name its runtime stage (`build.target`), the sign of a multi-stage build.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "optimised-builds",
    category: Category::Performance,
    severity: Severity::Low,
    title: Text {
        en: "Builds are optimised",
        de: "Optimierte Builds",
        fr: "Build optimisé",
    },
    why: Text {
        en: "A multi-stage build keeps compilers and caches out of the runtime image: smaller pulls, faster \
          deploys, less attack surface. Measured: the build is scaffolded by Tierboard or names a target stage.",
        de: "Ein Multi-Stage-Build hält Compiler und Caches aus dem Laufzeit-Image heraus: kleinere \
              Pulls, schnellere Deployments, weniger Angriffsfläche. Gemessen: Der Build wird von \
              Tierboard angelegt oder nennt eine Ziel-Stage.",
        fr: "Un build multi-stage garde compilateurs et caches hors de l'image d'exécution : pulls \
              plus petits, déploiements plus rapides, moins de surface d'attaque. Mesuré : le build \
              est généré par Tierboard ou nomme un stage cible.",
    },
    source: "seed 000/001 checklist, Performance: \"Optimierte Builds\"",
    problem: Text {
        en: "imported build with no target stage",
        de: "importierter Build ohne Ziel-Stage",
        fr: "build importé sans stage cible",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| s.build.is_some(),
        |_, s| {
            s.build.as_ref().is_some_and(|b| {
                b.language.is_none() && b.target.as_deref().is_none_or(|t| t.trim().is_empty())
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Build;
    use crate::rules::fixtures::*;
    use std::collections::BTreeMap;

    #[test]
    fn scaffolded_builds_and_targeted_imports_pass() {
        let mut d = good();
        assert_passes(&RULE, &d);
        edit(&mut d, "api", |s| {
            s.build = Some(Build {
                language: None,
                context: "./api".into(),
                dockerfile: None,
                target: Some("runtime".into()),
                args: BTreeMap::new(),
            })
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn an_imported_build_without_target_fails() {
        let mut d = good();
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
    }
}

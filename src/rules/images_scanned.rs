//! `images-scanned`: CI scans every image (a design fact the generator makes true).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::Command;
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "images-scanned",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Images are scanned",
        de: "Images gescannt",
        fr: "Images scannées",
    },
    why: Text {
        en: "Base images carry known vulnerabilities that no drawing shows. With this set, the generated CI \
          workflow scans every image it builds or pulls and fails on critical findings.",
        de: "Basis-Images enthalten bekannte Schwachstellen, die keine Zeichnung zeigt. Damit \
              aktiviert, scannt der generierte CI-Workflow jedes Image, das er baut oder zieht, und \
              schlägt bei kritischen Befunden fehl.",
        fr: "Les images de base portent des vulnérabilités connues qu'aucun schéma ne montre. Avec \
              cette option, le workflow CI généré scanne chaque image qu'il construit ou récupère et \
              échoue sur les vulnérabilités critiques.",
    },
    source: "seed 000/001 checklist, Security: \"Images gescannt\"",
    problem: Text {
        en: "no image scan in CI",
        de: "kein Image-Scan in der CI",
        fr: "pas de scan d'image dans la CI",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

crate::texts! {
    NO_SCAN {
        en: "the CI workflow does not scan images: turn on image scanning",
        de: "der CI-Workflow scannt keine Images: Image-Scan aktivieren",
        fr: "le workflow CI ne scanne pas les images : activez le scan d'images",
    }
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.fact(ctx.design.settings.ops.image_scan, NO_SCAN)
}

fn fix(ctx: &Ctx, _failing: &[usize]) -> Vec<Command> {
    ctx.settings(|s| s.ops.image_scan = true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Design;
    use crate::rules::fixtures::*;

    #[test]
    fn scanning_on_passes_and_an_empty_board_is_not_applicable() {
        assert_passes(&RULE, &good());
        assert_not_applicable(&RULE, &Design::new("x"));
    }

    #[test]
    fn scanning_off_fails_and_is_turned_on() {
        let mut d = good();
        d.settings.ops.image_scan = false;
        assert_fails(&RULE, &d, &[]);
        assert_fix(&RULE, &d, &good());
    }
}

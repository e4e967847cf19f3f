//! `clear-documentation`: the project has a real name.
//!
//! The docs are generated, so their clarity hangs on what the design gives them. The design name
//! heads the README and becomes the compose project name: the rule asks for one that is not a
//! placeholder or a pattern starter's id. (Service names are `services-clearly-identified`.)

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::PATTERNS;
use crate::generate::layout::slug;
use crate::i18n::{Message, Text};

pub static RULE: Rule = Rule {
    id: "clear-documentation",
    category: Category::Dx,
    severity: Severity::Low,
    title: Text {
        en: "Documentation is clear",
        de: "Klare Dokumentation",
        fr: "Documentation claire",
    },
    why: Text {
        en: "The generated README, ops guide and compose project are titled with the design name; \"untitled\" or a \
          starter's id (\"monolith\") says nothing about the system. Measured: the design name is not a \
          placeholder.",
        de: "README, Betriebshandbuch und Compose-Projekt tragen den Namen des Designs; „untitled“ \
              oder die Id einer Vorlage („monolith“) sagt nichts über das System. Gemessen: Der Name \
              des Designs ist kein Platzhalter.",
        fr: "Le README, le guide d'exploitation et le projet Compose portent le nom du design ; « \
              untitled » ou l'id d'un modèle (« monolith ») ne dit rien du système. Mesuré : le nom \
              du design n'est pas un nom générique.",
    },
    source: "seed 000/001 checklist, DX: \"Klare Dokumentation\"",
    problem: Text {
        en: "placeholder project name",
        de: "Platzhalter als Projektname",
        fr: "nom de projet générique",
    },
    check,
    fix: None,
    safe_fix: false,
};

crate::texts! {
    PLACEHOLDER_NAME {
        en: "the project is called {name}: give it its real name",
        de: "das Projekt heißt {name}: geben Sie ihm seinen echten Namen",
        fr: "le projet s'appelle {name} : donnez-lui son vrai nom",
    }
}

const PLACEHOLDERS: &[&str] = &[
    "project",
    "untitled",
    "blank",
    "new",
    "test",
    "design",
    "my-project",
    "myproject",
    "app",
    "demo",
    "example",
    "tierboard",
];

fn check(ctx: &Ctx) -> Verdict {
    if ctx.design.services.is_empty() {
        return Verdict::not_applicable();
    }
    let name = slug(&ctx.design.name);
    let placeholder =
        PLACEHOLDERS.contains(&name.as_str()) || PATTERNS.iter().any(|p| p.id == name);
    Verdict::design(
        !placeholder,
        Vec::new(),
        Message::plain(PLACEHOLDER_NAME).arg("name", format!("{:?}", ctx.design.name)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn a_real_name_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn placeholders_and_starter_ids_fail() {
        for name in ["Untitled", "monolith"] {
            let mut d = good();
            d.name = name.into();
            assert_fails(&RULE, &d, &[]);
            assert_no_fix(&RULE, &d);
        }
    }
}

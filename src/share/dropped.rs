//! Files that arrive from the operating system (dropped on the window, or handed to the installed
//! app by its file handlers) sorted into what the app does with them: one design to open
//! (a `.tierboard.json` or an exported SVG, read by [`super::open`] like "Open design file"), or
//! compose files to import (read by the importer like the Import dialog's "Choose files").
//!
//! Pure and total: any list of (name, text) gives a [`Dropped`] or a [`DropError`] whose words
//! exist in every language; the web shell only reads the files and routes the result.

use crate::i18n::{Lang, Text};

/// What a set of arriving files is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dropped {
    /// One design file or exported SVG: (file name, its text).
    Design { name: String, text: String },
    /// Compose files in merge order: base files first, then overrides (as `docker compose`
    /// reads `compose.yaml` before `compose.override.yaml`), each group by name.
    Compose(Vec<(String, String)>),
}

/// Why a set of files cannot be opened as one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropError {
    /// No file (a dropped text selection or link, say).
    NoFiles,
    /// Several design files: the board holds one design.
    SeveralDesigns,
    /// A design file together with compose files.
    Mixed,
}

impl DropError {
    /// The message in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    fn text(self) -> Text {
        match self {
            DropError::NoFiles => texts::NO_FILES,
            DropError::SeveralDesigns => texts::SEVERAL_DESIGNS,
            DropError::Mixed => texts::MIXED,
        }
    }
}

/// Sorts the arriving files (in the order the browser gave them).
pub fn sort(files: Vec<(String, String)>) -> Result<Dropped, DropError> {
    let (mut designs, mut compose): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(name, text)| is_design(name, text));
    match (designs.len(), compose.is_empty()) {
        (0, true) => Err(DropError::NoFiles),
        (1, true) => {
            let (name, text) = designs.remove(0);
            Ok(Dropped::Design { name, text })
        }
        (0, false) => {
            crate::sorting::sort_by(&mut compose, |(a, _), (b, _)| {
                (is_override(a), a).cmp(&(is_override(b), b))
            });
            Ok(Dropped::Compose(compose))
        }
        (_, true) => Err(DropError::SeveralDesigns),
        (_, false) => Err(DropError::Mixed),
    }
}

/// A design file or an exported SVG: by extension, else by the first character (as
/// [`super::open`] tells them apart), so a compose file is anything YAML-looking.
fn is_design(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".yml") || lower.ends_with(".yaml") {
        return false;
    }
    if lower.ends_with(".json") || lower.ends_with(".svg") {
        return true;
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    matches!(body.as_bytes().first(), Some(b'{' | b'<'))
}

fn is_override(name: &str) -> bool {
    name.to_ascii_lowercase().contains("override")
}

/// The refusals' words.
pub mod texts {
    crate::texts! {
        NO_FILES {
            en: "Nothing to open: drop compose files, a .tierboard.json design file or an SVG exported by Tierboard.",
            de: "Nichts zu öffnen: Legen Sie Compose-Dateien, eine Entwurfsdatei (.tierboard.json) oder ein von Tierboard exportiertes SVG ab.",
            fr: "Rien à ouvrir : déposez des fichiers Compose, un fichier de conception .tierboard.json ou un SVG exporté par Tierboard.",
        }
        SEVERAL_DESIGNS {
            en: "Drop one design file at a time: the board holds one design.",
            de: "Bitte jeweils nur eine Entwurfsdatei ablegen: Das Board enthält einen Entwurf.",
            fr: "Déposez un seul fichier de conception à la fois : le tableau contient une seule conception.",
        }
        MIXED {
            en: "Drop either one design file or compose files, not both at once.",
            de: "Legen Sie entweder eine Entwurfsdatei oder Compose-Dateien ab, nicht beides zugleich.",
            fr: "Déposez soit un fichier de conception, soit des fichiers Compose, pas les deux à la fois.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> (String, String) {
        (name.to_string(), text.to_string())
    }

    fn names(dropped: &Dropped) -> Vec<&str> {
        match dropped {
            Dropped::Design { name, .. } => vec![name.as_str()],
            Dropped::Compose(files) => files.iter().map(|(n, _)| n.as_str()).collect(),
        }
    }

    #[test]
    fn compose_files_are_merged_base_first_then_overrides() {
        let dropped = sort(vec![
            file("compose.override.yaml", "services: {}"),
            file("compose.yaml", "services: {}"),
            file("compose.prod.yml", "services: {}"),
        ])
        .unwrap();
        assert!(matches!(dropped, Dropped::Compose(_)));
        assert_eq!(
            names(&dropped),
            ["compose.prod.yml", "compose.yaml", "compose.override.yaml"]
        );
    }

    #[test]
    fn one_design_file_or_svg_opens_as_a_design() {
        for (name, text) in [
            ("shop.tierboard.json", "{\"name\":\"shop\"}"),
            ("architecture.svg", "<svg/>"),
            ("no-extension", "  {\"a\":1}"),
            ("diagram", "\u{feff}<?xml version=\"1.0\"?><svg/>"),
        ] {
            assert_eq!(
                sort(vec![file(name, text)]),
                Ok(Dropped::Design {
                    name: name.to_string(),
                    text: text.to_string()
                }),
                "{name}"
            );
        }
    }

    #[test]
    fn a_yaml_extension_wins_over_the_first_character() {
        // JSON is YAML: a compose file written as JSON but named .yml is still imported.
        let dropped = sort(vec![file("compose.yml", "{\"services\":{}}")]).unwrap();
        assert!(matches!(dropped, Dropped::Compose(_)));
    }

    #[test]
    fn sets_that_are_not_one_thing_are_refused() {
        assert_eq!(sort(vec![]), Err(DropError::NoFiles));
        assert_eq!(
            sort(vec![file("a.json", "{}"), file("b.svg", "<svg/>")]),
            Err(DropError::SeveralDesigns)
        );
        assert_eq!(
            sort(vec![
                file("a.json", "{}"),
                file("compose.yml", "services: {}")
            ]),
            Err(DropError::Mixed)
        );
    }

    #[test]
    fn every_refusal_has_words_in_every_language() {
        crate::i18n::assert_well_formed(texts::ALL);
        for e in [
            DropError::NoFiles,
            DropError::SeveralDesigns,
            DropError::Mixed,
        ] {
            for lang in Lang::ALL {
                assert!(!e.message(lang).is_empty());
            }
        }
    }
}

//! The chart's fixed files: Go templates that range over `.Values.components`. They contain no
//! design data, so they are plain text like any hand-written chart; the design reaches them only
//! through the typed `values.yaml`. One template per Kubernetes kind. `NOTES.txt` holds `@KEY@`
//! slots for its sentences, filled in the design's documentation language by [`notes`].

use super::readme::texts;
use crate::i18n::Lang;

/// `templates/NOTES.txt` with its sentences in `lang` (the Go template around them is the same in
/// every language).
pub fn notes(lang: Lang) -> String {
    let mut out = include_str!("templates/NOTES.txt").to_string();
    for (key, text) in [
        ("INSTALLED", texts::NOTES_INSTALLED),
        ("RELEASE", texts::NOTES_RELEASE),
        ("SECRETS", texts::NOTES_SECRETS),
        ("ENTRY_POINTS", texts::NOTES_ENTRY_POINTS),
        ("OFF", texts::NOTES_OFF),
        ("SEE_README", texts::NOTES_SEE_README),
    ] {
        out = out.replace(&format!("@{key}@"), text.get(lang));
    }
    out
}

/// `(path inside the chart, contents)`.
pub const FILES: &[(&str, &str)] = &[
    (".helmignore", include_str!("helmignore")),
    (
        "templates/_helpers.tpl",
        include_str!("templates/_helpers.tpl"),
    ),
    (
        "templates/configmap.yaml",
        include_str!("templates/configmap.yaml"),
    ),
    (
        "templates/deployment.yaml",
        include_str!("templates/deployment.yaml"),
    ),
    ("templates/hpa.yaml", include_str!("templates/hpa.yaml")),
    (
        "templates/ingress.yaml",
        include_str!("templates/ingress.yaml"),
    ),
    (
        "templates/networkpolicy.yaml",
        include_str!("templates/networkpolicy.yaml"),
    ),
    ("templates/pdb.yaml", include_str!("templates/pdb.yaml")),
    (
        "templates/service.yaml",
        include_str!("templates/service.yaml"),
    ),
    (
        "templates/statefulset.yaml",
        include_str!("templates/statefulset.yaml"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_fill_every_slot_in_every_language() {
        for lang in Lang::ALL {
            let text = notes(lang);
            assert!(!text.contains('@'), "{lang:?}: {text}");
            assert!(text.contains("{{ .Release.Namespace }}"));
        }
        assert!(notes(Lang::En).starts_with(
            "{{ .Chart.Name }} is installed in namespace {{ .Release.Namespace }} (release"
        ));
    }
}

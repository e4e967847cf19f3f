//! The header and its toolbar: skip link, design label, pattern menu, New, Undo/Redo, the dialog
//! buttons, the theme toggle and the language switcher. Short captions: the toolbar must fit one
//! row at 1366 px and wrap cleanly at 768 px in every language.

crate::texts! {
    SKIP_TO_BOARD { en: "Skip to board", de: "Zum Board springen", fr: "Aller au tableau" }
    DESIGN { en: "Design", de: "Entwurf", fr: "Architecture" }
    TOOLBAR { en: "Board actions", de: "Board-Aktionen", fr: "Actions du tableau" }
    PATTERN_MENU { en: "Start from a pattern", de: "Mit einem Muster beginnen", fr: "Partir d’un modèle" }
    PATTERNS { en: "Patterns…", de: "Muster…", fr: "Modèles…" }
    NEW { en: "New", de: "Neu", fr: "Nouveau" }
    NEW_HINT {
        en: "Start an empty board (undoable)",
        de: "Mit einem leeren Board beginnen (rückgängig machbar)",
        fr: "Commencer un tableau vide (annulable)",
    }
    UNDO { en: "Undo", de: "Rückgängig", fr: "Annuler" }
    UNDO_HINT { en: "Undo (Ctrl+Z)", de: "Rückgängig (Strg+Z)", fr: "Annuler (Ctrl+Z)" }
    REDO { en: "Redo", de: "Wiederholen", fr: "Rétablir" }
    REDO_HINT {
        en: "Redo (Ctrl+Shift+Z)",
        de: "Wiederholen (Strg+Umschalt+Z)",
        fr: "Rétablir (Ctrl+Maj+Z)",
    }
    THEME_HINT {
        en: "Switch between system, light and dark colours",
        de: "Zwischen Systemfarben, hell und dunkel wechseln",
        fr: "Basculer entre les couleurs du système, claires et sombres",
    }
    // The spoken name holds the shown word (axe: label-content-name-mismatch).
    THEME_AUTO_NAME {
        en: "Theme: Auto (follows the system)",
        de: "Farbschema: Auto (wie das System)",
        fr: "Thème : Auto (suit le système)",
    }
    THEME_LIGHT_NAME { en: "Theme: Light", de: "Farbschema: Hell", fr: "Thème : Clair" }
    THEME_DARK_NAME { en: "Theme: Dark", de: "Farbschema: Dunkel", fr: "Thème : Sombre" }
    THEME_AUTO { en: "◐ Auto", de: "◐ Auto", fr: "◐ Auto" }
    THEME_LIGHT { en: "☀ Light", de: "☀ Hell", fr: "☀ Clair" }
    THEME_DARK { en: "☾ Dark", de: "☾ Dunkel", fr: "☾ Sombre" }
    LANGUAGE { en: "Language", de: "Sprache", fr: "Langue" }
    LANGUAGE_HINT {
        en: "Language of the interface (the generated documentation keeps its own, in the design's settings)",
        de: "Sprache der Oberfläche (die generierte Dokumentation behält ihre eigene, in den Einstellungen des Entwurfs)",
        fr: "Langue de l’interface (la documentation générée garde la sienne, dans les réglages de l’architecture)",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

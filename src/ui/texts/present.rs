//! The presentation's words: the floating bar (Exit, Fit, zoom, "Open as my board") and the
//! toolbar's Present button.

crate::texts! {
    PRESENTATION { en: "Presentation", de: "Präsentation", fr: "Présentation" }
    SHARED_READ_ONLY { en: "Shared · read-only", de: "Geteilt · schreibgeschützt", fr: "Partagé · lecture seule" }
    OPEN_AS_MY_BOARD { en: "Open as my board", de: "Als mein Board öffnen", fr: "Ouvrir comme mon tableau" }
    OPEN_AS_MY_BOARD_HINT {
        en: "Keep your board in Recent designs and open this one to edit (undoable)",
        de: "Ihr Board bleibt unter „Letzte Entwürfe“; dieses wird zum Bearbeiten geöffnet (rückgängig machbar)",
        fr: "Garder votre tableau dans les architectures récentes et ouvrir celle-ci pour la modifier (annulable)",
    }
    ZOOM_OUT { en: "Zoom out", de: "Verkleinern", fr: "Zoom arrière" }
    ZOOM_OUT_HINT { en: "Zoom out (-)", de: "Verkleinern (-)", fr: "Zoom arrière (-)" }
    FIT_TO_SCREEN { en: "Fit to screen", de: "An Bildschirm anpassen", fr: "Ajuster à l'écran" }
    FIT_HINT { en: "Fit (0 or F)", de: "Einpassen (0 oder F)", fr: "Ajuster (0 ou F)" }
    FIT { en: "Fit", de: "Einpassen", fr: "Ajuster" }
    ZOOM_IN { en: "Zoom in", de: "Vergrößern", fr: "Zoom avant" }
    ZOOM_IN_HINT { en: "Zoom in (+)", de: "Vergrößern (+)", fr: "Zoom avant (+)" }
    BACK_TO_MY_BOARD { en: "Back to my board", de: "Zurück zu meinem Board", fr: "Retour à mon tableau" }
    EXIT_PRESENTATION { en: "Exit presentation", de: "Präsentation beenden", fr: "Quitter la présentation" }
    EXIT_SHORT { en: "✕ Exit", de: "✕ Beenden", fr: "✕ Quitter" }
    BACK_SHORT { en: "✕ Back to my board", de: "✕ Zurück zu meinem Board", fr: "✕ Retour à mon tableau" }
    PRESENT { en: "Present", de: "Präsentieren", fr: "Présenter" }
    PRESENT_HINT {
        en: "Present the board full screen, read-only (Esc leaves)",
        de: "Board im Vollbild präsentieren, schreibgeschützt (Esc beendet)",
        fr: "Présenter le tableau en plein écran, en lecture seule (Échap pour quitter)",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

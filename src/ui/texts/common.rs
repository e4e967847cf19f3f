//! Words several areas share: the buttons every dialog and banner has. (The tier names are the
//! model's, `Tier::name`.)

crate::texts! {
    CLOSE { en: "Close", de: "Schließen", fr: "Fermer" }
    DISMISS { en: "Dismiss", de: "Ausblenden", fr: "Masquer" }
    OPEN { en: "Open", de: "Öffnen", fr: "Ouvrir" }
    DELETE { en: "Delete", de: "Löschen", fr: "Supprimer" }
    // A part of the interface fetched when first shown (ui::on_demand).
    LOADING_PART { en: "Loading…", de: "Wird geladen …", fr: "Chargement…" }
    PART_FAILED {
        en: "This part could not be loaded. Check the connection and try again; the board is unaffected.",
        de: "Dieser Teil konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut; das Board bleibt unverändert.",
        fr: "Cette partie n'a pas pu être chargée. Vérifiez la connexion et réessayez ; le tableau n'est pas touché.",
    }
    // The same, as the {why} of a message that says what could not be done ("Could not paste:
    // {why}."): a clause, no sentence of its own.
    PART_UNAVAILABLE {
        en: "a part of Tierboard could not be loaded (check the connection)",
        de: "ein Teil von Tierboard konnte nicht geladen werden (Verbindung prüfen)",
        fr: "une partie de Tierboard n'a pas pu être chargée (vérifiez la connexion)",
    }
    TRY_AGAIN { en: "Try again", de: "Erneut versuchen", fr: "Réessayer" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Tier;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn english_tier_names_are_the_models_labels() {
        for t in Tier::ALL {
            assert_eq!(t.name().get(Lang::En), t.label());
        }
        assert_eq!(Tier::Data.name().get(Lang::De), "Daten");
        assert_eq!(Tier::Data.name().get(Lang::Fr), "Données");
    }
}

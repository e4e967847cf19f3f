//! Why an edit was refused (`EditError`), in English, German and French: shown beside the field
//! or in the banner when the core refuses a change the interface let through.

crate::texts! {
    NO_SUCH_SERVICE { en: "no service {id}", de: "kein Service {id}", fr: "aucun service {id}" }
    UNKNOWN_KIND { en: "unknown service kind {kind}", de: "unbekannte Service-Art {kind}", fr: "type de service inconnu {kind}" }
    UNKNOWN_PATTERN { en: "unknown pattern {pattern}", de: "unbekanntes Muster {pattern}", fr: "modèle inconnu {pattern}" }
    SELF_LINK {
        en: "a service cannot depend on itself",
        de: "ein Service kann nicht von sich selbst abhängen",
        fr: "un service ne peut pas dépendre de lui-même",
    }
    DUPLICATE_LINK {
        en: "these services are already connected",
        de: "diese Services sind bereits verbunden",
        fr: "ces services sont déjà reliés",
    }
    NO_SUCH_LINK { en: "no such link", de: "diese Verbindung gibt es nicht", fr: "ce lien n'existe pas" }
    NOT_A_PERMUTATION {
        en: "a new order must name every service exactly once",
        de: "eine neue Reihenfolge muss jeden Service genau einmal nennen",
        fr: "un nouvel ordre doit nommer chaque service exactement une fois",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_edit_text_is_well_formed_and_translated() {
        crate::i18n::assert_well_formed(super::ALL);
        crate::i18n::assert_translated(super::ALL, &[]);
    }
}

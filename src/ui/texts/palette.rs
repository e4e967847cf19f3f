//! The palette's chrome. Kind names and summaries come from the catalog (translated there).

crate::texts! {
    CATALOG { en: "Service catalog", de: "Service-Katalog", fr: "Catalogue de services" }
    SEARCH_PLACEHOLDER { en: "Search services", de: "Services suchen", fr: "Rechercher" }
    SEARCH { en: "Search the catalog", de: "Katalog durchsuchen", fr: "Chercher dans le catalogue" }
    HINT {
        en: "Drag into a tier, or press Enter to add. Press ? for shortcuts.",
        de: "In eine Schicht ziehen oder mit Enter hinzufügen. ? zeigt die Tastenkürzel.",
        fr: "Glissez dans un tier ou appuyez sur Entrée pour ajouter. ? affiche les raccourcis.",
    }
    NO_MATCH { en: "No service matches.", de: "Kein Service passt.", fr: "Aucun service ne correspond." }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

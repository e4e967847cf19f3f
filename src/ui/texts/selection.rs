//! What copy, cut, paste and duplicate report in the banner.

crate::texts! {
    COPIED_ONE { en: "Copied 1 service.", de: "1 Service kopiert.", fr: "1 service copié." }
    COPIED_N {
        en: "Copied {n} services with the links among them.",
        de: "{n} Services samt ihren Verbindungen kopiert.",
        fr: "{n} services copiés avec les liens qui les relient.",
    }
    NOTHING_TO_PASTE {
        en: "The clipboard holds nothing to paste.",
        de: "Die Zwischenablage enthält nichts zum Einfügen.",
        fr: "Le presse-papiers ne contient rien à coller.",
    }
    PASTE_FAILED { en: "Could not paste: {why}.", de: "Einfügen nicht möglich: {why}.", fr: "Collage impossible : {why}." }
    COPY_FAILED { en: "Could not copy: {why}.", de: "Kopieren nicht möglich: {why}.", fr: "Copie impossible : {why}." }
    PASTED_LINK_FAILED {
        en: "Could not open the pasted link: {why}.",
        de: "Der eingefügte Link ließ sich nicht öffnen: {why}.",
        fr: "Impossible d'ouvrir le lien collé : {why}.",
    }
    PASTED_COMPOSE_FAILED {
        en: "Could not import the pasted compose file: {why}.",
        de: "Die eingefügte Compose-Datei ließ sich nicht importieren: {why}.",
        fr: "Impossible d'importer le fichier Compose collé : {why}.",
    }
    NOTHING_KNOWN_TO_PASTE {
        en: "The clipboard holds no services, share link or compose file to paste.",
        de: "Die Zwischenablage enthält keine Services, keinen Freigabelink und keine Compose-Datei zum Einfügen.",
        fr: "Le presse-papiers ne contient ni services, ni lien de partage, ni fichier Compose à coller.",
    }
    PASTED_ONE { en: "Pasted 1 service.", de: "1 Service eingefügt.", fr: "1 service collé." }
    PASTED_N { en: "Pasted {n} services.", de: "{n} Services eingefügt.", fr: "{n} services collés." }
    PASTED_NOTHING { en: "Pasted nothing: {why}.", de: "Nichts eingefügt: {why}.", fr: "Rien n'a été collé : {why}." }
    DUPLICATED_ONE { en: "Duplicated 1 service.", de: "1 Service dupliziert.", fr: "1 service dupliqué." }
    DUPLICATED_N { en: "Duplicated {n} services.", de: "{n} Services dupliziert.", fr: "{n} services dupliqués." }
    DUPLICATED_NOTHING {
        en: "Duplicated nothing: {why}.",
        de: "Nichts dupliziert: {why}.",
        fr: "Rien n'a été dupliqué : {why}.",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

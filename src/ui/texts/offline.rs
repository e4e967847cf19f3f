//! The words of the offline shell: the "new version" notice and the file drop target
//! (`update_notice`, `file_drop`). The drop refusals are the core's (`share::dropped::texts`).

crate::texts! {
    UPDATE_READY {
        en: "A new version of Tierboard is ready. Reload to use it: your board is kept.",
        de: "Eine neue Version von Tierboard ist bereit. Neu laden, um sie zu verwenden: dein Board bleibt erhalten.",
        fr: "Une nouvelle version de Tierboard est prête. Rechargez pour l’utiliser : votre tableau est conservé.",
    }
    RELOAD {
        en: "Reload",
        de: "Neu laden",
        fr: "Recharger",
    }
    LATER {
        en: "Later",
        de: "Später",
        fr: "Plus tard",
    }
    DROP_HINT {
        en: "Drop compose files to import them, or a design file or exported SVG to open it",
        de: "Compose-Dateien hier ablegen, um sie zu importieren, oder eine Entwurfsdatei bzw. ein exportiertes SVG, um es zu öffnen",
        fr: "Déposez des fichiers Compose pour les importer, ou un fichier d’architecture ou un SVG exporté pour l’ouvrir",
    }
    DROPPED_TITLE {
        en: "Imported compose files",
        de: "Importierte Compose-Dateien",
        fr: "Fichiers Compose importés",
    }
    COULD_NOT_OPEN {
        en: "Could not open {name}: {why}. Your design was kept.",
        de: "{name} ließ sich nicht öffnen: {why}. Dein Entwurf bleibt erhalten.",
        fr: "Impossible d’ouvrir {name} : {why}. Votre architecture est conservée.",
    }
    FILES_NOT_READ {
        en: "The dropped files could not be read: this part of Tierboard could not be loaded. Check the connection and drop them again; your design was kept.",
        de: "Die abgelegten Dateien konnten nicht gelesen werden: Dieser Teil von Tierboard ließ sich nicht laden. Prüfe die Verbindung und lege sie erneut ab; dein Entwurf bleibt erhalten.",
        fr: "Les fichiers déposés n’ont pas pu être lus : cette partie de Tierboard n’a pas pu être chargée. Vérifiez la connexion et déposez-les à nouveau ; votre architecture est conservée.",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

//! The toolbar's dialogs (Share, Import, Export), the zip download, design files, recent designs
//! and the messages of opening a design from outside.
//!
//! Where a design came from (`SOURCE_*`) is written to fit the sentences that name it: English
//! "from a {source}" takes the bare noun, German "aus {source}" the dative with its article,
//! French "depuis {source}" the noun with its article.

use crate::i18n::Text;

crate::texts! {
    // Download zip.
    DOWNLOAD_ZIP { en: "Download zip", de: "Zip herunterladen", fr: "Télécharger le zip" }
    ZIP_FAILED { en: "Could not build the zip: {why}", de: "Das Zip ließ sich nicht erstellen: {why}", fr: "Impossible de créer le zip : {why}" }
    ZIP_DONE {
        en: "Downloaded {file}: {n} files, {kb} KB.",
        de: "{file} heruntergeladen: {n} Dateien, {kb} KB.",
        fr: "{file} téléchargé : {n} fichiers, {kb} Ko.",
    }
    // Export.
    EXPORT { en: "Export", de: "Exportieren", fr: "Exporter" }
    EXPORT_TITLE { en: "Export a picture or text", de: "Bild oder Text exportieren", fr: "Exporter une image ou du texte" }
    PICTURE { en: "Picture", de: "Bild", fr: "Image" }
    COLOURS { en: "Colours", de: "Farben", fr: "Couleurs" }
    LIGHT { en: "Light", de: "Hell", fr: "Clair" }
    DARK { en: "Dark", de: "Dunkel", fr: "Sombre" }
    DOWNLOAD_SVG { en: "Download SVG", de: "SVG herunterladen", fr: "Télécharger le SVG" }
    DOWNLOAD_PNG { en: "Download PNG (2×)", de: "PNG herunterladen (2×)", fr: "Télécharger le PNG (2×)" }
    COPY_IMAGE { en: "Copy image", de: "Bild kopieren", fr: "Copier l’image" }
    SVG_HINT {
        en: "The SVG carries the design: open it in Tierboard to get the board back.",
        de: "Das SVG enthält den Entwurf: in Tierboard geöffnet, ist das Board wieder da.",
        fr: "Le SVG contient l’architecture : ouvrez-le dans Tierboard pour retrouver le tableau.",
    }
    MERMAID { en: "Mermaid", de: "Mermaid", fr: "Mermaid" }
    COPY_MERMAID { en: "Copy Mermaid", de: "Mermaid kopieren", fr: "Copier le Mermaid" }
    DOWNLOAD_MERMAID { en: "Download Mermaid (.mmd)", de: "Mermaid herunterladen (.mmd)", fr: "Télécharger le Mermaid (.mmd)" }
    MERMAID_HINT {
        en: "A flowchart for README files and wikis that render Mermaid.",
        de: "Ein Flussdiagramm für README-Dateien und Wikis, die Mermaid darstellen.",
        fr: "Un organigramme pour les README et les wikis qui affichent Mermaid.",
    }
    DOWNLOADED { en: "Downloaded {file}.", de: "{file} heruntergeladen.", fr: "{file} téléchargé." }
    DOWNLOADED_PNG {
        en: "Downloaded {file} ({w}×{h} pixels).",
        de: "{file} heruntergeladen ({w}×{h} Pixel).",
        fr: "{file} téléchargé ({w}×{h} pixels).",
    }
    PNG_FAILED { en: "Could not make the PNG: {why}.", de: "Das PNG ließ sich nicht erzeugen: {why}.", fr: "Impossible de produire le PNG : {why}." }
    IMAGE_COPIED {
        en: "Image copied: paste it into a slide or a chat.",
        de: "Bild kopiert: füge es in eine Folie oder einen Chat ein.",
        fr: "Image copiée : collez-la dans une diapositive ou un chat.",
    }
    IMAGE_COPY_FAILED {
        en: "Could not copy the image: {why}. Download the PNG instead.",
        de: "Das Bild ließ sich nicht kopieren: {why}. Lade stattdessen das PNG herunter.",
        fr: "Impossible de copier l’image : {why}. Téléchargez plutôt le PNG.",
    }
    IMAGE_FAILED { en: "Could not make the image: {why}.", de: "Das Bild ließ sich nicht erzeugen: {why}.", fr: "Impossible de produire l’image : {why}." }
    MERMAID_COPIED { en: "Mermaid text copied.", de: "Mermaid-Text kopiert.", fr: "Texte Mermaid copié." }
    MERMAID_COPY_FAILED {
        en: "Could not copy the Mermaid text: {why}. Download the .mmd file instead.",
        de: "Der Mermaid-Text ließ sich nicht kopieren: {why}. Lade stattdessen die .mmd-Datei herunter.",
        fr: "Impossible de copier le texte Mermaid : {why}. Téléchargez plutôt le fichier .mmd.",
    }
    // Import.
    IMPORT { en: "Import", de: "Importieren", fr: "Importer" }
    IMPORT_TITLE { en: "Import compose files", de: "Compose-Dateien importieren", fr: "Importer des fichiers Compose" }
    PASTED_YAML { en: "pasted YAML", de: "eingefügtes YAML", fr: "YAML collé" }
    PASTED_COMMANDS { en: "pasted commands", de: "eingefügte Befehle", fr: "commandes collées" }
    NOTHING_TO_IMPORT {
        en: "Paste compose YAML or choose files first.",
        de: "Füge zuerst Compose-YAML ein oder wähle Dateien.",
        fr: "Collez d’abord du YAML Compose ou choisissez des fichiers.",
    }
    COMPOSE_YAML { en: "Compose YAML", de: "Compose-YAML", fr: "YAML Compose" }
    CHOOSE_FILES { en: "Choose files", de: "Dateien wählen", fr: "Choisir des fichiers" }
    IMPORT_HINT {
        en: "Several files are merged in the order chosen (base first, then overrides), then the pasted YAML, as docker compose -f does. Pasted docker run commands (or a script holding them) become services too. The board is replaced; Undo brings it back.",
        de: "Mehrere Dateien werden in der gewählten Reihenfolge zusammengeführt (erst die Basis, dann die Overrides), danach das eingefügte YAML, wie bei docker compose -f. Eingefügte docker-run-Befehle (oder ein Skript, das sie enthält) werden ebenfalls zu Services. Das Board wird ersetzt; Rückgängig holt es zurück.",
        fr: "Plusieurs fichiers sont fusionnés dans l’ordre choisi (la base d’abord, puis les surcharges), puis le YAML collé, comme le fait docker compose -f. Des commandes docker run collées (ou un script qui les contient) deviennent aussi des services. Le tableau est remplacé ; Annuler le rétablit.",
    }
    LOAD_DESIGN { en: "Load design", de: "Entwurf laden", fr: "Charger l’architecture" }
    KEPT_VERBATIM { en: "Kept verbatim", de: "Unverändert übernommen", fr: "Repris tel quel" }
    IGNORED { en: "Ignored", de: "Ignoriert", fr: "Ignoré" }
    INFERRED { en: "Inferred", de: "Abgeleitet", fr: "Déduit" }
    CHANGED { en: "Changed", de: "Geändert", fr: "Modifié" }
    NOTICE_GROUP { en: "{title} ({n})", de: "{title} ({n})", fr: "{title} ({n})" }
    IMPORTED_ONE { en: "Imported 1 service.", de: "1 Service importiert.", fr: "1 service importé." }
    IMPORTED_N { en: "Imported {n} services.", de: "{n} Services importiert.", fr: "{n} services importés." }
    // Share.
    SHARE { en: "Share", de: "Teilen", fr: "Partager" }
    SHARE_TITLE { en: "Share this design", de: "Diesen Entwurf teilen", fr: "Partager cette architecture" }
    LINK { en: "Link", de: "Link", fr: "Lien" }
    LINK_HINT {
        en: "The whole design travels in the link itself (after the #): no server keeps a copy.",
        de: "Der ganze Entwurf steckt im Link selbst (nach dem #): kein Server behält eine Kopie.",
        fr: "Toute l’architecture voyage dans le lien lui-même (après le #) : aucun serveur n’en garde de copie.",
    }
    SHARE_LINK { en: "Share link", de: "Teilen-Link", fr: "Lien de partage" }
    COPY_LINK { en: "Copy link", de: "Link kopieren", fr: "Copier le lien" }
    COPY_VIEW_LINK { en: "Copy view link", de: "Ansichtslink kopieren", fr: "Copier le lien de consultation" }
    VIEW_LINK_HINT {
        en: "A read-only link: it opens as a presentation and never replaces the viewer's board",
        de: "Ein schreibgeschützter Link: er öffnet sich als Präsentation und ersetzt nie das Board des Empfängers",
        fr: "Un lien en lecture seule : il s’ouvre en présentation et ne remplace jamais le tableau de qui le reçoit",
    }
    VIEW_LINK_COPIED {
        en: "View link copied: it opens read-only, as a presentation.",
        de: "Ansichtslink kopiert: er öffnet sich schreibgeschützt, als Präsentation.",
        fr: "Lien de consultation copié : il s’ouvre en lecture seule, en présentation.",
    }
    VIEW_LINK_FAILED {
        en: "Could not copy the view link ({why}).",
        de: "Der Ansichtslink ließ sich nicht kopieren ({why}).",
        fr: "Impossible de copier le lien de consultation ({why}).",
    }
    LINK_COPIED { en: "Link copied.", de: "Link kopiert.", fr: "Lien copié." }
    COPY_BY_HAND {
        en: "Copy the selected link with Ctrl+C ({why}).",
        de: "Kopiere den markierten Link mit Strg+C ({why}).",
        fr: "Copiez le lien sélectionné avec Ctrl+C ({why}).",
    }
    CHARACTERS { en: "{n} characters", de: "{n} Zeichen", fr: "{n} caractères" }
    QR_CODE { en: "QR code of the share link", de: "QR-Code des Teilen-Links", fr: "QR code du lien de partage" }
    // Design files and links.
    FILES_AND_LINKS { en: "Design files and links", de: "Entwurfsdateien und Links", fr: "Fichiers d’architecture et liens" }
    EXPORT_FILE { en: "Export design file", de: "Entwurfsdatei exportieren", fr: "Exporter le fichier d’architecture" }
    OPEN_FILE { en: "Open design file", de: "Entwurfsdatei öffnen", fr: "Ouvrir un fichier d’architecture" }
    LINK_TO_OPEN { en: "Link to open", de: "Zu öffnender Link", fr: "Lien à ouvrir" }
    PASTE_LINK { en: "Paste a Tierboard link", de: "Tierboard-Link einfügen", fr: "Collez un lien Tierboard" }
    OPEN_LINK { en: "Open link", de: "Link öffnen", fr: "Ouvrir le lien" }
    OPEN_FAILED_KEPT {
        en: "Could not open the {source}: {why}. Your design was kept.",
        de: "Öffnen aus {source} fehlgeschlagen: {why}. Dein Entwurf bleibt erhalten.",
        fr: "Impossible d’ouvrir depuis {source} : {why}. Votre architecture est conservée.",
    }
    // Recent designs.
    /// A design the link reader would refuse (a value over the wire's 64 KiB).
    UNSHAREABLE {
        en: "This design cannot travel in a link ({why}). Save it as a design file instead.",
        de: "Dieser Entwurf passt nicht in einen Link ({why}). Speichere ihn stattdessen als Entwurfsdatei.",
        fr: "Cette architecture ne tient pas dans un lien ({why}). Enregistrez-la plutôt comme fichier d’architecture.",
    }
    RECENTS { en: "Recent designs", de: "Letzte Entwürfe", fr: "Architectures récentes" }
    RECENTS_DROPPED {
        en: "{n} entry(s) of this list could not be read and are left out.",
        de: "{n} Eintrag/Einträge dieser Liste ließen sich nicht lesen und werden ausgelassen.",
        fr: "{n} entrée(s) de cette liste étaient illisibles et sont laissées de côté.",
    }
    RECENTS_EMPTY {
        en: "Designs you put aside by opening another appear here.",
        de: "Entwürfe, die du durch das Öffnen eines anderen beiseitelegst, erscheinen hier.",
        fr: "Les architectures mises de côté en en ouvrant une autre apparaissent ici.",
    }
    OPEN_NAMED { en: "Open {name}", de: "{name} öffnen", fr: "Ouvrir {name}" }
    DELETE_NAMED { en: "Delete {name}", de: "{name} löschen", fr: "Supprimer {name}" }
    RECENT_OPEN_FAILED {
        en: "Could not open “{name}”: {why}",
        de: "„{name}“ ließ sich nicht öffnen: {why}",
        fr: "Impossible d’ouvrir « {name} » : {why}",
    }
    RECENT_DELETE_FAILED {
        en: "Could not delete “{name}”: {why}",
        de: "„{name}“ ließ sich nicht löschen: {why}",
        fr: "Impossible de supprimer « {name} » : {why}",
    }
    // Loading a design from outside.
    SAME_DESIGN {
        en: "This {source} holds the design already on the board.",
        de: "Der Entwurf aus {source} liegt schon auf dem Board.",
        fr: "Cette architecture, ouverte depuis {source}, est déjà sur le tableau.",
    }
    IN_RECENTS {
        en: "“{name}” is in Recent designs; Undo brings it back.",
        de: "„{name}“ liegt in den letzten Entwürfen; Rückgängig holt ihn zurück.",
        fr: "« {name} » est dans les architectures récentes ; Annuler la rétablit.",
    }
    NOT_IN_RECENTS {
        en: "Undo brings “{name}” back ({why}: it is not in Recent designs).",
        de: "Rückgängig holt „{name}“ zurück ({why}: er fehlt in den letzten Entwürfen).",
        fr: "Annuler rétablit « {name} » ({why} : elle n’est pas dans les architectures récentes).",
    }
    OPENED {
        en: "Opened “{name}” from a {source}. {previous}",
        de: "„{name}“ aus {source} geöffnet. {previous}",
        fr: "« {name} » ouverte depuis {source}. {previous}",
    }
    OPEN_FAILED {
        en: "Could not open the {source}: {why}",
        de: "Öffnen aus {source} fehlgeschlagen: {why}",
        fr: "Impossible d’ouvrir depuis {source} : {why}",
    }
    SHARED_LINK_FAILED {
        en: "Could not open the shared link: {why}. Your design was kept.",
        de: "Der geteilte Link ließ sich nicht öffnen: {why}. Dein Entwurf bleibt erhalten.",
        fr: "Impossible d’ouvrir le lien partagé : {why}. Votre architecture est conservée.",
    }
    // The link's reader is fetched on demand (ui::on_demand) and could not be.
    SHARED_LINK_UNREADABLE {
        en: "Could not open the shared link: this part of Tierboard could not be loaded. Check the connection and reload the page; your design was kept.",
        de: "Der geteilte Link ließ sich nicht öffnen: Dieser Teil von Tierboard konnte nicht geladen werden. Prüfe die Verbindung und lade die Seite neu; dein Entwurf bleibt erhalten.",
        fr: "Impossible d’ouvrir le lien partagé : cette partie de Tierboard n’a pas pu être chargée. Vérifiez la connexion et rechargez la page ; votre architecture est conservée.",
    }
    SOURCE_LINK { en: "link", de: "einem Link", fr: "un lien" }
    SOURCE_VIEW_LINK { en: "view link", de: "einem Ansichtslink", fr: "un lien de consultation" }
    SOURCE_PASTED_LINK { en: "pasted link", de: "einem eingefügten Link", fr: "un lien collé" }
    SOURCE_DESIGN_FILE { en: "design file", de: "einer Entwurfsdatei", fr: "un fichier d’architecture" }
    SOURCE_IMPORT { en: "compose import", de: "einem Compose-Import", fr: "un import Compose" }
    SOURCE_PASTED_COMPOSE { en: "pasted compose file", de: "einer eingefügten Compose-Datei", fr: "un fichier Compose collé" }
    SOURCE_RECENT { en: "recent design", de: "den letzten Entwürfen", fr: "les architectures récentes" }
    // Why the browser said no (the reasons inside the messages above).
    CLIPBOARD_UNAVAILABLE {
        en: "the clipboard is not available here",
        de: "die Zwischenablage ist hier nicht verfügbar",
        fr: "le presse-papiers n’est pas disponible ici",
    }
    CLIPBOARD_REFUSED {
        en: "the browser refused the clipboard",
        de: "der Browser hat die Zwischenablage verweigert",
        fr: "le navigateur a refusé le presse-papiers",
    }
    CLIPBOARD_PERMISSION {
        en: "the browser refused the clipboard (permission?)",
        de: "der Browser hat die Zwischenablage verweigert (Berechtigung?)",
        fr: "le navigateur a refusé le presse-papiers (autorisation ?)",
    }
    PNG_REFUSED {
        en: "the browser refused to encode the PNG",
        de: "der Browser hat das Kodieren des PNG verweigert",
        fr: "le navigateur a refusé d’encoder le PNG",
    }
    NO_IMAGE_CLIPBOARD {
        en: "this browser cannot copy images",
        de: "dieser Browser kann keine Bilder kopieren",
        fr: "ce navigateur ne sait pas copier d’images",
    }
    DOWNLOAD_REFUSED {
        en: "could not download {file}: the browser refused the file",
        de: "{file} ließ sich nicht herunterladen: der Browser hat die Datei verweigert",
        fr: "impossible de télécharger {file} : le navigateur a refusé le fichier",
    }
    FILE_TOO_LARGE { en: "{name}: larger than {kib} KiB", de: "{name}: größer als {kib} KiB", fr: "{name} : plus de {kib} Kio" }
    FILE_UNREADABLE { en: "{name}: could not be read", de: "{name}: ließ sich nicht lesen", fr: "{name} : illisible" }
    DRAWING_EMPTY { en: "the drawing has no size", de: "die Zeichnung hat keine Größe", fr: "le dessin n’a pas de taille" }
    NO_CANVAS {
        en: "no 2D canvas (too large for this browser?)",
        de: "kein 2D-Canvas (zu groß für diesen Browser?)",
        fr: "pas de canvas 2D (trop grand pour ce navigateur ?)",
    }
    SVG_NOT_DRAWN { en: "the browser could not draw the SVG", de: "der Browser konnte das SVG nicht zeichnen", fr: "le navigateur n’a pas pu dessiner le SVG" }
    SVG_NOT_READ { en: "the browser could not read the SVG", de: "der Browser konnte das SVG nicht lesen", fr: "le navigateur n’a pas pu lire le SVG" }
    PNG_NOT_ENCODED {
        en: "the browser could not encode the PNG (too large?)",
        de: "der Browser konnte das PNG nicht kodieren (zu groß?)",
        fr: "le navigateur n’a pas pu encoder le PNG (trop grand ?)",
    }
    // Storage of recent designs.
    NO_STORAGE { en: "this browser keeps no local storage here", de: "dieser Browser hat hier keinen lokalen Speicher", fr: "ce navigateur n’a pas de stockage local ici" }
    STORAGE_FULL { en: "the browser's storage is full", de: "der Speicher des Browsers ist voll", fr: "le stockage du navigateur est plein" }
}

/// Where a design came from, by the English word the callers of `load_design` pass ("link",
/// "pasted compose file"…). `None` for a word not listed here.
pub fn source(word: &str) -> Option<Text> {
    [
        SOURCE_LINK,
        SOURCE_VIEW_LINK,
        SOURCE_PASTED_LINK,
        SOURCE_DESIGN_FILE,
        SOURCE_IMPORT,
        SOURCE_PASTED_COMPOSE,
        SOURCE_RECENT,
    ]
    .into_iter()
    .find(|t| t.en == word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn sources_read_in_every_sentence() {
        let s = source("pasted link").unwrap();
        let fill = |lang| {
            OPENED.fill(
                lang,
                &[("name", "Shop"), ("source", s.get(lang)), ("previous", "")],
            )
        };
        assert_eq!(fill(Lang::En), "Opened “Shop” from a pasted link. ");
        assert_eq!(
            fill(Lang::De),
            "„Shop“ aus einem eingefügten Link geöffnet. "
        );
        assert_eq!(fill(Lang::Fr), "« Shop » ouverte depuis un lien collé. ");
        assert_eq!(source("carrier pigeon"), None);
    }
}

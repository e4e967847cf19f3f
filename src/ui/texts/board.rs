//! The board and what is drawn on it: lanes, cards and their badges, network bands, links, the
//! zoom controls, renaming; and the banner, the autosave warning and the read-only notices.

crate::texts! {
    BOARD { en: "Board", de: "Board", fr: "Tableau" }
    // Lanes.
    LANE { en: "{tier} tier", de: "Schicht {tier}", fr: "Tier {tier}" }
    ONE_SERVICE { en: "1 service", de: "1 Service", fr: "1 service" }
    N_SERVICES { en: "{n} services", de: "{n} Services", fr: "{n} services" }
    LANE_EMPTY {
        en: "No services in this tier yet. Drag one here from the catalog.",
        de: "Noch keine Services in dieser Schicht. Zieh einen aus dem Katalog hierher.",
        fr: "Aucun service dans ce tier pour l’instant. Glissez-en un depuis le catalogue.",
    }
    // Cards.
    REPLICAS { en: "{n} replicas in production", de: "{n} Replikas in Produktion", fr: "{n} réplicas en production" }
    HEALTH { en: "Has a healthcheck", de: "Hat einen Healthcheck", fr: "A un healthcheck" }
    NO_HEALTH_BADGE { en: "no health", de: "kein Health", fr: "sans health" }
    NO_HEALTH { en: "No healthcheck", de: "Kein Healthcheck", fr: "Pas de healthcheck" }
    PROFILE { en: "Runs only with profile {profile}", de: "Läuft nur mit dem Profil {profile}", fr: "Ne tourne qu’avec le profil {profile}" }
    GUEST { en: "Also joins the {network} network", de: "Auch im Netzwerk {network}", fr: "Rejoint aussi le réseau {network}" }
    EXPOSED { en: "Published on the host", de: "Auf dem Host veröffentlicht", fr: "Publié sur l’hôte" }
    FACTS { en: "Facts", de: "Eigenschaften", fr: "Caractéristiques" }
    CONNECT_HINT {
        en: "Drag to another service to connect",
        de: "Auf einen anderen Service ziehen, um zu verbinden",
        fr: "Glisser vers un autre service pour le relier",
    }
    CONNECT {
        en: "Connect {name} to another service",
        de: "{name} mit einem anderen Service verbinden",
        fr: "Relier {name} à un autre service",
    }
    SERVICE_NAME { en: "Service name", de: "Service-Name", fr: "Nom du service" }
    // Network bands.
    NETWORK_INTERNAL {
        en: "Network {name}: internal: no route to the outside",
        de: "Netzwerk {name}: intern, keine Route nach außen",
        fr: "Réseau {name} : interne, aucune route vers l’extérieur",
    }
    NETWORK_REACHABLE {
        en: "Network {name}: reachable from the outside through published ports",
        de: "Netzwerk {name}: von außen über veröffentlichte Ports erreichbar",
        fr: "Réseau {name} : joignable de l’extérieur par les ports publiés",
    }
    NETWORK_ONE_GUEST {
        en: "; 1 service of another tier joins it",
        de: "; 1 Service einer anderen Schicht ist beigetreten",
        fr: " ; 1 service d’un autre tier l’a rejoint",
    }
    NETWORK_GUESTS {
        en: "; {n} services of other tiers join it",
        de: "; {n} Services anderer Schichten sind beigetreten",
        fr: " ; {n} services d’autres tiers l’ont rejoint",
    }
    NET { en: "net: ", de: "Netz: ", fr: "réseau : " }
    INTERNAL { en: "internal", de: "intern", fr: "interne" }
    // Links.
    DEPENDS_ON {
        en: "{from} depends on {to} ({kind})",
        de: "{from} hängt von {to} ab ({kind})",
        fr: "{from} dépend de {to} ({kind})",
    }
    // Zoom controls.
    ZOOM { en: "Zoom", de: "Zoom", fr: "Zoom" }
    ZOOM_OUT { en: "Zoom out", de: "Verkleinern", fr: "Zoom arrière" }
    ZOOM_OUT_HINT { en: "Zoom out (-)", de: "Verkleinern (-)", fr: "Zoom arrière (-)" }
    ZOOM_IN { en: "Zoom in", de: "Vergrößern", fr: "Zoom avant" }
    ZOOM_IN_HINT { en: "Zoom in (+)", de: "Vergrößern (+)", fr: "Zoom avant (+)" }
    ZOOM_LEVEL {
        en: "Zoom {percent} %, reset to 100 %",
        de: "Zoom {percent} %, auf 100 % zurücksetzen",
        fr: "Zoom {percent} %, revenir à 100 %",
    }
    ZOOM_RESET { en: "Reset to 100 %", de: "Auf 100 % zurücksetzen", fr: "Revenir à 100 %" }
    FIT { en: "Fit", de: "Einpassen", fr: "Ajuster" }
    FIT_NAME { en: "Fit the board in view", de: "Board in die Ansicht einpassen", fr: "Ajuster le tableau à la vue" }
    FIT_HINT { en: "Fit (0)", de: "Einpassen (0)", fr: "Ajuster (0)" }
    TIDY { en: "Tidy", de: "Aufräumen", fr: "Ranger" }
    TIDY_NAME {
        en: "Tidy: reorder cards within their tiers to reduce crossing links",
        de: "Aufräumen: Karten innerhalb ihrer Schicht umordnen, damit sich weniger Verbindungen kreuzen",
        fr: "Ranger : réordonner les cartes dans leur tier pour réduire les liens qui se croisent",
    }
    TIDY_HINT { en: "Tidy (one undo step)", de: "Aufräumen (ein Rückgängig-Schritt)", fr: "Ranger (une seule étape d’annulation)" }
    ALREADY_TIDY {
        en: "The board is already tidy: no order has fewer crossings.",
        de: "Das Board ist schon aufgeräumt: keine Reihenfolge hat weniger Kreuzungen.",
        fr: "Le tableau est déjà rangé : aucun ordre n’a moins de croisements.",
    }
    // The side panel as a drawer on small screens.
    CLOSE_DETAILS { en: "Close details", de: "Details schließen", fr: "Fermer les détails" }
    // Banner and storage.
    UNREADABLE {
        en: "Your saved design could not be read ({reason}). Tierboard started a fresh board; the saved text is kept until you dismiss this.",
        de: "Der gespeicherte Entwurf ließ sich nicht lesen ({reason}). Tierboard hat ein leeres Board geöffnet; der gespeicherte Text bleibt erhalten, bis du diese Meldung ausblendest.",
        fr: "L’architecture enregistrée est illisible ({reason}). Tierboard a ouvert un tableau vide ; le texte enregistré est conservé jusqu’à ce que vous masquiez ce message.",
    }
    UNREADABLE_NOT_KEPT {
        en: "Your saved design could not be read ({reason}), and the browser's storage is too full to keep a copy: download the raw text now. Tierboard saves nothing over it until you download or dismiss it.",
        de: "Der gespeicherte Entwurf ließ sich nicht lesen ({reason}), und der Speicher des Browsers ist zu voll für eine Kopie: Lade den Rohtext jetzt herunter. Tierboard speichert nichts darüber, bis du ihn herunterlädst oder die Meldung ausblendest.",
        fr: "L’architecture enregistrée est illisible ({reason}) et le stockage du navigateur est trop plein pour en garder une copie : téléchargez le texte brut maintenant. Tierboard n’enregistre rien par-dessus tant que vous ne l’avez pas téléchargé ou masqué ce message.",
    }
    DOWNLOAD_RAW { en: "Download raw text", de: "Rohtext herunterladen", fr: "Télécharger le texte brut" }
    NO_STORAGE {
        en: "This browser does not let Tierboard save the design: download it before you close the tab.",
        de: "Dieser Browser lässt Tierboard den Entwurf nicht speichern: lade ihn herunter, bevor du den Tab schließt.",
        fr: "Ce navigateur n’autorise pas Tierboard à enregistrer l’architecture : téléchargez-la avant de fermer l’onglet.",
    }
    NOT_SAVED_PART {
        en: "Tierboard could not save this design: the part that writes it did not load. Check the connection; the next change tries again.",
        de: "Tierboard konnte diesen Entwurf nicht speichern: Der Teil, der ihn schreibt, wurde nicht geladen. Prüfe die Verbindung; die nächste Änderung versucht es erneut.",
        fr: "Tierboard n’a pas pu enregistrer cette architecture : la partie qui l’écrit ne s’est pas chargée. Vérifiez la connexion ; la prochaine modification réessaiera.",
    }
    SAVED_BOARD_UNAVAILABLE {
        en: "Your saved design could not be opened: the part of Tierboard that reads it did not load. It is kept as it is; check the connection and try again.",
        de: "Der gespeicherte Entwurf ließ sich nicht öffnen: Der Teil von Tierboard, der ihn liest, wurde nicht geladen. Er bleibt unverändert erhalten; prüfe die Verbindung und versuche es erneut.",
        fr: "L’architecture enregistrée n’a pas pu être ouverte : la partie de Tierboard qui la lit ne s’est pas chargée. Elle est conservée telle quelle ; vérifiez la connexion et réessayez.",
    }
    READ_ONLY_VIEW {
        en: "This shared design is read-only: “Open as my board” to edit it.",
        de: "Dieser geteilte Entwurf ist schreibgeschützt: „Als mein Board öffnen“, um ihn zu bearbeiten.",
        fr: "Cette architecture partagée est en lecture seule : « Ouvrir comme mon tableau » pour la modifier.",
    }
    READ_ONLY_PRESENTING {
        en: "The board is read-only while presenting: leave the presentation (Esc) to edit.",
        de: "Während der Präsentation ist das Board schreibgeschützt: Präsentation verlassen (Esc), um zu bearbeiten.",
        fr: "Le tableau est en lecture seule pendant la présentation : quittez-la (Échap) pour modifier.",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

//! The inspector's words: section titles, field labels, hints, placeholders, accessible names and
//! the reasons a field refuses an edit. Errors that come from the core (`EditError`, names,
//! environment keys) are the core's texts, not these.

use crate::i18n::Text;

/// A text written the same in every language (a compose value, an example path, a product
/// name), so a field's label and options are all `Text`.
pub const fn same(s: &'static str) -> Text {
    Text {
        en: s,
        de: s,
        fr: s,
    }
}

crate::texts! {
    // The inspector itself.
    EMPTY_HINT {
        en: "Select a service or a link to edit it. Drag from the catalog into a tier to add a service; drag a card's → handle onto another card to connect them.",
        de: "Wählen Sie einen Service oder eine Verbindung aus, um sie zu bearbeiten. Ziehen Sie einen Eintrag aus dem Katalog in eine Schicht, um einen Service hinzuzufügen; ziehen Sie den →-Griff einer Karte auf eine andere Karte, um beide zu verbinden.",
        fr: "Sélectionnez un service ou un lien pour le modifier. Glissez un élément du catalogue dans un tier pour ajouter un service ; glissez la poignée → d'une carte sur une autre carte pour les relier.",
    }
    SERVICE_SETTINGS { en: "Service settings", de: "Service-Einstellungen", fr: "Réglages du service" }
    REMOVE_SERVICE { en: "Remove service", de: "Service entfernen", fr: "Supprimer le service" }
    SERVICE_GONE {
        en: "this service no longer exists",
        de: "dieser Service existiert nicht mehr",
        fr: "ce service n'existe plus",
    }

    // Field parsing (field.rs).
    NUMBER_REQUIRED { en: "a number is required", de: "eine Zahl ist erforderlich", fr: "un nombre est requis" }
    NOT_WHOLE_NUMBER {
        en: "{text} is not a whole number",
        de: "{text} ist keine ganze Zahl",
        fr: "{text} n'est pas un nombre entier",
    }
    NOT_A_PORT {
        en: "{n} is not a port (1–65535)",
        de: "{n} ist kein Port (1–65535)",
        fr: "{n} n'est pas un port (1–65535)",
    }

    // Service (identity.rs).
    SERVICE { en: "Service", de: "Service", fr: "Service" }
    NAME { en: "Name", de: "Name", fr: "Nom" }
    KIND_IS { en: "Kind: ", de: "Typ: ", fr: "Type : " }
    TIER { en: "Tier", de: "Schicht", fr: "Tier" }
    IMAGE { en: "Image", de: "Image", fr: "Image" }
    IMAGE_EXAMPLE { en: "e.g. postgres", de: "z. B. postgres", fr: "p. ex. postgres" }
    TAG { en: "Tag", de: "Tag", fr: "Tag" }
    TAG_EXAMPLE {
        en: "e.g. 16-alpine (never latest)",
        de: "z. B. 16-alpine (nie latest)",
        fr: "p. ex. 16-alpine (jamais latest)",
    }
    BUILD { en: "Build", de: "Build", fr: "Build" }
    NOT_BUILT_HERE { en: "— not built here —", de: "— nicht hier gebaut —", fr: "— pas construit ici —" }
    STATIC_SITE { en: "Static site", de: "Statische Website", fr: "Site statique" }
    BUILD_CONTEXT { en: "Build context", de: "Build-Kontext", fr: "Contexte de build" }
    BUILD_CONTEXT_EXAMPLE {
        en: "docker/<service> (generated)",
        de: "docker/<service> (generiert)",
        fr: "docker/<service> (généré)",
    }
    IMAGE_FIRST {
        en: "set the image name first",
        de: "zuerst den Image-Namen angeben",
        fr: "indiquez d'abord le nom de l'image",
    }
    BUILD_LANGUAGE_FIRST {
        en: "choose a build language first",
        de: "zuerst eine Build-Sprache wählen",
        fr: "choisissez d'abord un langage de build",
    }
    UNKNOWN_TIER { en: "unknown tier {value}", de: "unbekannte Schicht {value}", fr: "tier inconnu {value}" }

    // Build (build.rs).
    BUILD_TARGET { en: "Build target (stage)", de: "Build-Ziel (Stage)", fr: "Cible de build (stage)" }
    LAST_STAGE { en: "last stage", de: "letzte Stage", fr: "dernière stage" }
    BUILD_ARGS {
        en: "Build arguments (KEY=VALUE per line)",
        de: "Build-Argumente (KEY=VALUE pro Zeile)",
        fr: "Arguments de build (KEY=VALUE par ligne)",
    }
    NOT_KEY_VALUE { en: "{line} is not KEY=VALUE", de: "{line} ist nicht KEY=VALUE", fr: "{line} n'est pas KEY=VALUE" }
    KEY_WITHOUT_SPACES {
        en: "{line} needs a key without spaces",
        de: "{line} braucht einen Schlüssel ohne Leerzeichen",
        fr: "{line} demande une clé sans espace",
    }

    // Command (command.rs).
    COMMAND { en: "Command", de: "Befehl", fr: "Commande" }
    COMMAND_ARGS {
        en: "Command (one argument per line; empty = image default)",
        de: "Befehl (ein Argument pro Zeile; leer = Standard des Images)",
        fr: "Commande (un argument par ligne ; vide = celle de l'image)",
    }

    // Ports (ports.rs).
    PORTS { en: "Ports", de: "Ports", fr: "Ports" }
    CONTAINER_PORT { en: "Container port", de: "Container-Port", fr: "Port du conteneur" }
    PUBLISHED_ON_HOST { en: "Published on host", de: "Auf dem Host veröffentlicht", fr: "Publié sur l'hôte" }
    INTERNAL { en: "internal", de: "intern", fr: "interne" }
    HOST_INTERFACE { en: "Host interface", de: "Host-Schnittstelle", fr: "Interface de l'hôte" }
    PROTOCOL { en: "Protocol", de: "Protokoll", fr: "Protocole" }
    REMOVE_PORT { en: "Remove port", de: "Port entfernen", fr: "Supprimer le port" }
    ADD_PORT { en: "Add port", de: "Port hinzufügen", fr: "Ajouter un port" }
    PORT_GONE { en: "this port no longer exists", de: "dieser Port existiert nicht mehr", fr: "ce port n'existe plus" }
    NOT_A_HOST_PORT {
        en: "{value} is not a host port: a number (1–65535), a variable such as ${WEB_PORT:-8080}, * for a port Docker picks, or empty",
        de: "{value} ist kein Host-Port: eine Zahl (1–65535), eine Variable wie ${WEB_PORT:-8080}, * für einen von Docker gewählten Port oder leer",
        fr: "{value} n'est pas un port de l'hôte : un nombre (1–65535), une variable comme ${WEB_PORT:-8080}, * pour un port choisi par Docker, ou vide",
    }
    NOT_AN_IP {
        en: "{value} is not an IP address",
        de: "{value} ist keine IP-Adresse",
        fr: "{value} n'est pas une adresse IP",
    }
    UNKNOWN_PROTOCOL { en: "unknown protocol {value}", de: "unbekanntes Protokoll {value}", fr: "protocole inconnu {value}" }

    // Environment (environment.rs).
    ENVIRONMENT { en: "Environment", de: "Umgebung", fr: "Environnement" }
    KEY { en: "Key", de: "Schlüssel", fr: "Clé" }
    VALUE { en: "Value", de: "Wert", fr: "Valeur" }
    SET_IN_ENV_FILE { en: "set in .env", de: "in .env gesetzt", fr: "défini dans .env" }
    SECRET { en: "Secret", de: "Secret", fr: "Secret" }
    REMOVE_VARIABLE { en: "Remove variable", de: "Variable entfernen", fr: "Supprimer la variable" }
    ADD_VARIABLE { en: "Add variable", de: "Variable hinzufügen", fr: "Ajouter une variable" }
    VARIABLE_GONE {
        en: "this variable no longer exists",
        de: "diese Variable existiert nicht mehr",
        fr: "cette variable n'existe plus",
    }
    ALREADY_SET { en: "{key} is already set", de: "{key} ist bereits gesetzt", fr: "{key} est déjà défini" }

    // Volumes (volumes.rs).
    VOLUMES { en: "Volumes", de: "Volumes", fr: "Volumes" }
    NAMED_VOLUME { en: "Named volume", de: "Benanntes Volume", fr: "Volume nommé" }
    BIND_MOUNT { en: "Bind mount", de: "Bind Mount", fr: "Bind mount" }
    ANONYMOUS { en: "Anonymous", de: "Anonym", fr: "Anonyme" }
    MOUNT_KIND { en: "Kind", de: "Typ", fr: "Type" }
    SOURCE { en: "Source", de: "Quelle", fr: "Source" }
    SOURCE_HINT {
        en: "volume name or host path",
        de: "Volume-Name oder Host-Pfad",
        fr: "nom du volume ou chemin sur l'hôte",
    }
    TARGET { en: "Target", de: "Ziel", fr: "Cible" }
    TARGET_HINT { en: "/path/in/container", de: "/pfad/im/container", fr: "/chemin/dans/le/conteneur" }
    READ_ONLY { en: "Read-only", de: "Schreibgeschützt", fr: "Lecture seule" }
    REMOVE_VOLUME { en: "Remove volume", de: "Volume entfernen", fr: "Supprimer le volume" }
    ADD_VOLUME { en: "Add volume", de: "Volume hinzufügen", fr: "Ajouter un volume" }
    VOLUME_GONE { en: "this volume no longer exists", de: "dieses Volume existiert nicht mehr", fr: "ce volume n'existe plus" }
    UNKNOWN_VOLUME_KIND {
        en: "unknown volume kind {value}",
        de: "unbekannter Volume-Typ {value}",
        fr: "type de volume inconnu {value}",
    }

    // Replicas and resources (scaling.rs).
    REPLICAS { en: "Replicas", de: "Replikas", fr: "Réplicas" }
    AS_PROD { en: "as Prod", de: "wie Prod", fr: "comme Prod" }
    AT_LEAST_ONE_REPLICA { en: "at least 1 replica", de: "mindestens 1 Replika", fr: "au moins 1 réplica" }
    RESOURCES { en: "Resources", de: "Ressourcen", fr: "Ressources" }
    CPU_LIMIT { en: "CPU limit (millicores)", de: "CPU-Limit (Millicores)", fr: "Limite CPU (millicores)" }
    MEMORY_LIMIT { en: "Memory limit (MiB)", de: "RAM-Limit (MiB)", fr: "Limite mémoire (Mio)" }
    CPU_RESERVATION {
        en: "CPU reservation (millicores)",
        de: "CPU-Reservierung (Millicores)",
        fr: "Réservation CPU (millicores)",
    }
    MEMORY_RESERVATION {
        en: "Memory reservation (MiB)",
        de: "RAM-Reservierung (MiB)",
        fr: "Réservation mémoire (Mio)",
    }
    PROCESS_LIMIT { en: "Process limit", de: "Prozesslimit", fr: "Limite de processus" }
    NONE { en: "none", de: "keins", fr: "aucune" }

    // Autoscaling (autoscaling.rs).
    AUTOSCALING { en: "Autoscaling", de: "Autoscaling", fr: "Autoscaling" }
    AUTOSCALE_HPA {
        en: "Autoscale in Kubernetes (HPA)",
        de: "In Kubernetes automatisch skalieren (HPA)",
        fr: "Mise à l'échelle automatique dans Kubernetes (HPA)",
    }
    MIN_REPLICAS { en: "Minimum replicas", de: "Minimale Replikas", fr: "Réplicas minimum" }
    MAX_REPLICAS { en: "Maximum replicas", de: "Maximale Replikas", fr: "Réplicas maximum" }
    CPU_TARGET { en: "CPU target (%)", de: "CPU-Ziel (%)", fr: "Cible CPU (%)" }
    AUTOSCALING_FIRST {
        en: "turn autoscaling on first",
        de: "zuerst Autoscaling einschalten",
        fr: "activez d'abord l'autoscaling",
    }

    // Health and lifecycle (health.rs).
    HEALTH_AND_LIFECYCLE { en: "Health and lifecycle", de: "Health und Lebenszyklus", fr: "Santé et cycle de vie" }
    HEALTHCHECK { en: "Healthcheck", de: "Healthcheck", fr: "Healthcheck" }
    HEALTH_TEST {
        en: "Test (one argument per line)",
        de: "Test (ein Argument pro Zeile)",
        fr: "Test (un argument par ligne)",
    }
    HEALTH_TEST_FORMAT {
        en: "first line CMD or CMD-SHELL, then the command, one argument per line",
        de: "erste Zeile CMD oder CMD-SHELL, dann der Befehl, ein Argument pro Zeile",
        fr: "première ligne CMD ou CMD-SHELL, puis la commande, un argument par ligne",
    }
    HEALTHCHECK_FIRST {
        en: "turn the healthcheck on first",
        de: "zuerst den Healthcheck einschalten",
        fr: "activez d'abord le healthcheck",
    }
    INTERVAL { en: "Interval (s)", de: "Intervall (s)", fr: "Intervalle (s)" }
    TIMEOUT { en: "Timeout (s)", de: "Timeout (s)", fr: "Délai (s)" }
    RETRIES { en: "Retries", de: "Wiederholungen", fr: "Tentatives" }
    START_PERIOD { en: "Start period (s)", de: "Startphase (s)", fr: "Période de démarrage (s)" }
    RESTART { en: "Restart", de: "Neustart", fr: "Redémarrage" }
    UNKNOWN_RESTART {
        en: "unknown restart policy {value}",
        de: "unbekannte Neustart-Richtlinie {value}",
        fr: "politique de redémarrage inconnue {value}",
    }
    PROFILES { en: "Profiles", de: "Profile", fr: "Profils" }
    PROFILES_NONE { en: "none: always runs", de: "keine: läuft immer", fr: "aucun : tourne toujours" }

    // Hardening (hardening.rs).
    HARDENING { en: "Hardening", de: "Härtung", fr: "Durcissement" }
    USER { en: "User (uid:gid)", de: "Benutzer (uid:gid)", fr: "Utilisateur (uid:gid)" }
    IMAGE_DEFAULT { en: "image default", de: "Standard des Images", fr: "celui de l'image" }
    READ_ONLY_ROOT {
        en: "Read-only root file system",
        de: "Schreibgeschütztes Root-Dateisystem",
        fr: "Système de fichiers racine en lecture seule",
    }
    NO_NEW_PRIVILEGES { en: "No new privileges", de: "Keine neuen Privilegien", fr: "Aucun nouveau privilège" }
    DROP_ALL_CAPABILITIES {
        en: "Drop all capabilities",
        de: "Alle Capabilities entziehen",
        fr: "Retirer toutes les capabilities",
    }
    ADD_CAPABILITIES { en: "Add capabilities", de: "Capabilities hinzufügen", fr: "Ajouter des capabilities" }
    CAPABILITIES_EXAMPLE { en: "e.g. NET_BIND_SERVICE", de: "z. B. NET_BIND_SERVICE", fr: "p. ex. NET_BIND_SERVICE" }
    PRIVILEGED { en: "Privileged (avoid)", de: "Privilegiert (vermeiden)", fr: "Privilégié (à éviter)" }

    // Operations (operations.rs, design.rs).
    OPERATIONS { en: "Operations", de: "Betrieb", fr: "Exploitation" }
    BACKUP {
        en: "Back up this service (script + docs)",
        de: "Diesen Service sichern (Skript + Doku)",
        fr: "Sauvegarder ce service (script + docs)",
    }
    METRICS_PATH { en: "Metrics path", de: "Metrik-Pfad", fr: "Chemin des métriques" }
    METRICS_NONE { en: "none (e.g. /metrics)", de: "keiner (z. B. /metrics)", fr: "aucun (p. ex. /metrics)" }
    METRICS_SLASH {
        en: "a metrics path starts with /",
        de: "ein Metrik-Pfad beginnt mit /",
        fr: "un chemin de métriques commence par /",
    }

    // Depends on (depends.rs, dependency_picker.rs).
    DEPENDS_ON { en: "Depends on", de: "Hängt ab von", fr: "Dépend de" }
    SYNC_SHORT { en: "sync (HTTP/gRPC)", de: "synchron (HTTP/gRPC)", fr: "synchrone (HTTP/gRPC)" }
    ASYNC_SHORT { en: "async (queue)", de: "asynchron (Queue)", fr: "asynchrone (file)" }
    SWITCH_KIND {
        en: "Switch between sync and async",
        de: "Zwischen synchron und asynchron wechseln",
        fr: "Basculer entre synchrone et asynchrone",
    }
    REMOVE_DEPENDENCY {
        en: "Remove dependency on {name}",
        de: "Abhängigkeit von {name} entfernen",
        fr: "Supprimer la dépendance envers {name}",
    }
    ADD_DEPENDENCY_BUTTON { en: "Add dependency…", de: "Abhängigkeit hinzufügen…", fr: "Ajouter une dépendance…" }
    ADD_DEPENDENCY { en: "Add dependency", de: "Abhängigkeit hinzufügen", fr: "Ajouter une dépendance" }
    TYPE_SERVICE_NAME { en: "Type a service name", de: "Service-Namen eingeben", fr: "Saisissez un nom de service" }
    SERVICES { en: "Services", de: "Services", fr: "Services" }
    NO_OTHER_SERVICE {
        en: "No other service to depend on.",
        de: "Kein anderer Service, von dem er abhängen könnte.",
        fr: "Aucun autre service dont dépendre.",
    }

    // A selected link (link.rs).
    LINK_DEPENDS { en: "{from} depends on {to}.", de: "{from} hängt von {to} ab.", fr: "{from} dépend de {to}." }
    LINK_KIND { en: "Link kind", de: "Art der Verbindung", fr: "Type de lien" }
    SYNC_LONG { en: "Sync (HTTP/gRPC/SQL)", de: "Synchron (HTTP/gRPC/SQL)", fr: "Synchrone (HTTP/gRPC/SQL)" }
    ASYNC_LONG { en: "Async (queue)", de: "Asynchron (Queue)", fr: "Asynchrone (file d'attente)" }
    REMOVE_LINK { en: "Remove link", de: "Verbindung entfernen", fr: "Supprimer le lien" }

    // Design settings (design.rs).
    DESIGN_SETTINGS { en: "Design settings", de: "Entwurfseinstellungen", fr: "Réglages de l'architecture" }
    DESIGN { en: "Design", de: "Entwurf", fr: "Architecture" }
    DESIGN_NAME { en: "Design name", de: "Name des Entwurfs", fr: "Nom de l'architecture" }
    DESIGN_NEEDS_NAME { en: "the design needs a name", de: "der Entwurf braucht einen Namen", fr: "l'architecture a besoin d'un nom" }
    REGISTRY { en: "Registry for prod images", de: "Registry für Prod-Images", fr: "Registry des images de prod" }
    REGISTRY_NO_SPACES {
        en: "a registry has no spaces",
        de: "eine Registry enthält keine Leerzeichen",
        fr: "une registry ne contient pas d'espace",
    }
    SCAN_IMAGES { en: "Scan every image in CI", de: "Jedes Image in der CI scannen", fr: "Scanner chaque image en CI" }
    DOCUMENT_ROLLBACK { en: "Document rollback", de: "Rollback dokumentieren", fr: "Documenter le rollback" }
    HOT_RELOAD {
        en: "Hot reload in dev (bind mounts)",
        de: "Hot Reload in Dev (Bind Mounts)",
        fr: "Hot reload en dev (bind mounts)",
    }
    LOGGING { en: "Logging", de: "Logging", fr: "Journalisation" }
    LOGGING_LOCAL {
        en: "Local (json-file with rotation)",
        de: "Lokal (json-file mit Rotation)",
        fr: "Local (json-file avec rotation)",
    }
    LOGGING_CENTRAL { en: "Central collector", de: "Zentraler Collector", fr: "Collecteur central" }
    UNKNOWN_LOGGING {
        en: "unknown logging target {value}",
        de: "unbekanntes Logging-Ziel {value}",
        fr: "cible de journalisation inconnue {value}",
    }
    DEPLOY_TARGET {
        en: "Deploy (staging on main, production on release)",
        de: "Deployment (Staging bei main, Produktion beim Release)",
        fr: "Déploiement (staging sur main, production à la release)",
    }
    DEPLOY_NONE { en: "None (release images only)", de: "Keins (nur Release-Images)", fr: "Aucun (images de release seulement)" }
    DEPLOY_COMPOSE_SSH { en: "Compose over SSH", de: "Compose über SSH", fr: "Compose via SSH" }
    DEPLOY_HELM { en: "Helm (Kubernetes)", de: "Helm (Kubernetes)", fr: "Helm (Kubernetes)" }
    DEPLOY_SWARM { en: "Docker Swarm", de: "Docker Swarm", fr: "Docker Swarm" }
    UNKNOWN_DEPLOY {
        en: "unknown deploy target {value}",
        de: "unbekanntes Deployment-Ziel {value}",
        fr: "cible de déploiement inconnue {value}",
    }
    DOCS_LANGUAGE { en: "Documentation language", de: "Sprache der Dokumentation", fr: "Langue de la documentation" }
    UNKNOWN_LANGUAGE { en: "unknown language {value}", de: "unbekannte Sprache {value}", fr: "langue inconnue {value}" }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }

    #[test]
    fn same_words_are_written_alike_everywhere() {
        let tcp = super::same("TCP");
        assert_eq!((tcp.en, tcp.de, tcp.fr), ("TCP", "TCP", "TCP"));
        assert!(tcp.problems().is_empty());
    }
}

//! The model's words: why a name is refused and why a design is not valid, in English, German
//! and French. They reach people as a field's error in the inspector, as the reason a link,
//! a design file or a recent design does not open, and in `tierboard validate`. Quoted values
//! (`"api"`, `'!'`) are verbatim arguments, quoted as Rust quotes them in every language.

crate::texts! {
    // The tiers (seed 000 segments "Frontend/Backend/Data"; German says "Daten", French "Données").
    TIER_FRONTEND { en: "Frontend", de: "Frontend", fr: "Frontend" }
    TIER_BACKEND { en: "Backend", de: "Backend", fr: "Backend" }
    TIER_DATA { en: "Data", de: "Daten", fr: "Données" }

    // Names (`NameError`).
    NAME_EMPTY { en: "a name is required", de: "ein Name ist erforderlich", fr: "un nom est requis" }
    NAME_TOO_LONG { en: "at most {max} characters", de: "höchstens {max} Zeichen", fr: "{max} caractères au plus" }
    NAME_BAD_START {
        en: "must start with a letter or digit, not {char}",
        de: "muss mit einem Buchstaben oder einer Ziffer beginnen, nicht mit {char}",
        fr: "doit commencer par une lettre ou un chiffre, pas par {char}",
    }
    NAME_BAD_CHAR {
        en: "{char} is not allowed: use letters, digits, '_', '.' or '-'",
        de: "{char} ist nicht erlaubt: Buchstaben, Ziffern, '_', '.' oder '-' verwenden",
        fr: "{char} n'est pas autorisé : utilisez des lettres, des chiffres, '_', '.' ou '-'",
    }
    NAME_TAKEN {
        en: "another service is already named {name}",
        de: "ein anderer Service heißt bereits {name}",
        fr: "un autre service s'appelle déjà {name}",
    }
    NAME_CLASH {
        en: "{name} and {other} would generate into the same folder: make them differ in more than case, '.' and '-'",
        de: "{name} und {other} würden in denselben Ordner generiert: sie müssen sich in mehr als Groß-/Kleinschreibung, '.' und '-' unterscheiden",
        fr: "{name} et {other} seraient générés dans le même dossier : ils doivent différer par plus que la casse, '.' et '-'",
    }

    // Problems of a design (`validate`).
    IN_SERVICE { en: "service {service}: {problem}", de: "Service {service}: {problem}", fr: "service {service} : {problem}" }
    NEEDS_NAME { en: "the design needs a name", de: "der Entwurf braucht einen Namen", fr: "la conception doit avoir un nom" }
    TOO_MANY {
        en: "{count} {what} is more than the {max} a design may hold",
        de: "{count} {what} sind mehr als die {max}, die ein Entwurf haben darf",
        fr: "{count} {what}, c'est plus que les {max} qu'une conception peut contenir",
    }
    TOO_MANY_IN_SERVICE {
        en: "{count} {what} is more than the {max} a service may hold",
        de: "{count} {what} sind mehr als die {max}, die ein Service haben darf",
        fr: "{count} {what}, c'est plus que les {max} qu'un service peut contenir",
    }
    SERVICES { en: "services", de: "Services", fr: "services" }
    LINKS { en: "links", de: "Verbindungen", fr: "liens" }
    VARIABLES { en: "variables", de: "Variablen", fr: "variables" }
    LIST_ENTRIES {
        en: "list entries (ports, variables, mounts, links...)",
        de: "Listeneinträge (Ports, Variablen, Mounts, Verbindungen …)",
        fr: "entrées de liste (ports, variables, montages, liens…)",
    }
    PORTS { en: "ports", de: "Ports", fr: "ports" }
    ENVIRONMENT { en: "environment variables", de: "Umgebungsvariablen", fr: "variables d'environnement" }
    MOUNTS { en: "mounts", de: "Mounts", fr: "montages" }
    COMMAND_WORDS { en: "command words", de: "Befehlswörter", fr: "mots de commande" }
    PROFILES { en: "profiles", de: "Profile", fr: "profils" }
    BUILD_ARGS { en: "build arguments", de: "Build-Argumente", fr: "arguments de build" }
    HEALTHCHECK_WORDS { en: "healthcheck words", de: "Healthcheck-Wörter", fr: "mots du healthcheck" }
    NOT_A_VARIABLE { en: "{name} is not a variable name", de: "{name} ist kein Variablenname", fr: "{name} n'est pas un nom de variable" }
    MULTILINE_VALUE {
        en: "the value of variable {name} spans several lines",
        de: "der Wert der Variable {name} erstreckt sich über mehrere Zeilen",
        fr: "la valeur de la variable {name} tient sur plusieurs lignes",
    }
    INVALID_NAME { en: "invalid name: {why}", de: "ungültiger Name: {why}", fr: "nom invalide : {why}" }
    ID_TWICE { en: "id {id} is used twice", de: "die ID {id} wird zweimal verwendet", fr: "l'identifiant {id} est utilisé deux fois" }
    NAME_TWICE { en: "the name is used twice", de: "der Name wird zweimal verwendet", fr: "le nom est utilisé deux fois" }
    NEEDS_IMAGE_OR_BUILD {
        en: "needs an image or a build",
        de: "braucht ein Image oder einen Build",
        fr: "a besoin d'une image ou d'un build",
    }
    INVALID_IMAGE { en: "invalid image name {image}", de: "ungültiger Image-Name {image}", fr: "nom d'image invalide {image}" }
    ENV_KEY_INVALID {
        en: "environment key {key}: {why}",
        de: "Umgebungsvariable {key}: {why}",
        fr: "variable d'environnement {key} : {why}",
    }
    ENV_KEY_TWICE {
        en: "environment key {key} is set twice",
        de: "die Umgebungsvariable {key} ist zweimal gesetzt",
        fr: "la variable d'environnement {key} est définie deux fois",
    }
    PORT_VARIABLE_INVALID {
        en: "the host port variable {name} of port {container}: {why}",
        de: "die Host-Port-Variable {name} von Port {container}: {why}",
        fr: "la variable du port de l'hôte {name} du port {container} : {why}",
    }
    PORT_RANDOM_AND_FIXED {
        en: "port {container} is published both on a host port Docker picks and on a given one",
        de: "Port {container} wird sowohl auf einem von Docker gewählten als auch auf einem festgelegten Host-Port veröffentlicht",
        fr: "le port {container} est publié à la fois sur un port de l'hôte choisi par Docker et sur un port donné",
    }
    PORT_ZERO { en: "port 0 is not a port", de: "Port 0 ist kein Port", fr: "le port 0 n'est pas un port" }
    MOUNTED_TWICE { en: "{target} is mounted twice", de: "{target} ist zweimal gemountet", fr: "{target} est monté deux fois" }
    TARGET_NOT_ABSOLUTE {
        en: "mount target {target} must be an absolute path",
        de: "das Mount-Ziel {target} muss ein absoluter Pfad sein",
        fr: "la cible de montage {target} doit être un chemin absolu",
    }
    VOLUME_NAME {
        en: "volume name {name} must match [a-zA-Z0-9][a-zA-Z0-9_.-]*",
        de: "der Volume-Name {name} muss [a-zA-Z0-9][a-zA-Z0-9_.-]* entsprechen",
        fr: "le nom de volume {name} doit correspondre à [a-zA-Z0-9][a-zA-Z0-9_.-]*",
    }
    BIND_NEEDS_SOURCE {
        en: "bind mount to {target} needs a host path",
        de: "der Bind-Mount nach {target} braucht einen Host-Pfad",
        fr: "le montage bind vers {target} a besoin d'un chemin sur l'hôte",
    }
    TOO_MANY_REPLICAS {
        en: "at most 100 replicas per environment",
        de: "höchstens 100 Replikate pro Umgebung",
        fr: "100 réplicas au plus par environnement",
    }
    BAD_AUTOSCALING {
        en: "autoscaling needs 1 <= min <= max and a CPU target of 1-100 %",
        de: "Autoscaling braucht 1 <= min <= max und ein CPU-Ziel von 1-100 %",
        fr: "l'autoscaling exige 1 <= min <= max et une cible CPU de 1 à 100 %",
    }
    INVALID_PROFILE { en: "invalid profile name {name}", de: "ungültiger Profilname {name}", fr: "nom de profil invalide {name}" }
    LINKS_ITSELF { en: "links to itself", de: "ist mit sich selbst verbunden", fr: "est relié à lui-même" }
    LINKS_TWICE { en: "links to {other} twice", de: "ist zweimal mit {other} verbunden", fr: "est relié deux fois à {other}" }
    LINK_MISSING {
        en: "link {from} -> {to} refers to a missing service",
        de: "die Verbindung {from} -> {to} verweist auf einen fehlenden Service",
        fr: "le lien {from} -> {to} renvoie à un service absent",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_model_text_is_well_formed_and_translated() {
        crate::i18n::assert_well_formed(super::ALL);
        crate::i18n::assert_translated(
            super::ALL,
            &["Frontend", "Backend", "services", "variables", "ports"],
        );
    }
}

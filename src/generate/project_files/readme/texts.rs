//! The words of the generated project's `README.md` in every language. File names, commands and
//! the stub's modes stay outside these texts.

crate::texts! {
    INTRO {
        en: "Containerised with Tierboard: {n} services on three tiers (frontend, backend, data). Architecture, commands and runbooks: [docs/docker-operations.md](docs/docker-operations.md).",
        de: "Mit Tierboard containerisiert: {n} Services auf drei Tiers (Frontend, Backend, Data). Architektur, Befehle und Runbooks: [docs/docker-operations.md](docs/docker-operations.md).",
        fr: "Conteneurisé avec Tierboard : {n} services sur trois tiers (frontend, backend, data). Architecture, commandes et runbooks : [docs/docker-operations.md](docs/docker-operations.md).",
    }
    DIAGRAM_ALT {
        en: "Architecture diagram",
        de: "Architekturdiagramm",
        fr: "Schéma d'architecture",
    }
    CHANGE {
        en: "To change the design, open {file} (or {svg}) in Tierboard, edit the board and generate again.",
        de: "Um das Design zu ändern, {file} (oder {svg}) in Tierboard öffnen, das Board bearbeiten und neu generieren.",
        fr: "Pour changer le design, ouvrir {file} (ou {svg}) dans Tierboard, modifier le board et générer à nouveau.",
    }
    H_QUICK_START { en: "Quick start", de: "Schnellstart", fr: "Démarrage rapide" }
    REQUIREMENTS {
        en: "Requirements: Docker Engine 24+ with the Compose plugin (v2.24+).",
        de: "Voraussetzungen: Docker Engine 24+ mit dem Compose-Plugin (v2.24+).",
        fr: "Prérequis : Docker Engine 24+ avec le plugin Compose (v2.24+).",
    }
    CP_ENV_COMMENT {
        en: "# then replace every <SET_IN_ENV> with a real value",
        de: "# dann jedes <SET_IN_ENV> durch einen echten Wert ersetzen",
        fr: "# puis remplacer chaque <SET_IN_ENV> par une vraie valeur",
    }
    THEN_OPEN { en: "Then open:", de: "Danach öffnen:", fr: "Puis ouvrir :" }
    H_FILES { en: "Files", de: "Dateien", fr: "Fichiers" }
    FILES_HEADER {
        en: "| Path | What |",
        de: "| Pfad | Inhalt |",
        fr: "| Chemin | Contenu |",
    }
    F_BASE {
        en: "Common base: services, networks per tier, volumes, healthchecks, limits",
        de: "Gemeinsame Basis: Services, Netzwerke pro Tier, Volumes, Healthchecks, Limits",
        fr: "Base commune : services, réseaux par tier, volumes, healthchecks, limites",
    }
    F_OVERRIDE {
        en: "Development, loaded automatically: `development` build stages, hot reload",
        de: "Entwicklung, automatisch geladen: Build-Stages `development`, Hot Reload",
        fr: "Développement, chargé automatiquement : stages de build `development`, hot reload",
    }
    F_PROD {
        en: "Production: registry images, replicas, secrets from files",
        de: "Produktion: Images aus der Registry, Replicas, Secrets aus Dateien",
        fr: "Production : images de la registry, réplicas, secrets depuis des fichiers",
    }
    F_CI {
        en: "CI: what the workflow starts and smoke-tests",
        de: "CI: was der Workflow startet und per Smoke-Test prüft",
        fr: "CI : ce que le workflow démarre et vérifie par smoke test",
    }
    F_ENV {
        en: "Every variable, documented; copy to `.env` (never committed)",
        de: "Jede Variable, dokumentiert; nach `.env` kopieren (wird nie committet)",
        fr: "Chaque variable, documentée ; à copier en `.env` (jamais commité)",
    }
    F_APP {
        en: "{name}: Dockerfile and app stub ({stack})",
        de: "{name}: Dockerfile und App-Stub ({stack})",
        fr: "{name} : Dockerfile et squelette d'application ({stack})",
    }
    F_PROXY {
        en: "{name}: nginx.conf and Dockerfile (reverse proxy)",
        de: "{name}: nginx.conf und Dockerfile (Reverse Proxy)",
        fr: "{name} : nginx.conf et Dockerfile (proxy inverse)",
    }
    F_PROMETHEUS {
        en: "Prometheus scrape configuration",
        de: "Scrape-Konfiguration von Prometheus",
        fr: "Configuration de collecte de Prometheus",
    }
    F_WORKFLOW {
        en: "CI: build, start, wait for healthy, smoke test, tear down",
        de: "CI: bauen, starten, auf healthy warten, Smoke-Test, abbauen",
        fr: "CI : build, démarrage, attente de l'état healthy, smoke test, arrêt",
    }
    F_OPS_DOC {
        en: "Operations: diagram, services, networks, volumes, commands, resources",
        de: "Betrieb: Diagramm, Services, Netzwerke, Volumes, Befehle, Ressourcen",
        fr: "Exploitation : schéma, services, réseaux, volumes, commandes, ressources",
    }
    F_SVG {
        en: "Architecture diagram (opens in Tierboard as the design)",
        de: "Architekturdiagramm (öffnet sich in Tierboard als Design)",
        fr: "Schéma d'architecture (s'ouvre dans Tierboard comme design)",
    }
    F_DESIGN {
        en: "The design: open it in Tierboard to change the board and regenerate",
        de: "Das Design: in Tierboard öffnen, um das Board zu ändern und neu zu generieren",
        fr: "Le design : l'ouvrir dans Tierboard pour modifier le board et régénérer",
    }
    F_TESTS {
        en: "Tests: `tests/integration` checks the running stack (pytest); unit tests sit beside each service's code, and CI runs them first",
        de: "Tests: `tests/integration` prüft den laufenden Stack (pytest); Unit-Tests liegen beim Code jedes Services, und die CI führt sie zuerst aus",
        fr: "Tests : `tests/integration` vérifie la stack en marche (pytest) ; les tests unitaires sont à côté du code de chaque service, et la CI les exécute en premier",
    }
    F_SMOKE {
        en: "Smoke test: every service becomes healthy",
        de: "Smoke-Test: jeder Service wird healthy",
        fr: "Smoke test : chaque service devient healthy",
    }
    F_BACKUP {
        en: "Backup of the services marked for backup",
        de: "Backup der zur Sicherung markierten Services",
        fr: "Sauvegarde des services marqués pour la sauvegarde",
    }
    H_ENVIRONMENTS { en: "Environments", de: "Umgebungen", fr: "Environnements" }
    ENV_DEV {
        en: "**Development**: `docker compose up -d --build` — the override builds each service's `development` stage (reload on change) and publishes debug ports on 127.0.0.1 only.",
        de: "**Entwicklung**: `docker compose up -d --build` — das Override baut die Stage `development` jedes Services (Reload bei Änderungen) und veröffentlicht Debug-Ports nur auf 127.0.0.1.",
        fr: "**Développement** : `docker compose up -d --build` — l'override construit le stage `development` de chaque service (rechargement à chaque modification) et ne publie les ports de debug que sur 127.0.0.1.",
    }
    ENV_CI {
        en: "**CI**: `docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait`, then the smoke test; see `.github/workflows/docker.yml`.",
        de: "**CI**: `docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait`, danach der Smoke-Test; siehe `.github/workflows/docker.yml`.",
        fr: "**CI** : `docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait`, puis le smoke test ; voir `.github/workflows/docker.yml`.",
    }
    ENV_PROD {
        en: "**Production**: `docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d`; secrets come from files in `secrets/` (see `secrets/README.md`), images from the registry.",
        de: "**Produktion**: `docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d`; Secrets kommen aus Dateien in `secrets/` (siehe `secrets/README.md`), Images aus der Registry.",
        fr: "**Production** : `docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d` ; les secrets viennent de fichiers dans `secrets/` (voir `secrets/README.md`), les images de la registry.",
    }
    H_BUILT_HERE { en: "Services built here", de: "Hier gebaute Services", fr: "Services construits ici" }
    BUILT_HERE_INTRO {
        en: "Each stub answers `GET /health` with `{\"status\":\"ok\"}` and takes one argument: `serve`, `worker`, `scheduler` or `healthcheck`. Replace the stub's example route or job loop with your code; keep `/health`.",
        de: "Jeder Stub beantwortet `GET /health` mit `{\"status\":\"ok\"}` und nimmt ein Argument: `serve`, `worker`, `scheduler` oder `healthcheck`. Die Beispielroute oder Job-Schleife des Stubs durch den eigenen Code ersetzen; `/health` beibehalten.",
        fr: "Chaque squelette répond à `GET /health` par `{\"status\":\"ok\"}` et prend un argument : `serve`, `worker`, `scheduler` ou `healthcheck`. Remplacer la route d'exemple ou la boucle de jobs par votre code ; garder `/health`.",
    }
    BUILT_HERE_HEADER {
        en: "| Service | Stack | Port | Mode |",
        de: "| Service | Stack | Port | Modus |",
        fr: "| Service | Stack | Port | Mode |",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

//! Words of the runbook's "Release, deploy and rollback" section in every language. German
//! follows seed 000's vocabulary (Deployment, Rollback, Healthcheck), French seed 001's
//! (déploiement, rollback, healthcheck); commands and names stay outside the texts.

crate::texts! {
    H_RELEASE {
        en: "Release, deploy and rollback",
        de: "Release, Deployment und Rollback",
        fr: "Release, déploiement et rollback",
    }
    H_RELEASE_IMAGES { en: "Release", de: "Release", fr: "Release" }
    RELEASE_INTRO {
        en: "A version tag starts {file}: it builds every image built from source (the `production` stage, with a build cache in the registry) and pushes it to {registry} with SBOM and provenance attestations.",
        de: "Ein Versions-Tag startet {file}: Es baut jedes aus Quellcode gebaute Image (Stage `production`, mit Build-Cache in der Registry) und pusht es mit SBOM- und Provenance-Attestierungen nach {registry}.",
        fr: "Un tag de version lance {file} : il construit chaque image construite depuis les sources (stage `production`, avec un cache de build dans la registry) et la pousse vers {registry} avec des attestations SBOM et de provenance.",
    }
    RELEASE_IMAGES {
        en: "Images of release 1.2.3, exactly as `docker-compose.prod.yml` and `docker-compose.staging.yml` pull them:",
        de: "Images des Release 1.2.3, genau so, wie `docker-compose.prod.yml` und `docker-compose.staging.yml` sie ziehen:",
        fr: "Images de la release 1.2.3, exactement comme `docker-compose.prod.yml` et `docker-compose.staging.yml` les tirent :",
    }
    RELEASE_NO_IMAGES {
        en: "No service is built from source: the release publishes no image, and every environment runs the pinned public images.",
        de: "Kein Service wird aus Quellcode gebaut: Das Release veröffentlicht kein Image, jede Umgebung nutzt die gepinnten öffentlichen Images.",
        fr: "Aucun service n'est construit depuis les sources : la release ne publie aucune image, chaque environnement utilise les images publiques épinglées.",
    }
    RELEASE_NOT_PUSHED {
        en: "not pushed: the name contains variables",
        de: "nicht gepusht: der Name enthält Variablen",
        fr: "non poussée : le nom contient des variables",
    }
    RELEASE_VERIFY {
        en: "Check the attestations of a pushed image:",
        de: "Die Attestierungen eines gepushten Images prüfen:",
        fr: "Vérifier les attestations d'une image poussée :",
    }
    RELEASE_GHCR {
        en: "On GHCR the path after `ghcr.io/` must be the GitHub user or organisation that owns the repository (the workflow pushes with the repository's `GITHUB_TOKEN`); if it is not, set the registry in the design's settings. Another registry needs the repository secrets `REGISTRY_USERNAME` and `REGISTRY_PASSWORD`.",
        de: "Bei GHCR muss der Pfad nach `ghcr.io/` der GitHub-Benutzer oder die Organisation sein, der das Repository gehört (der Workflow pusht mit dem `GITHUB_TOKEN` des Repositorys); sonst die Registry in den Einstellungen des Designs setzen. Eine andere Registry braucht die Repository-Secrets `REGISTRY_USERNAME` und `REGISTRY_PASSWORD`.",
        fr: "Sur GHCR, le chemin après `ghcr.io/` doit être l'utilisateur ou l'organisation GitHub propriétaire du dépôt (le workflow pousse avec le `GITHUB_TOKEN` du dépôt) ; sinon, définir la registry dans les paramètres du design. Une autre registry demande les secrets de dépôt `REGISTRY_USERNAME` et `REGISTRY_PASSWORD`.",
    }
    H_DEPLOY { en: "Deploy", de: "Deployment", fr: "Déploiement" }
    DEPLOY_NONE {
        en: "The design names no deploy target, so no deploy workflow is generated: choose Compose over SSH, Helm or Swarm in the design's settings to deploy staging on every push to `main` and production on every release.",
        de: "Das Design nennt kein Deployment-Ziel, daher wird kein Deployment-Workflow generiert: In den Einstellungen des Designs Compose über SSH, Helm oder Swarm wählen, um Staging bei jedem Push auf `main` und die Produktion bei jedem Release zu deployen.",
        fr: "Le design ne nomme aucune cible de déploiement, aucun workflow de déploiement n'est donc généré : choisir Compose via SSH, Helm ou Swarm dans les paramètres du design pour déployer le staging à chaque push sur `main` et la production à chaque release.",
    }
    DEPLOY_INTRO {
        en: "{file} (target {target}) deploys every push to `main` to staging and every version tag to production: a health check of the running version, the deploy, a health check of the new one.",
        de: "{file} (Ziel {target}) deployt jeden Push auf `main` nach Staging und jeden Versions-Tag in die Produktion: Healthcheck der laufenden Version, Deployment, Healthcheck der neuen.",
        fr: "{file} (cible {target}) déploie chaque push sur `main` en staging et chaque tag de version en production : healthcheck de la version en cours, déploiement, healthcheck de la nouvelle.",
    }
    DEPLOY_ENVIRONMENTS {
        en: "Create the GitHub environments `staging` and `production` (Settings → Environments) and give `production` required reviewers: every production deploy then waits for an approval.",
        de: "Die GitHub-Environments `staging` und `production` anlegen (Settings → Environments) und für `production` Required Reviewers festlegen: Jedes Deployment in die Produktion wartet dann auf eine Freigabe.",
        fr: "Créer les environnements GitHub `staging` et `production` (Settings → Environments) et donner des relecteurs obligatoires (required reviewers) à `production` : chaque déploiement en production attend alors une approbation.",
    }
    DEPLOY_SECRETS {
        en: "Secrets of each environment: {names}. Nothing else leaves GitHub, and no credential is in the repository.",
        de: "Secrets jedes Environments: {names}. Sonst verlässt nichts GitHub, und keine Zugangsdaten liegen im Repository.",
        fr: "Secrets de chaque environnement : {names}. Rien d'autre ne quitte GitHub, et aucun identifiant n'est dans le dépôt.",
    }
    DEPLOY_VARIABLES {
        en: "Variables of each environment: {names} (`HEALTH_URL` is the public address the checks request, for example the proxy's `/healthz`).",
        de: "Variablen jedes Environments: {names} (`HEALTH_URL` ist die öffentliche Adresse, die die Checks abfragen, zum Beispiel `/healthz` des Proxys).",
        fr: "Variables de chaque environnement : {names} (`HEALTH_URL` est l'adresse publique que les contrôles interrogent, par exemple `/healthz` du proxy).",
    }
    DEPLOY_HOST_COMPOSE {
        en: "Once per host: a deploy user in the `docker` group whose public key matches `DEPLOY_SSH_KEY`, `docker login {host}` with a read-only token, and `.env` and `secrets/` in `DEPLOY_PATH` (see `secrets/README.md`). The workflow unpacks the project's files there and never touches `.env` or `secrets/`.",
        de: "Einmal pro Host: ein Deploy-Benutzer in der Gruppe `docker`, dessen Public Key zu `DEPLOY_SSH_KEY` passt, `docker login {host}` mit einem Read-only-Token sowie `.env` und `secrets/` in `DEPLOY_PATH` (siehe `secrets/README.md`). Der Workflow entpackt dort die Dateien des Projekts und fasst `.env` und `secrets/` nie an.",
        fr: "Une fois par hôte : un utilisateur de déploiement dans le groupe `docker` dont la clé publique correspond à `DEPLOY_SSH_KEY`, `docker login {host}` avec un jeton en lecture seule, et `.env` et `secrets/` dans `DEPLOY_PATH` (voir `secrets/README.md`). Le workflow y décompresse les fichiers du projet et ne touche jamais à `.env` ni à `secrets/`.",
    }
    DEPLOY_HOST_SWARM {
        en: "Once per swarm: a deploy user on a manager in the `docker` group whose public key matches `DEPLOY_SSH_KEY`, `docker login {host}` there (the stack is deployed `--with-registry-auth`), the Docker secrets (`docker secret create`) and a `.env` with the stack's other variables in `DEPLOY_PATH`. Staging runs the same stack file with its replicas; scale it down with `docker service scale` if staging is smaller.",
        de: "Einmal pro Swarm: ein Deploy-Benutzer auf einem Manager in der Gruppe `docker`, dessen Public Key zu `DEPLOY_SSH_KEY` passt, dort `docker login {host}` (der Stack wird `--with-registry-auth` deployt), die Docker-Secrets (`docker secret create`) und eine `.env` mit den übrigen Variablen des Stacks in `DEPLOY_PATH`. Staging nutzt dieselbe Stack-Datei mit ihren Replikas; ist Staging kleiner, mit `docker service scale` herunterskalieren.",
        fr: "Une fois par swarm : un utilisateur de déploiement sur un manager, dans le groupe `docker`, dont la clé publique correspond à `DEPLOY_SSH_KEY`, `docker login {host}` sur ce manager (la stack est déployée `--with-registry-auth`), les secrets Docker (`docker secret create`) et un `.env` avec les autres variables de la stack dans `DEPLOY_PATH`. Le staging utilise le même fichier de stack avec ses réplicas ; s'il est plus petit, réduire avec `docker service scale`.",
    }
    DEPLOY_HOST_HELM {
        en: "Once per cluster: the Secrets the chart names (see the chart's README) in the environment's namespace, and an image pull secret if the registry is private. Staging installs the chart with {staging}.",
        de: "Einmal pro Cluster: die Secrets, die das Chart nennt (siehe README des Charts), im Namespace des Environments und ein Image-Pull-Secret, falls die Registry privat ist. Staging installiert das Chart mit {staging}.",
        fr: "Une fois par cluster : les Secrets que le chart nomme (voir le README du chart) dans le namespace de l'environnement, et un image pull secret si la registry est privée. Le staging installe le chart avec {staging}.",
    }
    DEPLOY_BY_HAND {
        en: "The production deploy by hand (what the workflow runs):",
        de: "Das Deployment in die Produktion von Hand (was der Workflow ausführt):",
        fr: "Le déploiement en production à la main (ce que le workflow exécute) :",
    }
    H_RELEASE_ROLLBACK {
        en: "Rolling back a release",
        de: "Ein Release zurückrollen",
        fr: "Revenir sur une release",
    }
    ROLLBACK_NONE {
        en: "Without a deploy workflow, a rollback runs the previous release's images again: set the version back to the last good tag and restart with the prod file (see \"Rollback\" when rollback docs are on).",
        de: "Ohne Deployment-Workflow startet ein Rollback die Images des vorherigen Release erneut: die Version auf den letzten guten Tag zurücksetzen und mit der Prod-Datei neu starten (siehe „Rollback“, wenn die Rollback-Dokumentation aktiviert ist).",
        fr: "Sans workflow de déploiement, un rollback relance les images de la release précédente : remettre la version au dernier tag sain et redémarrer avec le fichier prod (voir « Rollback » si la documentation de rollback est activée).",
    }
    ROLLBACK_AUTOMATIC {
        en: "When the deploy or the health check after it fails, the workflow deploys the version that ran before and the run fails. By hand, the running version and the way back:",
        de: "Schlägt das Deployment oder der Healthcheck danach fehl, deployt der Workflow die vorher laufende Version, und der Lauf schlägt fehl. Von Hand: die laufende Version und der Weg zurück:",
        fr: "Si le déploiement ou le healthcheck qui le suit échoue, le workflow redéploie la version qui tournait avant, et l'exécution échoue. À la main, la version en cours et le retour en arrière :",
    }
    ROLLBACK_RERUN {
        en: "From GitHub: re-run the deploy job of the last good release's workflow run; it deploys that release's version with its own files. If the failed release migrated data, restore the backup taken before it.",
        de: "Aus GitHub: den Deployment-Job des Workflow-Laufs des letzten guten Release erneut ausführen; er deployt die Version dieses Release mit dessen eigenen Dateien. Hat das fehlerhafte Release Daten migriert, das vorher erstellte Backup wiederherstellen.",
        fr: "Depuis GitHub : relancer le job de déploiement de l'exécution du workflow de la dernière release saine ; il déploie la version de cette release avec ses propres fichiers. Si la release défaillante a migré des données, restaurer la sauvegarde faite avant elle.",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

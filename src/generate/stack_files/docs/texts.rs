//! The words of `docs/docker-swarm.md` in every language. Commands, service names and file names
//! stay outside these texts; comments inside the shell blocks are texts like any other.

crate::texts! {
    TITLE { en: "Docker Swarm: {name}", de: "Docker Swarm: {name}", fr: "Docker Swarm : {name}" }
    INTRO {
        en: "{file} runs the design on a Swarm cluster: the same services as the compose files, with replicas, resources, rolling updates with automatic rollback and restart policies under `deploy`, overlay networks per tier (the data network is internal) and external secrets.",
        de: "{file} betreibt das Design auf einem Swarm-Cluster: dieselben Services wie die Compose-Dateien, mit Replicas, Ressourcen, Rolling Updates mit automatischem Rollback und Restart-Policies unter `deploy`, Overlay-Netzwerken pro Tier (das Data-Netzwerk ist intern) und externen Secrets.",
        fr: "{file} fait tourner le design sur un cluster Swarm : les mêmes services que les fichiers Compose, avec réplicas, ressources, rolling updates avec rollback automatique et politiques de redémarrage sous `deploy`, réseaux overlay par tier (le réseau data est interne) et secrets externes.",
    }
    H_PREPARE { en: "Prepare the cluster", de: "Cluster vorbereiten", fr: "Préparer le cluster" }
    ON_FIRST_MANAGER {
        en: "# on the first manager",
        de: "# auf dem ersten Manager",
        fr: "# sur le premier manager",
    }
    ON_OTHER_NODES {
        en: "# on every other node",
        de: "# auf jedem weiteren Node",
        fr: "# sur chaque autre nœud",
    }
    DATA_LABEL {
        en: "# services with volumes run only on nodes with this label (a local volume does not move):",
        de: "# Services mit Volumes laufen nur auf Nodes mit diesem Label (ein lokales Volume zieht nicht mit um):",
        fr: "# les services avec volumes ne tournent que sur les nœuds portant ce label (un volume local ne se déplace pas) :",
    }
    H_SECRETS { en: "Create the secrets", de: "Secrets anlegen", fr: "Créer les secrets" }
    SECRETS_INTRO {
        en: "Secrets are external: created once per cluster, never in the stack file.",
        de: "Die Secrets sind extern: einmal pro Cluster angelegt, nie in der Stack-Datei.",
        fr: "Les secrets sont externes : créés une fois par cluster, jamais dans le fichier de stack.",
    }
    H_DEPLOY { en: "Deploy", de: "Deployment", fr: "Déploiement" }
    DEPLOY_INTRO {
        en: "Images must be in a registry every node can pull from (`docker stack deploy` does not build).",
        de: "Die Images müssen in einer Registry liegen, aus der jeder Node ziehen kann (`docker stack deploy` baut nicht).",
        fr: "Les images doivent être dans une registry accessible à chaque nœud (`docker stack deploy` ne construit rien).",
    }
    TAG_REQUIRED {
        en: "# the release tag; required",
        de: "# der Release-Tag; Pflicht",
        fr: "# le tag de la release ; obligatoire",
    }
    REGISTRY_DEFAULT {
        en: "# optional, this is the default",
        de: "# optional, das ist der Default",
        fr: "# optionnel, c'est la valeur par défaut",
    }
    ROUTING_MESH {
        en: "Published ports go through the routing mesh and listen on every node: put a firewall or a load balancer in front, and TLS on the entry point.",
        de: "Veröffentlichte Ports laufen über das Routing Mesh und lauschen auf jedem Node: eine Firewall oder einen Load Balancer davorsetzen und TLS am Einstiegspunkt terminieren.",
        fr: "Les ports publiés passent par le routing mesh et écoutent sur chaque nœud : placer un pare-feu ou un load balancer devant, et TLS sur le point d'entrée.",
    }
    H_SCALE { en: "Scale", de: "Skalieren", fr: "Mise à l'échelle" }
    OPTIONAL_PROFILE {
        en: "# optional profile, off by default",
        de: "# optionales Profil, standardmäßig aus",
        fr: "# profil optionnel, désactivé par défaut",
    }
    SCALE_NOTE {
        en: "`docker service scale` changes the running service only; the next `docker stack deploy` sets the replicas of {file} again, so change the file for a lasting change. Swarm has no autoscaler: the Helm chart's HorizontalPodAutoscaler is the way to scale on CPU.",
        de: "`docker service scale` ändert nur den laufenden Service; das nächste `docker stack deploy` setzt wieder die Replicas aus {file}, für eine dauerhafte Änderung also die Datei anpassen. Swarm hat keinen Autoscaler: für Skalierung nach CPU ist der HorizontalPodAutoscaler des Helm-Charts der Weg.",
        fr: "`docker service scale` ne change que le service en cours ; le prochain `docker stack deploy` remet les réplicas de {file} : modifier le fichier pour un changement durable. Swarm n'a pas d'autoscaler : pour suivre la charge CPU, passer par le HorizontalPodAutoscaler du chart Helm.",
    }
    H_UPDATE { en: "Update and roll back", de: "Update und Rollback", fr: "Mise à jour et rollback" }
    UPDATE_INTRO {
        en: "A new `{var}` and `docker stack deploy` roll each service one task at a time (new task first for stateless services, old task first for those with volumes), watch it for 30 seconds and roll back automatically when it fails.",
        de: "Ein neuer `{var}` und `docker stack deploy` aktualisieren jeden Service Task für Task (bei zustandslosen Services startet zuerst der neue Task, bei Services mit Volumes stoppt zuerst der alte), beobachten ihn 30 Sekunden lang und rollen bei einem Fehler automatisch zurück.",
        fr: "Un nouveau `{var}` et `docker stack deploy` mettent à jour chaque service une tâche à la fois (nouvelle tâche d'abord pour les services sans état, ancienne tâche d'abord pour ceux avec volumes), l'observent pendant 30 secondes et reviennent en arrière automatiquement en cas d'échec.",
    }
    ROLLBACK_BY_HAND {
        en: "# by hand, to the previous spec",
        de: "# von Hand, zur vorherigen Spezifikation",
        fr: "# à la main, vers la spécification précédente",
    }
    REMOVE_STACK {
        en: "# remove the stack (volumes stay)",
        de: "# den Stack entfernen (Volumes bleiben)",
        fr: "# supprimer la stack (les volumes restent)",
    }
    H_DIFFERENCES {
        en: "What differs from the compose files",
        de: "Unterschiede zu den Compose-Dateien",
        fr: "Différences avec les fichiers Compose",
    }
    DIFF_PROFILES {
        en: "Services in the `dev` and `ci` profiles are not in the stack; services in other profiles are, with 0 replicas.",
        de: "Services in den Profilen `dev` und `ci` sind nicht im Stack; Services in anderen Profilen schon, mit 0 Replicas.",
        fr: "Les services des profils `dev` et `ci` ne sont pas dans la stack ; ceux des autres profils y sont, avec 0 réplica.",
    }
    DIFF_DEPENDS_ON {
        en: "Swarm ignores `depends_on`: services start in any order and rely on their healthchecks and retries.",
        de: "Swarm ignoriert `depends_on`: die Services starten in beliebiger Reihenfolge und verlassen sich auf ihre Healthchecks und Wiederholungen.",
        fr: "Swarm ignore `depends_on` : les services démarrent dans n'importe quel ordre et s'appuient sur leurs healthchecks et leurs tentatives répétées.",
    }
    DIFF_SECURITY_OPT {
        en: "Swarm does not apply `security_opt`: set `\"no-new-privileges\": true` in each node's `/etc/docker/daemon.json`.",
        de: "Swarm wendet `security_opt` nicht an: `\"no-new-privileges\": true` in der `/etc/docker/daemon.json` jedes Nodes setzen.",
        fr: "Swarm n'applique pas `security_opt` : définir `\"no-new-privileges\": true` dans le `/etc/docker/daemon.json` de chaque nœud.",
    }
    DIFF_SECRET_VARS {
        en: "Secret variables whose image cannot read a file come from the shell that runs `docker stack deploy`.",
        de: "Secret-Variablen, deren Image keine Datei lesen kann, kommen aus der Shell, die `docker stack deploy` ausführt.",
        fr: "Les variables secrètes dont l'image ne sait pas lire un fichier viennent du shell qui lance `docker stack deploy`.",
    }
    DIFF_TRAEFIK {
        en: "Traefik uses its Swarm provider and runs on a manager node; routes are service labels under `deploy`.",
        de: "Traefik nutzt seinen Swarm-Provider und läuft auf einem Manager-Node; die Routen sind Service-Labels unter `deploy`.",
        fr: "Traefik utilise son provider Swarm et tourne sur un nœud manager ; les routes sont des labels de service sous `deploy`.",
    }
    STACK_HEADER {
        en: "# {file}: generated by Tierboard. Docker Swarm stack (see {doc}):",
        de: "# {file}: von Tierboard generiert. Docker-Swarm-Stack (siehe {doc}):",
        fr: "# {file} : généré par Tierboard. Stack Docker Swarm (voir {doc}) :",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

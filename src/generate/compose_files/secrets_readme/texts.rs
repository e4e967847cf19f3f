//! The words of `secrets/README.md` in every language (file names, variables and commands never
//! change).

crate::texts! {
    TITLE { en: "Secrets", de: "Secrets", fr: "Secrets" }
    INTRO {
        en: "`docker-compose.prod.yml` mounts each file below as a Docker secret\n(`/run/secrets/<name>` in the container). Everything in `{dir}/` except this README is\nignored by git: create the files on the deployment host, never commit them.",
        de: "`docker-compose.prod.yml` bindet jede der folgenden Dateien als Docker-Secret ein\n(`/run/secrets/<name>` im Container). Alles in `{dir}/` außer diesem README wird\nvon git ignoriert: die Dateien auf dem Deployment-Host anlegen, nie committen.",
        fr: "`docker-compose.prod.yml` monte chaque fichier ci-dessous comme secret Docker\n(`/run/secrets/<name>` dans le conteneur). Tout le contenu de `{dir}/` sauf ce README est\nignoré par git : créer les fichiers sur l'hôte de déploiement, ne jamais les commiter.",
    }
    NONE {
        en: "This design has no secret that an image reads from a file.",
        de: "Dieses Design hat kein Secret, das ein Image aus einer Datei liest.",
        fr: "Ce design n'a aucun secret qu'une image lise depuis un fichier.",
    }
    TABLE_HEADER {
        en: "| File | Environment variable in the container |",
        de: "| Datei | Umgebungsvariable im Container |",
        fr: "| Fichier | Variable d'environnement dans le conteneur |",
    }
    INSTEAD_OF { en: "(instead of {key})", de: "(statt {key})", fr: "(au lieu de {key})" }
    CREATE {
        en: "Create them without a trailing newline and readable only by you:",
        de: "Ohne abschließenden Zeilenumbruch anlegen, nur für den eigenen Benutzer lesbar:",
        fr: "Les créer sans retour à la ligne final, lisibles uniquement par leur propriétaire :",
    }
    SECRET_VALUE { en: "the-secret-value", de: "der-geheime-wert", fr: "la-valeur-secrete" }
    FROM_ENV {
        en: "These images do not read secrets from files, so prod passes them from `.env` like the\nother environments: {list}. Keep `.env` on the host with mode 600.",
        de: "Diese Images lesen Secrets nicht aus Dateien, deshalb übergibt prod sie wie die anderen\nUmgebungen aus `.env`: {list}. `.env` auf dem Host mit Modus 600 ablegen.",
        fr: "Ces images ne lisent pas les secrets depuis des fichiers : prod les passe donc depuis `.env`\ncomme les autres environnements : {list}. Garder `.env` sur l'hôte avec le mode 600.",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

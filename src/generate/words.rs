//! Words that several generated documents share (the stack of a scaffolded service, the method
//! of a backup), in every language, so the README, the operations doc and the Swarm doc name a
//! thing the same way. The words of one document live beside it in its own `texts` module.

use crate::generate::project_files::backup::Method;
use crate::i18n::Lang;
use crate::model::Language;

crate::texts! {
    PYTHON { en: "Python 3.12 + FastAPI", de: "Python 3.12 + FastAPI", fr: "Python 3.12 + FastAPI" }
    NODE {
        en: "Node.js 22, node:http, no dependencies",
        de: "Node.js 22, node:http, ohne Abhängigkeiten",
        fr: "Node.js 22, node:http, sans dépendances",
    }
    GO {
        en: "Go 1.25, net/http, static binary on scratch",
        de: "Go 1.25, net/http, statisches Binary auf scratch",
        fr: "Go 1.25, net/http, binaire statique sur scratch",
    }
    RUST {
        en: "Rust, std only, static binary on scratch",
        de: "Rust, nur std, statisches Binary auf scratch",
        fr: "Rust, std uniquement, binaire statique sur scratch",
    }
    JAVA {
        en: "Java 21, com.sun.net.httpserver, no build tool",
        de: "Java 21, com.sun.net.httpserver, ohne Build-Tool",
        fr: "Java 21, com.sun.net.httpserver, sans outil de build",
    }
    STATIC {
        en: "static single-page app, Node build, nginx runtime",
        de: "statische Single-Page-App, Build mit Node, Laufzeit nginx",
        fr: "application monopage statique, build Node, exécution nginx",
    }
    VOLUME_COPY {
        en: "volume copy (docker compose cp)",
        de: "Kopie des Volumes (docker compose cp)",
        fr: "copie du volume (docker compose cp)",
    }
}

/// The stack of a scaffolded service (the Dockerfiles' header, the README, the operations doc).
pub fn stack(language: Language, lang: Lang) -> &'static str {
    match language {
        Language::Python => PYTHON,
        Language::Node => NODE,
        Language::Go => GO,
        Language::Rust => RUST,
        Language::Java => JAVA,
        Language::Static => STATIC,
    }
    .get(lang)
}

/// How a data service is backed up; the tool names are the same in every language.
pub fn backup_method(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Volumes => VOLUME_COPY.get(lang),
        other => other.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn stacks_and_methods_read_in_every_language() {
        assert_eq!(stack(Language::Python, Lang::En), "Python 3.12 + FastAPI");
        assert_eq!(
            stack(Language::Go, Lang::De),
            "Go 1.25, net/http, statisches Binary auf scratch"
        );
        assert_eq!(
            backup_method(Method::Volumes, Lang::Fr),
            "copie du volume (docker compose cp)"
        );
        assert_eq!(
            backup_method(Method::Postgres, Lang::De),
            Method::Postgres.label()
        );
    }
}

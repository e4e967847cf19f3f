//! Dockerfiles of scaffolded services, one generator per language (`dockerfile/*.rs`).
//!
//! Every Dockerfile has the same shape, which the compose family relies on:
//! - multi-stage; a `development` stage (built by `docker-compose.override.yml` with
//!   `target: development`) and a `production` stage, last, so that a plain build is production;
//! - literal, exactly pinned base images from `pins` (hadolint DL3006/DL3007, checkov CKV_DOCKER_7);
//! - a `HEALTHCHECK` that uses a tool present in that stage's image (the stub itself for
//!   `scratch` images), a numeric non-root `USER` (`pins::APP_USER`) as the last user of every
//!   stage, exec-form `ENTRYPOINT`/`CMD`, `COPY` only, no package installs to pin.

mod common;
mod go;
mod java;
mod node;
mod proxy;
mod python;
mod rust;
mod static_site;

use super::app::App;
use crate::model::Language;

pub use proxy::dockerfile as proxy;

/// The Dockerfile text of `app`.
pub fn dockerfile(app: &App) -> String {
    match app.language {
        Language::Python => python::dockerfile(app),
        Language::Node => node::dockerfile(app),
        Language::Go => go::dockerfile(app),
        Language::Rust => rust::dockerfile(app),
        Language::Java => java::dockerfile(app),
        Language::Static => static_site::dockerfile(app),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Build, Service, ServiceId, Tier};

    fn app_service(language: Language) -> Service {
        let mut s = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        s.build = Some(Build::scaffold(language));
        s
    }

    #[test]
    fn every_language_has_a_development_stage_and_ends_in_production_as_a_non_root_user() {
        for language in Language::ALL {
            let service = app_service(language);
            let app = App::of(&service).unwrap();
            let text = dockerfile(&app);
            let froms: Vec<&str> = text.lines().filter(|l| l.starts_with("FROM ")).collect();
            assert!(
                froms.iter().any(|l| l.ends_with(" AS development")),
                "{language:?}"
            );
            assert!(
                froms.last().is_some_and(|l| l.ends_with(" AS production")),
                "{language:?}"
            );
            assert!(
                !froms
                    .iter()
                    .any(|l| l.contains(":latest") || l.contains("${")),
                "{language:?}"
            );
            let last_user = text.lines().rfind(|l| l.starts_with("USER "));
            assert_eq!(last_user, Some("USER 10001:10001"), "{language:?}");
            assert!(text.contains("HEALTHCHECK "), "{language:?}");
            assert!(!text.lines().any(|l| l.starts_with("ADD ")), "{language:?}");
            for line in text
                .lines()
                .filter(|l| l.starts_with("CMD ") || l.starts_with("ENTRYPOINT "))
            {
                assert!(line.contains(" ["), "{language:?}: shell form in {line}");
            }
        }
    }
}

//! Unit tests next to every app stub, one generator per language (`stub_tests/*.rs`), in the
//! language's own runner: pytest with a `conftest.py` of shared fixtures (seed 004's
//! "Test-Setup-Struktur") for Python, `node --test` for Node and static sites, `go test`,
//! `cargo test`, JUnit 5 for Java. Each suite starts the stub's app in-process or on a free
//! loopback port and checks `/health`, the metrics path (or that none is served when the
//! service declares none) and the example route `/`; every suite also checks the worker's
//! heartbeat (`/health` turns 503 once the loop stalls), because every image can be started
//! as a worker.
//!
//! [`ci`] says how the generated workflow runs a suite: inside the same pinned image the
//! Dockerfile builds from, so that the tests see the runtime the service ships with.
//!
//! Invariant: tests never reach the production image. Python and Node images copy named files
//! only, Go and Rust ship a binary, static sites ship `dist/`; each build context's
//! `.dockerignore` lists the test files as well (`compose_files::ignore_files`).

mod go;
mod java;
mod node;
mod python;
mod rust;
mod static_site;

use super::app::App;
use super::template::fill;
use crate::generate::GeneratedFile;
use crate::model::Language;

pub use python::PYTEST;

/// How CI runs the unit tests of one service: `steps` (sh commands, run in order, each one
/// must succeed) in a container of `image` with the build context as the working directory.
/// No step contains a single quote (the workflow quotes them with single quotes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiRun {
    pub image: &'static str,
    pub steps: Vec<String>,
}

/// The test files of `app`, inside its build context.
pub fn files(app: &App) -> Vec<GeneratedFile> {
    match app.language {
        Language::Python => python::files(app),
        Language::Node => node::files(app),
        Language::Go => go::files(app),
        Language::Rust => rust::files(app),
        Language::Java => java::files(app),
        Language::Static => static_site::files(app),
    }
}

/// How the generated CI runs the tests of `app`.
pub fn ci(app: &App) -> CiRun {
    match app.language {
        Language::Python => python::ci(),
        Language::Node | Language::Static => node::ci(),
        Language::Go => go::ci(),
        Language::Rust => rust::ci(),
        Language::Java => java::ci(),
    }
}

/// `template` with `@SLUG@` and then `@BLOCK@` filled: `block` is `with_metrics` (its `@PATH@`
/// set to the metrics path) when the service declares one, else `without`.
fn fill_test(template: &str, app: &App, with_metrics: &str, without: &str) -> String {
    let block = match &app.metrics_path {
        Some(path) => fill(with_metrics, &[("PATH", path)]),
        None => without.to_string(),
    };
    fill(template, &[("SLUG", &app.slug), ("BLOCK", &block)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Build, Service, ServiceId, Tier};

    fn app_service(language: Language, metrics: bool) -> Service {
        let mut s = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        s.build = Some(Build::scaffold(language));
        s.metrics_path = metrics.then(|| "/internal/metrics".to_string());
        s
    }

    #[test]
    fn every_language_tests_health_the_example_route_and_the_metrics_path() {
        for language in Language::ALL {
            let with = app_service(language, true);
            let text: String = files(&App::of(&with).unwrap())
                .iter()
                .map(|f| f.contents.clone())
                .collect();
            if language != Language::Static {
                assert!(text.contains("/internal/metrics"), "{language:?}");
                assert!(text.contains("stalled"), "{language:?}: no heartbeat test");
            }
            assert!(text.contains("/health"), "{language:?}");
            for placeholder in ["@SLUG@", "@BLOCK@", "@PATH@"] {
                assert!(!text.contains(placeholder), "{language:?}: {placeholder}");
            }
            let without = app_service(language, false);
            let text: String = files(&App::of(&without).unwrap())
                .iter()
                .map(|f| f.contents.clone())
                .collect();
            assert!(!text.contains("/internal/metrics"), "{language:?}");
        }
    }

    #[test]
    fn tests_live_in_the_build_context() {
        for language in Language::ALL {
            let s = app_service(language, false);
            let app = App::of(&s).unwrap();
            for f in files(&app) {
                assert!(f.path.starts_with("docker/api/"), "{}", f.path);
            }
        }
    }

    #[test]
    fn ci_runs_in_the_pinned_build_images() {
        for language in Language::ALL {
            let s = app_service(language, false);
            let run = ci(&App::of(&s).unwrap());
            assert!(!run.image.ends_with(":latest"), "{language:?}");
            for step in &run.steps {
                assert!(
                    !step.contains("${{") && !step.contains('\''),
                    "{language:?}"
                );
                assert!(step.len() <= 120, "{language:?}: {step}");
            }
        }
    }
}

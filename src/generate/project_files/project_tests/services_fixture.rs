//! `tests/fixtures/services.json`: what the compose smoke test expects of this design, as data
//! (seed 004's `tests/fixtures/`): the services compose starts by default (no profile) and the
//! published HTTP endpoints whose answer Tierboard knows — `/health` of every scaffolded app and
//! `/healthz` of the generated reverse proxy. Other published ports (databases, third-party
//! images) speak protocols the test cannot assume. Written by serde_json, in board order.

use crate::generate::project_files::app::App;
use crate::generate::project_files::nginx;
use crate::generate::GeneratedFile;
use crate::model::{Design, Protocol, Service};
use serde::Serialize;

pub const PATH: &str = "tests/fixtures/services.json";

#[derive(Serialize)]
struct Fixture<'a> {
    /// Compose service names started by `docker compose up` (no profile).
    services: Vec<&'a str>,
    endpoints: Vec<Endpoint<'a>>,
}

#[derive(Serialize)]
struct Endpoint<'a> {
    service: &'a str,
    /// The container port; the test asks compose for the host port it is published on.
    port: u16,
    path: &'static str,
}

/// The published endpoint of `service` Tierboard knows the answer of, if any.
fn endpoint(service: &Service) -> Option<Endpoint<'_>> {
    let (port, path) = if nginx::is_proxy(service) {
        (service.ports.first()?.container, "/healthz")
    } else {
        (App::of(service)?.port, "/health")
    };
    service
        .ports
        .iter()
        .any(|p| p.container == port && p.published.is_some() && p.protocol == Protocol::Tcp)
        .then_some(Endpoint {
            service: &service.name,
            port,
            path,
        })
}

pub fn file(design: &Design) -> GeneratedFile {
    let started: Vec<&Service> = design
        .services
        .iter()
        .filter(|s| s.profiles.is_empty())
        .collect();
    let fixture = Fixture {
        services: started.iter().map(|s| s.name.as_str()).collect(),
        endpoints: started.iter().filter_map(|s| endpoint(s)).collect(),
    };
    // Strings and numbers only: serialisation cannot fail.
    let text = serde_json::to_string_pretty(&fixture).unwrap_or_default();
    GeneratedFile::text(PATH, text + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn endpoints(design: &Design) -> serde_json::Value {
        let text = file(design).contents;
        serde_json::from_str::<serde_json::Value>(&text).unwrap()["endpoints"].clone()
    }

    #[test]
    fn the_published_proxy_is_an_endpoint_and_internal_apps_are_not() {
        let p = catalog::PATTERNS
            .iter()
            .find(|p| p.id == "monolith")
            .unwrap();
        let design = catalog::instantiate(p);
        let list = endpoints(&design);
        let list = list.as_array().unwrap();
        assert!(list.iter().any(|e| e["path"] == "/healthz"), "{list:?}");
        for e in list {
            let name = e["service"].as_str().unwrap();
            let s = design.services.iter().find(|s| s.name == name);
            assert!(s.is_some_and(|s| s.ports.iter().any(|p| p.published.is_some())));
        }
    }

    #[test]
    fn services_of_a_profile_are_not_expected_to_run() {
        let p = catalog::PATTERNS
            .iter()
            .find(|p| p.id == "monolith")
            .unwrap();
        let mut design = catalog::instantiate(p);
        design.services[0].profiles = vec!["tools".into()];
        let text = file(&design).contents;
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let names: Vec<&str> = value["services"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert!(!names.contains(&design.services[0].name.as_str()));
    }
}

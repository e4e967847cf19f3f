//! What a card shows, derived from a service and its catalog kind: the one owner of a card's
//! words, which the board (`ui::card`) and the SVG export (`export::svg::card`) both paint, so a
//! card reads the same on screen, on a slide and on paper.

use crate::catalog;
use crate::model::{Protocol, Service, Tier};

/// One port published on the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exposure {
    /// `host_ip:host_port`; `127.0.0.1` when the design leaves the interface to the generator
    /// (which binds to loopback).
    pub address: String,
    pub container: u16,
    pub udp: bool,
    /// Bound on every interface (`0.0.0.0`, `::`): reachable from the network, marked.
    pub wide: bool,
}

impl Exposure {
    /// `127.0.0.1:8080→80`, `/udp` for UDP.
    pub fn long(&self) -> String {
        let udp = if self.udp { "/udp" } else { "" };
        format!("{}→{}{udp}", self.address, self.container)
    }
}

/// Plain data, so a card's `Memo` re-renders only when something visible changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFace {
    /// Two letters from the catalog (`Pg`), or from the kind id for kinds the catalog lacks.
    pub monogram: String,
    pub name: String,
    /// The kind's display name (`PostgreSQL`), or its id when the catalog lacks it.
    pub kind: String,
    /// `image:tag`, or `build: <language>` for services built from source (a build wins over an
    /// image: with both, the image is only the tag the build produces).
    pub source: String,
    pub tier: Tier,
    /// Replicas in production (a badge shows `×3` when more than one).
    pub replicas: u32,
    /// Published ports as `host_ip:host_port` (see [`Exposure::address`]).
    pub exposed: Vec<String>,
    /// The same ports in full.
    pub exposures: Vec<Exposure>,
    /// True when a published port binds every interface: marked as a warning.
    pub exposed_widely: bool,
    pub healthcheck: bool,
    pub profiles: Vec<String>,
}

impl Default for CardFace {
    fn default() -> Self {
        CardFace {
            monogram: String::new(),
            name: String::new(),
            kind: String::new(),
            source: String::new(),
            tier: Tier::Backend,
            replicas: 1,
            exposed: Vec::new(),
            exposures: Vec::new(),
            exposed_widely: false,
            healthcheck: false,
            profiles: Vec::new(),
        }
    }
}

impl CardFace {
    pub fn of(service: &Service) -> CardFace {
        let kind = catalog::kind(&service.kind);
        let exposures: Vec<Exposure> = service
            .ports
            .iter()
            .filter_map(|p| {
                // A host port set through a variable shows it (`${FRONTEND_PORT:-8080}`).
                let host = p.host_text()?;
                let host = if host.is_empty() {
                    "*".to_string()
                } else {
                    host
                };
                let ip = p.host_ip.as_deref().unwrap_or("127.0.0.1");
                Some(Exposure {
                    address: format!("{ip}:{host}"),
                    container: p.container,
                    udp: p.protocol == Protocol::Udp,
                    wide: matches!(ip, "0.0.0.0" | "::"),
                })
            })
            .collect();
        CardFace {
            monogram: kind.map_or_else(
                || fallback_monogram(&service.kind),
                |k| k.monogram.to_string(),
            ),
            name: service.name.clone(),
            kind: kind.map_or_else(|| service.kind.clone(), |k| k.name.to_string()),
            source: source(service),
            tier: service.tier,
            replicas: service.replicas.prod,
            exposed: exposures.iter().map(|e| e.address.clone()).collect(),
            exposed_widely: exposures.iter().any(|e| e.wide),
            exposures,
            healthcheck: service.healthcheck.is_some(),
            profiles: service.profiles.clone(),
        }
    }

    /// The exposed tag's text: the first published address, and how many more there are.
    pub fn exposed_tag(&self) -> Option<String> {
        let first = self.exposed.first()?;
        Some(match self.exposed.len() {
            1 => format!("⇡ {first}"),
            n => format!("⇡ {first} +{}", n - 1),
        })
    }
}

fn source(service: &Service) -> String {
    match (&service.build, &service.image) {
        (Some(build), _) => match build.language {
            Some(language) => format!("build: {}", language.id()),
            None if !build.context.is_empty() => format!("build: {}", build.context),
            None => "build".to_string(),
        },
        (None, Some(image)) => image.reference(),
        (None, None) => "no image yet".to_string(),
    }
}

/// `custom` → `Cu`: the first two ASCII alphanumerics (kind ids are ASCII kebab-case), the first
/// upper-cased. ASCII case mapping keeps Unicode tables out of the wasm binary.
fn fallback_monogram(kind_id: &str) -> String {
    let mut letters = kind_id.chars().filter(char::is_ascii_alphanumeric);
    let first = letters.next().map_or('?', |c| c.to_ascii_uppercase());
    let second = letters.next().map(|c| c.to_ascii_lowercase());
    std::iter::once(first).chain(second).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Build, Image, Port, ServiceId};

    #[test]
    fn a_face_names_kind_source_and_exposure() {
        let mut s = Service::new(ServiceId(1), "api", "python-api", Tier::Backend);
        s.build = Some(Build::scaffold(crate::model::Language::Python));
        s.image = Some(Image::new("api", "1"));
        let mut p = Port::published(8000, 8080);
        p.host_ip = Some("0.0.0.0".into());
        s.ports = vec![Port::internal(9000), p];
        let face = CardFace::of(&s);
        assert_eq!(face.source, "build: python", "a build wins over an image");
        assert_eq!(face.exposed, ["0.0.0.0:8080"]);
        assert_eq!(face.exposures[0].long(), "0.0.0.0:8080→8000");
        assert!(face.exposed_widely);
        assert_eq!(face.exposed_tag().as_deref(), Some("⇡ 0.0.0.0:8080"));
        let odd = Service::new(ServiceId(2), "x", "memcached-x", Tier::Data);
        assert_eq!(CardFace::of(&odd).monogram, "Me");
        assert_eq!(CardFace::of(&odd).source, "no image yet");
    }

    #[test]
    fn a_host_port_variable_shows_on_the_face() {
        let mut s = Service::new(ServiceId(1), "web", "nginx", Tier::Frontend);
        s.ports = vec![Port {
            published_var: Some("FRONTEND_PORT".into()),
            ..Port::published(80, 8080)
        }];
        let face = CardFace::of(&s);
        assert_eq!(face.exposed, ["127.0.0.1:${FRONTEND_PORT:-8080}"]);
        s.ports[0].published = None;
        assert_eq!(CardFace::of(&s).exposed, ["127.0.0.1:${FRONTEND_PORT}"]);
    }
}

//! The design model: plain data with serde, no reactive state, no I/O.
//!
//! A [`Design`] is what the user draws: services placed in three tiers, links between them and
//! the settings later stages need (budget, node size, operational facts). Its JSON form is the
//! design file format (`*.tierboard.json`): every field except `name` has a default, so a
//! hand-written file may omit what it does not need, and unknown keys are refused so that typos
//! do not vanish silently.
//!
//! Architecture invariant: the model knows nothing of the catalog, the UI or any file format
//! other than its own JSON. Validity (names, unique ids, links between existing services) is
//! checked by [`validate`]; every edit goes through `edit::apply`, which keeps designs valid.

mod ids;
pub mod interpolation;
#[cfg(not(target_arch = "wasm32"))]
mod json_schema;
mod link;
mod name;
mod schema_ref;
mod service;
mod settings;
pub mod strings;
pub(crate) mod texts;
mod tier;
mod validate;

pub use ids::ServiceId;
#[cfg(not(target_arch = "wasm32"))]
pub use json_schema::json_schema;
pub use link::{Link, LinkKind};
pub use name::{check_env_key, check_service_name, env_stem, names_clash, slug, NameError};
pub use schema_ref::{SchemaRef, SCHEMA_URL};
pub use service::{
    Autoscaling, Build, EnvVar, Hardening, Healthcheck, Image, Language, Mount, MountKind,
    NotAHostPort, Port, Protocol, Replicas, Resources, RestartPolicy, Service,
};
pub use settings::{Budget, DeployTarget, LoggingTarget, NodeSize, Ops, Settings};
pub use tier::Tier;
pub use validate::{validate, Problem, MAX_ITEMS, MAX_SERVICES, MAX_TOTAL_ITEMS};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Extra keys kept verbatim (compose keys the model does not represent, `x-` extensions).
/// Values are JSON so that a design file stays plain JSON; the generator writes them back.
pub type Passthrough = BTreeMap<String, serde_json::Value>;

/// The design file format version written by this build. Never change the meaning of a
/// published number: a file written today must open in every later version.
pub const FORMAT_VERSION: u32 = 1;

/// A whole board: what the user designs and what every generator reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Design {
    /// The JSON Schema of this file, for editors: Tierboard writes its own schema's URL; any
    /// string is accepted and none is interpreted, and a file without it is as valid.
    #[serde(rename = "$schema", default)]
    pub schema: SchemaRef,
    /// Format version of the design file (see [`FORMAT_VERSION`]).
    #[serde(default = "format_version")]
    pub format: u32,
    /// Project name; also the compose project `name:` once sanitised by the generator.
    pub name: String,
    /// Services in board order: within a tier, the order of this list is the left-to-right
    /// order of the cards.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Directed links: `from` calls or publishes to `to` (compose `depends_on` points the same way).
    #[serde(default)]
    pub links: Vec<Link>,
    /// Budgets, node size and operational facts.
    #[serde(default)]
    pub settings: Settings,
    /// Top-level compose keys the model does not represent (kept from an import).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: Passthrough,
    /// Values for variables the compose text refers to (`${PLEX_MEDIA_PATH}`), as the imported
    /// project's `.env` gave them; `.env.example` offers them. Secret-looking names keep no value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variables: BTreeMap<String, String>,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

impl Design {
    /// An empty board with default settings.
    pub fn new(name: impl Into<String>) -> Self {
        Design {
            schema: SchemaRef,
            format: FORMAT_VERSION,
            name: name.into(),
            services: Vec::new(),
            links: Vec::new(),
            settings: Settings::default(),
            extra: Passthrough::new(),
            variables: BTreeMap::new(),
        }
    }

    pub fn service(&self, id: ServiceId) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn service_mut(&mut self, id: ServiceId) -> Option<&mut Service> {
        self.services.iter_mut().find(|s| s.id == id)
    }

    pub fn service_by_name(&self, name: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.name == name)
    }

    /// Services of one tier, in board order.
    pub fn tier_services(&self, tier: Tier) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(move |s| s.tier == tier)
    }

    /// A fresh id, one above the highest in use (ids are never reused within a design's life
    /// only as far as the maximum is concerned; links are removed with their services).
    pub fn next_id(&self) -> ServiceId {
        ServiceId(
            self.services
                .iter()
                .map(|s| s.id.0)
                .max()
                .map_or(1, |m| m.saturating_add(1)),
        )
    }

    /// Links leaving a service (what it depends on).
    pub fn links_from(&self, id: ServiceId) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.from == id)
    }

    /// Links arriving at a service (who depends on it).
    pub fn links_to(&self, id: ServiceId) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.to == id)
    }

    /// The service whose name clashes with `name` ([`names_clash`]: the same name, or one that
    /// would generate into the same folder), if any.
    pub fn name_clash(&self, name: &str) -> Option<&Service> {
        let key = slug(name);
        self.services
            .iter()
            .find(|s| s.name == name || slug(&s.name) == key)
    }

    /// A name no service's name clashes with: `base`, else `base-2`, `base-3`, ...
    pub fn unique_name(&self, base: &str) -> String {
        if self.name_clash(base).is_none() {
            return base.to_string();
        }
        (2u32..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| self.name_clash(candidate).is_none())
            .unwrap_or_else(|| base.to_string())
    }

    /// Parse a design file. Errors carry line and column (serde_json's message).
    pub fn from_json(text: &str) -> Result<Design, String> {
        serde_json::from_str(text).map_err(|e| {
            format!(
                "invalid design JSON at line {}, column {}: {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            )
        })
    }

    /// The design file text: pretty JSON, deterministic.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// serde_json appends " at line L column C"; the caller states the position itself.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_design_round_trips_through_json() {
        let d = Design::new("shop");
        assert_eq!(Design::from_json(&d.to_json()).unwrap(), d);
    }

    #[test]
    fn malformed_json_reports_line_and_column() {
        let err = Design::from_json("{\n  \"name\": \"x\",\n  \"services\": [,]\n}").unwrap_err();
        assert!(err.contains("line 3, column"), "{err}");
    }

    #[test]
    fn design_files_name_their_schema_and_accept_any_or_none() {
        let d = Design::new("shop");
        let json = d.to_json();
        assert!(
            json.starts_with(&format!("{{\n  \"$schema\": \"{SCHEMA_URL}\",\n")),
            "{json}"
        );
        let elsewhere = r#"{"name":"shop","$schema":"file:///old.json"}"#;
        assert_eq!(Design::from_json(elsewhere), Ok(d.clone()));
        assert_eq!(Design::from_json(r#"{"name":"shop"}"#), Ok(d));
        let err = Design::from_json("{\"name\":\"shop\",\n\"$schema\": 3}").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn unknown_keys_are_refused_not_dropped() {
        let err = Design::from_json(r#"{"name":"x","servces":[]}"#).unwrap_err();
        assert!(err.contains("servces"), "{err}");
    }

    #[test]
    fn unique_name_appends_a_counter() {
        let mut d = Design::new("x");
        d.services
            .push(Service::new(ServiceId(1), "api", "custom", Tier::Backend));
        d.services
            .push(Service::new(ServiceId(2), "api-2", "custom", Tier::Backend));
        assert_eq!(d.unique_name("api"), "api-3");
        assert_eq!(d.unique_name("db"), "db");
        assert_eq!(d.next_id(), ServiceId(3));
    }
}

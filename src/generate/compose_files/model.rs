//! The typed compose model: what a compose file can say, as Tierboard writes it. Serialised by
//! `writer` through serde_yaml; nothing here knows about YAML text.
//!
//! Key order is part of the contract (dclint's `top-level-properties-order` and
//! `service-keys-order`): top level `name`, `services`, `networks`, `volumes`, `secrets`; in a
//! service the fields below are declared in dclint's group order (`image` ... `user`), and every
//! other key goes into `rest`, a [`KeyMap`] that serialises in dclint's alphabetical order.
//! Pass-through keys from the design are not fields: `verbatim` merges them into the serialised
//! tree and restores the order. Maps of names are [`KeyMap`]s too,
//! so services and `depends_on` come out sorted. Empty values are skipped, never written as `~`.

use super::order::{ComposeKey, KeyMap};
use serde::ser::Error as _;
use serde::{Serialize, Serializer};
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::Value;

// Shared with the Swarm stack file (same keys, same values).
pub use crate::generate::shared::compose_values::{
    HealthcheckDef, ResourceSet, ResourcesDef, TmpfsOptions, VolumeDef,
};

/// One compose file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ComposeFile {
    pub name: String,
    pub services: KeyMap<ComposeService>,
    #[serde(skip_serializing_if = "KeyMap::is_empty")]
    pub networks: KeyMap<NetworkDef>,
    #[serde(skip_serializing_if = "KeyMap::is_empty")]
    pub volumes: KeyMap<VolumeDef>,
    #[serde(skip_serializing_if = "KeyMap::is_empty")]
    pub secrets: KeyMap<SecretDef>,
    /// Top-level pass-through keys (`Design.extra`: `x-*`, imported `networks`, `configs`, ...),
    /// applied after serialisation (`verbatim::apply`).
    #[serde(skip)]
    pub verbatim: KeyMap<Value>,
}

impl ComposeFile {
    /// An empty file of the compose project `name`.
    pub fn named(name: &str) -> Self {
        ComposeFile {
            name: name.to_string(),
            ..ComposeFile::default()
        }
    }

    /// True when the file or one of its services has pass-through keys (`verbatim`).
    pub fn has_verbatim(&self) -> bool {
        !self.verbatim.is_empty() || self.services.values().any(|s| !s.verbatim.is_empty())
    }
}

/// One service. Fields up to `user` follow dclint's group order; everything else is in `rest`.
/// `verbatim` holds the design's pass-through keys (`Service.extra`): written as they stand in
/// place of whatever the fields would render for the same key (see `verbatim.rs`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ComposeService {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub build: Option<Merge<BuildDef>>,
    #[serde(skip_serializing_if = "KeyMap::is_empty")]
    pub depends_on: KeyMap<Dependency>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Merge<Vec<VolumeEntry>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Merge<KeyMap<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<Merge<Vec<String>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub networks: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<Merge<Vec<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<HealthcheckDef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logging: Option<LoggingDef>,
    #[serde(skip_serializing_if = "KeyMap::is_empty")]
    pub labels: KeyMap<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Every other key Tierboard writes ([`Other`]), in dclint's order.
    #[serde(flatten)]
    pub rest: KeyMap<Other>,
    /// Pass-through keys, applied after serialisation (`verbatim::apply`).
    #[serde(skip)]
    pub verbatim: KeyMap<Value>,
}

impl ComposeService {
    /// Set one of the "other" keys (`cap_drop`, `deploy`, `read_only`, ...).
    pub fn set(&mut self, key: &str, value: Other) {
        self.rest.insert(ComposeKey::from(key), value);
    }
}

/// A service key outside dclint's named groups (typed: these are keys Tierboard writes itself).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Other {
    Bool(bool),
    Text(String),
    List(Vec<String>),
    Deploy(DeployDef),
}

/// How an overlay combines a value with the base file's (Compose's merge tags).
#[derive(Debug, Clone, PartialEq)]
pub enum Merge<T> {
    /// Merged the default way (mappings by key, lists appended or by identity).
    Plain(T),
    /// `!override`: replaces the base value as a whole.
    Override(T),
    /// `!reset`: removes the key the base file set.
    Reset(Reset),
}

/// The typed empty value written after `!reset` (the harness and dclint need a typed value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // lists and scalars are reset by no overlay yet; kept for the next one
pub enum Reset {
    List,
    Map,
    Null,
}

impl Reset {
    fn tagged(self) -> TaggedValue {
        let value = match self {
            Reset::List => Value::Sequence(Vec::new()),
            Reset::Map => Value::Mapping(serde_yaml::Mapping::new()),
            Reset::Null => Value::Null,
        };
        TaggedValue {
            tag: Tag::new("reset"),
            value,
        }
    }
}

impl Serialize for Reset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.tagged().serialize(serializer)
    }
}

impl<T: Serialize> Serialize for Merge<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Merge::Plain(v) => v.serialize(serializer),
            Merge::Override(v) => {
                let value = serde_yaml::to_value(v).map_err(S::Error::custom)?;
                TaggedValue {
                    tag: Tag::new("override"),
                    value,
                }
                .serialize(serializer)
            }
            Merge::Reset(r) => r.serialize(serializer),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BuildDef {
    pub context: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dockerfile: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "KeyMap::is_empty")]
    pub args: KeyMap<String>,
}

/// Long-form `depends_on` entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dependency {
    pub condition: Condition,
    /// `false` when the dependency may be switched off by a profile the dependant lacks.
    #[serde(skip_serializing_if = "is_true")]
    pub required: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    ServiceHealthy,
    ServiceStarted,
}

/// One entry of a service's `volumes`: short syntax for named volumes and binds (dclint wants
/// them unquoted, which plain strings are), long syntax for tmpfs (an integer size in bytes, as
/// the stack schema demands).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum VolumeEntry {
    Short(String),
    Tmpfs(TmpfsMount),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TmpfsMount {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub target: String,
    pub tmpfs: TmpfsOptions,
}

impl VolumeEntry {
    pub fn tmpfs(target: impl Into<String>, size_bytes: u64) -> Self {
        VolumeEntry::Tmpfs(TmpfsMount {
            kind: "tmpfs",
            target: target.into(),
            tmpfs: TmpfsOptions { size: size_bytes },
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoggingDef {
    pub driver: String,
    pub options: KeyMap<String>,
}

/// `deploy:` — replicas and resources (Compose honours both outside Swarm).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DeployDef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replicas: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<ResourcesDef>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NetworkDef {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecretDef {
    pub file: String,
}

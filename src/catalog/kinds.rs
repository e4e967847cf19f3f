//! What a service kind is: the `Kind` row type, its categories and the lookup. The rows
//! themselves live in `kinds/table.rs` (one row per kind, palette order).
//!
//! Defaults come from the seeds: images and tags from seed 000/002's patterns (postgres:16-alpine,
//! redis:7-alpine, traefik v3, kong 3, rabbitmq 3-management), sizes from seed 000's resources
//! table (app 1 CPU / 512 MB, db 0.5 / 256 MB, redis 0.25 / 128 MB) and seed 003's allocation
//! table (gateway 0.5 / 512 MB, orchestrator 1 / 1 GB, adapter 0.5 / 512 MB, llm-patch 1 / 2 GB,
//! local LLM 2 / 4 GB, others 0.5 / 256 MB). Tags are pinned, never `latest`.
//!
//! Contract with the source scaffolds (kinds built from source): the service listens on `$PORT`
//! (set in the kind's environment) and answers `GET /health` with 200; `/metrics` serves
//! Prometheus text. Healthchecks rely on it: Python and Node call the runtime itself, the Go and
//! Rust binaries answer `/app/server healthcheck` (distroless images have no shell), Java and the
//! static SPA run on Alpine-based images whose busybox `wget` is used. Workers and schedulers have
//! no port: they touch `/tmp/heartbeat` at least every 30 seconds.
//!
//! Strings are compose-level text: `$$` is a literal dollar for the container's shell, `${VAR}`
//! would be interpolated by compose.

mod table;

pub use table::KINDS;

use crate::i18n::{Lang, Text};
use crate::model::{Language, Tier};

/// What a kind is, for grouping in the palette and for rules (e.g. "databases are not published").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindCategory {
    Proxy,
    Web,
    Api,
    Worker,
    Job,
    Database,
    Cache,
    Queue,
    Search,
    Storage,
    Vector,
    Notebook,
    Gateway,
    Monitoring,
    Llm,
    Tunnel,
    Custom,
}

impl KindCategory {
    pub fn id(self) -> &'static str {
        match self {
            KindCategory::Proxy => "proxy",
            KindCategory::Web => "web",
            KindCategory::Api => "api",
            KindCategory::Worker => "worker",
            KindCategory::Job => "job",
            KindCategory::Database => "database",
            KindCategory::Cache => "cache",
            KindCategory::Queue => "queue",
            KindCategory::Search => "search",
            KindCategory::Storage => "storage",
            KindCategory::Vector => "vector",
            KindCategory::Notebook => "notebook",
            KindCategory::Gateway => "gateway",
            KindCategory::Monitoring => "monitoring",
            KindCategory::Llm => "llm",
            KindCategory::Tunnel => "tunnel",
            KindCategory::Custom => "custom",
        }
    }

    /// The category's name, for grouping and tooltips ("Datenbank", "File d'attente").
    pub fn text(self) -> Text {
        match self {
            KindCategory::Proxy => texts::PROXY,
            KindCategory::Web => texts::WEB,
            KindCategory::Api => texts::API,
            KindCategory::Worker => texts::WORKER,
            KindCategory::Job => texts::JOB,
            KindCategory::Database => texts::DATABASE,
            KindCategory::Cache => texts::CACHE,
            KindCategory::Queue => texts::QUEUE,
            KindCategory::Search => texts::SEARCH,
            KindCategory::Storage => texts::STORAGE,
            KindCategory::Vector => texts::VECTOR,
            KindCategory::Notebook => texts::NOTEBOOK,
            KindCategory::Gateway => texts::GATEWAY,
            KindCategory::Monitoring => texts::MONITORING,
            KindCategory::Llm => texts::LLM,
            KindCategory::Tunnel => texts::TUNNEL,
            KindCategory::Custom => texts::CUSTOM,
        }
    }

    /// Kinds whose data must never be published on the host (seed 000: "DB-Services nicht exponiert").
    pub fn is_data_store(self) -> bool {
        matches!(
            self,
            KindCategory::Database
                | KindCategory::Cache
                | KindCategory::Queue
                | KindCategory::Search
                | KindCategory::Storage
                | KindCategory::Vector
        )
    }
}

/// Where a kind's container comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindSource {
    Image {
        name: &'static str,
        tag: &'static str,
    },
    Build {
        language: Language,
    },
}

/// How much of seed 004's hardening block the kind tolerates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HardeningFit {
    /// user, no-new-privileges, cap_drop ALL, read_only + tmpfs.
    Full,
    /// Everything but a read-only root file system (the image writes outside its volumes).
    NoReadOnly,
    /// The image manages its own users or needs capabilities (e.g. databases that chown on start):
    /// no-new-privileges only.
    Minimal,
}

/// A default environment variable. Secrets have no value: `.env.example` shows `<SET_IN_ENV>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnvDefault {
    pub key: &'static str,
    pub value: &'static str,
    pub secret: bool,
}

/// A plain variable with its default value.
const fn env(key: &'static str, value: &'static str) -> EnvDefault {
    EnvDefault {
        key,
        value,
        secret: false,
    }
}
/// A secret: no value in the catalog, the user sets it in `.env`.
const fn secret(key: &'static str) -> EnvDefault {
    EnvDefault {
        key,
        value: "",
        secret: true,
    }
}

/// One row of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// Stable id (kebab-case); stored in designs and links, never renamed.
    pub id: &'static str,
    /// Display name ("PostgreSQL"), as exports and generated files write it.
    pub name: &'static str,
    /// The display name in each language when it translates ("Custom service", "Eigener
    /// Service"); `None` for product names, which every language writes alike. `en` is `name`.
    pub names: Option<Text>,
    /// Two-letter monogram shown on cards.
    pub monogram: &'static str,
    pub category: KindCategory,
    /// Suggested tier (a drop elsewhere is allowed).
    pub tier: Tier,
    pub source: KindSource,
    /// Default service name when added (made unique by the editor).
    pub default_name: &'static str,
    /// Container ports; the first is the main one.
    pub ports: &'static [u16],
    /// `(container, host)` ports published by default: only entry points (proxy, API gateway,
    /// tunnel inspector, notebook) publish; data stores never do.
    pub publish: &'static [(u16, u16)],
    /// Debugger port the dev override may publish (debugpy 5678, Node inspector 9229, delve 2345,
    /// JDWP 5005).
    pub debug_port: Option<u16>,
    /// Exec-form healthcheck test (`["CMD", ...]` or `["CMD-SHELL", "..."]`); empty = none possible
    /// (only the generic custom kind, whose image is the user's choice).
    pub healthcheck: &'static [&'static str],
    /// JVM or model-loading services: a longer timeout and start period for the healthcheck.
    pub slow_start: bool,
    /// Where persistent data lives in the container (a named volume is mounted there).
    pub data_path: Option<&'static str>,
    /// Read-only `(host, container)` bind mounts the kind needs (Traefik's Docker socket).
    pub binds: &'static [(&'static str, &'static str)],
    /// Default CPU limit (millicores) and memory limit (MiB).
    pub cpu_m: u32,
    pub memory_mb: u32,
    pub env: &'static [EnvDefault],
    pub hardening: HardeningFit,
    /// Non-root user to run as (`uid:gid`); empty = the image's own non-root `USER`, or root for
    /// `Minimal` kinds whose entrypoint drops privileges itself.
    pub user: &'static str,
    /// Prometheus metrics path, when the kind exposes one on its main port.
    pub metrics_path: Option<&'static str>,
    /// Command override (exec form), e.g. the worker's `worker`.
    pub command: &'static [&'static str],
    /// One-line description for the palette tooltip.
    pub summary: Text,
}

/// The fields most rows share; a row names what differs (`..BASE`). Sizes default to seed 003's
/// "others: 0.5 CPU, 256 MB"; hardening defaults to the weakest fit so a row must claim more.
const BASE: Kind = Kind {
    id: "",
    name: "",
    names: None,
    monogram: "",
    category: KindCategory::Custom,
    tier: Tier::Backend,
    source: KindSource::Image { name: "", tag: "" },
    default_name: "",
    ports: &[],
    publish: &[],
    debug_port: None,
    healthcheck: &[],
    slow_start: false,
    data_path: None,
    binds: &[],
    cpu_m: 500,
    memory_mb: 256,
    env: &[],
    hardening: HardeningFit::Minimal,
    user: "",
    metrics_path: None,
    command: &[],
    summary: Text {
        en: "",
        de: "",
        fr: "",
    },
};

/// Look a kind up by id.
pub fn kind(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

impl Kind {
    /// True for kinds built from source (their healthcheck depends on the scaffold contract).
    pub fn is_built(&self) -> bool {
        matches!(self.source, KindSource::Build { .. })
    }

    /// The name shown in `lang` (palette, inspector).
    pub fn display_name(&self, lang: Lang) -> &'static str {
        self.names.map_or(self.name, |n| n.get(lang))
    }
}

/// The names of the kind categories.
pub mod texts {
    crate::texts! {
        PROXY { en: "Reverse proxy", de: "Reverse Proxy", fr: "Reverse proxy" }
        WEB { en: "Web front end", de: "Web-Frontend", fr: "Front-end web" }
        API { en: "API", de: "API", fr: "API" }
        WORKER { en: "Worker", de: "Worker", fr: "Worker" }
        JOB { en: "Scheduled job", de: "Geplanter Job", fr: "Job planifié" }
        DATABASE { en: "Database", de: "Datenbank", fr: "Base de données" }
        CACHE { en: "Cache", de: "Cache", fr: "Cache" }
        QUEUE { en: "Message queue", de: "Warteschlange", fr: "File d'attente" }
        SEARCH { en: "Search engine", de: "Suchmaschine", fr: "Moteur de recherche" }
        STORAGE { en: "Object storage", de: "Object Storage", fr: "Stockage objet" }
        VECTOR { en: "Vector database", de: "Vektordatenbank", fr: "Base de données vectorielle" }
        NOTEBOOK { en: "Notebook", de: "Notebook", fr: "Notebook" }
        GATEWAY { en: "API gateway", de: "API-Gateway", fr: "API gateway" }
        MONITORING { en: "Monitoring", de: "Monitoring", fr: "Monitoring" }
        LLM { en: "Language model", de: "Sprachmodell", fr: "Modèle de langage" }
        TUNNEL { en: "Tunnel", de: "Tunnel", fr: "Tunnel" }
        CUSTOM { en: "Custom", de: "Eigener Service", fr: "Personnalisé" }
    }
}

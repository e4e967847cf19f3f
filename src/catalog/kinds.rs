//! The kind table. Defaults come from the seeds: images and tags from seed 000/002's patterns
//! (postgres:16-alpine, redis:7-alpine, traefik v3, kong 3, rabbitmq 3-management), sizes from
//! seed 000's resources table (app 1 CPU / 512 MB, db 0.5 / 256 MB, redis 0.25 / 128 MB) and
//! seed 003's allocation table (gateway 0.5 / 512 MB, orchestrator 1 / 1 GB, adapter 0.5 / 512 MB,
//! llm-patch 1 / 2 GB, local LLM 2 / 4 GB, others 0.5 / 256 MB). Tags are pinned, never `latest`.

use crate::model::{Language, Tier};

/// What a kind is, for grouping in the palette and for rules (e.g. "databases are not published").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
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

impl Category {
    pub fn id(self) -> &'static str {
        match self {
            Category::Proxy => "proxy",
            Category::Web => "web",
            Category::Api => "api",
            Category::Worker => "worker",
            Category::Job => "job",
            Category::Database => "database",
            Category::Cache => "cache",
            Category::Queue => "queue",
            Category::Search => "search",
            Category::Storage => "storage",
            Category::Vector => "vector",
            Category::Notebook => "notebook",
            Category::Gateway => "gateway",
            Category::Monitoring => "monitoring",
            Category::Llm => "llm",
            Category::Tunnel => "tunnel",
            Category::Custom => "custom",
        }
    }

    /// Kinds whose data must never be published on the host (seed 000: "DB-Services nicht exponiert").
    pub fn is_data_store(self) -> bool {
        matches!(
            self,
            Category::Database | Category::Cache | Category::Queue | Category::Search | Category::Storage | Category::Vector
        )
    }
}

/// Where a kind's container comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindSource {
    Image { name: &'static str, tag: &'static str },
    Build { language: Language },
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

const fn env(key: &'static str, value: &'static str) -> EnvDefault {
    EnvDefault { key, value, secret: false }
}
const fn secret(key: &'static str) -> EnvDefault {
    EnvDefault { key, value: "", secret: true }
}

/// One row of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// Stable id (kebab-case); stored in designs and links, never renamed.
    pub id: &'static str,
    /// Display name ("PostgreSQL").
    pub name: &'static str,
    /// Two-letter monogram shown on cards.
    pub monogram: &'static str,
    pub category: Category,
    /// Suggested tier (a drop elsewhere is allowed).
    pub tier: Tier,
    pub source: KindSource,
    /// Default service name when added (made unique by the editor).
    pub default_name: &'static str,
    /// Container ports; the first is the main one.
    pub ports: &'static [u16],
    /// Exec-form healthcheck test (`["CMD", ...]` or `["CMD-SHELL", "..."]`); empty = none possible.
    pub healthcheck: &'static [&'static str],
    /// Where persistent data lives in the container (a named volume is mounted there).
    pub data_path: Option<&'static str>,
    /// Default CPU limit (millicores) and memory limit (MiB).
    pub cpu_m: u32,
    pub memory_mb: u32,
    pub env: &'static [EnvDefault],
    pub hardening: HardeningFit,
    /// Non-root user to run as when the image does not set one (`uid:gid`).
    pub user: &'static str,
    /// Prometheus metrics path, when the kind exposes one on its main port.
    pub metrics_path: Option<&'static str>,
    /// Command override (exec form), e.g. the worker's `worker`.
    pub command: &'static [&'static str],
    /// One-line description for the palette tooltip.
    pub summary: &'static str,
}

/// Look a kind up by id.
pub fn kind(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

/// The catalog. Order = palette order within a tier.
pub static KINDS: &[Kind] = &[
    Kind {
        id: "nginx",
        name: "Nginx",
        monogram: "Nx",
        category: Category::Proxy,
        tier: Tier::Frontend,
        source: KindSource::Image { name: "nginxinc/nginx-unprivileged", tag: "1.27-alpine" },
        default_name: "nginx",
        ports: &[8080],
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:8080/healthz"],
        data_path: None,
        cpu_m: 500,
        memory_mb: 256,
        env: &[],
        hardening: HardeningFit::Full,
        user: "101:101",
        metrics_path: None,
        command: &[],
        summary: "Reverse proxy and static file server (unprivileged image, port 8080).",
    },
    Kind {
        id: "python-api",
        name: "Python API (FastAPI)",
        monogram: "Py",
        category: Category::Api,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Python },
        default_name: "api",
        ports: &[8000],
        healthcheck: &["CMD", "python", "-c", "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/health')"],
        data_path: None,
        cpu_m: 1000,
        memory_mb: 512,
        env: &[env("LOG_LEVEL", "info")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        metrics_path: Some("/metrics"),
        command: &[],
        summary: "HTTP API built from source: FastAPI on Python 3.12.",
    },
    Kind {
        id: "postgres",
        name: "PostgreSQL",
        monogram: "Pg",
        category: Category::Database,
        tier: Tier::Data,
        source: KindSource::Image { name: "postgres", tag: "16-alpine" },
        default_name: "db",
        ports: &[5432],
        healthcheck: &["CMD-SHELL", "pg_isready -U \"$${POSTGRES_USER}\" -d \"$${POSTGRES_DB}\""],
        data_path: Some("/var/lib/postgresql/data"),
        cpu_m: 500,
        memory_mb: 256,
        env: &[env("POSTGRES_USER", "app"), env("POSTGRES_DB", "app"), secret("POSTGRES_PASSWORD")],
        hardening: HardeningFit::Minimal,
        user: "",
        metrics_path: None,
        command: &[],
        summary: "Relational database (seed 000: postgres:16-alpine).",
    },
];

//! Pattern starters (seed 000's patterns by project type, seed 003's agent platform) as data.
//!
//! Each pattern is a list of service rows (a kind plus the overrides the seed gives: port, size,
//! prod replicas, profiles) and the links between them: sync for request/response, async to and
//! from brokers. Only the entry point of a pattern publishes a port (the kind's default); data
//! stores never do. A pattern's id is also the name of the design it starts.
//!
//! Rows are in board order, and that order is tidy: "Tidy" (`diagram::tidy_order`) leaves every
//! pattern as it is, so a pattern opens with the fewest link crossings Tidy finds (a diagram
//! test holds this).

use crate::model::{LinkKind, Tier};

/// One service row of a pattern.
#[derive(Debug, Clone, Copy)]
pub struct PatternService {
    pub kind: &'static str,
    pub name: &'static str,
    /// Tier override; `None` = the kind's tier.
    pub tier: Option<Tier>,
    /// Prod replicas (seed 003's high-load plan); dev and ci run one.
    pub prod_replicas: u32,
    pub profiles: &'static [&'static str],
    /// Size override (CPU millicores, memory MiB), e.g. from seed 003's allocation table.
    pub size: Option<(u32, u32)>,
    pub command: Option<&'static [&'static str]>,
    /// Main container port override (seed 003's fixed ports: gateway 3001, orchestrator 7071...).
    /// Built kinds listen on `$PORT`, which follows the override.
    pub port: Option<u16>,
}

/// A row with the kind's defaults.
const fn svc(kind: &'static str, name: &'static str) -> PatternService {
    PatternService {
        kind,
        name,
        tier: None,
        prod_replicas: 1,
        profiles: &[],
        size: None,
        command: None,
        port: None,
    }
}

impl PatternService {
    const fn port(self, port: u16) -> Self {
        PatternService {
            port: Some(port),
            ..self
        }
    }
    const fn sized(self, cpu_m: u32, memory_mb: u32) -> Self {
        PatternService {
            size: Some((cpu_m, memory_mb)),
            ..self
        }
    }
    const fn prod(self, replicas: u32) -> Self {
        PatternService {
            prod_replicas: replicas,
            ..self
        }
    }
    const fn profiles(self, profiles: &'static [&'static str]) -> Self {
        PatternService { profiles, ..self }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct PatternLink {
    pub from: &'static str,
    pub to: &'static str,
    pub kind: LinkKind,
}

/// `from` calls `to` and waits for the answer.
const fn sync(from: &'static str, to: &'static str) -> PatternLink {
    PatternLink {
        from,
        to,
        kind: LinkKind::Sync,
    }
}
/// `from` publishes to or consumes from the broker `to`.
const fn queue(from: &'static str, to: &'static str) -> PatternLink {
    PatternLink {
        from,
        to,
        kind: LinkKind::Async,
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// Stable id (`monolith`, `web-app`, ...): also the default design name.
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub services: &'static [PatternService],
    pub links: &'static [PatternLink],
}

pub fn pattern(id: &str) -> Option<&'static Pattern> {
    PATTERNS.iter().find(|p| p.id == id)
}

pub static PATTERNS: &[Pattern] = &[
    Pattern {
        id: "monolith",
        name: "Containerised monolith",
        description: "One application container behind a proxy, one database: the MVP and migration \
                      starting point (seed 000: monolith first).",
        services: &[svc("nginx", "proxy"), svc("python-api", "app"), svc("postgres", "db")],
        links: &[sync("proxy", "app"), sync("app", "db")],
    },
    Pattern {
        id: "web-app",
        name: "Standard web application",
        description: "Traefik in front of the app, PostgreSQL, Redis as cache and job queue, and a worker \
                      built from the app's code (seed 000's standard web application).",
        services: &[
            svc("traefik", "traefik"),
            svc("python-api", "app"),
            svc("worker", "worker"),
            svc("postgres", "db"),
            svc("redis", "redis"),
        ],
        links: &[
            sync("traefik", "app"),
            sync("app", "db"),
            sync("app", "redis"),
            queue("worker", "redis"),
            sync("worker", "db"),
        ],
    },
    Pattern {
        id: "microservices",
        name: "Microservices",
        description: "Kong routes to users, orders and payments services; each owns its database and \
                      they exchange events through RabbitMQ (seed 000: one database per service).",
        services: &[
            svc("kong", "gateway"),
            svc("go-api", "payments-api"),
            svc("python-api", "users-api"),
            svc("node-api", "orders-api"),
            svc("postgres", "payments-db"),
            svc("postgres", "users-db"),
            svc("postgres", "orders-db"),
            svc("rabbitmq", "rabbitmq"),
        ],
        links: &[
            sync("gateway", "users-api"),
            sync("gateway", "orders-api"),
            sync("gateway", "payments-api"),
            sync("users-api", "users-db"),
            sync("orders-api", "orders-db"),
            sync("payments-api", "payments-db"),
            queue("users-api", "rabbitmq"),
            queue("orders-api", "rabbitmq"),
            queue("payments-api", "rabbitmq"),
        ],
    },
    Pattern {
        id: "event-driven",
        name: "Event-driven processing",
        description: "An ingest API publishes events to Kafka; processors, a notifier and scheduled jobs \
                      work asynchronously and keep results in PostgreSQL (seed 000's event-driven pattern).",
        services: &[
            svc("traefik", "traefik"),
            svc("worker", "notifier"),
            svc("python-api", "api"),
            svc("scheduler", "jobs"),
            svc("worker", "processor"),
            svc("kafka", "kafka"),
            svc("postgres", "db"),
        ],
        links: &[
            sync("traefik", "api"),
            queue("api", "kafka"),
            sync("api", "db"),
            queue("processor", "kafka"),
            sync("processor", "db"),
            queue("notifier", "kafka"),
            queue("jobs", "kafka"),
        ],
    },
    Pattern {
        id: "data-ml",
        name: "Data / ML application",
        description: "A serving API and three processing workers over MinIO object storage and the Qdrant \
                      vector database, with Jupyter notebooks in the `dev` profile (seed 000's data/ML \
                      pattern, behind an nginx entry point).",
        services: &[
            svc("nginx", "proxy"),
            svc("python-api", "api"),
            svc("worker", "worker").prod(3),
            svc("minio", "minio"),
            svc("qdrant", "qdrant"),
            svc("jupyter", "jupyter").profiles(&["dev"]),
        ],
        links: &[
            sync("proxy", "api"),
            sync("api", "qdrant"),
            sync("api", "minio"),
            sync("worker", "minio"),
            sync("worker", "qdrant"),
            sync("jupyter", "minio"),
            sync("jupyter", "qdrant"),
        ],
    },
    Pattern {
        id: "agent-platform",
        name: "Agent platform",
        description: "Seed 003's code-agent platform: gateway, orchestrator, adapter and LLM patch service \
                      behind Traefik, Azurite storage, a health monitor and an ngrok tunnel; a local LLM \
                      (profile `local-llm`) and a local Supabase database (profile `supabase-local`). Sizes \
                      follow its allocation table, prod replicas its high-load plan.",
        services: &[
            svc("traefik", "traefik").sized(500, 256),
            svc("ngrok", "ngrok").sized(500, 256),
            svc("node-api", "gateway").port(3001).sized(500, 512).prod(3),
            svc("health-monitor", "health-monitor").sized(500, 256),
            svc("python-api", "llm-patch").port(3003).sized(1000, 2048).prod(5),
            svc("node-api", "adapter").port(3002).sized(500, 512).prod(2),
            svc("node-api", "orchestrator").port(7071).sized(1000, 1024).prod(2),
            svc("ollama", "local-llm").sized(2000, 4096).profiles(&["local-llm"]),
            svc("azurite", "azurite").sized(500, 256),
            svc("supabase-postgres", "supabase-db").sized(500, 256).profiles(&["supabase-local"]),
        ],
        links: &[
            sync("ngrok", "traefik"),
            sync("traefik", "gateway"),
            sync("gateway", "orchestrator"),
            sync("orchestrator", "adapter"),
            sync("orchestrator", "llm-patch"),
            sync("orchestrator", "azurite"),
            sync("orchestrator", "supabase-db"),
            sync("llm-patch", "local-llm"),
            sync("health-monitor", "gateway"),
            sync("health-monitor", "orchestrator"),
            sync("health-monitor", "adapter"),
            sync("health-monitor", "llm-patch"),
        ],
    },
];

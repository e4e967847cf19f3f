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

use crate::i18n::Text;
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
    /// The starter's name (seed 000/001's pattern table where it has the pattern).
    pub name: Text,
    pub services: &'static [PatternService],
    pub links: &'static [PatternLink],
}

pub fn pattern(id: &str) -> Option<&'static Pattern> {
    PATTERNS.iter().find(|p| p.id == id)
}

/// What each pattern is for, in a sentence (`tierboard patterns --json`). Apart from [`PATTERNS`],
/// which the web app's first screen reads whole (the Patterns menu, applying one): the web app
/// never shows a description, so its first download does not carry them (1.7 KB gzip).
static DESCRIPTIONS: &[(&str, Text)] = &[
    (
        "monolith",
        Text {
            en: "One application container behind a proxy, one database: the MVP and migration \
                      starting point (seed 000: monolith first).",
            de: "Ein Anwendungs-Container hinter einem Proxy, eine Datenbank: der Startpunkt für MVP \
                und Migration (Seed 000: Monolith zuerst).",
            fr: "Un container applicatif derrière un proxy, une base de données : le point de départ \
                du MVP et de la migration (seed 000 : monolithe d'abord).",
        },
    ),
    (
        "web-app",
        Text {
            en: "Traefik in front of the app, PostgreSQL, Redis as cache and job queue, and a worker \
                      built from the app's code (seed 000's standard web application).",
            de: "Traefik vor der App, PostgreSQL, Redis als Cache und Job-Queue und ein Worker aus \
                dem Code der App (die Standard-Webanwendung aus Seed 000).",
            fr: "Traefik devant l'app, PostgreSQL, Redis comme cache et file de jobs, et un worker \
                construit à partir du code de l'app (l'application web standard du seed 000).",
        },
    ),
    (
        "microservices",
        Text {
            en: "Kong routes to users, orders and payments services; each owns its database and \
                      they exchange events through RabbitMQ (seed 000: one database per service).",
            de: "Kong leitet an die Services users, orders und payments weiter; jeder besitzt seine \
                Datenbank, und sie tauschen Events über RabbitMQ aus (Seed 000: DB pro Service).",
            fr: "Kong route vers les services users, orders et payments ; chacun possède sa base de \
                données et ils échangent des événements via RabbitMQ (seed 000 : DB par service).",
        },
    ),
    (
        "event-driven",
        Text {
            en: "An ingest API publishes events to Kafka; processors, a notifier and scheduled jobs \
                      work asynchronously and keep results in PostgreSQL (seed 000's event-driven pattern).",
            de: "Eine Ingest-API veröffentlicht Events in Kafka; Prozessoren, ein Notifier und \
                geplante Jobs arbeiten asynchron und speichern Ergebnisse in PostgreSQL (das \
                Event-driven-Pattern aus Seed 000).",
            fr: "Une API d'ingestion publie des événements dans Kafka ; des processeurs, un notifier \
                et des jobs planifiés travaillent de façon asynchrone et stockent les résultats dans \
                PostgreSQL (le pattern event-driven du seed 000).",
        },
    ),
    (
        "data-ml",
        Text {
            en: "A serving API and three processing workers over MinIO object storage and the Qdrant \
                      vector database, with Jupyter notebooks in the `dev` profile (seed 000's data/ML \
                      pattern, behind an nginx entry point).",
            de: "Eine Serving-API und drei Verarbeitungs-Worker über MinIO Object Storage und der \
                Vektordatenbank Qdrant, mit Jupyter-Notebooks im Profil `dev` (das Daten/ML-Pattern \
                aus Seed 000, hinter einem nginx-Einstiegspunkt).",
            fr: "Une API de serving et trois workers de traitement sur le stockage objet MinIO et la \
                base de données vectorielle Qdrant, avec des notebooks Jupyter dans le profil `dev` \
                (le pattern data/ML du seed 000, derrière un point d'entrée nginx).",
        },
    ),
    (
        "agent-platform",
        Text {
            en: "Seed 003's code-agent platform: gateway, orchestrator, adapter and LLM patch service \
                      behind Traefik, Azurite storage, a health monitor and an ngrok tunnel; a local LLM \
                      (profile `local-llm`) and a local Supabase database (profile `supabase-local`). Sizes \
                      follow its allocation table, prod replicas its high-load plan.",
            de: "Die Code-Agent-Plattform aus Seed 003: Gateway, Orchestrator, Adapter und \
                LLM-Patch-Service hinter Traefik, Azurite-Storage, ein Health-Monitor und ein \
                ngrok-Tunnel; ein lokales LLM (Profil `local-llm`) und eine lokale \
                Supabase-Datenbank (Profil `supabase-local`). Größen folgen ihrer Zuteilungstabelle, \
                Prod-Replikas ihrem Hochlast-Plan.",
            fr: "La plateforme d'agents de code du seed 003 : gateway, orchestrateur, adaptateur et \
                service de patch LLM derrière Traefik, stockage Azurite, un moniteur de santé et un \
                tunnel ngrok ; un LLM local (profil `local-llm`) et une base de données Supabase \
                locale (profil `supabase-local`). Les tailles suivent sa table d'allocation, les \
                réplicas de prod son plan de haute charge.",
        },
    ),
];

/// The description of the pattern `id` (see [`DESCRIPTIONS`]).
pub fn pattern_description(id: &str) -> Option<Text> {
    DESCRIPTIONS
        .iter()
        .find(|(p, _)| *p == id)
        .map(|(_, text)| *text)
}

pub static PATTERNS: &[Pattern] = &[
    Pattern {
        id: "monolith",
        name: Text {
            en: "Containerised monolith",
            de: "Containerisierter Monolith",
            fr: "Monolithe containerisé",
        },
        services: &[
            svc("nginx", "proxy"),
            svc("python-api", "app"),
            svc("postgres", "db"),
        ],
        links: &[sync("proxy", "app"), sync("app", "db")],
    },
    Pattern {
        id: "web-app",
        name: Text {
            en: "Standard web application",
            de: "Standard-Webanwendung",
            fr: "Application web standard",
        },
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
        name: Text {
            en: "Microservices",
            de: "Microservices",
            fr: "Microservices",
        },
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
        name: Text {
            en: "Event-driven processing",
            de: "Event-driven-Verarbeitung",
            fr: "Traitement event-driven",
        },
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
        name: Text {
            en: "Data / ML application",
            de: "Daten-/ML-Anwendung",
            fr: "Application data / ML",
        },
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
        name: Text {
            en: "Agent platform",
            de: "Agenten-Plattform",
            fr: "Plateforme d'agents",
        },
        services: &[
            svc("traefik", "traefik").sized(500, 256),
            svc("ngrok", "ngrok").sized(500, 256),
            svc("node-api", "gateway")
                .port(3001)
                .sized(500, 512)
                .prod(3),
            svc("health-monitor", "health-monitor").sized(500, 256),
            svc("python-api", "llm-patch")
                .port(3003)
                .sized(1000, 2048)
                .prod(5),
            svc("node-api", "adapter")
                .port(3002)
                .sized(500, 512)
                .prod(2),
            svc("node-api", "orchestrator")
                .port(7071)
                .sized(1000, 1024)
                .prod(2),
            svc("ollama", "local-llm")
                .sized(2000, 4096)
                .profiles(&["local-llm"]),
            svc("azurite", "azurite").sized(500, 256),
            svc("supabase-postgres", "supabase-db")
                .sized(500, 256)
                .profiles(&["supabase-local"]),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_has_one_description_and_every_description_a_pattern() {
        let ids: Vec<&str> = PATTERNS.iter().map(|p| p.id).collect();
        let described: Vec<&str> = DESCRIPTIONS.iter().map(|(id, _)| *id).collect();
        assert_eq!(described, ids, "in the patterns' order, once each");
        for id in ids {
            assert!(!pattern_description(id).unwrap().en.is_empty(), "{id}");
        }
        assert_eq!(pattern_description("no-such-pattern"), None);
    }
}

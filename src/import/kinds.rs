//! Image reference → catalog kind and tier.
//!
//! The repository is normalised first (registry host, `docker.io/`, `library/` and vendor
//! prefixes such as `bitnami/` do not matter: `docker.elastic.co/elasticsearch/elasticsearch`,
//! `bitnami/redis` and `redis` are all read by their last path component). The catalog's own
//! images are tried first, then [`ALIASES`]. A kind id the catalog does not (yet) have imports as
//! the generic `custom` kind, but in the tier its category implies (databases, caches, queues,
//! search, object storage → data; proxies and web servers → frontend; the rest backend).

use super::convert::likely_value;
use crate::catalog::{self, KindCategory, KindSource};
use crate::model::{Image, Tier};

/// The generic kind for images the catalog does not know.
pub const GENERIC: &str = "custom";

/// What an image was recognised as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// Catalog kind id to store on the service (`GENERIC` when the catalog lacks the kind).
    pub kind: String,
    pub tier: Tier,
    pub category: KindCategory,
    /// The recognised kind id (even when the catalog lacks it), for notices.
    pub recognised: Option<&'static str>,
}

/// Known images by kind id. Names without `/` match the last path component of the
/// repository; names with `/` match the normalised repository exactly; a leading `*` matches a
/// suffix (`*-notebook`).
pub static ALIASES: &[(&str, KindCategory, &[&str])] = &[
    (
        "nginx",
        KindCategory::Proxy,
        &["nginx", "nginx-unprivileged", "openresty"],
    ),
    ("traefik", KindCategory::Proxy, &["traefik"]),
    ("caddy", KindCategory::Proxy, &["caddy"]),
    ("haproxy", KindCategory::Proxy, &["haproxy"]),
    ("envoy", KindCategory::Proxy, &["envoy", "envoyproxy/envoy"]),
    ("apache", KindCategory::Web, &["httpd"]),
    ("kong", KindCategory::Gateway, &["kong", "kong-gateway"]),
    (
        "postgres",
        KindCategory::Database,
        &[
            "postgres",
            "postgresql",
            "postgis",
            "timescaledb",
            "timescaledb-ha",
            "pgvector",
        ],
    ),
    (
        "pgbouncer",
        KindCategory::Database,
        &["pgbouncer", "edoburu/pgbouncer"],
    ),
    (
        "mysql",
        KindCategory::Database,
        &["mysql", "mysql-server", "percona", "percona-server"],
    ),
    ("mariadb", KindCategory::Database, &["mariadb"]),
    (
        "mongodb",
        KindCategory::Database,
        &["mongo", "mongodb", "mongodb-community-server"],
    ),
    (
        "mssql",
        KindCategory::Database,
        &["mssql/server", "azure-sql-edge", "mssql-server-linux"],
    ),
    (
        "clickhouse",
        KindCategory::Database,
        &["clickhouse-server", "clickhouse"],
    ),
    (
        "cassandra",
        KindCategory::Database,
        &["cassandra", "scylla"],
    ),
    ("cockroachdb", KindCategory::Database, &["cockroach"]),
    ("couchdb", KindCategory::Database, &["couchdb"]),
    ("neo4j", KindCategory::Database, &["neo4j"]),
    ("influxdb", KindCategory::Database, &["influxdb"]),
    (
        "redis",
        KindCategory::Cache,
        &[
            "redis",
            "redis-stack",
            "redis-stack-server",
            "keydb",
            "dragonfly",
        ],
    ),
    ("valkey", KindCategory::Cache, &["valkey"]),
    ("memcached", KindCategory::Cache, &["memcached"]),
    ("rabbitmq", KindCategory::Queue, &["rabbitmq"]),
    (
        "kafka",
        KindCategory::Queue,
        &["kafka", "cp-kafka", "cp-server", "redpanda"],
    ),
    (
        "zookeeper",
        KindCategory::Queue,
        &["zookeeper", "cp-zookeeper"],
    ),
    ("nats", KindCategory::Queue, &["nats", "nats-streaming"]),
    (
        "mosquitto",
        KindCategory::Queue,
        &["mosquitto", "eclipse-mosquitto"],
    ),
    (
        "activemq",
        KindCategory::Queue,
        &["activemq", "activemq-artemis", "activemq-classic"],
    ),
    ("elasticsearch", KindCategory::Search, &["elasticsearch"]),
    ("opensearch", KindCategory::Search, &["opensearch"]),
    ("meilisearch", KindCategory::Search, &["meilisearch"]),
    ("typesense", KindCategory::Search, &["typesense"]),
    ("solr", KindCategory::Search, &["solr"]),
    ("minio", KindCategory::Storage, &["minio"]),
    ("seaweedfs", KindCategory::Storage, &["seaweedfs"]),
    (
        "azurite",
        KindCategory::Storage,
        &["azurite", "azure-storage/azurite"],
    ),
    ("qdrant", KindCategory::Vector, &["qdrant"]),
    ("weaviate", KindCategory::Vector, &["weaviate"]),
    ("chroma", KindCategory::Vector, &["chroma", "chromadb"]),
    ("milvus", KindCategory::Vector, &["milvus"]),
    ("prometheus", KindCategory::Monitoring, &["prometheus"]),
    (
        "grafana",
        KindCategory::Monitoring,
        &["grafana", "grafana-oss", "grafana-enterprise"],
    ),
    ("loki", KindCategory::Monitoring, &["loki"]),
    (
        "jaeger",
        KindCategory::Monitoring,
        &["all-in-one", "jaeger", "jaegertracing/jaeger"],
    ),
    (
        "otel-collector",
        KindCategory::Monitoring,
        &["opentelemetry-collector", "opentelemetry-collector-contrib"],
    ),
    ("kibana", KindCategory::Monitoring, &["kibana"]),
    ("logstash", KindCategory::Monitoring, &["logstash"]),
    ("ollama", KindCategory::Llm, &["ollama"]),
    ("vllm", KindCategory::Llm, &["vllm-openai", "vllm"]),
    (
        "jupyter",
        KindCategory::Notebook,
        &["*-notebook", "jupyterlab"],
    ),
    ("ngrok", KindCategory::Tunnel, &["ngrok"]),
    ("cloudflared", KindCategory::Tunnel, &["cloudflared"]),
    ("keycloak", KindCategory::Api, &["keycloak"]),
];

/// The tier a category belongs in.
pub fn tier_of(category: KindCategory) -> Tier {
    match category {
        KindCategory::Proxy | KindCategory::Web => Tier::Frontend,
        c if c.is_data_store() => Tier::Data,
        _ => Tier::Backend,
    }
}

/// `docker.io/library/Redis:7@sha256:...` → `redis`; `ghcr.io/org/app:1` → `org/app`.
/// `None` when the repository is hidden behind a variable without a default.
pub fn repository(image: &str) -> Option<String> {
    let text = if let Some(dollar) = image.find('$') {
        // `redis:${TAG}` still names redis; `${IMAGE:-x}` names x; `$IMAGE` names nothing.
        match image[..dollar].strip_suffix(':') {
            Some(repo) if !repo.is_empty() => repo.to_string(),
            _ => likely_value(image)?.to_string(),
        }
    } else {
        image.to_string()
    };
    let name = Image::parse(&text).name.to_ascii_lowercase();
    let mut parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
    if parts.len() > 1
        && (parts[0].contains('.') || parts[0].contains(':') || parts[0] == "localhost")
    {
        parts.remove(0);
    }
    if parts.len() > 1 && parts[0] == "library" {
        parts.remove(0);
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn matches(pattern: &str, repo: &str) -> bool {
    let last = repo.rsplit('/').next().unwrap_or(repo);
    if let Some(suffix) = pattern.strip_prefix('*') {
        last.ends_with(suffix)
    } else if pattern.contains('/') {
        repo == pattern
    } else {
        last == pattern
    }
}

/// The kind of a service from its image (or, failing that, its name: a service called `redis`
/// whose image is `$REDIS_IMAGE`). `None` = nothing recognised.
pub fn detect_kind(image: Option<&str>, service_name: &str) -> Option<Detected> {
    let repo = image.and_then(repository);
    let candidates: Vec<String> = match repo {
        Some(r) => vec![r],
        None => vec![service_name.to_ascii_lowercase()],
    };
    let catalog_image = |k: &catalog::Kind| match k.source {
        KindSource::Image { name, .. } => repository(&name.to_ascii_lowercase()),
        KindSource::Build { .. } => None,
    };
    let found = |k: &'static catalog::Kind| Detected {
        kind: k.id.to_string(),
        tier: k.tier,
        category: k.category,
        recognised: Some(k.id),
    };
    for repo in &candidates {
        // The catalog's exact repository first (`supabase/postgres` is its own kind), then by
        // last path component (`bitnami/redis` is redis).
        if let Some(k) = catalog::KINDS
            .iter()
            .find(|k| catalog_image(k).is_some_and(|n| n == *repo))
        {
            return Some(found(k));
        }
        let last = |n: &str| n.rsplit('/').next().map(str::to_string);
        if let Some(k) = catalog::KINDS
            .iter()
            .find(|k| catalog_image(k).is_some_and(|n| last(&n) == last(repo)))
        {
            return Some(found(k));
        }
        for (id, category, names) in ALIASES {
            if names.iter().any(|n| matches(n, repo)) {
                return Some(match catalog::kind(id) {
                    Some(k) => Detected {
                        kind: k.id.to_string(),
                        tier: k.tier,
                        category: k.category,
                        recognised: Some(k.id),
                    },
                    None => Detected {
                        kind: GENERIC.to_string(),
                        tier: tier_of(*category),
                        category: *category,
                        recognised: Some(id),
                    },
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(image: &str) -> Option<&'static str> {
        detect_kind(Some(image), "x").and_then(|d| d.recognised)
    }

    #[test]
    fn repositories_are_normalised() {
        assert_eq!(
            repository("docker.io/library/Redis:7@sha256:ab").as_deref(),
            Some("redis")
        );
        assert_eq!(
            repository("ghcr.io/org/app:1.2").as_deref(),
            Some("org/app")
        );
        assert_eq!(repository("localhost:5000/app").as_deref(), Some("app"));
        assert_eq!(
            repository("redis:${REDIS_TAG:-7}").as_deref(),
            Some("redis")
        );
        assert_eq!(
            repository("${IMG:-getsentry/sentry:nightly}").as_deref(),
            Some("getsentry/sentry")
        );
        assert_eq!(repository("$SNUBA_IMAGE"), None);
    }

    #[test]
    fn common_images_map_to_kinds_and_tiers() {
        assert_eq!(kind_of("postgres:16-alpine"), Some("postgres"));
        assert_eq!(kind_of("bitnami/redis:7.2"), Some("redis"));
        assert_eq!(
            kind_of("docker.elastic.co/elasticsearch/elasticsearch:8.15.0"),
            Some("elasticsearch")
        );
        assert_eq!(kind_of("mongo:7"), Some("mongodb"));
        assert_eq!(
            kind_of("nginxinc/nginx-unprivileged:1.27-alpine"),
            Some("nginx")
        );
        assert_eq!(kind_of("confluentinc/cp-kafka:7.6.0"), Some("kafka"));
        assert_eq!(kind_of("jupyter/scipy-notebook"), Some("jupyter"));
        assert_eq!(
            kind_of("mcr.microsoft.com/mssql/server:2022-latest"),
            Some("mssql")
        );
        assert_eq!(kind_of("ghcr.io/acme/shop-api:1"), None);
        assert_eq!(
            detect_kind(Some("postgres"), "x").map(|d| d.tier),
            Some(Tier::Data)
        );
        assert_eq!(
            detect_kind(Some("traefik:v3.1"), "x").map(|d| d.tier),
            Some(Tier::Frontend)
        );
        assert_eq!(
            detect_kind(Some("grafana/grafana"), "x").map(|d| d.tier),
            Some(Tier::Backend)
        );
    }

    #[test]
    fn a_hidden_image_falls_back_to_the_service_name() {
        assert_eq!(
            detect_kind(Some("$REDIS_IMAGE"), "redis").and_then(|d| d.recognised),
            Some("redis")
        );
        assert_eq!(
            detect_kind(None, "kafka").and_then(|d| d.recognised),
            Some("kafka")
        );
        assert_eq!(detect_kind(Some("$X"), "snuba-api"), None);
    }

    #[test]
    fn catalog_images_are_recognised_as_their_kind() {
        for k in catalog::KINDS {
            if let KindSource::Image { name, tag } = k.source {
                let d = detect_kind(Some(&format!("{name}:{tag}")), "x").unwrap();
                assert_eq!(d.kind, k.id);
                assert_eq!(d.tier, k.tier);
            }
        }
    }
}

//! Image aliases and families: the images people run for a kind besides the catalog's own
//! (`bitnami/redis`, `valkey/valkey`, `mariadb`, `timescale/timescaledb`), so that an import
//! puts them in the right tier with the right kind, and the healthcheck fix gives them a test
//! their image can run (Valkey has `valkey-cli`, MariaDB 11 has no `mysqladmin`).
//!
//! A row names a kind id: a catalog kind (the family's member imports as that kind: Valkey is a
//! Redis-compatible `redis`), or an id the catalog does not have yet, which imports as the
//! generic `custom` kind in the tier its category implies. `tierboard catalog --json` lists the
//! rows under their kinds. Matching is on the normalised repository ([`repository`]): a name
//! without `/` matches the last path component, a name with `/` the whole repository, and a
//! leading `*` a suffix of the last component (`*-notebook`).

use super::KindCategory as Category;
use crate::i18n::Text;
use crate::model::{interpolation::likely_value, Image};

/// The families' names.
pub mod family_text {
    crate::texts! {
        POSTGRES { en: "PostgreSQL-compatible", de: "PostgreSQL-kompatibel", fr: "compatible PostgreSQL" }
        MYSQL { en: "MySQL-compatible", de: "MySQL-kompatibel", fr: "compatible MySQL" }
        MONGODB { en: "MongoDB-compatible", de: "MongoDB-kompatibel", fr: "compatible MongoDB" }
        REDIS { en: "Redis-compatible", de: "Redis-kompatibel", fr: "compatible Redis" }
        KAFKA { en: "Kafka-compatible", de: "Kafka-kompatibel", fr: "compatible Kafka" }
    }
}

/// Images recognised as a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    /// The kind id (a catalog kind, or one the catalog lacks: see the module docs).
    pub kind: &'static str,
    pub category: Category,
    /// The family in words when the images are compatible with the kind rather than the kind
    /// itself ("Redis-compatible"); `None` for the kind's own images.
    pub family: Option<Text>,
    pub images: &'static [&'static str],
    /// Exec-form healthcheck test for these images when the kind's own would not run in them;
    /// empty = the kind's.
    pub healthcheck: &'static [&'static str],
}

const fn own(kind: &'static str, category: Category, images: &'static [&'static str]) -> Alias {
    Alias {
        kind,
        category,
        family: None,
        images,
        healthcheck: &[],
    }
}

const fn family(
    kind: &'static str,
    category: Category,
    family: Text,
    images: &'static [&'static str],
    healthcheck: &'static [&'static str],
) -> Alias {
    Alias {
        kind,
        category,
        family: Some(family),
        images,
        healthcheck,
    }
}

use Category::*;

/// Every alias, most specific first (the first row that matches wins).
pub static ALIASES: &[Alias] = &[
    own(
        "nginx",
        Proxy,
        &["nginx", "nginx-unprivileged", "openresty"],
    ),
    own("traefik", Proxy, &["traefik"]),
    own("caddy", Proxy, &["caddy"]),
    own("haproxy", Proxy, &["haproxy"]),
    own("envoy", Proxy, &["envoy", "envoyproxy/envoy"]),
    own("apache", Web, &["httpd"]),
    own("kong", Gateway, &["kong", "kong-gateway"]),
    own(
        "postgres",
        Database,
        &["postgres", "postgresql", "postgres-alpine"],
    ),
    family(
        "postgres",
        Database,
        family_text::POSTGRES,
        &[
            "postgis",
            "timescaledb",
            "timescaledb-ha",
            "timescaledb-postgis",
            "pgvector",
            "pgvecto-rs",
            "postgresql-repmgr",
        ],
        &[],
    ),
    own("pgbouncer", Database, &["pgbouncer", "edoburu/pgbouncer"]),
    own("mysql", Database, &["mysql", "mysql-server"]),
    family(
        "mysql",
        Database,
        family_text::MYSQL,
        &["mariadb", "mariadb-server"],
        &["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"],
    ),
    family(
        "mysql",
        Database,
        family_text::MYSQL,
        &["percona", "percona-server"],
        &[],
    ),
    own(
        "mongodb",
        Database,
        &["mongo", "mongodb", "mongodb-community-server"],
    ),
    family(
        "mongodb",
        Database,
        family_text::MONGODB,
        &["percona-server-mongodb", "ferretdb"],
        &[],
    ),
    own(
        "mssql",
        Database,
        &["mssql/server", "azure-sql-edge", "mssql-server-linux"],
    ),
    own("clickhouse", Database, &["clickhouse-server", "clickhouse"]),
    own("cassandra", Database, &["cassandra", "scylla"]),
    own("cockroachdb", Database, &["cockroach"]),
    own("couchdb", Database, &["couchdb"]),
    own("neo4j", Database, &["neo4j"]),
    own("influxdb", Database, &["influxdb"]),
    own(
        "redis",
        Cache,
        &["redis", "redis-stack", "redis-stack-server", "redismod"],
    ),
    family(
        "redis",
        Cache,
        family_text::REDIS,
        &["valkey"],
        &["CMD", "valkey-cli", "ping"],
    ),
    family(
        "redis",
        Cache,
        family_text::REDIS,
        &["keydb"],
        &["CMD", "keydb-cli", "ping"],
    ),
    family(
        "redis",
        Cache,
        family_text::REDIS,
        &["dragonfly"],
        &["CMD", "/usr/local/bin/healthcheck.sh"],
    ),
    own("memcached", Cache, &["memcached"]),
    own("rabbitmq", Queue, &["rabbitmq"]),
    own("kafka", Queue, &["kafka"]),
    family(
        "kafka",
        Queue,
        family_text::KAFKA,
        &["cp-kafka", "cp-server"],
        &[
            "CMD",
            "kafka-broker-api-versions",
            "--bootstrap-server",
            "localhost:9092",
        ],
    ),
    family(
        "kafka",
        Queue,
        family_text::KAFKA,
        &["redpanda"],
        &[
            "CMD-SHELL",
            "rpk cluster health | grep -E 'Healthy:.+true' || exit 1",
        ],
    ),
    own("zookeeper", Queue, &["zookeeper", "cp-zookeeper"]),
    own("nats", Queue, &["nats", "nats-streaming"]),
    own("mosquitto", Queue, &["mosquitto", "eclipse-mosquitto"]),
    own(
        "activemq",
        Queue,
        &["activemq", "activemq-artemis", "activemq-classic"],
    ),
    own("elasticsearch", Search, &["elasticsearch"]),
    own("opensearch", Search, &["opensearch"]),
    own("meilisearch", Search, &["meilisearch"]),
    own("typesense", Search, &["typesense"]),
    own("solr", Search, &["solr"]),
    own("minio", Storage, &["minio"]),
    own("seaweedfs", Storage, &["seaweedfs"]),
    own("garage", Storage, &["garage"]),
    own("azurite", Storage, &["azurite", "azure-storage/azurite"]),
    own("qdrant", Vector, &["qdrant"]),
    own("weaviate", Vector, &["weaviate"]),
    own("chroma", Vector, &["chroma", "chromadb"]),
    own("milvus", Vector, &["milvus"]),
    own("prometheus", Monitoring, &["prometheus"]),
    own(
        "grafana",
        Monitoring,
        &["grafana", "grafana-oss", "grafana-enterprise"],
    ),
    own("loki", Monitoring, &["loki"]),
    own(
        "jaeger",
        Monitoring,
        &["all-in-one", "jaeger", "jaegertracing/jaeger"],
    ),
    own(
        "otel-collector",
        Monitoring,
        &["opentelemetry-collector", "opentelemetry-collector-contrib"],
    ),
    own("kibana", Monitoring, &["kibana"]),
    own("logstash", Monitoring, &["logstash"]),
    own("ollama", Llm, &["ollama"]),
    own("vllm", Llm, &["vllm-openai", "vllm"]),
    own("jupyter", Notebook, &["*-notebook", "jupyterlab"]),
    own("ngrok", Tunnel, &["ngrok"]),
    own("cloudflared", Tunnel, &["cloudflared"]),
    own("keycloak", Api, &["keycloak"]),
];

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

/// Whether alias name `pattern` matches normalised repository `repo`.
pub fn matches(pattern: &str, repo: &str) -> bool {
    let last = repo.rsplit('/').next().unwrap_or(repo);
    if let Some(suffix) = pattern.strip_prefix('*') {
        last.ends_with(suffix)
    } else if pattern.contains('/') {
        repo == pattern
    } else {
        last == pattern
    }
}

/// The first alias row matching normalised repository `repo`.
pub fn alias(repo: &str) -> Option<&'static Alias> {
    ALIASES
        .iter()
        .find(|a| a.images.iter().any(|n| matches(n, repo)))
}

/// The healthcheck test an image needs instead of its kind's (`valkey/valkey:8` →
/// `valkey-cli ping`), if its alias row names one.
pub fn healthcheck_for(image: &str) -> Option<&'static [&'static str]> {
    let repo = repository(image)?;
    alias(&repo)
        .map(|a| a.healthcheck)
        .filter(|h| !h.is_empty())
}

/// The alias rows of kind `id`, as `tierboard catalog --json` lists them.
pub fn aliases_of(id: &str) -> impl Iterator<Item = &'static Alias> + '_ {
    ALIASES.iter().filter(move |a| a.kind == id)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn families_name_their_catalog_kind_and_their_own_healthcheck() {
        let of = |image: &str| alias(&repository(image).unwrap()).map(|a| (a.kind, a.family));
        assert_eq!(
            of("valkey/valkey:8.0-alpine"),
            Some(("redis", Some(family_text::REDIS)))
        );
        assert_eq!(
            of("eqalpha/keydb:6"),
            Some(("redis", Some(family_text::REDIS)))
        );
        assert_eq!(
            of("docker.dragonflydb.io/dragonflydb/dragonfly:v1.23"),
            Some(("redis", Some(family_text::REDIS)))
        );
        assert_eq!(
            of("mariadb:11.8"),
            Some(("mysql", Some(family_text::MYSQL)))
        );
        assert_eq!(of("percona:8"), Some(("mysql", Some(family_text::MYSQL))));
        assert_eq!(
            of("timescale/timescaledb:2.17.0-pg16"),
            Some(("postgres", Some(family_text::POSTGRES)))
        );
        assert_eq!(
            of("postgis/postgis:16-3.4"),
            Some(("postgres", Some(family_text::POSTGRES)))
        );
        assert_eq!(
            of("pgvector/pgvector:pg16"),
            Some(("postgres", Some(family_text::POSTGRES)))
        );
        assert_eq!(
            of("docker.redpanda.com/vectorized/redpanda:v22.2.2"),
            Some(("kafka", Some(family_text::KAFKA)))
        );
        assert_eq!(
            of("opensearchproject/opensearch:2"),
            Some(("opensearch", None))
        );
        assert_eq!(of("chrislusf/seaweedfs:3"), Some(("seaweedfs", None)));
        assert_eq!(of("ghcr.io/acme/shop:1"), None);
        assert_eq!(
            healthcheck_for("valkey/valkey:8"),
            Some(&["CMD", "valkey-cli", "ping"][..])
        );
        assert_eq!(
            healthcheck_for("mariadb:11").map(|h| h[1]),
            Some("healthcheck.sh")
        );
        assert_eq!(healthcheck_for("redis:7"), None);
    }

    #[test]
    fn family_names_are_translated() {
        crate::i18n::assert_well_formed(family_text::ALL);
    }

    #[test]
    fn every_row_has_images_and_families_name_catalog_kinds() {
        for a in ALIASES {
            assert!(!a.images.is_empty(), "{}", a.kind);
            if a.family.is_some() {
                assert!(
                    super::super::kind(a.kind).is_some(),
                    "{} is no catalog kind",
                    a.kind
                );
            }
            if let (Some(k), false) = (super::super::kind(a.kind), a.healthcheck.is_empty()) {
                assert_ne!(
                    k.healthcheck, a.healthcheck,
                    "{}: the kind's own test",
                    a.kind
                );
            }
        }
    }
}

//! Catalog search: finds kinds by the words people type ("db", "queue", "s3"), not only by
//! their display names. The palette's search box and Enter-to-add call [`search`].
//!
//! Every kind is described by its name, id, category, summary and a few tags: its category's
//! synonyms ([`category_tags`]) plus words of its own ([`kind_tags`], e.g. `s3` for MinIO, `sql`
//! for the relational databases). A query matches when every one of its words is the start of
//! one of those words (`post` finds PostgreSQL, `sql` does not find "nosql" MongoDB). Results
//! are ranked: a name or id match, then a category match, then a kind's own tag, then the
//! summary; catalog order within a rank, so the same query always gives the same list.
//!
//! People search in English, German and French: the names and summaries of every language are
//! indexed, and each category has German and French synonyms ("Datenbank", "base de données",
//! "Warteschlange", "file d'attente"). Folding is ASCII case plus the accented letters of those
//! languages (`données` = `donnees`, `Überwachung` = `uberwachung`, `ß` = `ss`), so people who
//! type without accents find the same kinds; Unicode tables would cost wasm size. In a query of
//! several words the little words of a phrase ("de", "d'", "der") are skipped.

use super::{Kind, KindCategory, KINDS};
use crate::i18n::Lang;

/// Words people use for a category (lower-case).
fn category_tags(c: KindCategory) -> &'static [&'static str] {
    match c {
        KindCategory::Proxy => &[
            "proxy",
            "reverse-proxy",
            "load-balancer",
            "lb",
            "ingress",
            "tls",
            "https",
            "web-server",
            "static",
            "lastverteiler",
            "lastverteilung",
            "repartiteur",
            "equilibreur",
            "charge",
        ],
        KindCategory::Web => &[
            "web",
            "frontend",
            "spa",
            "ui",
            "site",
            "static",
            "webseite",
            "oberflache",
            "statisch",
            "interface",
            "statique",
            "front",
        ],
        KindCategory::Api => &[
            "api",
            "backend",
            "rest",
            "http",
            "server",
            "app",
            "service",
            "schnittstelle",
            "anwendung",
            "dienst",
            "application",
            "serveur",
        ],
        KindCategory::Worker => &[
            "worker",
            "background",
            "jobs",
            "consumer",
            "tasks",
            "hintergrund",
            "aufgaben",
            "verarbeitung",
            "arriere-plan",
            "taches",
            "traitement",
        ],
        KindCategory::Job => &[
            "job",
            "cron",
            "scheduler",
            "periodic",
            "timer",
            "batch",
            "zeitplan",
            "geplant",
            "periodisch",
            "zeitgesteuert",
            "planifie",
            "periodique",
            "taches",
            "planificateur",
        ],
        KindCategory::Database => &[
            "db",
            "database",
            "datastore",
            "store",
            "persistence",
            "datenbank",
            "datenbanken",
            "base",
            "donnees",
            "bdd",
            "sgbd",
        ],
        KindCategory::Cache => &[
            "cache",
            "caching",
            "in-memory",
            "key-value",
            "kv",
            "session",
            "zwischenspeicher",
            "sitzung",
            "memoire",
        ],
        KindCategory::Queue => &[
            "queue",
            "broker",
            "message",
            "messaging",
            "mq",
            "pubsub",
            "events",
            "warteschlange",
            "nachrichten",
            "ereignisse",
            "file",
            "attente",
            "evenements",
        ],
        KindCategory::Search => &[
            "search",
            "full-text",
            "fulltext",
            "index",
            "suche",
            "suchmaschine",
            "volltext",
            "recherche",
            "moteur",
            "plein-texte",
        ],
        KindCategory::Storage => &[
            "storage",
            "object",
            "s3",
            "blob",
            "bucket",
            "files",
            "speicher",
            "objektspeicher",
            "dateien",
            "stockage",
            "objet",
            "fichiers",
        ],
        KindCategory::Vector => &[
            "vector",
            "embeddings",
            "similarity",
            "rag",
            "ai",
            "db",
            "database",
            "vektor",
            "vektordatenbank",
            "datenbank",
            "vecteur",
            "vectorielle",
            "base",
            "donnees",
        ],
        KindCategory::Notebook => &[
            "notebook",
            "data-science",
            "python",
            "analysis",
            "datenanalyse",
            "analyse",
            "carnet",
        ],
        KindCategory::Gateway => &[
            "gateway",
            "api-gateway",
            "proxy",
            "ingress",
            "rate-limit",
            "passerelle",
        ],
        KindCategory::Monitoring => &[
            "monitoring",
            "metrics",
            "observability",
            "dashboard",
            "alerts",
            "uberwachung",
            "metriken",
            "alarme",
            "supervision",
            "surveillance",
            "metriques",
            "alertes",
        ],
        KindCategory::Llm => &[
            "llm",
            "ai",
            "model",
            "inference",
            "gpt",
            "chat",
            "sprachmodell",
            "modell",
            "ki",
            "modele",
            "ia",
            "langage",
        ],
        KindCategory::Tunnel => &["tunnel", "expose", "public", "url", "offentlich", "exposer"],
        KindCategory::Custom => &[
            "custom",
            "generic",
            "other",
            "image",
            "eigener",
            "beliebig",
            "sonstige",
            "personnalise",
            "autre",
            "generique",
        ],
    }
}

/// Words of one kind beyond its category's (lower-case).
fn kind_tags(id: &str) -> &'static [&'static str] {
    match id {
        "postgres" => &["sql", "postgresql", "pg", "relational", "rdbms"],
        "supabase-postgres" => &["sql", "postgresql", "pg", "relational", "rdbms", "auth"],
        "mysql" => &["sql", "mariadb", "relational", "rdbms"],
        "mongodb" => &["nosql", "document", "mongo"],
        "redis" => &["valkey", "pubsub", "queue", "broker"],
        "memcached" => &["memcache"],
        "rabbitmq" => &["amqp", "rabbit"],
        "kafka" => &["stream", "streaming", "log"],
        "elasticsearch" => &["elastic", "opensearch", "logs"],
        "meilisearch" => &["meili", "typo-tolerant"],
        "minio" => &["s3-compatible", "aws"],
        "azurite" => &["azure", "emulator"],
        "qdrant" => &["ann"],
        "ollama" => &["local", "llama", "openai"],
        "nginx" => &["http"],
        "traefik" => &["docker", "letsencrypt"],
        "kong" => &["auth"],
        "grafana" => &["charts", "graphs"],
        "prometheus" => &["scrape", "timeseries"],
        "health-monitor" => &["health", "uptime"],
        "jupyter" => &["jupyterlab", "ipython"],
        "react-spa" => &["javascript", "js", "vite"],
        "python-api" => &["fastapi", "flask", "django"],
        "node-api" => &["express", "javascript", "typescript", "js", "ts"],
        "go-api" => &["golang"],
        "java-api" => &["spring", "jvm", "kotlin"],
        "rust-api" => &["axum", "actix"],
        _ => &[],
    }
}

/// How well a kind matches a query; higher is better, `None` is no match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Summary,
    /// One of the kind's own tags (`queue` for Redis).
    KindTag,
    /// Its category or one of the category's synonyms (`queue` for RabbitMQ).
    KindCategory,
    Name,
}

/// Splits text into lower-case words at anything but letters, digits and `-` (the whole
/// hyphenated word and each part count: `react-spa`, `react`, `spa`).
fn words(text: &str, into: &mut Vec<String>) {
    let text = fold(text);
    for word in text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
    {
        let word = word.to_string();
        if word.contains('-') {
            into.extend(
                word.split('-')
                    .filter(|p| !p.is_empty())
                    .map(str::to_string),
            );
        }
        into.push(word);
    }
}

/// Lower case, with the accented letters of German and French written in ASCII; any other
/// non-ASCII character stays and later separates words.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let folded = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'î' | 'ï' | 'Î' | 'Ï' => "i",
            'ô' | 'ö' | 'Ô' | 'Ö' => "o",
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => "u",
            'ç' | 'Ç' => "c",
            'œ' | 'Œ' => "oe",
            'ß' => "ss",
            _ => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
        };
        out.push_str(folded);
    }
    out
}

/// Little words skipped in a query of several words ("base de données", "file d'attente").
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "de", "d", "du", "des", "la", "le", "les", "l", "un", "une", "et",
    "der", "die", "das", "den", "dem", "ein", "eine", "und", "fur",
];

/// The words of a query, folded; the little words dropped when there are several.
fn query_words(query: &str) -> Vec<String> {
    let mut all = Vec::new();
    words(query, &mut all);
    // Keep whole hyphenated words and their parts as typed (`react-spa` finds `react-spa`).
    if all.len() > 1 {
        all.retain(|w| !STOP_WORDS.contains(&w.as_str()));
    }
    all
}

fn starts_any(hay: &[String], word: &str) -> bool {
    hay.iter().any(|h| h.starts_with(word))
}

/// The rank of `kind` for `query`, or `None` when some query word matches nothing.
fn rank(kind: &Kind, query: &str) -> Option<Rank> {
    let mut names = Vec::new();
    words(kind.name, &mut names);
    for lang in Lang::ALL {
        words(kind.display_name(lang), &mut names);
    }
    words(kind.id, &mut names);
    let mut category = Vec::new();
    words(kind.category.id(), &mut category);
    for t in category_tags(kind.category) {
        words(t, &mut category);
    }
    for lang in Lang::ALL {
        words(kind.category.text().get(lang), &mut category);
    }
    let mut tags = Vec::new();
    for t in kind_tags(kind.id) {
        words(t, &mut tags);
    }
    let mut summary = Vec::new();
    for lang in Lang::ALL {
        words(kind.summary.get(lang), &mut summary);
    }
    let mut worst = Rank::Name;
    for w in query_words(query) {
        let w = w.as_str();
        let r = if starts_any(&names, w) {
            Rank::Name
        } else if starts_any(&category, w) {
            Rank::KindCategory
        } else if starts_any(&tags, w) {
            Rank::KindTag
        } else if starts_any(&summary, w) {
            Rank::Summary
        } else {
            return None;
        };
        worst = worst.min(r);
    }
    Some(worst)
}

/// True when `kind` matches every word of `query` (an empty query matches everything).
pub fn matches(kind: &Kind, query: &str) -> bool {
    rank(kind, query).is_some()
}

/// The kinds matching `query`, best first (name, category, own tag, summary), catalog order within
/// a rank. An empty query gives the whole catalog in palette order.
pub fn search(query: &str) -> Vec<&'static Kind> {
    let mut found: Vec<(Rank, usize)> = KINDS
        .iter()
        .enumerate()
        .filter_map(|(i, k)| rank(k, query).map(|r| (r, i)))
        .collect();
    // Few items; an insertion sort keeps a generic sort instance out of the wasm.
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 && found[j - 1].0 < found[j].0 {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    found.into_iter().map(|(_, i)| &KINDS[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids `query` finds, best first.
    fn ids(query: &str) -> Vec<&'static str> {
        search(query).into_iter().map(|k| k.id).collect()
    }

    fn check(query: &str, expected: &[&str]) {
        let found = ids(query);
        for id in expected {
            assert!(found.contains(id), "{query:?} should find {id}: {found:?}");
        }
    }

    #[test]
    fn db_finds_the_relational_databases() {
        check("db", &["postgres", "mysql", "mongodb", "supabase-postgres"]);
        assert!(!ids("db").contains(&"redis"), "{:?}", ids("db"));
    }

    #[test]
    fn sql_finds_postgres_and_mysql_but_not_mongodb() {
        check("sql", &["postgres", "mysql", "supabase-postgres"]);
        assert!(!ids("sql").contains(&"mongodb"));
    }

    #[test]
    fn cache_finds_redis_and_memcached() {
        check("cache", &["redis", "memcached"]);
    }

    #[test]
    fn queue_and_broker_find_the_message_brokers() {
        check("queue", &["rabbitmq", "kafka"]);
        check("broker", &["rabbitmq", "kafka"]);
    }

    #[test]
    fn llm_finds_ollama() {
        check("llm", &["ollama"]);
    }

    #[test]
    fn proxy_finds_the_reverse_proxies_and_the_gateway() {
        check("proxy", &["nginx", "traefik", "kong"]);
    }

    #[test]
    fn s3_finds_minio() {
        check("s3", &["minio"]);
    }

    #[test]
    fn search_finds_the_search_engines() {
        check("search", &["elasticsearch", "meilisearch"]);
    }

    #[test]
    fn vector_finds_qdrant() {
        check("vector", &["qdrant"]);
    }

    #[test]
    fn a_name_match_ranks_before_a_tag_match() {
        // "redis" names Redis; it is nobody's tag, and "queue" is Redis's tag but RabbitMQ's category.
        assert_eq!(ids("redis"), ["redis"]);
        let queue = ids("queue");
        assert_eq!(queue.first(), Some(&"rabbitmq"), "{queue:?}");
        let pg = ids("postgres");
        assert_eq!(pg.first(), Some(&"postgres"), "{pg:?}");
    }

    #[test]
    fn every_word_must_match_and_case_does_not_matter() {
        check("POSTGRES database", &["postgres"]);
        assert!(ids("postgres redis").is_empty());
        assert!(ids("zzz").is_empty());
    }

    #[test]
    fn an_empty_query_gives_the_catalog_in_order() {
        let all: Vec<&str> = KINDS.iter().map(|k| k.id).collect();
        assert_eq!(ids(""), all);
        assert_eq!(ids("   "), all);
    }

    #[test]
    fn prefixes_match_but_inner_substrings_do_not() {
        check("post", &["postgres"]);
        assert!(!ids("gres").contains(&"postgres"));
    }

    #[test]
    fn german_and_french_words_find_their_kinds() {
        check("Datenbank", &["postgres", "mysql", "mongodb"]);
        check(
            "base de données",
            &["postgres", "mysql", "mongodb", "qdrant"],
        );
        check("base de donnees", &["postgres", "mysql"]);
        check("Warteschlange", &["rabbitmq", "kafka"]);
        check("file d'attente", &["rabbitmq", "kafka"]);
        check("Cache", &["redis", "memcached"]);
        check("Zwischenspeicher", &["redis", "memcached"]);
        check("Suchmaschine", &["elasticsearch", "meilisearch"]);
        check("recherche", &["elasticsearch", "meilisearch"]);
        check("Überwachung", &["prometheus", "grafana"]);
        check("stockage objet", &["minio"]);
        check("Eigener Service", &["custom"]);
        check("service personnalisé", &["custom"]);
        assert!(
            !ids("Datenbank").contains(&"redis"),
            "{:?}",
            ids("Datenbank")
        );
        assert!(!ids("file d'attente").contains(&"postgres"));
    }

    #[test]
    fn a_single_little_word_is_still_a_prefix() {
        // Typing "d" on the way to "database" narrows the list; only phrases drop little words.
        assert!(ids("d").len() < KINDS.len());
        check("d", &["postgres"]);
    }

    #[test]
    fn hyphenated_ids_match_whole_and_by_parts() {
        check("react-spa", &["react-spa"]);
        check("spa", &["react-spa"]);
    }
}

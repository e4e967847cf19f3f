//! Image reference → catalog kind and tier.
//!
//! The repository is normalised first (registry host, `docker.io/`, `library/` and vendor
//! prefixes such as `bitnami/` do not matter: `docker.elastic.co/elasticsearch/elasticsearch`,
//! `bitnami/redis` and `redis` are all read by their last path component). The catalog's own
//! images are tried first, then the catalog's aliases and families ([`catalog::ALIASES`]:
//! Valkey is a Redis-compatible `redis`, MariaDB a MySQL-compatible `mysql`). A kind id the
//! catalog does not (yet) have imports as the generic `custom` kind, but in the tier its category
//! implies (databases, caches, queues, search, object storage → data; proxies and web servers →
//! frontend; the rest backend). An image nothing recognises (`clickhouse-self-hosted-local`)
//! lets the service's name speak (`clickhouse`); an image hidden behind a variable is read
//! through the project's `.env` once it is known ([`reclassify`]).

use crate::catalog::aliases::{alias, repository};
use crate::catalog::{self, KindCategory, KindSource};
use crate::model::{interpolation, Tier};
use std::collections::BTreeMap;

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
    /// The family when the image is compatible with the kind rather than the kind itself
    /// ("Redis-compatible" for Valkey).
    pub family: Option<crate::i18n::Text>,
    /// Recognised by the service's name, the image saying nothing.
    pub by_name: bool,
}

/// The tier a category belongs in.
pub fn tier_of(category: KindCategory) -> Tier {
    match category {
        KindCategory::Proxy | KindCategory::Web => Tier::Frontend,
        c if c.is_data_store() => Tier::Data,
        _ => Tier::Backend,
    }
}

/// The kind of a service from its image, or failing that its name (a service called `redis`
/// whose image is `$REDIS_IMAGE`, a `clickhouse` built into `clickhouse-self-hosted-local`).
/// `None` = nothing recognised.
pub fn detect_kind(image: Option<&str>, service_name: &str) -> Option<Detected> {
    let mut candidates: Vec<String> = image.and_then(repository).into_iter().collect();
    candidates.push(service_name.to_ascii_lowercase());
    let by_image = candidates.len() == 2;
    candidates.iter().enumerate().find_map(|(i, repo)| {
        detect_repository(repo).map(|d| Detected {
            by_name: !by_image || i == 1,
            ..d
        })
    })
}

fn detect_repository(repo: &str) -> Option<Detected> {
    let catalog_image = |k: &catalog::Kind| match k.source {
        KindSource::Image { name, .. } => repository(&name.to_ascii_lowercase()),
        KindSource::Build { .. } => None,
    };
    let found = |k: &'static catalog::Kind, family: Option<crate::i18n::Text>| Detected {
        kind: k.id.to_string(),
        tier: k.tier,
        category: k.category,
        recognised: Some(k.id),
        family,
        by_name: false,
    };
    // The catalog's exact repository first (`supabase/postgres` is its own kind), then by
    // last path component (`bitnami/redis` is redis).
    if let Some(k) = catalog::KINDS
        .iter()
        .find(|k| catalog_image(k).is_some_and(|n| n == repo))
    {
        return Some(found(k, None));
    }
    let last = |n: &str| n.rsplit('/').next().map(str::to_string);
    if let Some(k) = catalog::KINDS
        .iter()
        .find(|k| catalog_image(k).is_some_and(|n| last(&n) == last(repo)))
    {
        return Some(found(k, None));
    }
    let a = alias(repo)?;
    Some(match catalog::kind(a.kind) {
        Some(k) => found(k, a.family),
        None => Detected {
            kind: GENERIC.to_string(),
            tier: tier_of(a.category),
            category: a.category,
            recognised: Some(a.kind),
            family: a.family,
            by_name: false,
        },
    })
}

/// The image reference with the project's variables put in (`${VALKEY_IMAGE}` → the `.env`'s
/// `ghcr.io/valkey-io/valkey:9`), for guessing only; `None` when nothing was substituted.
pub fn resolved_image(image: &str, variables: &BTreeMap<String, String>) -> Option<String> {
    let mut out = String::new();
    let mut substituted = false;
    for piece in interpolation::pieces(image) {
        match piece {
            interpolation::Piece::Text(t) => out.push_str(t),
            interpolation::Piece::Dollar => out.push('$'),
            interpolation::Piece::Var(v) => match variables.get(v.name) {
                Some(value) if !value.contains('$') => {
                    out.push_str(value);
                    substituted = true;
                }
                _ => return None,
            },
        }
    }
    substituted.then_some(out)
}

/// The variable an image is hidden behind, as words (`${POSTGRES_IMAGE}` → `postgres`): a
/// last guess when neither the image, the `.env` nor the service name says anything.
pub fn image_variable_word(image: &str) -> Option<String> {
    let refs = interpolation::references(image);
    let [only] = refs.as_slice() else {
        return None;
    };
    let lower = only.name.to_ascii_lowercase();
    let word = lower
        .strip_suffix("_image")
        .or_else(|| lower.strip_suffix("_img"))?;
    (!word.is_empty()).then(|| word.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(image: &str) -> Option<&'static str> {
        detect_kind(Some(image), "x").and_then(|d| d.recognised)
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
        let clickhouse = detect_kind(Some("clickhouse-self-hosted-local"), "clickhouse").unwrap();
        assert_eq!((clickhouse.tier, clickhouse.by_name), (Tier::Data, true));
        assert!(!detect_kind(Some("redis:7"), "cache").unwrap().by_name);
    }

    #[test]
    fn families_land_in_their_kind_and_tier() {
        for (image, kind) in [
            ("valkey/valkey:8.0-alpine", "redis"),
            ("eqalpha/keydb", "redis"),
            ("docker.dragonflydb.io/dragonflydb/dragonfly", "redis"),
            ("mariadb:11.8", "mysql"),
            ("percona/percona-server:8.0", "mysql"),
            ("timescale/timescaledb:latest-pg16", "postgres"),
            ("postgis/postgis:16-3.4", "postgres"),
            ("pgvector/pgvector:pg16", "postgres"),
            ("docker.redpanda.com/vectorized/redpanda:v22.2.2", "kafka"),
        ] {
            let d = detect_kind(Some(image), "x").unwrap();
            assert_eq!((d.kind.as_str(), d.tier), (kind, Tier::Data), "{image}");
            assert!(d.family.is_some(), "{image}");
        }
        let search = detect_kind(Some("opensearchproject/opensearch:2"), "x").unwrap();
        assert_eq!(
            (search.category, search.tier),
            (KindCategory::Search, Tier::Data)
        );
    }

    #[test]
    fn hidden_images_are_read_through_the_projects_variables() {
        let vars: BTreeMap<String, String> = [
            ("VALKEY_IMAGE", "ghcr.io/valkey-io/valkey:9.0.4"),
            ("TAG", "7"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            resolved_image("${VALKEY_IMAGE}", &vars).as_deref(),
            Some("ghcr.io/valkey-io/valkey:9.0.4")
        );
        assert_eq!(
            resolved_image("redis:$TAG", &vars).as_deref(),
            Some("redis:7")
        );
        assert_eq!(resolved_image("${UNSET}", &vars), None);
        assert_eq!(resolved_image("redis:7", &vars), None);
        assert_eq!(
            image_variable_word("${POSTGRES_IMAGE}").as_deref(),
            Some("postgres")
        );
        assert_eq!(
            image_variable_word("$SNUBA_IMAGE").as_deref(),
            Some("snuba")
        );
        assert_eq!(image_variable_word("${IMAGE_NAME}:${V}-cart"), None);
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

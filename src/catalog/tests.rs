//! The catalog's specification: what every kind and every pattern promises.

use super::*;
use crate::model::{validate, Design, LinkKind, MountKind, Service, ServiceId, Tier};

/// A one-service design made from the kind's defaults.
fn probe(k: &Kind) -> Design {
    let mut d = Design::new("probe");
    d.services
        .push(service_from_kind(k, ServiceId(1), k.default_name, k.tier));
    d
}

fn service(k: &Kind) -> Service {
    service_from_kind(k, ServiceId(1), k.default_name, k.tier)
}

fn uid(user: &str) -> Option<u32> {
    user.split(':').next()?.parse().ok()
}

// ── Kinds ─────────────────────────────────────────────────────────────────────────────────────

#[test]
fn the_catalog_offers_at_least_30_kinds() {
    assert!(KINDS.len() >= 30, "only {} kinds", KINDS.len());
}

#[test]
fn every_service_the_seeds_name_has_a_kind() {
    for id in [
        "nginx",
        "traefik",
        "react-spa",
        "python-api",
        "node-api",
        "go-api",
        "rust-api",
        "java-api",
        "worker",
        "scheduler",
        "postgres",
        "mysql",
        "mongodb",
        "redis",
        "memcached",
        "rabbitmq",
        "kafka",
        "elasticsearch",
        "meilisearch",
        "minio",
        "qdrant",
        "jupyter",
        "kong",
        "prometheus",
        "grafana",
        "ollama",
        "azurite",
        "ngrok",
        "supabase-postgres",
        "health-monitor",
        "custom",
    ] {
        assert!(kind(id).is_some(), "no kind {id:?}");
    }
}

#[test]
fn kind_ids_are_unique_kebab_case_with_a_name_and_monogram() {
    let mut seen = std::collections::BTreeSet::new();
    for k in KINDS {
        assert!(seen.insert(k.id), "{} twice", k.id);
        assert!(
            !k.id.is_empty()
                && k.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            k.id
        );
        assert!(!k.name.is_empty() && !k.summary.en.is_empty(), "{}", k.id);
        assert_eq!(k.monogram.chars().count(), 2, "{}", k.id);
    }
}

#[test]
fn every_kind_pins_its_tag() {
    const FLOATING: &[&str] = &[
        "", "latest", "stable", "lts", "edge", "dev", "nightly", "beta", "canary", "test",
        "mainline", "alpine",
    ];
    for k in KINDS {
        if let KindSource::Image { name, tag } = k.source {
            assert!(!name.is_empty(), "{}", k.id);
            assert!(!FLOATING.contains(&tag), "{}: floating tag {tag:?}", k.id);
            assert!(
                tag.chars().any(|c| c.is_ascii_digit()),
                "{}: tag {tag:?} names no version",
                k.id
            );
        }
    }
}

#[test]
fn every_kind_instantiates_to_a_valid_service() {
    for k in KINDS {
        assert_eq!(validate(&probe(k)), vec![], "{}", k.id);
    }
}

#[test]
fn every_kind_but_the_generic_one_has_a_healthcheck() {
    for k in KINDS {
        match k.healthcheck.first() {
            None => assert_eq!(
                k.category,
                KindCategory::Custom,
                "{} has no healthcheck",
                k.id
            ),
            Some(&"CMD") => assert!(k.healthcheck.len() >= 2, "{}", k.id),
            Some(&"CMD-SHELL") => {
                assert_eq!(k.healthcheck.len(), 2, "{}: CMD-SHELL takes one line", k.id)
            }
            Some(other) => panic!("{}: healthcheck starts with {other:?}", k.id),
        }
        assert_eq!(
            service(k).healthcheck.map(|h| h.test),
            (!k.healthcheck.is_empty()).then(|| to_strings(k.healthcheck))
        );
    }
}

fn to_strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn healthchecks_leave_container_variables_to_the_container() {
    // Compose would interpolate a single `$`; `$$` reaches the container's shell as `$`.
    for k in KINDS {
        for part in k.healthcheck {
            assert!(
                !part.replace("$$", "").contains('$'),
                "{}: unescaped $ in {part:?}",
                k.id
            );
        }
    }
}

#[test]
fn slow_starters_get_a_longer_grace_period() {
    let hc = |id| {
        kind(id)
            .and_then(|k| service(k).healthcheck)
            .map(|h| (h.timeout_s, h.start_period_s))
    };
    assert_eq!(hc("kafka"), Some((10, 60)));
    assert_eq!(hc("redis"), Some((5, 10)));
}

#[test]
fn data_stores_persist_and_never_publish() {
    for k in KINDS.iter().filter(|k| k.category.is_data_store()) {
        assert_eq!(k.tier, Tier::Data, "{}", k.id);
        assert!(k.publish.is_empty(), "{} publishes", k.id);
        // Memcached is the one store that keeps nothing by design.
        assert!(
            k.data_path.is_some() || k.id == "memcached",
            "{} has no data path",
            k.id
        );
        let s = service(k);
        assert_eq!(s.published_ports().count(), 0, "{}", k.id);
    }
}

#[test]
fn data_paths_become_named_volumes_per_service() {
    let pg = kind("postgres").map(|k| service_from_kind(k, ServiceId(7), "orders-db", Tier::Data));
    let volume = pg.and_then(|s| s.volumes.into_iter().find(|m| m.kind == MountKind::Named));
    assert_eq!(
        volume.map(|m| (m.source, m.target)),
        Some(("orders-db_data".into(), "/var/lib/postgresql/data".into()))
    );
}

#[test]
fn only_entry_points_publish_and_only_ports_they_have() {
    for k in KINDS.iter().filter(|k| !k.publish.is_empty()) {
        assert!(
            matches!(
                k.category,
                KindCategory::Proxy
                    | KindCategory::Gateway
                    | KindCategory::Tunnel
                    | KindCategory::Notebook
            ),
            "{} publishes",
            k.id
        );
        for (container, _) in k.publish {
            assert!(
                k.ports.contains(container),
                "{} publishes {container}, which it does not listen on",
                k.id
            );
        }
    }
    let traefik: Vec<_> = kind("traefik")
        .map(service)
        .into_iter()
        .flat_map(|s| s.ports)
        .collect();
    assert_eq!(
        traefik
            .iter()
            .map(|p| (p.container, p.published))
            .collect::<Vec<_>>(),
        [(80, Some(80)), (8080, Some(8080))]
    );
}

#[test]
fn secrets_carry_no_value() {
    for k in KINDS {
        for e in k.env.iter().filter(|e| e.secret) {
            assert!(e.value.is_empty(), "{}: {} has a value", k.id, e.key);
        }
    }
    let pg = kind("postgres").map(service);
    assert_eq!(
        pg.and_then(|s| s.env("POSTGRES_PASSWORD").map(|e| e.secret)),
        Some(true)
    );
}

#[test]
fn hardened_kinds_run_as_a_non_root_user() {
    for k in KINDS {
        match k.hardening {
            HardeningFit::Full => assert!(
                uid(k.user).is_some_and(|u| u > 0),
                "{}: Full needs a non-root user",
                k.id
            ),
            HardeningFit::NoReadOnly => assert!(
                k.user.is_empty() || uid(k.user).is_some_and(|u| u > 0),
                "{}",
                k.id
            ),
            HardeningFit::Minimal => assert!(
                k.user.is_empty(),
                "{}: Minimal keeps the image's user",
                k.id
            ),
        }
        if k.is_built() {
            assert_eq!(k.hardening, HardeningFit::Full, "{}", k.id);
            assert!(
                uid(k.user).is_some_and(|u| u >= 10000),
                "{}: built services run as uid >= 10000",
                k.id
            );
        }
    }
}

#[test]
fn hardening_fit_becomes_the_seed_004_block() {
    let full = kind("python-api").map(service).map(|s| s.hardening);
    assert!(full
        .as_ref()
        .is_some_and(|h| h.read_only_root && h.cap_drop_all && h.no_new_privileges));
    assert_eq!(full.and_then(|h| h.user), Some("10001:10001".to_string()));
    let tmp = kind("python-api")
        .map(service)
        .and_then(|s| s.volumes.into_iter().find(|m| m.kind == MountKind::Tmpfs));
    assert_eq!(tmp.map(|m| m.target), Some("/tmp".to_string()));
    let minimal = kind("postgres").map(service).map(|s| s.hardening);
    assert!(minimal
        .as_ref()
        .is_some_and(|h| h.no_new_privileges && !h.cap_drop_all && !h.read_only_root));
    assert_eq!(minimal.and_then(|h| h.user), None);
    let kafka = kind("kafka").map(service).map(|s| s.hardening);
    assert!(kafka
        .as_ref()
        .is_some_and(|h| h.cap_drop_all && !h.read_only_root && h.user.is_none()));
}

#[test]
fn built_services_listen_on_their_port_variable() {
    for k in KINDS.iter().filter(|k| k.is_built()) {
        let port = k.env.iter().find(|e| e.key == "PORT").map(|e| e.value);
        match k.ports.first() {
            Some(main) if k.category != KindCategory::Web => {
                assert_eq!(port, Some(main.to_string().as_str()), "{}", k.id)
            }
            Some(_) => {}
            None => assert!(
                matches!(k.category, KindCategory::Worker | KindCategory::Job),
                "{} has no port",
                k.id
            ),
        }
    }
}

#[test]
fn sizes_follow_the_seed_tables() {
    let size = |id| kind(id).map(|k| (k.cpu_m, k.memory_mb));
    assert_eq!(size("python-api"), Some((1000, 512)), "seed 000: app");
    assert_eq!(size("postgres"), Some((500, 256)), "seed 000: db");
    assert_eq!(size("redis"), Some((250, 128)), "seed 000: redis");
    assert_eq!(size("ollama"), Some((2000, 4096)), "seed 003: local LLM");
    assert_eq!(size("azurite"), Some((500, 256)), "seed 003: others");
    let limits = kind("postgres")
        .map(service)
        .map(|s| (s.resources.cpu_limit_m, s.resources.memory_limit_mb));
    assert_eq!(limits, Some((Some(500), Some(256))));
}

// ── Patterns ──────────────────────────────────────────────────────────────────────────────────

const PATTERN_IDS: [&str; 6] = [
    "monolith",
    "web-app",
    "microservices",
    "event-driven",
    "data-ml",
    "agent-platform",
];

fn design(id: &str) -> Design {
    pattern(id)
        .map(instantiate)
        .unwrap_or_else(|| Design::new("missing"))
}

fn svc<'d>(d: &'d Design, name: &str) -> &'d Service {
    d.service_by_name(name)
        .unwrap_or_else(|| panic!("{}: no service {name:?}", d.name))
}

#[test]
fn the_six_patterns_exist() {
    for id in PATTERN_IDS {
        assert!(pattern(id).is_some(), "no pattern {id:?}");
    }
    let ids: std::collections::BTreeSet<_> = PATTERNS.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), PATTERNS.len(), "pattern ids are unique");
}

#[test]
fn every_pattern_instantiates_to_a_valid_design_with_all_its_links() {
    for p in PATTERNS {
        for row in p.services {
            assert!(
                kind(row.kind).is_some(),
                "{}: unknown kind {:?}",
                p.id,
                row.kind
            );
        }
        let d = instantiate(p);
        assert_eq!(d.name, p.id);
        assert_eq!(validate(&d), vec![], "{}", p.id);
        assert_eq!(
            d.services.len(),
            p.services.len(),
            "{}: every row became a service",
            p.id
        );
        assert_eq!(
            d.links.len(),
            p.links.len(),
            "{}: every link found both ends",
            p.id
        );
    }
}

#[test]
fn patterns_publish_their_entry_point_and_never_a_data_store() {
    for p in PATTERNS {
        let d = instantiate(p);
        assert!(
            d.services
                .iter()
                .any(|s| s.published_ports().next().is_some()),
            "{}: nothing reachable",
            p.id
        );
        for s in &d.services {
            let data = kind(&s.kind).is_some_and(|k| k.category.is_data_store());
            assert!(
                !(data && s.published_ports().next().is_some()),
                "{}: {} publishes",
                p.id,
                s.name
            );
        }
    }
}

#[test]
fn links_to_brokers_are_async_and_links_to_databases_sync() {
    for p in PATTERNS {
        let d = instantiate(p);
        for l in &d.links {
            let category = d
                .service(l.to)
                .and_then(|s| kind(&s.kind))
                .map(|k| k.category);
            match category {
                Some(KindCategory::Queue) => {
                    assert_eq!(l.kind, LinkKind::Async, "{}: link {:?}", p.id, l)
                }
                Some(KindCategory::Database) => {
                    assert_eq!(l.kind, LinkKind::Sync, "{}: link {:?}", p.id, l)
                }
                _ => {}
            }
        }
    }
}

#[test]
fn web_app_is_seed_000s_standard_web_application() {
    let d = design("web-app");
    let names: Vec<_> = d.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["traefik", "app", "worker", "db", "redis"]);
    let (app, worker) = (svc(&d, "app"), svc(&d, "worker"));
    assert_eq!(worker.command, ["worker"]);
    assert_eq!(
        worker.build.as_ref().and_then(|b| b.language),
        app.build.as_ref().and_then(|b| b.language)
    );
    assert_eq!(
        svc(&d, "db").image.as_ref().map(|i| i.reference()),
        Some("postgres:16-alpine".into())
    );
    assert_eq!(
        svc(&d, "redis").image.as_ref().map(|i| i.reference()),
        Some("redis:7-alpine".into())
    );
}

#[test]
fn microservices_give_each_service_its_own_database() {
    let d = design("microservices");
    let mut owners = std::collections::BTreeMap::new();
    for api in ["users-api", "orders-api", "payments-api"] {
        let id = svc(&d, api).id;
        let dbs: Vec<_> = d
            .links_from(id)
            .filter_map(|l| d.service(l.to))
            .filter(|s| kind(&s.kind).is_some_and(|k| k.category == KindCategory::Database))
            .collect();
        assert_eq!(dbs.len(), 1, "{api} owns one database");
        assert!(
            owners.insert(dbs[0].name.clone(), api).is_none(),
            "{} is shared",
            dbs[0].name
        );
    }
    assert_eq!(svc(&d, "gateway").kind, "kong");
    assert!(d.service_by_name("rabbitmq").is_some());
}

#[test]
fn data_ml_runs_three_workers_and_jupyter_only_in_dev() {
    let d = design("data-ml");
    assert_eq!(svc(&d, "worker").replicas.prod, 3);
    assert_eq!(svc(&d, "jupyter").profiles, ["dev"]);
    for name in ["api", "worker", "minio", "qdrant"] {
        assert!(svc(&d, name).always_on(), "{name}");
    }
}

/// One row of seed 003: service, container ports, (CPU millicores, MiB), prod replicas, profiles.
type Seed003Row = (
    &'static str,
    &'static [u16],
    (u32, u32),
    u32,
    &'static [&'static str],
);

fn check_seed_003(d: &Design, (name, ports, size, prod, profiles): Seed003Row) {
    let s = svc(d, name);
    assert_eq!(
        s.ports.iter().map(|p| p.container).collect::<Vec<_>>(),
        ports,
        "{name}: ports"
    );
    assert_eq!(
        (s.resources.cpu_limit_m, s.resources.memory_limit_mb),
        (Some(size.0), Some(size.1)),
        "{name}: size"
    );
    assert_eq!(s.replicas.prod, prod, "{name}: prod replicas");
    assert_eq!(s.profiles, profiles, "{name}: profiles");
}

#[test]
fn agent_platform_reproduces_seed_003() {
    let d = design("agent-platform");
    let rows: [Seed003Row; 10] = [
        ("gateway", &[3001], (500, 512), 3, &[]),
        ("orchestrator", &[7071], (1000, 1024), 2, &[]),
        ("adapter", &[3002], (500, 512), 2, &[]),
        ("llm-patch", &[3003], (1000, 2048), 5, &[]),
        ("traefik", &[80, 8080], (500, 256), 1, &[]),
        ("azurite", &[10000, 10001, 10002], (500, 256), 1, &[]),
        ("health-monitor", &[8888], (500, 256), 1, &[]),
        ("ngrok", &[4040], (500, 256), 1, &[]),
        ("local-llm", &[11434], (2000, 4096), 1, &["local-llm"]),
        ("supabase-db", &[5432], (500, 256), 1, &["supabase-local"]),
    ];
    for row in rows {
        check_seed_003(&d, row);
    }
    assert_eq!(d.services.len(), rows.len());
    assert_eq!(svc(&d, "local-llm").kind, "ollama");
    assert_eq!(svc(&d, "supabase-db").kind, "supabase-postgres");
    // Seed 003: only ngrok and Traefik are reachable from outside.
    let mut published: Vec<_> = d
        .services
        .iter()
        .flat_map(|s| {
            s.published_ports()
                .map(move |p| (s.name.as_str(), p.container))
        })
        .collect();
    crate::sorting::sort(&mut published);
    assert_eq!(
        published,
        [("ngrok", 4040), ("traefik", 80), ("traefik", 8080)]
    );
}

#[test]
fn a_port_override_moves_the_port_variable_too() {
    let d = design("agent-platform");
    assert_eq!(
        svc(&d, "gateway").env("PORT").map(|e| e.value.as_str()),
        Some("3001")
    );
    assert_eq!(
        svc(&d, "llm-patch").env("PORT").map(|e| e.value.as_str()),
        Some("3003")
    );
}

#[test]
fn new_links_to_brokers_are_async_and_to_everything_else_sync() {
    use crate::catalog::{link_kind_for, link_kind_to};
    assert_eq!(link_kind_to("rabbitmq"), LinkKind::Async);
    assert_eq!(link_kind_to("postgres"), LinkKind::Sync);
    assert_eq!(link_kind_to("no-such-kind"), LinkKind::Sync);
    assert_eq!(link_kind_for(Some(KindCategory::Queue)), LinkKind::Async);
    assert_eq!(link_kind_for(None), LinkKind::Sync);
}

/// Every text of the catalog, by name: kinds' names and summaries, categories, patterns.
fn catalog_texts() -> Vec<(String, crate::i18n::Text)> {
    let mut out = Vec::new();
    for k in KINDS {
        out.push((format!("{}.summary", k.id), k.summary));
        if let Some(n) = k.names {
            out.push((format!("{}.names", k.id), n));
        }
    }
    for (name, t) in kinds::texts::ALL {
        out.push((format!("category {name}"), *t));
    }
    for p in PATTERNS {
        out.push((format!("{}.name", p.id), p.name));
        let description =
            super::pattern_description(p.id).expect("every pattern has a description");
        out.push((format!("{}.description", p.id), description));
    }
    out
}

#[test]
fn every_catalog_text_is_well_formed() {
    crate::i18n::assert_well_formed(&catalog_texts());
}

/// Words that German or French write as English does: product and technical terms.
const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "Worker",
    "Microservices",
    "API",
    "Cache",
    "Notebook",
    "Monitoring",
    "Tunnel",
    "Reverse proxy",
    "API gateway",
    "Kong API gateway",
];

#[test]
fn no_catalog_text_was_left_in_english() {
    crate::i18n::assert_translated(&catalog_texts(), SAME_IN_EVERY_LANGUAGE);
}

#[test]
fn translated_names_start_from_the_english_name_and_products_keep_theirs() {
    use crate::i18n::Lang;
    for k in KINDS {
        if let Some(n) = k.names {
            assert_eq!(n.en, k.name, "{}: names.en must be the name", k.id);
        }
        assert_eq!(k.display_name(Lang::En), k.name, "{}", k.id);
    }
    let kind = |id| super::kind(id).expect("kind");
    assert_eq!(kind("postgres").display_name(Lang::De), "PostgreSQL");
    assert_eq!(kind("custom").display_name(Lang::De), "Eigener Service");
    assert_eq!(
        kind("custom").display_name(Lang::Fr),
        "Service personnalisé"
    );
    assert_eq!(
        KindCategory::Database.text().get(Lang::Fr),
        "Base de données"
    );
    let monolith = pattern("monolith").expect("monolith");
    assert_eq!(monolith.name.get(Lang::De), "Containerisierter Monolith");
    assert_eq!(monolith.name.get(Lang::Fr), "Monolithe containerisé");
}

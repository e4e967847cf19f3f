//! Designs the share tests use: every pattern, a design touching every wire field, a
//! 30-service system, seed 003's agent platform, and a generator of random valid designs.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::json;
use tierboard::catalog::{self, instantiate, service_from_kind, KINDS, PATTERNS};
use tierboard::model::{
    validate, Autoscaling, Build, Design, EnvVar, Hardening, Healthcheck, Image, Language, Link,
    LinkKind, LoggingTarget, Mount, MountKind, Port, Protocol, Replicas, Resources, RestartPolicy,
    Service, ServiceId, Tier,
};

/// `(pattern id, design)` for every pattern starter in the catalog.
pub fn patterns() -> Vec<(String, Design)> {
    PATTERNS
        .iter()
        .map(|p| (p.id.to_string(), instantiate(p)))
        .collect()
}

fn custom(id: u32, name: &str, tier: Tier, image: &str, tag: &str) -> Service {
    let mut s = Service::new(ServiceId(id), name, "custom", tier);
    s.image = Some(Image::new(image, tag));
    s
}

/// Every field the wire carries, set away from its default at least once, with text that
/// must survive as text: quotes, `$$`, `${VAR}`, newlines, non-Latin scripts, markup.
pub fn kitchen_sink() -> Design {
    let mut d = Design::new("Küchen-Spüle \"all fields\" <script>alert(1)</script>");
    let mut web = custom(
        3,
        "web.front_1",
        Tier::Frontend,
        "ghcr.io/acme/web",
        "2.1.0",
    );
    web.ports = vec![
        Port {
            container: 8080,
            published: Some(443),
            published_var: None,
            random_host: false,
            host_ip: Some("0.0.0.0".into()),
            protocol: Protocol::Tcp,
        },
        Port {
            container: 53,
            published: None,
            published_var: None,
            random_host: false,
            host_ip: None,
            protocol: Protocol::Udp,
        },
    ];
    web.command = vec!["nginx".into(), "-g".into(), "daemon off;".into()];
    web.environment = vec![
        EnvVar::plain("GREETING", "héllo \"wörld\"\n第二行 $$HOME ${USER}"),
        EnvVar::secret("API_TOKEN"),
        EnvVar::plain("EMPTY", ""),
    ];
    web.volumes = vec![
        Mount {
            kind: MountKind::Bind,
            source: "./conf".into(),
            target: "/etc/nginx/conf.d".into(),
            read_only: true,
            size: None,
        },
        Mount {
            kind: MountKind::Tmpfs,
            source: String::new(),
            target: "/tmp".into(),
            read_only: false,
            size: Some(64),
        },
        Mount {
            kind: MountKind::Anonymous,
            source: String::new(),
            target: "/cache".into(),
            read_only: false,
            size: None,
        },
    ];
    web.replicas = Replicas {
        dev: 1,
        ci: 2,
        prod: 7,
        staging: None,
    };
    web.resources = Resources {
        cpu_limit_m: Some(1500),
        memory_limit_mb: None,
        cpu_reservation_m: Some(0),
        memory_reservation_mb: Some(4_000_000),
        pids_limit: Some(200),
    };
    web.healthcheck = Some(Healthcheck {
        interval_s: 30,
        timeout_s: 3,
        retries: 2,
        start_period_s: 0,
        ..Healthcheck::shell("curl -fsS http://127.0.0.1:8080/ || exit 1")
    });
    web.restart = RestartPolicy::OnFailure;
    web.profiles = vec!["edge".into(), "prod.only".into()];
    web.hardening = Hardening {
        user: Some("101:101".into()),
        read_only_root: true,
        no_new_privileges: true,
        cap_drop_all: true,
        cap_add: vec!["NET_BIND_SERVICE".into()],
        privileged: false,
        network_mode: None,
        pid: None,
        ipc: Some("private".into()),
        seccomp_unconfined: false,
    };
    web.metrics_path = Some("/métriques".into());
    web.autoscaling = Some(Autoscaling {
        min: 1,
        max: 40,
        cpu_target_pct: 55,
    });
    web.extra.insert(
        "x-labels".into(),
        json!({"team": "ops", "tags": ["a", "b"], "n": 3, "ratio": 0.25, "none": null}),
    );
    web.extra.insert("stop_grace_period".into(), json!("20s"));

    let mut api = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
    api.build = Some(Build {
        language: None,
        context: "./services/api".into(),
        dockerfile: Some("Dockerfile.prod".into()),
        target: Some("runtime".into()),
        args: [
            ("RUST_VERSION".to_string(), "1.88".to_string()),
            ("FEATURES".to_string(), "a b".to_string()),
        ]
        .into(),
    });
    api.image = Some(Image::new("registry.example.com:5000/acme/api", ""));
    api.hardening = Hardening {
        privileged: true,
        network_mode: Some("host".into()),
        pid: Some("host".into()),
        seccomp_unconfined: true,
        ..Hardening::default()
    };
    api.restart = RestartPolicy::Always;

    let mut worker = Service::new(ServiceId(9), "worker", "node-worker", Tier::Backend);
    worker.build = Some(Build::scaffold(Language::Node));
    worker.restart = RestartPolicy::No;
    worker.backup = true;

    // A catalog kind, customised: only the differences travel.
    let pg =
        catalog::kind("postgres").map(|k| service_from_kind(k, ServiceId(4), "db", Tier::Data));
    let mut db = pg.unwrap_or_else(|| custom(4, "db", Tier::Data, "postgres", "16-alpine"));
    db.environment
        .push(EnvVar::plain("PGDATA", "/var/lib/postgresql/data/pgdata"));
    db.backup = true;
    db.volumes.iter_mut().for_each(|m| m.size = Some(50));
    db.healthcheck = None;

    d.services = vec![web, api, worker, db];
    d.links = vec![
        Link::new(ServiceId(3), ServiceId(1), LinkKind::Sync),
        Link::new(ServiceId(1), ServiceId(4), LinkKind::Sync),
        Link::new(ServiceId(1), ServiceId(9), LinkKind::Async),
        Link {
            from: ServiceId(9),
            to: ServiceId(4),
            kind: LinkKind::Sync,
            inferred: true,
        },
    ];
    d.settings.budget.cpu_m = 16_000;
    d.settings.budget.disk_gb = 500;
    d.settings.node.memory_mb = 65_536;
    d.settings.ops.image_scan = true;
    d.settings.ops.logging = LoggingTarget::Central;
    d.settings.ops.hot_reload = true;
    d.settings.registry = "registry.example.com/acme".into();
    d.extra
        .insert("x-owner".into(), json!({"email": "ops@example.com"}));
    d
}

/// A realistic 30-service system (4 frontend, 18 backend, 8 data) built from whatever kinds the
/// catalog has for each tier, with the edits people make: published ports on the edge, a
/// database URL per API, prod replicas, a profile, links down the tiers.
pub fn thirty_services() -> Design {
    const FRONT: [&str; 4] = ["web", "admin", "docs", "edge"];
    const BACK: [&str; 18] = [
        "gateway",
        "users",
        "orders",
        "payments",
        "catalog-api",
        "search-api",
        "cart",
        "checkout",
        "shipping",
        "inventory",
        "pricing",
        "reviews",
        "notifications",
        "emails",
        "reports",
        "auth",
        "media",
        "scheduler",
    ];
    const DATA: [&str; 8] = [
        "users-db",
        "orders-db",
        "payments-db",
        "catalog-db",
        "cache",
        "events",
        "analytics-db",
        "files",
    ];
    let mut d = Design::new("marketplace");
    let add = |tier: Tier, names: &[&str], d: &mut Design| {
        let kinds: Vec<_> = KINDS.iter().filter(|k| k.tier == tier).collect();
        for (i, name) in names.iter().enumerate() {
            let id = d.next_id();
            let s = match kinds.get(i % kinds.len().max(1)) {
                Some(k) => service_from_kind(k, id, name, tier),
                None => custom(id.0, name, tier, "busybox", "1.36"),
            };
            d.services.push(s);
        }
    };
    add(Tier::Frontend, &FRONT, &mut d);
    add(Tier::Backend, &BACK, &mut d);
    add(Tier::Data, &DATA, &mut d);
    let id = |d: &Design, n: &str| d.service_by_name(n).map(|s| s.id).unwrap_or(ServiceId(0));
    let (gateway, web) = (id(&d, "gateway"), id(&d, "web"));
    for (i, name) in FRONT.iter().enumerate() {
        let s = id(&d, name);
        d.links.push(Link::new(s, gateway, LinkKind::Sync));
        if let Some(svc) = d.service_mut(s) {
            if let Some(p) = svc.ports.first_mut() {
                p.published = Some(8080 + i as u16);
            }
        }
    }
    for (i, name) in BACK.iter().enumerate().skip(1) {
        let api = id(&d, name);
        d.links.push(Link::new(gateway, api, LinkKind::Sync));
        let db = DATA[i % DATA.len()];
        d.links.push(Link::new(
            api,
            id(&d, db),
            if db == "events" {
                LinkKind::Async
            } else {
                LinkKind::Sync
            },
        ));
        if let Some(svc) = d.service_mut(api) {
            svc.environment.push(EnvVar::plain(
                "DATABASE_URL",
                format!("postgres://app:${{DB_PASSWORD}}@{db}:5432/app"),
            ));
            svc.replicas.prod = 1 + (i % 3) as u32;
        }
    }
    if let Some(s) = d.service_mut(id(&d, "reports")) {
        s.profiles = vec!["batch".into()];
    }
    if let Some(s) = d.service_mut(web) {
        s.replicas.prod = 2;
    }
    d
}

/// Seed 003's agent platform, the largest pattern starter (the 400-character budget's yardstick).
pub fn agent_platform() -> Design {
    instantiate(
        catalog::pattern("agent-platform").expect("the catalog has the agent-platform pattern"),
    )
}

// ---- random valid designs ----

/// Text that must survive a link: quotes, dollars, newlines, markup, any Unicode scalar.
pub fn arb_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\n".to_string()),
        Just("$$".to_string()),
        Just("${VAR}".to_string()),
        Just("<b>&amp;</b>".to_string()),
        Just("🚀".to_string()),
        Just("\u{0}".to_string()),
        "[a-zA-Z0-9 _./:-]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|v| v.concat())
}

fn arb_name() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9_.-]{0,12}"
}

fn arb_env_key() -> impl Strategy<Value = String> {
    "[A-Z_][A-Z0-9_]{0,10}"
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        // Eighths are exact in binary: no float formatting question in the comparison.
        (-1000i32..1000).prop_map(|n| serde_json::Value::from(f64::from(n) / 8.0)),
        arb_text().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(arb_text(), inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn arb_extra() -> impl Strategy<Value = tierboard::model::Passthrough> {
    prop::collection::btree_map("x-[a-z]{1,6}", arb_json(), 0..3)
}

fn arb_mount() -> impl Strategy<Value = Mount> {
    (
        0u8..4,
        arb_name(),
        "/[a-z0-9/_.-]{0,20}",
        any::<bool>(),
        prop::option::of(any::<u32>()),
    )
        .prop_map(|(k, name, target, read_only, size)| {
            let (kind, source) = match k {
                0 => (MountKind::Named, name),
                1 => (MountKind::Bind, format!("./{name}")),
                2 => (MountKind::Tmpfs, String::new()),
                _ => (MountKind::Anonymous, String::new()),
            };
            Mount {
                kind,
                source,
                target,
                read_only,
                size,
            }
        })
}

fn arb_port() -> impl Strategy<Value = Port> {
    (
        1u16..,
        prop::option::of(1u16..),
        prop::option::of(prop_oneof![Just("127.0.0.1"), Just("0.0.0.0"), Just("::1")]),
        any::<bool>(),
        prop::option::of(prop_oneof![
            Just("WEB_PORT"),
            Just("_P2"),
            Just("FRONTEND_PROXY_PORT")
        ]),
        any::<bool>(),
    )
        .prop_map(|(container, published, ip, udp, var, random)| Port {
            container,
            random_host: random && published.is_none() && var.is_none(),
            published,
            published_var: var.map(str::to_string),
            host_ip: ip.map(str::to_string),
            protocol: if udp { Protocol::Udp } else { Protocol::Tcp },
        })
}

fn arb_service() -> impl Strategy<Value = Service> {
    let mut kinds: Vec<&'static str> = KINDS.iter().map(|k| k.id).collect();
    kinds.extend(["custom", "imported-thing"]);
    let identity = (
        prop::sample::select(kinds),
        prop::sample::select(Tier::ALL.to_vec()),
    );
    let looks = (
        prop::option::of(("[a-z0-9./:-]{1,20}", "[a-z0-9.-]{0,10}")),
        prop::option::of((
            0u8..7,
            arb_text(),
            prop::option::of(arb_text()),
            prop::collection::btree_map(arb_env_key(), arb_text(), 0..3),
        )),
        prop::option::of(prop::collection::vec(arb_text(), 0..4)),
        prop::option::of(prop::collection::vec(arb_port(), 0..4)),
        prop::option::of(prop::collection::btree_map(
            arb_env_key(),
            (arb_text(), any::<bool>()),
            0..5,
        )),
        prop::option::of(prop::collection::vec(arb_mount(), 0..4)),
    );
    let runtime = (
        prop::option::of((0u32..=100, 0u32..=100, 0u32..=100)),
        prop::option::of(prop::array::uniform5(prop::option::of(any::<u32>()))),
        prop::option::of((
            prop::collection::vec(arb_text(), 0..3),
            any::<u32>(),
            any::<u32>(),
        )),
        prop::option::of(0u8..4),
        prop::option::of(prop::collection::vec(arb_name(), 0..3)),
        prop::option::of((
            any::<[bool; 5]>(),
            prop::option::of(arb_text()),
            prop::option::of("[a-z:]{1,12}"),
        )),
        (
            prop::option::of(prop::option::of(arb_text())),
            any::<bool>(),
            prop::option::of((1u32..50, 0u32..50, 1u32..=100)),
        ),
        arb_extra(),
    );
    (identity, looks, runtime).prop_map(|((kind, tier), looks, runtime)| {
        let mut s = match catalog::kind(kind) {
            Some(k) => service_from_kind(k, ServiceId(0), "placeholder", tier),
            None => Service::new(ServiceId(0), "placeholder", kind, tier),
        };
        let (image, build, command, ports, env, mounts) = looks;
        if let Some((name, tag)) = image {
            s.image = Some(Image::new(name, tag));
        }
        if let Some((lang, context, dockerfile, args)) = build {
            let language = Language::ALL.get(usize::from(lang)).copied();
            s.build = Some(Build {
                language,
                context,
                dockerfile,
                target: None,
                args,
            });
        }
        if s.image.is_none() && s.build.is_none() {
            s.image = Some(Image::new("busybox", "1.36"));
        }
        if let Some(c) = command {
            s.command = c;
        }
        if let Some(p) = ports {
            s.ports = p;
        }
        if let Some(env) = env {
            s.environment = env
                .into_iter()
                .map(|(key, (value, secret))| EnvVar { key, value, secret })
                .collect();
        }
        if let Some(m) = mounts {
            s.volumes = m;
        }
        let (replicas, resources, health, restart, profiles, hardening, misc, extra) = runtime;
        if let Some((dev, ci, prod)) = replicas {
            s.replicas = Replicas {
                dev,
                ci,
                prod,
                staging: None,
            };
        }
        if let Some([a, b, c, d, e]) = resources {
            s.resources = Resources {
                cpu_limit_m: a,
                memory_limit_mb: b,
                cpu_reservation_m: c,
                memory_reservation_mb: d,
                pids_limit: e,
            };
        }
        if let Some((test, interval_s, retries)) = health {
            s.healthcheck = Some(Healthcheck {
                test,
                interval_s,
                timeout_s: 1,
                retries,
                start_period_s: 0,
            });
        }
        if let Some(r) = restart {
            s.restart = [
                RestartPolicy::No,
                RestartPolicy::Always,
                RestartPolicy::OnFailure,
                RestartPolicy::UnlessStopped,
            ][usize::from(r)];
        }
        if let Some(p) = profiles {
            s.profiles = p;
        }
        if let Some((flags, user, mode)) = hardening {
            s.hardening = Hardening {
                read_only_root: flags[0],
                no_new_privileges: flags[1],
                cap_drop_all: flags[2],
                privileged: flags[3],
                seccomp_unconfined: flags[4],
                user,
                network_mode: mode.clone(),
                pid: mode.clone(),
                ipc: mode,
                cap_add: vec!["NET_ADMIN".into()],
            };
        }
        let (metrics, backup, autoscaling) = misc;
        if let Some(m) = metrics {
            s.metrics_path = m;
        }
        s.backup = backup;
        s.autoscaling = autoscaling.map(|(min, extra, cpu)| Autoscaling {
            min,
            max: min + extra,
            cpu_target_pct: cpu,
        });
        s.extra = extra;
        s
    })
}

/// A random design that `model::validate` accepts: unique names and ids, links between
/// existing services, no self-links or duplicates.
pub fn arb_design() -> impl Strategy<Value = Design> {
    let services = prop::collection::vec((arb_name(), 1u32..5, arb_service()), 0..8);
    let links = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            any::<bool>(),
            any::<bool>(),
        ),
        0..10,
    );
    let settings = (
        prop::option::of((any::<u32>(), any::<u32>(), any::<u32>())),
        prop::option::of("[a-z0-9./-]{1,30}"),
        any::<[bool; 4]>(),
        prop::sample::select(tierboard::i18n::Lang::ALL.to_vec()),
    );
    (arb_text(), services, links, settings, arb_extra()).prop_map(
        |(name, services, links, settings, extra)| {
            let mut d = Design::new(if name.trim().is_empty() {
                format!("design {name}")
            } else {
                name
            });
            let mut next = 0u32;
            for (i, (base, gap, mut s)) in services.into_iter().enumerate() {
                next += gap;
                s.id = ServiceId(next);
                // Unique by construction; a named volume made from the placeholder gets the real name.
                s.name = format!("{base}-{i}");
                // A target is mounted once (the model refuses a second mount on it).
                let mut targets = std::collections::HashSet::new();
                s.volumes.retain(|m| targets.insert(m.target.clone()));
                for m in &mut s.volumes {
                    if m.source.starts_with("placeholder") {
                        m.source = format!("{}_data", s.name.replace('.', "_"));
                    }
                }
                d.services.push(s);
            }
            let ids: Vec<ServiceId> = d.services.iter().map(|s| s.id).collect();
            if !ids.is_empty() {
                for (a, b, asynchronous, inferred) in links {
                    let (from, to) = (ids[a.index(ids.len())], ids[b.index(ids.len())]);
                    if from != to && !d.links.iter().any(|l| l.from == from && l.to == to) {
                        let kind = if asynchronous {
                            LinkKind::Async
                        } else {
                            LinkKind::Sync
                        };
                        d.links.push(Link {
                            from,
                            to,
                            kind,
                            inferred,
                        });
                    }
                }
            }
            let (budget, registry, ops, docs_lang) = settings;
            d.settings.docs_lang = docs_lang;
            if let Some((cpu_m, memory_mb, disk_gb)) = budget {
                d.settings.budget = tierboard::model::Budget {
                    cpu_m,
                    memory_mb,
                    disk_gb,
                };
            }
            d.settings.registry = registry.unwrap_or_default();
            d.settings.ops.image_scan = ops[0];
            d.settings.ops.rollback_docs = ops[1];
            d.settings.ops.hot_reload = ops[2];
            d.settings.ops.logging = if ops[3] {
                LoggingTarget::Central
            } else {
                LoggingTarget::Local
            };
            d.extra = extra;
            d
        },
    )
}

/// Every problem of a design, for assertion messages.
pub fn problems(d: &Design) -> Vec<String> {
    validate(d).iter().map(|p| p.to_string()).collect()
}

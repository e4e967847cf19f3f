//! The compose family as a specification: what the generated docker-compose files, `.env.example`
//! and ignore files promise, checked on designs built for each promise. Golden files pin the full
//! text for every pattern starter and the 30-service stress design (`UPDATE_GOLDEN=1 cargo test`
//! rewrites them).

use serde_yaml::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tierboard::catalog::{instantiate, kind, service_from_kind, PATTERNS};
use tierboard::generate::{project, GeneratedFile};
use tierboard::model::{
    Build, Design, EnvVar, Image, Language, Link, LinkKind, Port, Service, ServiceId, Tier,
};

// ---------------------------------------------------------------------------------------------
// helpers

/// The files of the compose family (the other family's files are not this test's business).
fn compose_family(files: &[GeneratedFile]) -> BTreeMap<String, String> {
    files
        .iter()
        .filter(|f| {
            f.path.starts_with("docker-compose")
                || f.path == ".env.example"
                || f.path == ".gitignore"
                || f.path.ends_with(".dockerignore")
                || f.path == "secrets/README.md"
        })
        .map(|f| (f.path.clone(), f.contents.clone()))
        .collect()
}

fn files_of(design: &Design) -> BTreeMap<String, String> {
    compose_family(&project(design))
}

fn yaml(files: &BTreeMap<String, String>, path: &str) -> Value {
    let text = files
        .get(path)
        .unwrap_or_else(|| panic!("{path} is generated"));
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{path} parses: {e}\n{text}"))
}

fn service<'a>(doc: &'a Value, name: &str) -> &'a Value {
    &doc["services"][name]
}

fn image_service(id: u32, name: &str, tier: Tier, image: &str, tag: &str) -> Service {
    let mut s = Service::new(ServiceId(id), name, "custom", tier);
    s.image = Some(Image::new(image, tag));
    s
}

fn from_kind(design: &mut Design, kind_id: &str, name: &str) -> ServiceId {
    let k = kind(kind_id).unwrap_or_else(|| panic!("kind {kind_id} exists"));
    let id = design.next_id();
    design.services.push(service_from_kind(k, id, name, k.tier));
    id
}

/// proxy → app → db, from the catalog.
fn three_tier() -> Design {
    let mut d = Design::new("Shop");
    let proxy = from_kind(&mut d, "nginx", "proxy");
    let app = from_kind(&mut d, "python-api", "app");
    let db = from_kind(&mut d, "postgres", "db");
    d.links.push(Link::new(proxy, app, LinkKind::Sync));
    d.links.push(Link::new(app, db, LinkKind::Sync));
    d
}

/// Every `${NAME...}` reference in a text, with whether it carries a default (`:-` / `-`).
fn variables(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        if at > 0 && rest.as_bytes()[at - 1] == b'$' {
            rest = &rest[at + 2..];
            continue;
        }
        let after = &rest[at + 2..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let tail = &after[name.len()..];
        out.push((
            name.clone(),
            tail.starts_with(":-") || tail.starts_with('-'),
        ));
        rest = tail;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// base file

#[test]
fn every_compose_file_has_a_project_name_and_no_version_key() {
    let files = files_of(&three_tier());
    for path in [
        "docker-compose.yml",
        "docker-compose.override.yml",
        "docker-compose.prod.yml",
        "docker-compose.ci.yml",
    ] {
        let doc = yaml(&files, path);
        assert_eq!(doc["name"], Value::from("shop"), "{path}");
        assert!(doc.get("version").is_none(), "{path}");
    }
}

#[test]
fn base_services_have_health_restart_logging_and_tier_networks() {
    let files = files_of(&three_tier());
    let doc = yaml(&files, "docker-compose.yml");
    for name in ["proxy", "app", "db"] {
        let s = service(&doc, name);
        assert_eq!(s["restart"], Value::from("unless-stopped"), "{name}");
        assert!(s["healthcheck"]["test"].is_sequence(), "{name}");
        assert_eq!(s["logging"]["driver"], Value::from("json-file"), "{name}");
        assert_eq!(
            s["logging"]["options"]["max-size"],
            Value::from("10m"),
            "{name}"
        );
        assert_eq!(
            s["logging"]["options"]["max-file"],
            Value::from("3"),
            "{name}"
        );
    }
    let nets = |name: &str| -> Vec<String> {
        service(&doc, name)["networks"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(nets("proxy"), ["frontend", "backend"]);
    assert_eq!(nets("app"), ["backend", "data"]);
    assert_eq!(nets("db"), ["data"]);
    assert_eq!(doc["networks"]["data"]["internal"], Value::from(true));
    assert!(doc["networks"]["backend"].get("internal").is_none());
    assert_eq!(
        doc["volumes"]["db_data"],
        Value::Mapping(Default::default())
    );
}

#[test]
fn depends_on_waits_for_health_and_never_forms_a_cycle() {
    let mut d = three_tier();
    let mut cache = image_service(9, "cache", Tier::Data, "memcached", "1.6-alpine");
    cache.healthcheck = None;
    d.services.push(cache);
    d.links
        .push(Link::new(ServiceId(2), ServiceId(9), LinkKind::Sync));
    d.links
        .push(Link::new(ServiceId(3), ServiceId(2), LinkKind::Sync)); // db → app closes a cycle
    let doc = yaml(&files_of(&d), "docker-compose.yml");
    let app = service(&doc, "app");
    assert_eq!(
        app["depends_on"]["db"]["condition"],
        Value::from("service_healthy")
    );
    assert_eq!(
        app["depends_on"]["cache"]["condition"],
        Value::from("service_started")
    );
    let keys: Vec<&str> = app["depends_on"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(keys, ["cache", "db"], "sorted like dclint");
    assert!(
        service(&doc, "db").get("depends_on").is_none(),
        "the cycle-closing link is left out"
    );
}

#[test]
fn a_dependency_behind_a_profile_is_not_required() {
    let mut d = three_tier();
    d.services[2].profiles = vec!["db".into()];
    let doc = yaml(&files_of(&d), "docker-compose.yml");
    assert_eq!(
        service(&doc, "app")["depends_on"]["db"]["required"],
        Value::from(false)
    );
    assert_eq!(
        service(&doc, "db")["profiles"],
        serde_yaml::from_str::<Value>("[db]").unwrap()
    );
}

#[test]
fn services_are_sorted_like_dclint_not_by_bytes() {
    let mut d = Design::new("x");
    for (i, name) in ["b", "a_b", "a-b", "A", "a1"].into_iter().enumerate() {
        d.services.push(image_service(
            i as u32 + 1,
            name,
            Tier::Backend,
            "busybox",
            "1.36",
        ));
    }
    let doc = yaml(&files_of(&d), "docker-compose.yml");
    let names: Vec<&str> = doc["services"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(names, ["A", "a_b", "a-b", "a1", "b"]);
}

#[test]
fn the_entry_publishes_on_loopback_with_a_documented_variable() {
    let files = files_of(&three_tier());
    let base = &files["docker-compose.yml"];
    assert!(
        base.contains("    - '127.0.0.1:${PROXY_PORT:-8080}:8080'\n"),
        "{base}"
    );
    assert!(files[".env.example"].contains("\nPROXY_PORT=8080\n"));
}

#[test]
fn host_ip_is_kept_when_it_is_an_address_and_replaced_when_not() {
    let mut d = Design::new("x");
    let mut a = image_service(1, "a", Tier::Frontend, "nginx", "1.27");
    a.ports = vec![Port {
        host_ip: Some("0.0.0.0".into()),
        ..Port::published(80, 80)
    }];
    let mut b = image_service(2, "b", Tier::Frontend, "nginx", "1.27");
    b.ports = vec![Port {
        host_ip: Some("${PUBLIC_IP}".into()),
        ..Port::published(81, 81)
    }];
    let mut c = image_service(3, "c", Tier::Frontend, "nginx", "1.27");
    c.ports = vec![Port {
        host_ip: Some("::1".into()),
        ..Port::published(82, 82)
    }];
    d.services = vec![a, b, c];
    let base = &files_of(&d)["docker-compose.yml"];
    assert!(base.contains("- '0.0.0.0:${A_PORT:-80}:80'"), "{base}");
    assert!(base.contains("- '127.0.0.1:${B_PORT:-81}:81'"), "{base}");
    assert!(base.contains("- '[::1]:${C_PORT:-82}:82'"), "{base}");
}

#[test]
fn data_stores_never_publish_a_port_in_any_file() {
    let mut d = three_tier();
    d.services[2].ports = vec![Port::published(5432, 5432)];
    let files = files_of(&d);
    for (path, text) in files
        .iter()
        .filter(|(p, _)| p.starts_with("docker-compose"))
    {
        let doc: Value = serde_yaml::from_str(text).unwrap();
        assert!(doc["services"]["db"].get("ports").is_none(), "{path}");
    }
    assert!(!files[".env.example"].contains("DB_PORT"));
}

#[test]
fn hardening_fields_are_written_as_the_design_sets_them() {
    let files = files_of(&three_tier());
    let doc = yaml(&files, "docker-compose.yml");
    let app = service(&doc, "app");
    assert_eq!(app["user"], Value::from("10001:10001"));
    assert_eq!(app["read_only"], Value::from(true));
    assert_eq!(
        app["cap_drop"],
        serde_yaml::from_str::<Value>("[ALL]").unwrap()
    );
    assert_eq!(
        app["security_opt"],
        serde_yaml::from_str::<Value>("['no-new-privileges:true']").unwrap()
    );
    let tmp = &app["volumes"][0];
    assert_eq!(tmp["type"], Value::from("tmpfs"));
    assert_eq!(tmp["tmpfs"]["size"], Value::from(64u64 * 1024 * 1024));
    assert!(
        app.get("tmpfs").is_none(),
        "scratch space is a volume entry, not the tmpfs key"
    );
    let db = service(&doc, "db");
    assert!(db.get("read_only").is_none() && db.get("user").is_none());
}

#[test]
fn insecure_runtime_settings_are_kept_not_hidden() {
    let mut d = Design::new("x");
    let mut s = image_service(1, "agent", Tier::Backend, "busybox", "1.36");
    s.hardening.privileged = true;
    s.hardening.network_mode = Some("host".into());
    s.hardening.pid = Some("host".into());
    s.hardening.seccomp_unconfined = true;
    s.hardening.cap_add = vec!["NET_ADMIN".into()];
    d.services.push(s);
    let doc = yaml(&files_of(&d), "docker-compose.yml");
    let a = service(&doc, "agent");
    assert_eq!(a["privileged"], Value::from(true));
    assert_eq!(a["network_mode"], Value::from("host"));
    assert!(
        a.get("networks").is_none(),
        "network_mode excludes networks"
    );
    assert_eq!(a["pid"], Value::from("host"));
    assert_eq!(
        a["cap_add"],
        serde_yaml::from_str::<Value>("[NET_ADMIN]").unwrap()
    );
    assert_eq!(
        a["security_opt"],
        serde_yaml::from_str::<Value>("['seccomp:unconfined']").unwrap()
    );
}

#[test]
fn built_services_name_their_image_and_build_locally() {
    let doc = yaml(&files_of(&three_tier()), "docker-compose.yml");
    let app = service(&doc, "app");
    assert_eq!(app["build"]["context"], Value::from("./docker/app"));
    assert_eq!(
        app["image"],
        Value::from("${REGISTRY:-ghcr.io/shop}/app:${VERSION:-0.1.0}")
    );
    assert_eq!(app["pull_policy"], Value::from("build"));
}

#[test]
fn imported_builds_keep_their_context() {
    let mut d = Design::new("x");
    let mut s = Service::new(ServiceId(1), "legacy", "custom", Tier::Backend);
    s.build = Some(Build {
        language: None,
        context: "./services/legacy".into(),
        dockerfile: Some("Dockerfile.prod".into()),
        target: None,
        args: Default::default(),
    });
    d.services.push(s);
    let files = files_of(&d);
    let doc = yaml(&files, "docker-compose.yml");
    assert_eq!(
        service(&doc, "legacy")["build"]["context"],
        Value::from("./services/legacy")
    );
    assert_eq!(
        service(&doc, "legacy")["build"]["dockerfile"],
        Value::from("Dockerfile.prod")
    );
    assert!(
        yaml(&files, "docker-compose.override.yml")["services"]
            .get("legacy")
            .is_none(),
        "its stages are unknown"
    );
}

#[test]
fn traefik_routes_the_services_it_links_to() {
    let mut d = Design::new("web");
    let mut t = image_service(1, "traefik", Tier::Frontend, "traefik", "v3.1");
    t.kind = "traefik".into();
    let mut app = image_service(2, "app", Tier::Backend, "ghcr.io/acme/app", "1.0.0");
    app.ports = vec![Port::internal(8000)];
    d.services = vec![t, app];
    d.links
        .push(Link::new(ServiceId(1), ServiceId(2), LinkKind::Sync));
    let doc = yaml(&files_of(&d), "docker-compose.yml");
    let labels = &service(&doc, "app")["labels"];
    assert_eq!(labels["traefik.enable"], Value::from("true"));
    assert_eq!(
        labels["traefik.http.routers.app.rule"],
        Value::from("Host(`app.localhost`)")
    );
    assert_eq!(
        labels["traefik.http.services.app.loadbalancer.server.port"],
        Value::from("8000")
    );
    assert_eq!(labels["traefik.docker.network"], Value::from("web_backend"));
}

#[test]
fn pass_through_keys_replace_the_model_and_land_in_dclint_order() {
    let mut d = Design::new("x");
    let mut s = image_service(1, "a", Tier::Backend, "busybox", "1.36");
    s.extra
        .insert("stop_grace_period".into(), serde_json::json!("30s"));
    s.extra
        .insert("container_name".into(), serde_json::json!("a-main"));
    s.extra.insert(
        "healthcheck".into(),
        serde_json::json!({"test": ["CMD", "true"], "interval": "${HC_INTERVAL}"}),
    );
    s.extra
        .insert("networks".into(), serde_json::json!(["legacy"]));
    d.services.push(s);
    d.extra
        .insert("x-common".into(), serde_json::json!({"k": "v"}));
    d.extra.insert(
        "networks".into(),
        serde_json::json!({"legacy": {"external": true}}),
    );
    let files = files_of(&d);
    let text = &files["docker-compose.yml"];
    let doc: Value = serde_yaml::from_str(text).unwrap();
    let a = service(&doc, "a");
    assert_eq!(a["stop_grace_period"], Value::from("30s"));
    assert_eq!(
        a["healthcheck"]["interval"],
        Value::from("${HC_INTERVAL}"),
        "the kept text wins over the model"
    );
    assert_eq!(
        a["networks"],
        serde_yaml::from_str::<Value>("[legacy]").unwrap()
    );
    assert_eq!(doc["networks"]["legacy"]["external"], Value::from(true));
    assert!(
        doc["networks"].get("backend").is_some(),
        "generated networks stay next to imported ones"
    );
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} in\n{text}"))
    };
    assert!(
        at("    image:") < at("    container_name:")
            && at("    container_name:") < at("    networks:")
    );
    assert!(
        at("    healthcheck:") < at("    logging:")
            && at("    logging:") < at("    stop_grace_period:")
    );
    assert!(at("x-common:") < at("name: x"));
    assert!(
        files[".env.example"].contains("\nHC_INTERVAL="),
        "variables of kept keys are documented"
    );
}

#[test]
fn pass_through_keys_cannot_publish_a_data_store_or_leak_a_secret() {
    let mut d = three_tier();
    let db = &mut d.services[2];
    db.extra
        .insert("ports".into(), serde_json::json!(["5432:5432"]));
    db.environment.push(EnvVar {
        key: "TOKEN".into(),
        value: "hunter2".into(),
        secret: true,
    });
    db.extra.insert(
        "environment".into(),
        serde_json::json!(["TOKEN=hunter2", "MODE=fast"]),
    );
    let files = files_of(&d);
    let doc = yaml(&files, "docker-compose.yml");
    assert!(service(&doc, "db").get("ports").is_none());
    assert_eq!(
        service(&doc, "db")["environment"],
        serde_yaml::from_str::<Value>(
            "['TOKEN=${TOKEN:?set TOKEN in .env (see .env.example)}', MODE=fast]"
        )
        .unwrap()
    );
    assert!(files.values().all(|t| !t.contains("hunter2")));
}

// ---------------------------------------------------------------------------------------------
// secrets and .env.example

#[test]
fn secrets_never_appear_with_a_value() {
    let mut d = three_tier();
    d.services[2].environment.push(EnvVar {
        key: "LEAKED".into(),
        value: "hunter2".into(),
        secret: true,
    });
    let files = files_of(&d);
    for (path, text) in &files {
        assert!(!text.contains("hunter2"), "{path}");
    }
    let doc = yaml(&files, "docker-compose.yml");
    assert_eq!(
        service(&doc, "db")["environment"]["POSTGRES_PASSWORD"],
        Value::from("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env (see .env.example)}")
    );
    assert!(files[".env.example"].contains("\nPOSTGRES_PASSWORD=<SET_IN_ENV>\n"));
    assert!(files[".env.example"].contains("\nLEAKED=<SET_IN_ENV>\n"));
}

#[test]
fn every_variable_without_a_default_is_in_env_example() {
    let design: Design =
        Design::from_json(&std::fs::read_to_string(fixture("stress-30.json")).unwrap()).unwrap();
    let files = files_of(&design);
    let example = &files[".env.example"];
    for (path, text) in files
        .iter()
        .filter(|(p, _)| p.starts_with("docker-compose"))
    {
        for (name, has_default) in variables(text) {
            let documented = example.lines().any(|l| l.starts_with(&format!("{name}=")));
            assert!(
                has_default || documented,
                "{path}: ${{{name}}} is neither defaulted nor in .env.example"
            );
        }
    }
}

#[test]
fn env_example_is_dotenv_clean() {
    let design: Design =
        Design::from_json(&std::fs::read_to_string(fixture("stress-30.json")).unwrap()).unwrap();
    let example = &files_of(&design)[".env.example"];
    let mut seen = std::collections::BTreeSet::new();
    for line in example
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (key, value) = line.split_once('=').expect("KEY=value");
        assert!(
            key.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
            "{line}"
        );
        assert!(!value.contains(['"', '\'', ' ']), "{line}");
        assert!(seen.insert(key.to_string()), "duplicate {key}");
    }
}

#[test]
fn prod_reads_secrets_from_files_where_the_image_supports_it() {
    let files = files_of(&three_tier());
    let prod = yaml(&files, "docker-compose.prod.yml");
    let db = service(&prod, "db");
    assert_eq!(
        db["secrets"],
        serde_yaml::from_str::<Value>("[postgres_password]").unwrap()
    );
    assert_eq!(
        db["environment"]["POSTGRES_PASSWORD_FILE"],
        Value::from("/run/secrets/postgres_password")
    );
    assert!(db["environment"].get("POSTGRES_PASSWORD").is_none());
    assert!(
        files["docker-compose.prod.yml"].contains("    environment: !override\n"),
        "replaces, not merges"
    );
    assert_eq!(
        prod["secrets"]["postgres_password"]["file"],
        Value::from("./secrets/postgres_password.txt")
    );
    let gitignore = &files[".gitignore"];
    assert!(gitignore.lines().any(|l| l == ".env"));
    assert!(
        gitignore.lines().any(|l| l == "secrets/*")
            && gitignore.lines().any(|l| l == "!secrets/README.md")
    );
    assert!(files["secrets/README.md"].contains("secrets/postgres_password.txt"));
}

// ---------------------------------------------------------------------------------------------
// overlays

#[test]
fn prod_pulls_versioned_registry_images_with_replicas() {
    let mut d = three_tier();
    d.services[1].replicas.prod = 3;
    d.settings.registry = "registry.example.com/shop".into();
    let files = files_of(&d);
    let prod = yaml(&files, "docker-compose.prod.yml");
    let app = service(&prod, "app");
    assert_eq!(
        app["image"],
        Value::from(
            "${REGISTRY:-registry.example.com/shop}/app:${VERSION:?set VERSION to the release tag}"
        )
    );
    assert_eq!(app["deploy"]["replicas"], Value::from(3));
    assert_eq!(app["pull_policy"], Value::from("missing"));
    assert!(files["docker-compose.prod.yml"].contains("    build: !reset {}\n"));
    let base = yaml(&files, "docker-compose.yml");
    assert_eq!(
        service(&base, "app")["deploy"]["resources"]["limits"]["cpus"],
        Value::from("1")
    );
    assert_eq!(
        service(&base, "app")["deploy"]["resources"]["reservations"]["memory"],
        Value::from("256M")
    );
}

#[test]
fn override_builds_development_stages_with_hot_reload_and_debug_ports() {
    let mut d = three_tier();
    d.settings.ops.hot_reload = true;
    let mut api = Service::new(ServiceId(7), "billing", "java-api", Tier::Backend);
    api.build = Some(Build::scaffold(Language::Java));
    d.services.push(api);
    let files = files_of(&d);
    let dev = yaml(&files, "docker-compose.override.yml");
    assert_eq!(
        service(&dev, "app")["build"]["target"],
        Value::from("development")
    );
    assert_eq!(
        service(&dev, "app")["volumes"][0],
        Value::from("./docker/app/app:/app/app:ro")
    );
    assert_eq!(
        service(&dev, "billing")["ports"][0],
        Value::from("127.0.0.1:${BILLING_DEBUG_PORT:-5005}:5005")
    );
    assert!(dev["services"].get("db").is_none());
    assert!(files[".env.example"].contains("\nBILLING_DEBUG_PORT=5005\n"));

    d.settings.ops.hot_reload = false;
    let dev = yaml(&files_of(&d), "docker-compose.override.yml");
    assert!(service(&dev, "app").get("volumes").is_none());
}

#[test]
fn ci_runs_on_disposable_data_without_restarts() {
    let files = files_of(&three_tier());
    let ci = yaml(&files, "docker-compose.ci.yml");
    let db = service(&ci, "db");
    assert_eq!(db["restart"], Value::from("no"));
    assert_eq!(db["volumes"][0]["type"], Value::from("tmpfs"));
    assert_eq!(
        db["volumes"][0]["target"],
        Value::from("/var/lib/postgresql/data")
    );
    assert!(files["docker-compose.ci.yml"].contains("    volumes: !override\n"));
    assert!(
        files["docker-compose.ci.yml"].contains("    restart: 'no'\n"),
        "quoted: `no` is false in YAML 1.1"
    );
}

#[test]
fn the_same_design_gives_byte_identical_files() {
    let design: Design =
        Design::from_json(&std::fs::read_to_string(fixture("stress-30.json")).unwrap()).unwrap();
    assert_eq!(project(&design), project(&design));
}

// ---------------------------------------------------------------------------------------------
// golden files

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Compare (or with `UPDATE_GOLDEN=1`, rewrite) `tests/fixtures/golden/compose/<case>/`.
fn check_golden(case: &str, files: &BTreeMap<String, String>) {
    let files: Vec<GeneratedFile> = files
        .iter()
        .map(|(path, text)| GeneratedFile::text(path.clone(), text.clone()))
        .collect();
    crate::support::check_golden("golden/compose", case, &files);
}

#[test]
fn golden_files_for_every_pattern_starter() {
    for p in PATTERNS {
        check_golden(p.id, &files_of(&instantiate(p)));
    }
}

#[test]
fn golden_files_for_the_stress_design() {
    let design: Design =
        Design::from_json(&std::fs::read_to_string(fixture("stress-30.json")).unwrap()).unwrap();
    assert_eq!(design.services.len(), 30);
    check_golden("stress-30", &files_of(&design));
}

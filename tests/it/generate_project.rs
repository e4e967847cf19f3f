//! The project family of `generate::project` as a user receives it: golden files for the text of
//! every generator, and the properties every generated project keeps (one Dockerfile and stub
//! per scaffolded service, determinism, scripts marked executable, no unpinned base image).
//!
//! `UPDATE_GOLDEN=1 cargo test --test it generate_project::` rewrites the golden files under
//! tests/fixtures/golden/project/<design>/ (review the diff before committing).
//! `TIERBOARD_WRITE_PROJECTS=/some/dir cargo test --test it generate_project::` also writes each
//! fixture's complete project to /some/dir/<design>/ for the validators
//! (`/work/shared/tools/validate-project /some/dir/<design>`).

use std::collections::BTreeMap;
use std::path::Path;
use tierboard::catalog;
use tierboard::generate::{self, GeneratedFile};
use tierboard::model::{
    Build, Design, EnvVar, Healthcheck, Image, Language, Link, LinkKind, Mount, Port, Resources,
    Service, ServiceId, Tier,
};

// ---------------------------------------------------------------- fixtures

fn built(
    id: u32,
    name: &str,
    kind: &str,
    tier: Tier,
    language: Language,
    port: Option<u16>,
) -> Service {
    let mut s = Service::new(ServiceId(id), name, kind, tier);
    s.build = Some(Build::scaffold(language));
    s.ports = port.map(Port::internal).into_iter().collect();
    s.resources = Resources::sized(500, 256);
    s
}

fn pulled(id: u32, name: &str, kind: &str, image: &str, port: u16) -> Service {
    let mut s = Service::new(ServiceId(id), name, kind, Tier::Data);
    s.image = Some(Image::parse(image));
    s.ports = vec![Port::internal(port)];
    s.resources = Resources::sized(500, 512);
    s.volumes = vec![Mount::named(
        format!("{}_data", name.replace('-', "_")),
        "/data",
    )];
    s
}

fn link(from: u32, to: u32) -> Link {
    Link::new(ServiceId(from), ServiceId(to), LinkKind::Sync)
}

/// One service per language and mode, a proxy in front, Prometheus, four database kinds with
/// backups, every ops switch on.
fn polyglot() -> Design {
    let mut d = Design::new("Polyglot Shop");
    let mut proxy = Service::new(ServiceId(1), "proxy", "nginx", Tier::Frontend);
    proxy.image = Some(Image::new("nginxinc/nginx-unprivileged", "1.27-alpine"));
    proxy.ports = vec![Port::published(8080, 8080)];
    let mut web = built(
        2,
        "web",
        "react-spa",
        Tier::Frontend,
        Language::Static,
        Some(8080),
    );
    web.resources = Resources::sized(250, 128);
    let mut api = built(
        3,
        "api",
        "python-api",
        Tier::Backend,
        Language::Python,
        Some(8000),
    );
    api.metrics_path = Some("/metrics".into());
    api.replicas.prod = 3;
    let mut orders = built(
        4,
        "orders",
        "node-api",
        Tier::Backend,
        Language::Node,
        Some(3000),
    );
    orders.metrics_path = Some("/metrics".into());
    let mut users = built(
        5,
        "users",
        "go-api",
        Tier::Backend,
        Language::Go,
        Some(8081),
    );
    users.metrics_path = Some("/internal/metrics".into());
    let search = built(
        6,
        "search",
        "rust-api",
        Tier::Backend,
        Language::Rust,
        Some(8082),
    );
    let billing = built(
        7,
        "billing",
        "java-api",
        Tier::Backend,
        Language::Java,
        Some(8083),
    );
    let mut worker = built(8, "worker", "worker", Tier::Backend, Language::Python, None);
    worker.command = vec!["worker".into()];
    let mut cron = built(9, "cron", "scheduler", Tier::Backend, Language::Node, None);
    cron.command = vec!["scheduler".into()];
    let mut db = pulled(10, "db", "postgres", "postgres:16-alpine", 5432);
    db.volumes = vec![Mount::named("db_data", "/var/lib/postgresql/data")];
    db.environment = vec![
        EnvVar::plain("POSTGRES_USER", "app"),
        EnvVar::plain("POSTGRES_DB", "app"),
        EnvVar::secret("POSTGRES_PASSWORD"),
    ];
    db.backup = true;
    db.healthcheck = Some(Healthcheck::shell("pg_isready -U \"$${POSTGRES_USER}\""));
    let mut legacy = pulled(11, "legacy-db", "mysql", "mysql:8.4", 3306);
    legacy.backup = true;
    let mut docs = pulled(12, "docs", "mongodb", "mongo:7.0", 27017);
    docs.backup = true;
    let mut cache = pulled(13, "cache", "redis", "redis:7.4-alpine", 6379);
    cache.backup = true;
    let mut files = pulled(
        14,
        "files",
        "minio",
        "minio/minio:RELEASE.2024-11-07T00-52-20Z",
        9000,
    );
    files.backup = true;
    let mut prom = Service::new(ServiceId(15), "prometheus", "prometheus", Tier::Backend);
    prom.image = Some(Image::new("prom/prometheus", "v2.55.1"));
    prom.ports = vec![Port::internal(9090)];
    prom.profiles = vec!["monitoring".into()];
    d.services = vec![
        proxy, web, api, orders, users, search, billing, worker, cron, db, legacy, docs, cache,
        files, prom,
    ];
    d.links = vec![
        link(1, 2),
        link(1, 3),
        link(1, 4),
        link(1, 5),
        link(3, 10),
        link(3, 13),
        link(4, 11),
        link(5, 12),
        link(6, 14),
        Link::new(ServiceId(3), ServiceId(8), LinkKind::Async),
        link(8, 10),
        link(9, 4),
    ];
    d.settings.ops.image_scan = true;
    d.settings.ops.rollback_docs = true;
    d.settings.ops.hot_reload = true;
    d.settings.ops.logging = tierboard::model::LoggingTarget::Central;
    d
}

/// Thirty services: ten built apps over every language, a proxy, Prometheus, data stores.
fn stress() -> Design {
    let mut d = Design::new("stress-30");
    let mut proxy = Service::new(ServiceId(1), "gateway", "nginx", Tier::Frontend);
    proxy.image = Some(Image::new("nginxinc/nginx-unprivileged", "1.27-alpine"));
    proxy.ports = vec![Port::published(8080, 8080)];
    d.services.push(proxy);
    d.services.push(built(
        2,
        "spa",
        "react-spa",
        Tier::Frontend,
        Language::Static,
        Some(8080),
    ));
    let mut prom = Service::new(ServiceId(3), "prometheus", "prometheus", Tier::Backend);
    prom.image = Some(Image::new("prom/prometheus", "v2.55.1"));
    prom.ports = vec![Port::internal(9090)];
    d.services.push(prom);
    let mut id = 4;
    for i in 0..18u32 {
        let language = Language::ALL[(i % 5) as usize];
        let mut s = built(
            id,
            &format!("svc-{i:02}"),
            "custom",
            Tier::Backend,
            language,
            Some(8000 + i as u16),
        );
        if i % 2 == 0 {
            s.metrics_path = Some("/metrics".into());
        }
        if i % 6 == 5 {
            s.command = vec!["worker".into()];
        }
        d.services.push(s);
        d.links.push(link(1, id));
        id += 1;
    }
    let stores = [
        ("pg", "postgres", "postgres:16-alpine", 5432),
        ("pg2", "postgres", "postgres:16-alpine", 5432),
        ("my", "mysql", "mysql:8.4", 3306),
        ("maria", "mariadb", "mariadb:11.4", 3306),
        ("mongo", "mongodb", "mongo:7.0", 27017),
        ("redis", "redis", "redis:7.4-alpine", 6379),
        ("valkey", "valkey", "valkey/valkey:8.0", 6379),
        (
            "rabbit",
            "rabbitmq",
            "rabbitmq:3.13-management-alpine",
            5672,
        ),
        (
            "minio",
            "minio",
            "minio/minio:RELEASE.2024-11-07T00-52-20Z",
            9000,
        ),
    ];
    for (j, (name, kind, image, port)) in stores.iter().enumerate() {
        let mut s = pulled(id, name, kind, image, *port);
        s.backup = j % 2 == 0;
        d.services.push(s);
        d.links.push(link(4 + (j as u32), id));
        id += 1;
    }
    d.settings.ops.image_scan = true;
    d.settings.ops.rollback_docs = true;
    d
}

/// Every fixture: the catalog's pattern starters, then the hand-made designs.
fn fixtures() -> Vec<(String, Design)> {
    let mut out: Vec<(String, Design)> = catalog::PATTERNS
        .iter()
        .map(|p| (format!("pattern-{}", p.id), catalog::instantiate(p)))
        .collect();
    out.push(("polyglot".into(), polyglot()));
    out.push(("stress-30".into(), stress()));
    out
}

/// Files of the compose, Helm and Swarm families (their own goldens, not these).
fn is_compose_family(path: &str) -> bool {
    path.starts_with("helm/")
        || path == "docker-stack.yml"
        || path == "docs/docker-swarm.md"
        || path.starts_with("docker-compose")
        || path.starts_with(".env")
        || path == ".gitignore"
        || path.ends_with(".dockerignore")
        || path.starts_with("secrets/")
}

fn project_family(design: &Design) -> Vec<GeneratedFile> {
    generate::project(design)
        .into_iter()
        .filter(|f| !is_compose_family(&f.path))
        .collect()
}

#[test]
fn generated_text_matches_the_golden_files() {
    for (name, design) in fixtures().into_iter().filter(|(n, _)| n != "stress-30") {
        crate::support::check_golden("golden/project", &name, &project_family(&design));
    }
}

#[test]
fn complete_projects_are_written_for_the_validators_on_request() {
    let Some(out) = std::env::var_os("TIERBOARD_WRITE_PROJECTS") else {
        return;
    };
    for (name, design) in fixtures() {
        crate::support::write_tree(&Path::new(&out).join(&name), &generate::project(&design));
    }
}

// ---------------------------------------------------------------- properties

#[test]
fn every_scaffolded_service_gets_a_dockerfile_a_stub_and_a_health_route() {
    for (name, design) in fixtures() {
        let files = generate::project(&design);
        let by_path: BTreeMap<&str, &GeneratedFile> =
            files.iter().map(|f| (f.path.as_str(), f)).collect();
        for s in design
            .services
            .iter()
            .filter(|s| s.build.as_ref().is_some_and(|b| b.language.is_some()))
        {
            let dockerfile = generate::layout::dockerfile(s);
            assert!(
                by_path.contains_key(dockerfile.as_str()),
                "{name}: {} has no Dockerfile",
                s.name
            );
            let dir = format!("{}/", generate::layout::build_dir(s));
            let sources: Vec<&&GeneratedFile> = by_path
                .iter()
                .filter(|(p, _)| p.starts_with(&dir))
                .map(|(_, f)| f)
                .collect();
            assert!(
                sources.iter().any(|f| f.contents.contains("/health")),
                "{name}: {} has no /health route",
                s.name
            );
        }
    }
}

/// The unit-test file every language's suite starts from (`stub_tests`).
fn unit_test_file(language: Language) -> &'static str {
    match language {
        Language::Python => "tests/test_app.py",
        Language::Node => "test/server.test.js",
        Language::Go => "main_test.go",
        Language::Rust => "src/tests.rs",
        Language::Java => "test/AppTest.java",
        Language::Static => "test/site.test.mjs",
    }
}

#[test]
fn every_scaffolded_service_gets_unit_tests_that_its_image_leaves_out() {
    for (name, design) in fixtures() {
        let files = generate::project(&design);
        let by_path: BTreeMap<&str, &GeneratedFile> =
            files.iter().map(|f| (f.path.as_str(), f)).collect();
        for s in &design.services {
            let Some(language) = s.build.as_ref().and_then(|b| b.language) else {
                continue;
            };
            let dir = generate::layout::build_dir(s);
            let test = format!("{dir}/{}", unit_test_file(language));
            assert!(by_path.contains_key(test.as_str()), "{name}: no {test}");
            let ignore = by_path[format!("{dir}/.dockerignore").as_str()];
            let top = unit_test_file(language).split('/').next().unwrap();
            assert!(
                ignore
                    .contents
                    .lines()
                    .any(|l| l == top || l == "**/*_test.go"),
                "{name}: {dir}/.dockerignore lets {top} into the build context"
            );
            let dockerfile = by_path[generate::layout::dockerfile(s).as_str()];
            for line in dockerfile
                .contents
                .lines()
                .filter(|l| l.starts_with("COPY "))
            {
                assert!(!line.contains("test"), "{name}: {line}");
            }
        }
    }
}

#[test]
fn every_project_gets_seed_004s_test_tree() {
    for (name, design) in fixtures() {
        let files = generate::project(&design);
        let by_path: BTreeMap<&str, &GeneratedFile> =
            files.iter().map(|f| (f.path.as_str(), f)).collect();
        for path in [
            "tests/conftest.py",
            "tests/integration/test_compose_smoke.py",
            "tests/requirements.txt",
            "tests/smoke/smoke.sh",
        ] {
            assert!(by_path.contains_key(path), "{name}: no {path}");
        }
        let fixture: serde_json::Value =
            serde_json::from_str(&by_path["tests/fixtures/services.json"].contents).unwrap();
        for endpoint in fixture["endpoints"].as_array().unwrap() {
            let service = endpoint["service"].as_str().unwrap();
            let s = design.services.iter().find(|s| s.name == service);
            let port = endpoint["port"].as_u64().unwrap();
            assert!(
                s.is_some_and(|s| s
                    .ports
                    .iter()
                    .any(|p| u64::from(p.container) == port && p.published.is_some())),
                "{name}: {service}:{port} is not published"
            );
        }
    }
}

#[test]
fn the_proxy_gets_its_config_and_dockerfile_when_nginx_is_on_the_board() {
    let d = polyglot();
    let files = project_family(&d);
    let conf = files
        .iter()
        .find(|f| f.path == "docker/proxy/nginx.conf")
        .expect("nginx.conf");
    assert!(
        conf.contents.contains("server web:8080;"),
        "{}",
        conf.contents
    );
    assert!(
        conf.contents.contains("location /api/"),
        "{}",
        conf.contents
    );
    assert!(files.iter().any(|f| f.path == "docker/proxy/Dockerfile"));
}

#[test]
fn prometheus_scrapes_every_service_with_metrics() {
    let d = polyglot();
    let files = project_family(&d);
    let prom = files
        .iter()
        .find(|f| f.path == "prometheus.yml")
        .expect("prometheus.yml");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&prom.contents).unwrap();
    let jobs: Vec<&str> = yaml["scrape_configs"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|j| j["job_name"].as_str().unwrap())
        .collect();
    assert_eq!(jobs, ["prometheus", "api", "orders", "users"]);
}

#[test]
fn generation_is_deterministic() {
    for (name, design) in fixtures() {
        assert_eq!(
            generate::project(&design),
            generate::project(&design.clone()),
            "{name}"
        );
    }
}

#[test]
fn scripts_are_executable_and_start_with_a_shebang() {
    for (name, design) in fixtures() {
        for f in generate::project(&design) {
            if f.path.ends_with(".sh") {
                assert!(f.executable, "{name}: {} not executable", f.path);
                assert!(f.contents.starts_with("#!/bin/sh\n"), "{name}: {}", f.path);
            }
        }
    }
}

#[test]
fn every_base_image_is_pinned_to_an_exact_version() {
    for (name, design) in fixtures() {
        for f in generate::project(&design)
            .iter()
            .filter(|f| f.path.ends_with("Dockerfile"))
        {
            for line in f.contents.lines().filter(|l| l.starts_with("FROM ")) {
                let image = line.split_whitespace().nth(1).unwrap_or("");
                if image == "scratch"
                    || !image.contains(':') && f.contents.contains(&format!(" AS {image}"))
                {
                    continue;
                }
                let tag = image.rsplit_once(':').map_or("", |(_, t)| t);
                assert!(
                    tag.split(['-', '_'])
                        .next()
                        .is_some_and(|v| v.matches('.').count() >= 2),
                    "{name}/{}: {line}",
                    f.path
                );
            }
        }
    }
}

#[test]
fn backups_are_written_only_for_marked_services() {
    let d = stress();
    let files = project_family(&d);
    let script = files
        .iter()
        .find(|f| f.path == "scripts/backup.sh")
        .expect("backup script");
    for s in d.services.iter().filter(|s| s.tier == Tier::Data) {
        let mentioned = script
            .contents
            .contains(&format!("echo \"backup: {},", s.name));
        assert_eq!(mentioned, s.backup, "{}", s.name);
    }
}

#[test]
fn hostile_names_cannot_reach_generated_code() {
    let mut d = Design::new("x\"; rm -rf / #");
    let mut s = built(1, "api", "custom", Tier::Backend, Language::Go, Some(8000));
    s.metrics_path = Some("/m\"etrics`$(id)`".into());
    d.services.push(s);
    // The design file and the SVG carry the design itself, names included, as escaped data
    // (JSON strings, XML text): they are checked to reopen as the design instead.
    let documents = [
        generate::layout::design_file(&d),
        generate::layout::ARCHITECTURE_SVG.to_string(),
    ];
    for f in project_family(&d) {
        if documents.contains(&f.path) {
            assert_eq!(
                tierboard::share::open(&f.contents),
                Ok(d.clone()),
                "{}",
                f.path
            );
            assert!(!f.contents.contains("x\"; rm"), "unescaped in {}", f.path);
            continue;
        }
        assert!(!f.contents.contains("$(id)"), "{}", f.path);
        assert!(!f.contents.contains("rm -rf"), "{}", f.path);
    }
}

#[test]
fn the_health_monitor_polls_the_generated_services_it_links_to() {
    let Some(p) = catalog::pattern("agent-platform") else {
        return;
    };
    let d = catalog::instantiate(p);
    let Some(monitor) = d.services.iter().find(|s| s.kind == "health-monitor") else {
        return;
    };
    let files = project_family(&d);
    let main = files
        .iter()
        .find(|f| f.path == format!("{}/app/main.py", generate::layout::build_dir(monitor)))
        .expect("main.py");
    for l in d.links_from(monitor.id) {
        let target = d.service(l.to).unwrap();
        if target.build.as_ref().is_some_and(|b| b.language.is_some()) {
            let port = target.ports[0].container;
            assert!(
                main.contents
                    .contains(&format!("http://{}:{port}/health", target.name)),
                "{}",
                target.name
            );
        }
    }
    assert!(main.contents.contains("@app.get(\"/status\")"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arb_design() -> impl Strategy<Value = Design> {
        let service = (
            "[a-zA-Z0-9][a-zA-Z0-9_.-]{0,20}",
            0usize..8,
            proptest::option::of(1024u16..65000),
            proptest::option::of("[ -~]{0,12}"),
        );
        (
            proptest::collection::vec(service, 1..12),
            proptest::collection::vec((0usize..12, 0usize..12), 0..20),
            "[ -~]{0,30}",
        )
            .prop_map(|(services, links, name)| {
                let mut d = Design::new(name);
                for (i, (name, kind, port, metrics)) in services.into_iter().enumerate() {
                    let id = i as u32 + 1;
                    let name = d.unique_name(&name);
                    let mut s = match kind {
                        0..=5 => built(
                            id,
                            &name,
                            "custom",
                            Tier::Backend,
                            Language::ALL[kind],
                            port,
                        ),
                        6 => {
                            let mut p = Service::new(ServiceId(id), &name, "nginx", Tier::Frontend);
                            p.ports = port.map(Port::internal).into_iter().collect();
                            p
                        }
                        _ => pulled(
                            id,
                            &name,
                            "postgres",
                            "postgres:16-alpine",
                            port.unwrap_or(5432),
                        ),
                    };
                    s.metrics_path = metrics;
                    s.backup = kind == 7;
                    d.services.push(s);
                }
                let n = d.services.len();
                for (a, b) in links {
                    if a % n != b % n {
                        d.links
                            .push(link(a as u32 % n as u32 + 1, b as u32 % n as u32 + 1));
                    }
                }
                d
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_design_gives_safe_paths_and_hardened_dockerfiles(d in arb_design()) {
            let files = generate::project(&d);
            for f in &files {
                prop_assert!(!f.path.starts_with('/') && !f.path.split('/').any(|p| p == ".." || p == "." || p.is_empty()), "{}", f.path);
                if f.path.ends_with("Dockerfile") {
                    let last_user = f.contents.lines().rfind(|l| l.starts_with("USER "));
                    prop_assert_eq!(last_user, Some("USER 10001:10001"), "{}", &f.path);
                }
                if f.path.ends_with("nginx.conf") {
                    prop_assert_eq!(f.contents.matches('{').count(), f.contents.matches('}').count(), "{}", &f.path);
                }
            }
            prop_assert_eq!(files.clone(), generate::project(&d));
        }
    }
}

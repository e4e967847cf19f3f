//! The importer against one fixture per compose syntax form (tests/fixtures/import/): each
//! form is either read into the model exactly or kept verbatim with a notice, never dropped.

use serde_json::json;
use tierboard::import::{self, ImportError, Imported, NoticeKind};
use tierboard::model::{
    validate, Design, EnvVar, Healthcheck, Image, LinkKind, Mount, MountKind, Port, Replicas,
    RestartPolicy, Service, Tier,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

fn read(rel: &str) -> (String, String) {
    let text =
        std::fs::read_to_string(format!("{DIR}{rel}")).unwrap_or_else(|e| panic!("{rel}: {e}"));
    (rel.to_string(), text)
}

fn import_files(files: &[&str], referenced: &[&str]) -> Imported {
    let files: Vec<_> = files.iter().map(|f| read(f)).collect();
    let refs: Vec<_> = referenced.iter().map(|f| read(f)).collect();
    let imported = import::compose_with(&files, &refs).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        validate(&imported.design),
        vec![],
        "an imported design is valid"
    );
    imported
}

fn text(yaml: &str) -> Result<Imported, ImportError> {
    import::compose(&[("compose.yaml".to_string(), yaml.to_string())])
}

fn svc<'a>(d: &'a Design, name: &str) -> &'a Service {
    d.service_by_name(name)
        .unwrap_or_else(|| panic!("no service {name}"))
}

fn forms() -> Imported {
    import_files(&["forms.yaml"], &[])
}

fn published(container: u16, host: u16, ip: &str) -> Port {
    Port {
        host_ip: Some(ip.to_string()),
        ..Port::published(container, host)
    }
}

fn has_notice(i: &Imported, kind: NoticeKind, service: Option<&str>, key: Option<&str>) -> bool {
    i.notices
        .iter()
        .any(|n| n.kind == kind && n.service.as_deref() == service && n.key.as_deref() == key)
}

#[test]
fn services_keep_file_order_names_and_the_project_name() {
    let d = forms().design;
    let names: Vec<&str> = d.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["proxy", "web", "api", "worker", "db", "cache", "queue", "search"]
    );
    assert_eq!(d.name, "forms");
}

#[test]
fn the_obsolete_version_is_ignored_with_a_notice() {
    let i = forms();
    assert!(has_notice(&i, NoticeKind::Ignored, None, Some("version")));
    assert!(!i.design.extra.contains_key("version"));
}

#[test]
fn anchors_and_merge_keys_are_resolved_and_extension_fields_kept() {
    let i = forms();
    let proxy = svc(&i.design, "proxy");
    assert_eq!(
        proxy.restart,
        RestartPolicy::UnlessStopped,
        "from <<: *common"
    );
    assert_eq!(
        proxy.extra["logging"],
        json!({"driver": "json-file", "options": {"max-size": "10m"}})
    );
    assert!(i.design.extra.contains_key("x-common") && i.design.extra.contains_key("x-logging"));
}

#[test]
fn kinds_and_tiers_come_from_images() {
    let d = forms().design;
    let tier = |n: &str| svc(&d, n).tier;
    assert_eq!(svc(&d, "db").kind, "postgres");
    assert_eq!(tier("db"), Tier::Data);
    assert_eq!(tier("cache"), Tier::Data, "bitnami/redis is a cache");
    assert_eq!(tier("queue"), Tier::Data);
    assert_eq!(
        tier("search"),
        Tier::Data,
        "docker.elastic.co/elasticsearch/elasticsearch"
    );
    assert_eq!(tier("proxy"), Tier::Frontend, "traefik is a proxy");
    assert_eq!(tier("api"), Tier::Backend);
    assert_eq!(
        svc(&d, "web").kind,
        "custom",
        "an unknown image is a generic service"
    );
}

#[test]
fn ports_short_and_long_and_variables() {
    let i = forms();
    let proxy = svc(&i.design, "proxy");
    assert_eq!(
        proxy.ports,
        vec![
            published(80, 80, "0.0.0.0"),
            published(8080, 8080, "127.0.0.1"),
            published(443, 443, "0.0.0.0"),
            Port {
                published_var: Some("DASHBOARD_PORT".into()),
                ..published(9000, 9000, "0.0.0.0")
            }
        ],
        "a host port given by a variable is a port like the others"
    );
    assert!(
        !proxy.extra.contains_key("ports"),
        "nothing left to keep verbatim"
    );
    assert!(!has_notice(
        &i,
        NoticeKind::Verbatim,
        Some("proxy"),
        Some("ports")
    ));
    let queue = svc(&i.design, "queue");
    assert_eq!(
        queue.ports,
        vec![Port::internal(5672)],
        "expose shows as internal ports"
    );
    assert_eq!(queue.extra["expose"], json!(["5672"]));
}

#[test]
fn build_string_and_object() {
    let d = forms().design;
    let web = svc(&d, "web");
    let b = web.build.as_ref().unwrap();
    assert_eq!(
        (
            b.context.as_str(),
            b.dockerfile.as_deref(),
            b.target.as_deref()
        ),
        ("./web", Some("Dockerfile.prod"), Some("runtime"))
    );
    assert_eq!(b.args.get("NODE_VERSION").map(String::as_str), Some("20"));
    assert_eq!(b.language, None);
    assert_eq!(
        web.image,
        Some(Image::new("ghcr.io/acme/web", "1.4.2")),
        "image and build together"
    );
    assert!(
        !web.extra.contains_key("build"),
        "an exact build is not duplicated"
    );
    assert_eq!(svc(&d, "api").build.as_ref().unwrap().context, "./api");
    let worker = svc(&d, "worker");
    assert_eq!(worker.build.as_ref().unwrap().context, ".");
    assert!(worker.extra["build"]["dockerfile_inline"]
        .as_str()
        .unwrap()
        .starts_with("FROM python"));
}

#[test]
fn environment_list_and_map_with_secrets_and_pass_through() {
    let i = forms();
    let web = svc(&i.design, "web");
    assert_eq!(
        web.environment,
        vec![
            EnvVar::plain("API_URL", "http://api:8000"),
            EnvVar::plain("NODE_ENV", "production")
        ]
    );
    let api = svc(&i.design, "api");
    assert_eq!(
        api.env("DATABASE_URL").unwrap().value,
        "postgres://app:${POSTGRES_PASSWORD:?set it}@db:5432/app",
        "kept verbatim"
    );
    let key = api.env("SECRET_KEY").unwrap();
    assert!(
        key.secret && key.value == "not-so-secret",
        "a literal secret is marked, its value kept"
    );
    assert!(has_notice(
        &i,
        NoticeKind::Changed,
        Some("api"),
        Some("environment")
    ));
    // `PASSTHROUGH:` (no value) cannot be an EnvVar exactly: the key is kept as written.
    assert_eq!(
        api.extra["environment"]["PASSTHROUGH"],
        serde_json::Value::Null
    );
    let search = svc(&i.design, "search");
    assert_eq!(
        search.environment,
        vec![EnvVar::plain("ES_JAVA_OPTS", "-Xms512m -Xmx512m")]
    );
    assert_eq!(
        search.extra["environment"][0],
        json!("discovery.type=single-node"),
        "dotted keys survive verbatim"
    );
}

#[test]
fn env_files_not_given_are_kept_as_optional_in_all_three_forms() {
    let d = forms().design;
    assert_eq!(
        svc(&d, "api").extra["env_file"],
        json!([{"path": ".env", "required": false}, {"path": "./override.env", "required": false}])
    );
    assert_eq!(
        svc(&d, "worker").extra["env_file"],
        json!([{"path": "worker.env", "required": false}])
    );
}

#[test]
fn volumes_named_bind_tmpfs_and_anonymous() {
    let d = forms().design;
    let db = svc(&d, "db");
    assert_eq!(
        db.volumes,
        vec![
            Mount::named("db_data", "/var/lib/postgresql/data"),
            Mount {
                read_only: true,
                ..Mount::bind("./init", "/docker-entrypoint-initdb.d")
            },
            Mount {
                size: Some(64),
                ..Mount::tmpfs("/run/postgresql")
            },
        ]
    );
    assert_eq!(svc(&d, "cache").volumes[0].kind, MountKind::Anonymous);
    assert_eq!(d.extra["volumes"], json!({"db_data": {}}));
}

#[test]
fn depends_on_short_and_long_become_links_conditions_are_kept() {
    let i = forms();
    let d = &i.design;
    let id = |n: &str| svc(d, n).id;
    let link = |a: &str, b: &str| d.links.iter().find(|l| l.from == id(a) && l.to == id(b));
    assert!(link("proxy", "web").is_some_and(|l| !l.inferred));
    assert!(link("api", "db").is_some_and(|l| !l.inferred));
    assert!(link("api", "cache").is_some());
    assert_eq!(
        link("worker", "queue").map(|l| l.kind),
        Some(LinkKind::Async),
        "to a queue"
    );
    assert_eq!(
        svc(d, "api").extra["depends_on"]["db"],
        json!({"condition": "service_healthy", "restart": true})
    );
    assert!(
        !svc(d, "proxy").extra.contains_key("depends_on"),
        "a plain list is fully represented"
    );
}

#[test]
fn links_are_inferred_from_connection_strings() {
    let i = forms();
    let d = &i.design;
    let inferred: Vec<(String, String)> = d
        .links
        .iter()
        .filter(|l| l.inferred)
        .map(|l| {
            (
                d.service(l.from).unwrap().name.clone(),
                d.service(l.to).unwrap().name.clone(),
            )
        })
        .collect();
    assert_eq!(
        inferred,
        [("web".to_string(), "api".to_string())],
        "api→db and api→cache are declared already"
    );
    assert!(has_notice(
        &i,
        NoticeKind::Inferred,
        Some("web"),
        Some("environment")
    ));
}

#[test]
fn deploy_healthcheck_restart_and_profiles() {
    let d = forms().design;
    let api = svc(&d, "api");
    assert_eq!(
        api.replicas,
        Replicas {
            dev: 2,
            ci: 2,
            prod: 2,
            staging: None
        }
    );
    assert_eq!(
        (api.resources.cpu_limit_m, api.resources.memory_limit_mb),
        (Some(500), Some(512))
    );
    assert_eq!(
        (
            api.resources.cpu_reservation_m,
            api.resources.memory_reservation_mb
        ),
        (Some(250), Some(256))
    );
    assert_eq!(api.profiles, ["app"]);
    assert_eq!(
        api.restart,
        RestartPolicy::No,
        "compose's default when unset"
    );
    let web = svc(&d, "web");
    let mut expected = Healthcheck::cmd(["wget", "-q", "--spider", "http://127.0.0.1:3000/health"]);
    (
        expected.interval_s,
        expected.timeout_s,
        expected.retries,
        expected.start_period_s,
    ) = (90, 5, 4, 20);
    assert_eq!(web.healthcheck, Some(expected));
    let db = svc(&d, "db").healthcheck.clone().unwrap();
    assert_eq!(db.test, ["CMD-SHELL", "pg_isready -U app"]);
    assert_eq!(
        (db.interval_s, db.timeout_s, db.retries),
        (10, 30, 3),
        "compose's defaults fill the gaps"
    );
    let worker = svc(&d, "worker");
    assert_eq!(worker.restart, RestartPolicy::OnFailure);
    assert_eq!(worker.extra["restart"], json!("on-failure:3"));
    assert!(
        worker.extra["deploy"]["resources"]["reservations"]["devices"].is_array(),
        "GPU reservations kept"
    );
    assert_eq!(worker.extra["devices"], json!(["/dev/fuse:/dev/fuse"]));
}

#[test]
fn hardening_keys_fill_the_hardening_block() {
    let d = forms().design;
    let h = &svc(&d, "api").hardening;
    assert_eq!(h.user.as_deref(), Some("10001:10001"));
    assert!(h.read_only_root && h.no_new_privileges && h.cap_drop_all);
    assert_eq!(h.cap_add, ["NET_BIND_SERVICE"]);
    assert_eq!(svc(&d, "api").extra["tmpfs"], json!("/tmp"));
}

#[test]
fn secrets_configs_labels_networks_are_kept_on_service_and_design() {
    let d = forms().design;
    let api = svc(&d, "api");
    assert_eq!(
        api.extra["secrets"][1],
        json!({"source": "api_key", "target": "/run/secrets/key"})
    );
    assert_eq!(api.extra["configs"], json!(["app_config"]));
    assert_eq!(
        svc(&d, "proxy").extra["labels"],
        json!({"traefik.enable": "true"})
    );
    assert_eq!(
        d.extra["secrets"]["api_key"],
        json!({"environment": "API_KEY"})
    );
    assert_eq!(
        d.extra["configs"]["app_config"]["file"],
        json!("./config.yaml")
    );
    assert_eq!(d.extra["networks"]["edge"]["driver"], json!("bridge"));
}

#[test]
fn overrides_merge_in_order() {
    let d = import_files(
        &["overrides/compose.yaml", "overrides/compose.prod.yaml"],
        &[],
    )
    .design;
    let api = svc(&d, "api");
    assert_eq!(api.image, Some(Image::new("acme/api", "1.1")));
    assert_eq!(
        api.environment,
        vec![
            EnvVar::plain("LOG_LEVEL", "warning"),
            EnvVar::plain("WORKERS", "2")
        ]
    );
    assert_eq!(
        api.ports,
        vec![
            published(8000, 8000, "0.0.0.0"),
            published(9000, 9000, "0.0.0.0")
        ]
    );
    assert_eq!(
        api.volumes,
        vec![Mount::named("prod_data", "/data")],
        "volumes merge by target"
    );
    assert_eq!(api.replicas.prod, 3);
    assert!(
        svc(&d, "db").environment.is_empty(),
        "!reset removes the key"
    );
    assert_eq!(
        svc(&d, "cache").kind,
        "redis",
        "a service only an override defines"
    );
    assert_eq!(svc(&d, "cache").tier, Tier::Data);
}

#[test]
fn extends_resolves_from_given_files_and_is_kept_otherwise() {
    let i = import_files(&["extends/compose.yaml"], &["extends/common.yaml"]);
    let web = svc(&i.design, "web");
    assert_eq!(web.image, Some(Image::new("acme/web", "2")));
    assert_eq!(web.env("DEBUG").unwrap().value, "false");
    assert_eq!(web.env("PORT").unwrap().value, "8080");
    let worker = svc(&i.design, "worker");
    assert_eq!(worker.command, ["worker"]);
    assert_eq!(
        worker.image, web.image,
        "extends within the file, after the other file"
    );
    let orphan = svc(&i.design, "orphan");
    assert_eq!(
        orphan.extra["extends"],
        json!({"file": "missing.yaml", "service": "x"})
    );
    assert!(has_notice(
        &i,
        NoticeKind::Verbatim,
        Some("orphan"),
        Some("extends")
    ));
}

#[test]
fn include_is_inlined_when_given_and_kept_otherwise() {
    let i = import_files(&["include/compose.yaml"], &["include/child/compose.yaml"]);
    let names: Vec<&str> = i.design.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["included", "app"]);
    assert_eq!(i.design.links.len(), 1);
    assert!(!i.design.extra.contains_key("include"));
    let kept = import_files(&["include/compose.yaml"], &[]);
    assert!(kept.design.extra.contains_key("include"));
    assert!(
        has_notice(&kept, NoticeKind::Verbatim, Some("app"), Some("depends_on")),
        "{:?}",
        kept.notices
    );
}

#[test]
fn referenced_files_names_what_the_importer_wants() {
    let (name, text) = read("extends/compose.yaml");
    assert_eq!(
        import::referenced_files(&name, &text),
        [
            "extends/.env",
            "extends/common.yaml",
            "extends/missing.yaml"
        ]
    );
}

#[test]
fn invalid_yaml_reports_line_and_column() {
    let err = text("services:\n  web:\n    image: nginx\n    ports: [80:80\n").unwrap_err();
    match &err {
        ImportError::Syntax { line, column, .. } => assert!(*line >= 4 && *column >= 1, "{err}"),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("line"), "{err}");
}

#[test]
fn yaml_that_is_not_compose_is_refused_clearly() {
    for bad in [
        "",
        "- a\n- b\n",
        "name: x\n",
        "services: [a, b]\n",
        "services:\n  a: 3\n",
    ] {
        assert!(
            matches!(text(bad), Err(ImportError::NotCompose { .. })),
            "{bad:?}: {:?}",
            text(bad)
        );
    }
}

#[test]
fn alias_bombs_and_huge_files_are_capped() {
    let mut bomb =
        String::from("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("a{i}")
        };
        bomb.push_str(&format!(
            "x-a{}: &a{} [{}]\n",
            i + 1,
            i + 1,
            vec![format!("*{prev}"); 8].join(",")
        ));
    }
    bomb.push_str("services:\n  a: {image: x}\n");
    assert!(matches!(text(&bomb), Err(ImportError::TooLarge { .. })));
    let huge = format!(
        "services:\n  a:\n    image: x\n    command: [\"{}\"]\n",
        "y".repeat(import::MAX_FILE_BYTES)
    );
    let err = text(&huge).unwrap_err();
    assert!(
        matches!(err, ImportError::TooLarge { .. }) && err.to_string().contains("bytes"),
        "{err}"
    );
}

#[test]
fn too_many_services_are_refused() {
    let mut yaml = String::from("services:\n");
    for i in 0..=import::MAX_SERVICES {
        yaml.push_str(&format!("  s{i}: {{image: x}}\n"));
    }
    assert!(matches!(text(&yaml), Err(ImportError::TooLarge { .. })));
}

#[test]
fn names_the_model_refuses_are_renamed_with_a_notice() {
    let long = "a".repeat(70);
    let i = text(&format!(
        "services:\n  {long}:\n    image: x\n  web:\n    image: y\n    depends_on: [{long}]\n"
    ))
    .unwrap();
    let renamed = &i.design.services[0].name;
    assert!(renamed.len() <= 63);
    assert_eq!(validate(&i.design), vec![]);
    assert_eq!(i.design.links.len(), 1, "links follow the renamed service");
    assert!(has_notice(&i, NoticeKind::Changed, Some(renamed), None));
}

#[test]
fn nothing_is_dropped_every_service_key_is_model_or_extra() {
    // Every key of every service in the fixture is either a mapped key or present in `extra`.
    let i = forms();
    let doc: serde_yaml::Value = serde_yaml::from_str(&read("forms.yaml").1).unwrap();
    let mapped = [
        "image",
        "build",
        "command",
        "ports",
        "environment",
        "volumes",
        "deploy",
        "healthcheck",
        "restart",
        "profiles",
        "depends_on",
        "user",
        "read_only",
        "security_opt",
        "cap_drop",
        "cap_add",
        "privileged",
        "network_mode",
        "pid",
        "ipc",
    ];
    for (name, body) in doc["services"].as_mapping().unwrap() {
        let s = svc(&i.design, name.as_str().unwrap());
        for key in body
            .as_mapping()
            .unwrap()
            .keys()
            .filter_map(|k| k.as_str())
            .filter(|k| *k != "<<")
        {
            assert!(
                mapped.contains(&key) || s.extra.contains_key(key),
                "{}.{key} was dropped",
                s.name
            );
        }
    }
}

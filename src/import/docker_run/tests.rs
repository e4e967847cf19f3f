use super::*;
use crate::i18n::Lang;
use crate::model::{MountKind, RestartPolicy, Tier};

fn compose_of(text: &str) -> (serde_yaml::Value, Vec<Notice>) {
    let (yaml, notices) = to_compose("run.sh", text).unwrap_or_else(|e| panic!("{e}"));
    (serde_yaml::from_str(&yaml).unwrap(), notices)
}

fn said(notices: &[Notice]) -> Vec<String> {
    notices.iter().map(|n| n.render(Lang::En)).collect()
}

#[test]
fn both_option_spellings_and_repeats_are_read() {
    let (doc, notices) = compose_of(
        "docker run -d --name web -p 8080:80 --publish=127.0.0.1:8443:443 -e A=1 --env B=2 \
         -v data:/data --volume=/srv/conf:/etc/nginx:ro --restart=unless-stopped nginx:1.27",
    );
    let web = &doc["services"]["web"];
    assert_eq!(web["image"], "nginx:1.27");
    assert_eq!(
        serde_yaml::to_string(&web["ports"]).unwrap(),
        "- 8080:80\n- 127.0.0.1:8443:443\n"
    );
    assert_eq!(
        serde_yaml::to_string(&web["environment"]).unwrap(),
        "- A=1\n- B=2\n"
    );
    assert_eq!(web["volumes"][1], "/srv/conf:/etc/nginx:ro");
    assert_eq!(web["restart"], "unless-stopped");
    assert!(
        said(&notices).iter().any(|n| n.contains("--detach")),
        "{:?}",
        said(&notices)
    );
}

#[test]
fn combined_and_attached_short_options_are_split() {
    let (doc, _) =
        compose_of("docker run -dit -p8080:80 -ePORT=80 -uapp busybox:1.37 sh -c 'echo hi'");
    let s = &doc["services"]["busybox"];
    assert_eq!(s["stdin_open"], true);
    assert_eq!(s["tty"], true);
    assert_eq!(s["ports"][0], "8080:80");
    assert_eq!(s["environment"][0], "PORT=80");
    assert_eq!(s["user"], "app");
    assert_eq!(
        serde_yaml::to_string(&s["command"]).unwrap(),
        "- sh\n- -c\n- echo hi\n"
    );
}

#[test]
fn a_script_with_continuations_gives_one_service_per_command() {
    let script = r#"#!/bin/sh
set -e
docker network create shop
docker run -d \
  --name db \
  --network shop \
  -e POSTGRES_PASSWORD="s3cret" \
  --health-cmd "pg_isready -U postgres" --health-interval 10s --health-retries 5 \
  --mount type=volume,source=pgdata,target=/var/lib/postgresql/data \
  postgres:16-alpine
docker run -d --name api --network shop --read-only --tmpfs /tmp \
  --cap-drop ALL --cap-add NET_BIND_SERVICE --user 1000:1000 \
  --cpus 0.5 --memory 512m --pids-limit 100 \
  --entrypoint /app/server ghcr.io/acme/api:1.4 --port 8080
"#;
    let imported = import("shop/run.sh", script).unwrap_or_else(|e| panic!("{e}"));
    let d = &imported.design;
    assert_eq!(d.name, "shop");
    assert_eq!(d.services.len(), 2);
    let db = d.service_by_name("db").unwrap();
    assert_eq!((db.kind.as_str(), db.tier), ("postgres", Tier::Data));
    let hc = db.healthcheck.as_ref().unwrap();
    assert_eq!(hc.test, ["CMD-SHELL", "pg_isready -U postgres"]);
    assert_eq!((hc.interval_s, hc.retries), (10, 5));
    assert_eq!(db.volumes[0].kind, MountKind::Named);
    assert_eq!(db.volumes[0].target, "/var/lib/postgresql/data");
    assert!(db.env("POSTGRES_PASSWORD").unwrap().secret);
    let api = d.service_by_name("api").unwrap();
    assert!(api.hardening.read_only_root);
    assert!(api.hardening.cap_drop_all);
    assert_eq!(api.hardening.cap_add, ["NET_BIND_SERVICE"]);
    assert_eq!(api.hardening.user.as_deref(), Some("1000:1000"));
    assert_eq!(api.resources.cpu_limit_m, Some(500));
    assert_eq!(api.resources.memory_limit_mb, Some(512));
    assert_eq!(api.resources.pids_limit, Some(100));
    assert_eq!(api.command, ["--port", "8080"]);
    assert_eq!(api.restart, RestartPolicy::No);
    let lines = said(&imported.notices);
    assert!(
        lines
            .iter()
            .any(|n| n.contains("line 2") && n.contains("set -e")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|n| n.contains("docker network create shop")),
        "{lines:#?}"
    );
}

#[test]
fn unknown_and_unsupported_options_are_reported_never_dropped() {
    let (doc, notices) = compose_of(
        "docker run --gpus all -P --frobnicate yes --weird -x --rm ollama/ollama:0.5.7 serve",
    );
    let s = &doc["services"]["ollama"];
    assert_eq!(s["image"], "ollama/ollama:0.5.7");
    assert_eq!(s["command"][0], "serve");
    let lines = said(&notices);
    for flag in [
        "--gpus all",
        "--publish-all",
        "--frobnicate yes",
        "--weird",
        "-x",
        "--rm",
    ] {
        assert!(
            lines.iter().any(|n| n.contains(flag)),
            "{flag} not reported: {lines:#?}"
        );
    }
    let de: Vec<String> = notices.iter().map(|n| n.render(Lang::De)).collect();
    assert!(de.iter().any(|n| n.contains("unbekannte")), "{de:#?}");
}

#[test]
fn names_are_made_unique_and_pwd_is_the_project_folder() {
    let (doc, notices) = compose_of(
        "docker run -v $(pwd)/html:/usr/share/nginx/html nginx:1.27\ndocker run nginx:1.27\n\
         docker run -v \"$(whoami)\":/x alpine:3.20",
    );
    let services = doc["services"].as_mapping().unwrap();
    let names: Vec<&str> = services.keys().filter_map(|k| k.as_str()).collect();
    assert_eq!(names, ["nginx", "nginx-2", "alpine"]);
    assert_eq!(
        doc["services"]["nginx"]["volumes"][0],
        "./html:/usr/share/nginx/html"
    );
    assert_eq!(doc["services"]["alpine"]["volumes"][0], "$$(whoami):/x");
    assert!(said(&notices).iter().any(|n| n.contains("$(whoami)")));
}

#[test]
fn text_without_a_run_command_is_refused_and_recognised() {
    assert!(to_compose("x", "echo hello\n").is_err());
    assert!(looks_like_docker_run("sudo docker run -d redis:7"));
    assert!(looks_like_docker_run("podman container run redis:7"));
    assert!(!looks_like_docker_run(
        "services:\n  a:\n    image: docker\n"
    ));
    assert!(!looks_like_docker_run("docker compose up"));
}

#[test]
fn networks_and_modes_are_told_apart() {
    let (doc, _) = compose_of(
        "docker run --network host --name a alpine:3.20\ndocker run --net=backend --name b alpine:3.20",
    );
    assert_eq!(doc["services"]["a"]["network_mode"], "host");
    assert_eq!(doc["services"]["b"]["networks"][0], "backend");
    assert!(doc["networks"]["backend"].is_mapping());
}

#[test]
fn every_notice_text_is_translated() {
    crate::i18n::assert_well_formed(ALL);
}

#[test]
fn every_prefix_of_a_script_imports_or_is_refused_without_panic() {
    let script = "#!/bin/sh\ndocker run -d --name 'a b' -p 80:80 -e \"X=$Y\" -v $(pwd):/w \\\n  --mount type=tmpfs,dst=/t,tmpfs-size=1m --health-cmd 'curl -f x' --ulimit nofile=1:2 \\\n  --log-opt max-size=1m -dit=true --cpus=0.5 -m1g nginx:1.27 sh -c \"echo '$X'\" ; docker run --rm alpine:3 -- ls\n";
    for end in 0..=script.len() {
        if !script.is_char_boundary(end) {
            continue;
        }
        if let Ok(imported) = import("p/run.sh", &script[..end]) {
            assert!(
                crate::model::validate(&imported.design).is_empty(),
                "prefix {end}: {:?}",
                crate::model::validate(&imported.design)
            );
        }
    }
}

//! The Docker Swarm stack file and its doc (seed 003's `docker stack deploy` and
//! `docker service scale`): golden files for every case, and what `docker stack deploy` needs —
//! images only, no top-level `name`, no `depends_on`, external secrets — read back from the YAML.
//!
//! `UPDATE_GOLDEN=1 cargo test --test it generate_helm_swarm::` rewrites the golden files in
//! `tests/fixtures/golden/swarm/<case>/`.

use crate::helm_support::*;
use serde_yaml::Value;
use tierboard::generate::{project, GeneratedFile};
use tierboard::model::Design;

fn swarm_files(design: &Design) -> Vec<GeneratedFile> {
    project(design)
        .into_iter()
        .filter(|f| f.path == "docker-stack.yml" || f.path == "docs/docker-swarm.md")
        .collect()
}

fn stack(design: &Design) -> Value {
    let files = swarm_files(design);
    let text = &files
        .iter()
        .find(|f| f.path == "docker-stack.yml")
        .expect("stack file")
        .contents;
    serde_yaml::from_str(text).expect("stack file parses")
}

fn doc(design: &Design) -> String {
    swarm_files(design)
        .into_iter()
        .find(|f| f.path == "docs/docker-swarm.md")
        .expect("doc")
        .contents
}

#[test]
fn golden_stack_files_for_every_case() {
    for (name, design) in cases() {
        crate::support::check_golden("golden/swarm", &name, &swarm_files(&design));
    }
}

#[test]
fn stack_files_are_deterministic() {
    for (name, design) in cases() {
        assert_eq!(swarm_files(&design), swarm_files(&design.clone()), "{name}");
    }
}

#[test]
fn docker_stack_deploy_reads_the_file_alone() {
    for (name, design) in cases() {
        let s = stack(&design);
        let top: Vec<&str> = s
            .as_mapping()
            .unwrap()
            .keys()
            .filter_map(Value::as_str)
            .collect();
        for key in &top {
            assert!(
                ["services", "networks", "volumes", "secrets"].contains(key),
                "{name}: top-level {key}"
            );
        }
        for (svc, def) in s["services"].as_mapping().unwrap() {
            assert!(
                def["image"].as_str().is_some_and(|i| !i.is_empty()),
                "{name}/{svc:?}: no image"
            );
            for key in [
                "build",
                "depends_on",
                "profiles",
                "pull_policy",
                "restart",
                "container_name",
            ] {
                assert!(
                    def.get(key).is_none(),
                    "{name}/{svc:?}: {key} is not for docker stack deploy"
                );
            }
        }
        for (secret, def) in s["secrets"].as_mapping().into_iter().flatten() {
            assert_eq!(def["external"], true, "{name}/{secret:?}");
        }
    }
}

#[test]
fn every_service_rolls_updates_back_and_restarts() {
    for (name, design) in cases() {
        let s = stack(&design);
        for (svc, def) in s["services"].as_mapping().unwrap() {
            let d = &def["deploy"];
            assert_eq!(
                d["update_config"]["failure_action"], "rollback",
                "{name}/{svc:?}"
            );
            assert_eq!(d["update_config"]["parallelism"], 1, "{name}/{svc:?}");
            assert!(d["rollback_config"].is_mapping(), "{name}/{svc:?}");
            assert!(
                d["restart_policy"]["condition"].is_string(),
                "{name}/{svc:?}"
            );
        }
    }
}

#[test]
fn replicas_follow_the_prod_plan_and_optional_profiles_start_at_zero() {
    let s = stack(&seed_003());
    let replicas = |n: &str| s["services"][n]["deploy"]["replicas"].as_u64();
    assert_eq!(replicas("gateway"), Some(3));
    assert_eq!(replicas("orchestrator"), Some(2));
    assert_eq!(replicas("llm-patch"), Some(5));
    assert_eq!(replicas("local-llm"), Some(0));
    assert_eq!(replicas("supabase-db"), Some(0));
}

#[test]
fn data_lives_on_an_internal_overlay_network_on_labelled_nodes() {
    let s = stack(&tierboard::catalog::instantiate(
        tierboard::catalog::pattern("web-app").unwrap(),
    ));
    assert_eq!(s["networks"]["data"]["driver"], "overlay");
    assert_eq!(s["networks"]["data"]["internal"], true);
    assert_eq!(s["networks"]["frontend"]["driver"], "overlay");
    assert!(s["networks"]["frontend"].get("internal").is_none());
    let db = &s["services"]["db"];
    assert_eq!(db["networks"], serde_yaml::to_value(["data"]).unwrap());
    assert_eq!(
        db["deploy"]["placement"]["constraints"][0],
        "node.labels.web-app.data == true"
    );
    assert_eq!(
        db["deploy"]["update_config"]["order"], "stop-first",
        "one writer per volume"
    );
    assert_eq!(
        s["services"]["app"]["deploy"]["update_config"]["order"],
        "start-first"
    );
}

#[test]
fn secrets_are_files_where_the_image_reads_them_and_never_values() {
    let mut d = tierboard::catalog::instantiate(tierboard::catalog::pattern("monolith").unwrap());
    d.services
        .iter_mut()
        .flat_map(|s| s.environment.iter_mut())
        .filter(|e| e.secret)
        .for_each(|e| e.value = "hunter2".into());
    let files = swarm_files(&d);
    assert!(files.iter().all(|f| !f.contents.contains("hunter2")));
    let s = stack(&d);
    let db = &s["services"]["db"];
    assert_eq!(db["secrets"][0], "db_postgres_password");
    assert_eq!(
        db["environment"]["POSTGRES_PASSWORD_FILE"],
        "/run/secrets/db_postgres_password"
    );
    assert!(db["environment"].get("POSTGRES_PASSWORD").is_none());
}

#[test]
fn only_entry_points_publish() {
    let s = stack(&seed_003());
    let published: Vec<String> = s["services"]
        .as_mapping()
        .unwrap()
        .iter()
        .filter(|(_, d)| d.get("ports").is_some())
        .map(|(n, _)| n.as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        published,
        ["ngrok"],
        "ngrok calls traefik, so only the tunnel is an entry"
    );
    let web = stack(&tierboard::catalog::instantiate(
        tierboard::catalog::pattern("web-app").unwrap(),
    ));
    assert_eq!(web["services"]["traefik"]["ports"][0], "0.0.0.0:80:80");
}

#[test]
fn the_doc_shows_deploy_and_scale_with_the_design_names() {
    let text = doc(&seed_003());
    assert!(
        text.contains("docker stack deploy -c docker-stack.yml --with-registry-auth seed-003"),
        "{text}"
    );
    assert!(
        text.contains("docker service scale seed-003_gateway=4"),
        "{text}"
    );
    assert!(
        text.contains("docker service scale seed-003_local-llm=1"),
        "{text}"
    );
    assert!(
        text.contains("docker secret create supabase_db_postgres_password"),
        "{text}"
    );
    assert!(text.contains("docker service rollback"), "{text}");
}

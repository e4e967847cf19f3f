//! Imported ports the checklist can fix (issue 19): over every corpus design (each compose file
//! as its project uses it, with its `.env`), import, apply "Fix all" (`rules::fix_all`, what the
//! app's button and `tierboard fix` apply), generate, and read every port entry of the generated
//! compose files back. None may publish without an interface: a port entry written with
//! variables (`"${ENVOY_PORT}:${ENVOY_PORT}"`, `"$SENTRY_BIND:80/tcp"`) is a model port, so the
//! generator binds it like any other. `-- --nocapture` prints the figures: port entries kept
//! verbatim by the import, and generated entries without an interface.

use super::import_corpus::{corpus, import_as_used, walk};
use serde_yaml::Value;
use tierboard::generate;
use tierboard::model::interpolation::{self, Piece};
use tierboard::model::Design;
use tierboard::{edit, rules};

/// Whether a generated port entry publishes on the host without naming an interface:
/// `"8080:80"`, `"${X}:80"`, `"3000"` (a random host port on every interface), or a long-syntax
/// entry without `host_ip`. A variable in the interface's place counts as none.
fn unbound(entry: &Value) -> bool {
    match entry {
        Value::Mapping(m) => m
            .get("host_ip")
            .and_then(Value::as_str)
            .is_none_or(|ip| ip.contains('$')),
        Value::String(_) | Value::Number(_) => {
            let text = match entry {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other).unwrap_or_default(),
            };
            // Variables as one character each, so `${X:-80}` does not split on its `:`.
            let skeleton: String = interpolation::pieces(text.trim())
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => t.to_string(),
                    Piece::Dollar => "$".to_string(),
                    Piece::Var(_) => "V".to_string(),
                })
                .collect();
            let spec = skeleton.split('/').next().unwrap_or_default();
            if spec.starts_with('[') {
                return false;
            }
            let parts: Vec<&str> = spec.split(':').collect();
            parts.len() < 3 || parts[0].contains('V') || parts[0].is_empty()
        }
        _ => false,
    }
}

/// Port entries of the generated compose files that publish without an interface, as
/// `file: service: entry`.
fn unbound_entries(design: &Design) -> Vec<String> {
    let mut out = Vec::new();
    for file in generate::project(design) {
        if !(file.path.starts_with("docker-compose") && file.path.ends_with(".yml")) {
            continue;
        }
        let doc: Value = serde_yaml::from_str(&file.contents).unwrap_or_default();
        let Some(services) = doc.get("services").and_then(Value::as_mapping) else {
            continue;
        };
        for (name, body) in services {
            let Some(ports) = body.get("ports").and_then(Value::as_sequence) else {
                continue;
            };
            for entry in ports.iter().filter(|e| unbound(e)) {
                out.push(format!(
                    "{}: {}: {}",
                    file.path,
                    name.as_str().unwrap_or_default(),
                    serde_yaml::to_string(entry).unwrap_or_default().trim()
                ));
            }
        }
    }
    out
}

/// Port entries an imported design keeps verbatim (every entry of a `ports:` key in `extra`).
fn verbatim_entries(design: &Design) -> usize {
    design
        .services
        .iter()
        .filter_map(|s| s.extra.get("ports"))
        .map(|v| v.as_array().map_or(1, Vec::len))
        .sum()
}

fn fixed(design: &Design) -> Design {
    match rules::fix_all(design) {
        Some(command) => edit::apply(design, command).expect("Fix all is accepted"),
        None => design.clone(),
    }
}

#[test]
fn the_classifier_reads_compose_port_entries() {
    let entries: Vec<Value> = serde_yaml::from_str(
        r#"["8080:80", "${X:-80}:80", "3000", 3000, "${AD_PORT}", "${IP}:80:80", "127.0.0.1:${X:-80}:80",
            "[::1]:80:80", "0.0.0.0:8080:80/udp", {target: 80, published: 8080},
            {target: 80, published: 8080, host_ip: 127.0.0.1}]"#,
    )
    .unwrap();
    let flags: Vec<bool> = entries.iter().map(unbound).collect();
    assert_eq!(
        flags,
        [true, true, true, true, true, true, false, false, false, true, false]
    );
}

#[test]
fn after_fix_all_no_corpus_design_publishes_without_an_interface() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent; imported ports not measured");
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    let (mut designs, mut verbatim, mut unbound_before_fix) = (0, 0, 0);
    let mut failures = Vec::new();
    for path in &files {
        let Ok(imported) = import_as_used(path).0 else {
            continue;
        };
        designs += 1;
        verbatim += verbatim_entries(&imported.design);
        unbound_before_fix += unbound_entries(&imported.design).len();
        let rel = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        for entry in unbound_entries(&fixed(&imported.design)) {
            failures.push(format!("{rel}: {entry}"));
        }
    }
    println!(
        "imported ports: {designs} corpus designs, {verbatim} port entries kept verbatim; \
         generated entries without an interface: {unbound_before_fix} before Fix all, {} after",
        failures.len()
    );
    assert!(designs >= 80, "only {designs} corpus designs imported");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_opentelemetry_demo_and_sentry_bind_their_variable_ports() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent");
        return;
    };
    for (file, service, expected) in [
        (
            "real-world/opentelemetry-demo/compose.yaml",
            "frontend-proxy",
            "0.0.0.0:${ENVOY_PORT:-8080}:8080",
        ),
        (
            "real-world/sentry-self-hosted/docker-compose.yml",
            "nginx",
            "0.0.0.0:${SENTRY_BIND:-9000}:80",
        ),
    ] {
        let imported = import_as_used(&dir.join(file)).0.expect("imports");
        let s = imported
            .design
            .service_by_name(service)
            .unwrap_or_else(|| panic!("{file}: {service}"));
        assert!(
            !s.extra.contains_key("ports"),
            "{file}: {service}: ports kept verbatim: {:?}",
            s.extra.get("ports")
        );
        let base = generate::project(&fixed(&imported.design))
            .into_iter()
            .find(|f| f.path == "docker-compose.yml")
            .expect("a base file");
        assert!(
            base.contents.contains(expected),
            "{file}: no {expected} in the generated base file"
        );
    }
}

#[test]
fn a_container_port_read_through_env_keeps_its_value_in_env_example() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent");
        return;
    };
    let imported = import_as_used(&dir.join("real-world/opentelemetry-demo/compose.yaml"))
        .0
        .expect("imports");
    let ad = imported.design.service_by_name("ad").expect("ad");
    assert!(ad.ports.iter().all(|p| p.random_host), "{:?}", ad.ports);
    assert!(ad.ports.iter().any(|p| p.container == 9555));
    assert_eq!(
        imported.design.variables.get("AD_PORT").map(String::as_str),
        Some("9555"),
        "the ad service listens on AD_PORT: its value stays the project's"
    );
    let files = generate::project(&imported.design);
    let env = files
        .iter()
        .find(|f| f.path == ".env.example")
        .expect(".env.example");
    for line in ["AD_PORT=9555", "ENVOY_PORT=8080"] {
        assert_eq!(
            env.contents.lines().filter(|l| *l == line).count(),
            1,
            "{line} once in .env.example"
        );
    }
}

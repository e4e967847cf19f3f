//! Properties of the importer over open-ended input: it never panics, and whatever it accepts
//! is a valid design (so `check`, the generators and the app can take it as it is).

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_yaml::{Mapping, Value};
use tierboard::import;
use tierboard::model::validate;

fn import_text(text: &str) -> Result<import::Imported, import::ImportError> {
    import::compose(&[("p/compose.yaml".to_string(), text.to_string())])
}

fn accepted_is_valid(text: &str) -> Result<(), TestCaseError> {
    if let Ok(imported) = import_text(text) {
        let problems = validate(&imported.design);
        prop_assert!(
            problems.is_empty(),
            "accepted but invalid: {problems:?}\n{text}"
        );
    }
    Ok(())
}

/// Scalars that real files use and that trip naive parsers.
fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            "80:80",
            "127.0.0.1:8080:80",
            "[::1]:53:53/udp",
            "3000",
            "9090-9091:8080-8081",
            "1-65535:1-65535",
            "0:0",
            "70000:80",
            "${PORT:-80}:80",
            "a:b:c:d",
            "data:/data:ro,z",
            "./x:/x",
            "/anon",
            "rel:rel",
            "${VAR}",
            "${VAR:?err}",
            "$$literal",
            "1m30s",
            "500ms",
            "0.5",
            "512M",
            "1g",
            "-1",
            "",
            " ",
            "no",
            "service_healthy",
            "CMD-SHELL",
            "NONE",
            "KEY=value",
            "discovery.type=single-node",
            "on-failure:3",
            "postgres:16",
            "bitnami/redis",
            "redis@sha256:abc",
            "${IMG:-a/b:1}",
            "ALL",
            "no-new-privileges:true",
            "é",
            "a b",
            "-x",
            "9lives",
            "x.y",
            "🦀",
        ])
        .prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        "[a-z0-9:/.$={}-]{0,12}".prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "image",
        "build",
        "context",
        "dockerfile",
        "args",
        "target",
        "command",
        "ports",
        "published",
        "host_ip",
        "protocol",
        "mode",
        "expose",
        "environment",
        "env_file",
        "volumes",
        "type",
        "source",
        "read_only",
        "tmpfs",
        "size",
        "deploy",
        "replicas",
        "resources",
        "limits",
        "cpus",
        "memory",
        "healthcheck",
        "test",
        "interval",
        "retries",
        "disable",
        "restart",
        "profiles",
        "depends_on",
        "condition",
        "required",
        "user",
        "cap_drop",
        "security_opt",
        "privileged",
        "network_mode",
        "extends",
        "service",
        "file",
        "include",
        "path",
        "x-a",
        "db",
        "web",
        "labels",
        "networks",
        "secrets",
        "version",
        "name",
    ])
    .prop_map(str::to_string)
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Sequence),
            prop::collection::vec((key(), inner), 0..6).prop_map(|kv| Value::Mapping(
                kv.into_iter()
                    .map(|(k, v)| (Value::from(k), v))
                    .collect::<Mapping>()
            )),
        ]
    })
}

/// A document shaped like a compose file: services with compose-ish keys and junk values.
fn compose_like() -> impl Strategy<Value = String> {
    // Most services get an image, so that many documents get past "neither image nor build".
    let service =
        (prop::collection::vec((key(), value()), 0..8), any::<u8>()).prop_map(|(kv, dice)| {
            let mut m: Mapping = kv.into_iter().map(|(k, v)| (Value::from(k), v)).collect();
            if dice % 4 != 0 {
                m.insert(Value::from("image"), Value::from("busybox:1.36"));
            }
            Value::Mapping(m)
        });
    let name = prop_oneof!["[a-z][a-z0-9_.-]{0,10}", "[ -~]{0,70}"];
    (
        prop::collection::vec((name, service), 0..6),
        prop::collection::vec((key(), value()), 0..3),
    )
        .prop_map(|(services, top)| {
            let mut doc = Mapping::new();
            for (k, v) in top {
                doc.insert(Value::from(k), v);
            }
            doc.insert(
                Value::from("services"),
                Value::Mapping(
                    services
                        .into_iter()
                        .map(|(n, s)| (Value::from(n), s))
                        .collect::<Mapping>(),
                ),
            );
            serde_yaml::to_string(&Value::Mapping(doc)).unwrap_or_default()
        })
}

/// YAML-level noise: anchors, aliases, merge keys and tags spliced in, text cut short.
fn mutate(text: String, at: usize, what: usize, cut: bool) -> String {
    let pieces = [
        "&a ",
        "*a",
        "<<: *a\n",
        "!reset ",
        "!override ",
        "<<: [*a, *b]\n",
        "&b {x: *a}\n",
        ": :",
        "\t",
        "'",
        "\"",
        "{",
        "[",
        "- ",
        "? ",
    ];
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut out = format!(
        "{}{}{}",
        &text[..at],
        pieces[what % pieces.len()],
        &text[at..]
    );
    if cut {
        let mut end = out.len() * 3 / 4;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = import_text(&text);
        let _ = import::looks_like_compose(&text);
        let _ = import::referenced_files("f.yml", &text);
    }

    #[test]
    fn compose_like_documents_never_panic_and_accepted_ones_are_valid(doc in compose_like()) {
        accepted_is_valid(&doc)?;
    }

    #[test]
    fn mutated_documents_never_panic(doc in compose_like(), at in any::<usize>(), what in any::<usize>(), cut in any::<bool>()) {
        let text = mutate(doc, at, what, cut);
        accepted_is_valid(&text)?;
    }

    #[test]
    fn well_formed_services_keep_their_published_ports(
        ports in prop::collection::vec((1u16.., 1u16..), 1..6),
        name in "[a-z][a-z0-9-]{0,20}",
    ) {
        let list: Vec<String> = ports.iter().map(|(h, c)| format!("\"{h}:{c}\"")).collect();
        let text = format!("services:\n  {name}:\n    image: busybox:1.36\n    ports: [{}]\n", list.join(", "));
        let imported = import_text(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let s = &imported.design.services[0];
        let got: Vec<(u16, u16)> = s.ports.iter().map(|p| (p.published.unwrap_or(0), p.container)).collect();
        prop_assert_eq!(got, ports);
        prop_assert!(s.extra.is_empty(), "nothing needed keeping verbatim");
    }
}

#[test]
fn the_generators_reach_accepted_documents() {
    // Guards against a generator that only ever produces rejected input.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut accepted = 0;
    for _ in 0..200 {
        let doc = compose_like()
            .new_tree(&mut runner)
            .map(|t| t.current())
            .unwrap_or_default();
        accepted += usize::from(import_text(&doc).is_ok());
    }
    assert!(
        accepted >= 40,
        "only {accepted} of 200 generated documents were accepted"
    );
}

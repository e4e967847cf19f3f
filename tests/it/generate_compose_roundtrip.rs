//! Bad input: whatever text a design carries (service names, environment keys and values,
//! commands, labels with quotes, colons, `#`, `${`, newlines, unicode, YAML keywords such as
//! `yes`, `null`, `0x1`) comes back unchanged when the generated compose YAML is parsed, and
//! strings a YAML 1.1 reader would take for something else are single-quoted.

use proptest::prelude::*;
use serde_yaml::Value;
use std::collections::BTreeSet;
use tierboard::generate::project;
use tierboard::generate::yaml_text::yaml11::lookalike as looks_like_yaml11_scalar;
use tierboard::model::{Design, EnvVar, Image, Service, ServiceId, Tier};

fn nasty() -> impl Strategy<Value = String> {
    let specials = vec![
        "yes",
        "no",
        "No",
        "on",
        "off",
        "y",
        "n",
        "null",
        "~",
        "true",
        "0x1",
        "0o17",
        "017",
        "1:20",
        "1_000",
        ".5",
        "-1",
        "2024-01-01",
        "1e3",
        ".inf",
        "<<",
        "=",
        "'",
        "\"",
        "#",
        " #",
        "${X}",
        "${",
        "$$",
        "$",
        "key: value",
        ": ",
        "- item",
        "[a]",
        "{b}",
        "|",
        ">",
        "!tag",
        "!override",
        "&a",
        "*a",
        "%x",
        "@",
        "`",
        " lead",
        "trail ",
        "\t",
        "\n",
        "\r\n",
        "line\nbreak",
        "ünï",
        "€",
        "😀",
        "\u{2028}",
        "\u{85}",
        "\u{feff}",
        "__tbq0_0__",
        "ports:",
        "",
    ];
    let fragment = prop_oneof![
        3 => prop::sample::select(specials).prop_map(String::from),
        4 => "[ -~\n\t:#'\"${}äöü€😀\\\\]{0,16}",
        1 => any::<String>(),
    ];
    prop::collection::vec(fragment, 1..4).prop_map(|parts| parts.concat())
}

#[derive(Debug, Clone)]
struct Case {
    name: String,
    env: Vec<(String, String)>,
    command: Vec<String>,
    labels: Vec<(String, String)>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        nasty(),
        prop::collection::vec((nasty(), nasty()), 0..4),
        prop::collection::vec(nasty(), 0..3),
        prop::collection::vec((nasty(), nasty()), 0..3),
    )
        .prop_map(|(name, env, command, labels)| Case {
            name,
            env,
            command,
            labels,
        })
}

fn design(cases: &[Case], project_name: &str) -> Design {
    let mut d = Design::new(project_name);
    let mut names = BTreeSet::new();
    for (i, c) in cases.iter().enumerate() {
        if !names.insert(c.name.clone()) {
            continue;
        }
        let mut s = Service::new(
            ServiceId(i as u32 + 1),
            c.name.clone(),
            "custom",
            Tier::Backend,
        );
        s.image = Some(Image::new("busybox", "1.36"));
        let mut keys = BTreeSet::new();
        s.environment = c
            .env
            .iter()
            .filter(|(k, _)| keys.insert(k.clone()))
            .map(|(k, v)| EnvVar::plain(k, v))
            .collect();
        s.command = c.command.clone();
        let labels: serde_json::Map<String, serde_json::Value> = c
            .labels
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        if !labels.is_empty() {
            s.extra
                .insert("labels".into(), serde_json::Value::Object(labels));
        }
        d.services.push(s);
    }
    d
}

fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn user_text_survives_the_compose_files(cases in prop::collection::vec(case(), 1..4), project_name in nasty()) {
        let d = design(&cases, &project_name);
        let files = project(&d);
        for f in files.iter().filter(|f| f.path.starts_with("docker-compose")) {
            let parsed: Result<Value, _> = serde_yaml::from_str(&f.contents);
            prop_assert!(parsed.is_ok(), "{} does not parse: {:?}\n{}", f.path, parsed.err(), f.contents);
        }
        let base = files.iter().find(|f| f.path == "docker-compose.yml").map(|f| f.contents.clone()).unwrap_or_default();
        let doc: Value = serde_yaml::from_str(&base).unwrap_or(Value::Null);
        for s in &d.services {
            let svc = &doc["services"][s.name.as_str()];
            prop_assert!(svc.is_mapping(), "service {:?} missing\n{}", s.name, base);
            for e in &s.environment {
                prop_assert_eq!(svc["environment"][e.key.as_str()].as_str(), Some(e.value.as_str()), "env {:?}", e.key);
            }
            let command: Vec<&str> = svc["command"].as_sequence().map(|c| c.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
            prop_assert_eq!(command, s.command.iter().map(String::as_str).collect::<Vec<_>>());
            if let Some(serde_json::Value::Object(labels)) = s.extra.get("labels") {
                for (k, v) in labels {
                    prop_assert_eq!(svc["labels"][k.as_str()].as_str(), v.as_str(), "label {:?}", k);
                }
            }
            for value in s.environment.iter().map(|e| e.value.as_str()).chain(s.command.iter().map(String::as_str)) {
                let printable = !value.is_empty() && !value.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'));
                if printable && looks_like_yaml11_scalar(value) {
                    prop_assert!(base.contains(&single_quoted(value)), "{:?} is not single-quoted\n{}", value, base);
                }
            }
        }
    }
}

#[test]
fn yaml_keywords_come_back_as_strings() {
    let c = Case {
        name: "yes".into(),
        env: vec![
            ("null".into(), "0x1".into()),
            ("ON".into(), "no".into()),
            ("T".into(), "12:30".into()),
        ],
        command: vec!["true".into(), "~".into(), "1_000".into()],
        labels: vec![("off".into(), "2024-01-01".into())],
    };
    let d = design(&[c], "null");
    let base = project(&d)
        .into_iter()
        .find(|f| f.path == "docker-compose.yml")
        .unwrap()
        .contents;
    for quoted in [
        "'yes':",
        "'null': '0x1'",
        "'ON': 'no'",
        "T: '12:30'",
        "- 'true'",
        "- '~'",
        "- '1_000'",
        "'off': '2024-01-01'",
    ] {
        assert!(base.contains(quoted), "{quoted} in\n{base}");
    }
}

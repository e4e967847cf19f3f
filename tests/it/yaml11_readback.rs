//! Every generated YAML file reads back the same under a YAML 1.1 reader (PyYAML, which is what
//! the schema checkers, yamllint and checkov use): a design whose names, keys and values are the
//! YAML 1.1 look-alikes (`on`, `no`, `yes`, `~`, `null`, `1:20`, `0x1`, `1e3`, `.inf`) is
//! generated, and each `.yml`/`.yaml` file (but Helm's Go templates) is read by serde_yaml (YAML
//! 1.2: what the generator meant) and by PyYAML (YAML 1.1); the two trees must be equal.
//!
//! Needs `python3` with PyYAML (on the machine image, and on every CI machine): without it the
//! test fails with a message rather than passing unseen.

use std::path::Path;
use std::process::Command;
use tierboard::catalog::{kind, service_from_kind};
use tierboard::generate;
use tierboard::model::{Design, EnvVar, Link, LinkKind, ServiceId, Tier};

const WORDS: [&str; 9] = ["on", "no", "yes", "~", "null", "1:20", "0x1", "1e3", ".inf"];

/// Service names must be `[a-zA-Z0-9][a-zA-Z0-9_.-]*`: the look-alikes that are valid names.
const NAMES: [&str; 6] = ["on", "no", "yes", "null", "0x1", "1e3"];

fn lookalike_design() -> Design {
    let mut design = Design::new("yes");
    let api = kind("python-api").expect("python-api kind");
    for (i, name) in NAMES.iter().enumerate() {
        let id = ServiceId(i as u32 + 1);
        let mut s = service_from_kind(api, id, name, Tier::Backend);
        for (j, word) in WORDS.iter().enumerate() {
            s.environment.push(EnvVar::plain(format!("V{j}"), *word));
        }
        for key in ["on", "no", "yes", "null", "y", "n", "off"] {
            s.environment.push(EnvVar::plain(key, "1:20"));
        }
        s.metrics_path = Some("/metrics".into());
        s.profiles = vec!["on".into(), "1e3".into()];
        s.command = WORDS.iter().map(|w| w.to_string()).collect();
        design.services.push(s);
    }
    let db = kind("postgres").expect("postgres kind");
    let db_id = ServiceId(NAMES.len() as u32 + 1);
    design
        .services
        .push(service_from_kind(db, db_id, "null.db", Tier::Data));
    // prometheus.yml (and its Helm copy) names every scraped service: `job_name: on`.
    let prometheus = kind("prometheus").expect("prometheus kind");
    design.services.push(service_from_kind(
        prometheus,
        ServiceId(NAMES.len() as u32 + 2),
        "off",
        Tier::Backend,
    ));
    for i in 0..NAMES.len() {
        design
            .links
            .push(Link::new(ServiceId(i as u32 + 1), db_id, LinkKind::Sync));
    }
    design
}

/// serde_yaml's reading of `text` as JSON (tags dropped, keys as strings), the generator's
/// intended tree.
fn yaml12_as_json(text: &str) -> serde_json::Value {
    fn conv(v: serde_yaml::Value) -> serde_json::Value {
        use serde_yaml::Value as Y;
        match v {
            Y::Null => serde_json::Value::Null,
            Y::Bool(b) => b.into(),
            Y::Number(n) => serde_json::to_value(n).unwrap_or(serde_json::Value::Null),
            Y::String(s) => s.into(),
            Y::Sequence(items) => items.into_iter().map(conv).collect(),
            Y::Mapping(m) => m
                .into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s,
                        other => serde_yaml::to_string(&other).unwrap().trim().to_string(),
                    };
                    (key, conv(v))
                })
                .collect::<serde_json::Map<_, _>>()
                .into(),
            Y::Tagged(t) => conv(t.value),
        }
    }
    conv(serde_yaml::from_str(text).expect("generated YAML parses"))
}

/// PyYAML reads each file (unknown tags such as compose's `!reset` are read as untagged) and
/// compares with the JSON beside it; prints one line per difference.
const PYTHON: &str = r#"
import json, sys, yaml
class Loader(yaml.SafeLoader):
    pass
def untagged(loader, suffix, node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)
Loader.add_multi_constructor("!", untagged)
def same(a, b, path, out):
    if isinstance(b, dict):
        if not isinstance(a, dict):
            out.append(f"{path}: {a!r} is not a mapping"); return
        ka = {k if isinstance(k, str) else repr(k): v for k, v in a.items()}
        if set(ka) != set(b):
            out.append(f"{path}: keys {sorted(map(str, a))} != {sorted(b)}")
        for k in b:
            if k in ka: same(ka[k], b[k], f"{path}.{k}", out)
    elif isinstance(b, list):
        if not isinstance(a, list) or len(a) != len(b):
            out.append(f"{path}: {a!r} != {b!r}"); return
        for i, (x, y) in enumerate(zip(a, b)): same(x, y, f"{path}[{i}]", out)
    elif type(a) is not type(b) or a != b:
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool) and a == b:
            return
        out.append(f"{path}: YAML 1.1 reads {a!r}, meant {b!r}")
out = []
for yml in sys.argv[1:]:
    with open(yml) as f: a = yaml.load(f, Loader=Loader)
    with open(yml + ".json") as f: b = json.load(f)
    same(a, b, yml, out)
print("\n".join(out))
sys.exit(1 if out else 0)
"#;

#[test]
fn every_generated_yaml_file_reads_back_the_same_under_yaml_1_1() {
    let design = lookalike_design();
    assert_eq!(tierboard::model::validate(&design), vec![], "valid design");
    let files = generate::project(&design);
    let dir = std::env::temp_dir().join(format!("tierboard-yaml11-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut checked = Vec::new();
    for file in &files {
        let path = Path::new(&file.path);
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yml" | "yaml")
        );
        // Helm templates are Go templates (static text), not YAML until rendered.
        if !yaml || file.path.contains("/templates/") {
            continue;
        }
        let text = file.contents.as_str();
        let out = dir.join(format!("{}.yml", checked.len()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&out, text).unwrap();
        let json = serde_json::to_string(&yaml12_as_json(text)).unwrap();
        std::fs::write(dir.join(format!("{}.yml.json", checked.len())), json).unwrap();
        checked.push((out, file.path.clone()));
    }
    assert!(
        checked.len() >= 8,
        "compose, helm and project YAML files: {checked:?}"
    );
    let run = Command::new("python3")
        .arg("-c")
        .arg(PYTHON)
        .args(checked.iter().map(|(p, _)| p))
        .output()
        .expect("python3 runs (PyYAML is needed for this test)");
    let mut report = String::from_utf8_lossy(&run.stdout).into_owned();
    for (tmp, name) in &checked {
        report = report.replace(&tmp.display().to_string(), name);
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        run.status.success(),
        "YAML 1.1 read-back differs:\n{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

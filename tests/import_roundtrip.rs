//! Round trip: import a compose file, write the design back, and let `docker compose config`
//! judge whether both say the same thing.
//!
//! The compose generator (`generate::compose_files`) is written concurrently, so this test
//! writes the design back with a small *reference writer* that follows the importer's
//! documented contract (see `src/import.rs`): model fields rendered plainly, then every
//! `Service::extra` / `Design::extra` key written as it stands in place of the model's
//! rendering. It shows the importer loses nothing under that contract; pointing the same
//! comparison at the generator's base file is a one-function change (`render`).
//!
//! Deliberate changes emulated as the generator makes them: literal secrets move to `.env`
//! (referenced as `${KEY}`); inferred links do not become `depends_on`.
//!
//! Needs the validators' `docker-compose` (no daemon): /opt/validators/venv/bin/docker-compose,
//! or `$DOCKER_COMPOSE`. Without it, or without the corpus, the test says so and skips.

use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use tierboard::import;
use tierboard::model::{Design, MountKind, Service};

/// Keys the model represents, compared per service (the list).
const COMPARED: &[&str] = &[
    "image",
    "build",
    "command",
    "ports",
    "volumes",
    "environment",
    "depends_on",
    "healthcheck",
    "profiles",
    "deploy",
    "restart",
    "user",
    "read_only",
    "security_opt",
    "cap_add",
    "cap_drop",
    "privileged",
    "network_mode",
    "pid",
    "ipc",
];

fn docker_compose() -> Option<PathBuf> {
    let candidate = std::env::var_os("DOCKER_COMPOSE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/opt/validators/venv/bin/docker-compose"));
    candidate.is_file().then_some(candidate)
}

/// The reference writer: a design as a compose document (see the module docs).
fn render(d: &Design) -> (Value, Vec<(String, String)>) {
    let mut dot_env = Vec::new();
    let mut services = Map::new();
    for s in &d.services {
        services.insert(s.name.clone(), render_service(d, s, &mut dot_env));
    }
    let mut doc = Map::new();
    doc.insert("services".into(), Value::Object(services));
    for (k, v) in &d.extra {
        doc.insert(k.clone(), v.clone());
    }
    (Value::Object(doc), dot_env)
}

fn render_service(d: &Design, s: &Service, dot_env: &mut Vec<(String, String)>) -> Value {
    let mut c = Map::new();
    let mut put = |k: &str, v: Value| {
        c.insert(k.to_string(), v);
    };
    if let Some(i) = &s.image {
        put("image", json!(i.reference()));
    }
    if let Some(b) = &s.build {
        let mut m = Map::new();
        m.insert("context".into(), json!(b.context));
        if let Some(f) = &b.dockerfile {
            m.insert("dockerfile".into(), json!(f));
        }
        if let Some(t) = &b.target {
            m.insert("target".into(), json!(t));
        }
        if !b.args.is_empty() {
            m.insert("args".into(), json!(b.args));
        }
        put("build", Value::Object(m));
    }
    if !s.command.is_empty() {
        put("command", json!(s.command));
    }
    let published: Vec<Value> = s
        .ports
        .iter()
        .filter_map(|p| {
            let host = p.published?;
            Some(json!({"target": p.container, "published": host.to_string(),
                "host_ip": p.host_ip.clone().unwrap_or_else(|| "127.0.0.1".into()),
                "protocol": if p.protocol == tierboard::model::Protocol::Udp { "udp" } else { "tcp" }}))
        })
        .collect();
    if !published.is_empty() {
        put("ports", Value::Array(published));
    }
    if !s.environment.is_empty() {
        let mut env = Map::new();
        for e in &s.environment {
            if e.secret {
                // The generator's deliberate change: the literal goes to `.env`. (A secret
                // without a value is a pass-through from the environment already.)
                if !e.value.is_empty() {
                    dot_env.push((e.key.clone(), e.value.clone()));
                }
                env.insert(e.key.clone(), json!(format!("${{{}}}", e.key)));
            } else {
                env.insert(e.key.clone(), json!(e.value));
            }
        }
        put("environment", Value::Object(env));
    }
    let volumes: Vec<Value> = s
        .volumes
        .iter()
        .map(|m| {
            let ro = if m.read_only { ":ro" } else { "" };
            match m.kind {
                MountKind::Named | MountKind::Bind => {
                    json!(format!("{}:{}{ro}", m.source, m.target))
                }
                MountKind::Anonymous => json!(m.target),
                MountKind::Tmpfs => match m.size {
                    Some(mib) => {
                        json!({"type": "tmpfs", "target": m.target, "read_only": m.read_only,
                        "tmpfs": {"size": u64::from(mib) * 1024 * 1024}})
                    }
                    None => json!({"type": "tmpfs", "target": m.target, "read_only": m.read_only}),
                },
            }
        })
        .collect();
    if !volumes.is_empty() {
        put("volumes", Value::Array(volumes));
    }
    let mut deploy = Map::new();
    if s.replicas.prod != 1 {
        deploy.insert("replicas".into(), json!(s.replicas.prod));
    }
    let r = &s.resources;
    let set = |cpu: Option<u32>, mem: Option<u32>, pids: Option<u32>| {
        let mut m = Map::new();
        if let Some(c) = cpu {
            m.insert("cpus".into(), json!(f64::from(c) / 1000.0));
        }
        if let Some(mb) = mem {
            m.insert("memory".into(), json!(format!("{mb}M")));
        }
        if let Some(p) = pids {
            m.insert("pids".into(), json!(p));
        }
        m
    };
    let (limits, reservations) = (
        set(r.cpu_limit_m, r.memory_limit_mb, r.pids_limit),
        set(r.cpu_reservation_m, r.memory_reservation_mb, None),
    );
    if !limits.is_empty() || !reservations.is_empty() {
        let mut res = Map::new();
        if !limits.is_empty() {
            res.insert("limits".into(), Value::Object(limits));
        }
        if !reservations.is_empty() {
            res.insert("reservations".into(), Value::Object(reservations));
        }
        deploy.insert("resources".into(), Value::Object(res));
    }
    if !deploy.is_empty() {
        put("deploy", Value::Object(deploy));
    }
    if let Some(h) = &s.healthcheck {
        put(
            "healthcheck",
            json!({"test": h.test, "interval": format!("{}s", h.interval_s), "timeout": format!("{}s", h.timeout_s),
            "retries": h.retries, "start_period": format!("{}s", h.start_period_s)}),
        );
    }
    put("restart", json!(s.restart.id()));
    if !s.profiles.is_empty() {
        put("profiles", json!(s.profiles));
    }
    let deps: Vec<String> = d
        .links_from(s.id)
        .filter(|l| !l.inferred)
        .filter_map(|l| d.service(l.to).map(|t| t.name.clone()))
        .collect();
    if !deps.is_empty() {
        put("depends_on", json!(deps));
    }
    let h = &s.hardening;
    if let Some(u) = &h.user {
        put("user", json!(u));
    }
    if h.read_only_root {
        put("read_only", json!(true));
    }
    let mut opts = Vec::new();
    if h.no_new_privileges {
        opts.push("no-new-privileges:true");
    }
    if h.seccomp_unconfined {
        opts.push("seccomp:unconfined");
    }
    if !opts.is_empty() {
        put("security_opt", json!(opts));
    }
    if h.cap_drop_all {
        put("cap_drop", json!(["ALL"]));
    }
    if !h.cap_add.is_empty() {
        put("cap_add", json!(h.cap_add));
    }
    if h.privileged {
        put("privileged", json!(true));
    }
    for (k, v) in [
        ("network_mode", &h.network_mode),
        ("pid", &h.pid),
        ("ipc", &h.ipc),
    ] {
        if let Some(v) = v {
            put(k, json!(v));
        }
    }
    for (k, v) in &s.extra {
        put(k, v.clone());
    }
    Value::Object(c)
}

/// `docker compose config` of `file` in `dir`, as JSON; `Err` with compose's message.
fn config(compose: &Path, dir: &Path, file: &str) -> Result<Value, String> {
    let run = |extra: &[&str]| {
        let mut cmd = Command::new(compose);
        cmd.current_dir(dir)
            .args(["-p", "roundtrip", "-f", file, "config", "--format", "json"])
            .args(extra);
        cmd.env_remove("COMPOSE_FILE")
            .env_remove("COMPOSE_PROFILES");
        cmd.output()
    };
    let out = run(&[]).map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr)
            .lines()
            .last()
            .unwrap_or("")
            .to_string());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())
}

/// Semantic normal form of one compose key, so that equal meanings compare equal.
fn normal(key: &str, v: Option<&Value>) -> Value {
    let v = v.cloned().unwrap_or(Value::Null);
    match key {
        "restart" if v.is_null() => json!("no"),
        "ports" => Value::Array(
            v.as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut p| {
                    if let Some(m) = p.as_object_mut() {
                        if m.get("host_ip").and_then(Value::as_str) == Some("0.0.0.0") {
                            m.remove("host_ip");
                        }
                    }
                    p
                })
                .collect(),
        ),
        "healthcheck" if v.is_object() => {
            let mut m = v.as_object().cloned().unwrap_or_default();
            for (k, default) in [("interval", 30), ("timeout", 30), ("start_period", 0)] {
                let secs = m
                    .get(k)
                    .and_then(Value::as_str)
                    .and_then(seconds)
                    .unwrap_or(default);
                if m.get(k).is_none()
                    || m.get(k).and_then(Value::as_str).and_then(seconds).is_some()
                {
                    m.insert(k.into(), json!(secs));
                }
            }
            m.entry("retries").or_insert(json!(3));
            Value::Object(m)
        }
        "deploy" if v.is_object() => {
            let mut m = v.as_object().cloned().unwrap_or_default();
            if m.get("replicas") == Some(&json!(1)) {
                m.remove("replicas");
            }
            if m.get("placement") == Some(&json!({})) {
                m.remove("placement");
            }
            Value::Object(m)
        }
        _ => v,
    }
}

fn seconds(text: &str) -> Option<u64> {
    let (mut total, mut num) = (0u64, String::new());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n: u64 = num.parse().ok()?;
        num.clear();
        total += match c {
            'h' => n * 3600,
            'm' if chars.peek() == Some(&'s') => return None,
            'm' => n * 60,
            's' => n,
            _ => return None,
        };
    }
    num.is_empty().then_some(total)
}

/// Keys of `service` whose normal forms differ between the two configs: the represented keys
/// and, since pass-through keys are written back too, every other key.
fn differences(a: &Value, b: &Value) -> Vec<String> {
    let mut keys: Vec<&str> = COMPARED.to_vec();
    for v in [a, b] {
        keys.extend(
            v.as_object()
                .into_iter()
                .flat_map(|m| m.keys().map(String::as_str)),
        );
    }
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .filter(|k| normal(k, a.get(*k)) != normal(k, b.get(*k)))
        .map(str::to_string)
        .collect()
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[test]
fn imported_designs_say_what_the_originals_say() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Some(compose) = docker_compose() else {
        eprintln!(
            "SKIPPED: no docker-compose binary (set DOCKER_COMPOSE); round trip not measured"
        );
        return;
    };
    if !corpus.is_dir() {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent; round trip not measured");
        return;
    }
    let mut files = Vec::new();
    collect(&corpus, &mut files);
    let scratch = std::env::temp_dir().join(format!("tierboard-roundtrip-{}", std::process::id()));
    let (mut compared, mut agreeing_files, mut services_total, mut services_agreeing) =
        (0, 0, 0, 0);
    let mut disagreements = Vec::new();
    for (n, path) in files.iter().enumerate() {
        let rel = path
            .strip_prefix(&corpus)
            .unwrap_or(path)
            .display()
            .to_string();
        let Some(dir) = path.parent() else { continue };
        let work = scratch.join(n.to_string());
        if copy_dir(dir, &work).is_err() {
            continue;
        }
        let file_name = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default()
            .to_string();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let refs: Vec<(String, String)> = import::referenced_files(&file_name, &text)
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(work.join(&p)).ok().map(|t| (p, t)))
            .collect();
        let Ok(imported) = import::compose_with(&[(file_name.clone(), text)], &refs) else {
            continue;
        };
        let Ok(original) = config(&compose, &work, &file_name) else {
            println!("--  {rel}: compose itself refuses it here (an override, or a variable it requires); not compared");
            continue;
        };
        let (doc, dot_env) = render(&imported.design);
        let yaml = serde_yaml::to_string(&doc).unwrap_or_default();
        let regen = "tierboard-regenerated.yaml";
        let env_path = work.join(".env");
        let mut env_text = std::fs::read_to_string(&env_path).unwrap_or_default();
        for (k, v) in dot_env {
            if env_text
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{k}=")))
            {
                continue;
            }
            env_text.push_str(&format!("\n{k}='{}'\n", v.replace('\'', "'\\''")));
        }
        let written = std::fs::write(work.join(regen), yaml)
            .and_then(|_| std::fs::write(&env_path, env_text));
        assert!(written.is_ok(), "cannot write into {}", work.display());
        let regenerated = match config(&compose, &work, regen) {
            Ok(v) => v,
            Err(e) => {
                disagreements.push(format!("{rel}: compose refuses the regenerated file: {e}"));
                compared += 1;
                continue;
            }
        };
        compared += 1;
        for top in ["networks", "volumes", "secrets", "configs"] {
            if original.get(top) != regenerated.get(top) {
                disagreements.push(format!(
                    "{rel}: top-level {top}: {} ≠ {}",
                    original[top], regenerated[top]
                ));
            }
        }
        let empty = Map::new();
        let a = original["services"].as_object().unwrap_or(&empty);
        let b = regenerated["services"].as_object().unwrap_or(&empty);
        let mut file_diffs = Vec::new();
        for (name, sa) in a {
            services_total += 1;
            match b.get(name) {
                None => file_diffs.push(format!("{name}: missing")),
                Some(sb) => {
                    let diffs = differences(sa, sb);
                    if diffs.is_empty() {
                        services_agreeing += 1;
                    } else {
                        for k in &diffs {
                            file_diffs.push(format!(
                                "{name}.{k}: {} ≠ {}",
                                normal(k, sa.get(k.as_str())),
                                normal(k, sb.get(k.as_str()))
                            ));
                        }
                    }
                }
            }
        }
        let agree = a.len()
            - file_diffs
                .iter()
                .map(|d| d.split(['.', ':']).next().unwrap_or(""))
                .collect::<std::collections::BTreeSet<_>>()
                .len();
        println!(
            "{}  {rel}: {agree}/{} services agree",
            if file_diffs.is_empty() { "ok" } else { "≠ " },
            a.len()
        );
        if file_diffs.is_empty() {
            agreeing_files += 1;
        } else {
            disagreements.push(format!("{rel}: {}", file_diffs.join("; ")));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    for d in &disagreements {
        println!("DIFF {d}");
    }
    println!(
        "round trip: {agreeing_files}/{compared} files and {services_agreeing}/{services_total} services agree on every key"
    );
    assert!(compared >= 50, "only {compared} files could be compared");
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            n.contains("compose") && (n.ends_with(".yml") || n.ends_with(".yaml"))
        }) {
            out.push(p);
        }
    }
}

//! Every compose file of the real-world corpus (../shared/corpus: Docker's awesome-compose
//! samples and production stacks such as sentry, opentelemetry-demo, frappe, netbox, temporal)
//! imports: at least 95 % of them without error, 0 panics, and every imported design is valid.
//! Failures are listed with their reasons; `cargo test --test it import_corpus:: -- --nocapture`
//! prints the per-file table.

use std::path::{Path, PathBuf};
use tierboard::import::{self, ImportError, Imported, NoticeKind};
use tierboard::model::validate;

pub(crate) fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// compose.yaml, compose.yml, docker-compose*.yml, *compose*.yaml (and netbox's
/// `docker-compose.override.yml.example`, a compose file under another name).
fn is_compose_file(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("compose")
        && (name.ends_with(".yml") || name.ends_with(".yaml") || name.ends_with(".yml.example"))
}

pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_compose_file)
        {
            out.push(path);
        }
    }
}

/// Import files as the CLI does: referenced files (extends/include) read from disk beside them.
fn import_paths(paths: &[&Path]) -> Result<Imported, ImportError> {
    let mut files = Vec::new();
    for path in paths {
        let name = path.to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        files.push((name, text));
    }
    let mut queue: Vec<String> = files
        .iter()
        .flat_map(|(n, t)| import::referenced_files(n, t))
        .collect();
    let mut referenced: Vec<(String, String)> = Vec::new();
    while let Some(p) = queue.pop() {
        if referenced.iter().any(|(n, _)| *n == p) {
            continue;
        }
        if let Ok(t) = std::fs::read_to_string(&p) {
            queue.extend(import::referenced_files(&p, &t));
            referenced.push((p, t));
        }
    }
    import::compose_with(&files, &referenced)
}

fn import_path(path: &Path) -> Result<Imported, ImportError> {
    import_paths(&[path])
}

/// Whether a compose file gives `service` an image or a build (itself, or through anchors the
/// importer resolves).
fn defines(path: &Path, service: &str) -> bool {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_default();
    let s = &doc["services"][service];
    s.get("image").is_some()
        || s.get("build").is_some()
        || import_path(path).is_ok_and(|i| i.design.service_by_name(service).is_some())
}

/// The compose files beside `path` and one directory up, base files first.
fn neighbours(path: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let dir = path.parent().unwrap_or(Path::new("."));
    for d in [dir.parent(), Some(dir)].into_iter().flatten() {
        for base in [
            "compose.yaml",
            "compose.yml",
            "docker-compose.yml",
            "docker-compose.yaml",
        ] {
            out.push(d.join(base));
        }
        let mut found = Vec::new();
        walk_flat(d, &mut found);
        out.extend(found);
    }
    out.retain(|p| p.is_file() && p != path);
    out.dedup();
    out
}

fn walk_flat(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut v: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(is_compose_file)
            })
            .collect();
        v.sort();
        out.extend(v);
    }
}

/// A file alone; an override that compose would refuse alone (a service with neither image nor
/// build), layered over the neighbouring files that define its services — as its project's
/// docs combine them (`-f compose.yaml -f overrides/compose.mariadb.yaml -f ...`).
pub(crate) fn import_as_used(path: &Path) -> (Result<Imported, ImportError>, Vec<PathBuf>) {
    let mut layers: Vec<PathBuf> = Vec::new();
    loop {
        let mut all: Vec<&Path> = layers.iter().map(PathBuf::as_path).collect();
        all.push(path);
        match import_paths(&all) {
            Err(ImportError::Incomplete { message, file }) if layers.len() < 5 => {
                let service = message.split('"').nth(1).unwrap_or_default().to_string();
                match neighbours(path)
                    .into_iter()
                    .find(|p| !layers.contains(p) && defines(p, &service))
                {
                    Some(provider) => layers.push(provider),
                    None => return (Err(ImportError::Incomplete { message, file }), layers),
                }
            }
            other => return (other, layers),
        }
    }
}

#[test]
fn the_corpus_imports_without_error_or_panic() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent; real-world import not measured");
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    assert!(
        files.len() >= 80,
        "expected the corpus' ~86 compose files, found {}",
        files.len()
    );
    let (mut ok, mut layered, mut failures, mut panics) = (0, 0, Vec::new(), Vec::new());
    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        match std::panic::catch_unwind(|| import_as_used(path)) {
            Err(_) => panics.push(rel),
            Ok((Err(e), _)) => failures.push(format!("{rel}: {e}")),
            Ok((Ok(imported), layers)) => {
                let over = if layers.is_empty() {
                    String::new()
                } else {
                    let names: Vec<String> = layers
                        .iter()
                        .map(|b| b.strip_prefix(&dir).unwrap_or(b).display().to_string())
                        .collect();
                    format!(" (an override, merged over {})", names.join(" + "))
                };
                let problems = validate(&imported.design);
                // Every generated path is unique (the generator drops nothing).
                let generated = tierboard::generate::project(&imported.design);
                let paths: Vec<&str> = generated.iter().map(|f| f.path.as_str()).collect();
                if let Some(w) = paths.windows(2).find(|w| w[0] == w[1]) {
                    failures.push(format!("{rel}: generates {} twice", w[0]));
                    continue;
                }
                if problems.is_empty() {
                    ok += 1;
                    layered += usize::from(!layers.is_empty());
                    let verbatim = imported
                        .notices
                        .iter()
                        .filter(|n| n.kind == NoticeKind::Verbatim)
                        .count();
                    let inferred = imported.design.links.iter().filter(|l| l.inferred).count();
                    println!(
                        "ok  {rel}{over}: {} services, {} links ({inferred} inferred), {verbatim} verbatim notices",
                        imported.design.services.len(),
                        imported.design.links.len(),
                    );
                } else {
                    let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                    failures.push(format!("{rel}: imported but invalid: {}", list.join("; ")));
                }
            }
        }
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    let rate = ok as f64 * 100.0 / files.len() as f64;
    println!(
        "corpus: {ok}/{} imported ({rate:.1} %; {layered} of them override files merged over their base), {} failures, {} panics",
        files.len(),
        failures.len(),
        panics.len()
    );
    assert!(panics.is_empty(), "panics on: {panics:?}");
    assert!(
        rate >= 95.0,
        "only {rate:.1} % imported; failures: {failures:#?}"
    );
}

#[test]
fn overrides_of_a_real_stack_merge() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent; frappe overrides not merged");
        return;
    };
    let frappe = dir.join("real-world/frappe_docker");
    let files: Vec<(String, String)> = [
        "compose.yaml",
        "overrides/compose.mariadb.yaml",
        "overrides/compose.redis.yaml",
        "overrides/compose.noproxy.yaml",
    ]
    .iter()
    .map(|f| {
        (
            f.to_string(),
            std::fs::read_to_string(frappe.join(f)).unwrap_or_default(),
        )
    })
    .collect();
    let imported = import::compose(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(validate(&imported.design), vec![]);
    let db = imported
        .design
        .service_by_name("db")
        .expect("the mariadb override adds db");
    assert_eq!(db.tier, tierboard::model::Tier::Data);
    assert!(
        imported.design.service_by_name("redis-cache").is_some(),
        "the redis override adds its services"
    );
    let backend = imported
        .design
        .service_by_name("backend")
        .expect("base service");
    assert!(
        imported.design.links_from(backend.id).count() > 0
            || imported.design.links_to(backend.id).count() > 0
    );
}

#[test]
fn the_sentry_stack_keeps_its_shape() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent; sentry not imported");
        return;
    };
    let path = dir.join("real-world/sentry-self-hosted/docker-compose.yml");
    // The figure is reported, not asserted (`cargo test --release --test it import_corpus:: -- --nocapture sentry`).
    let mut times: Vec<std::time::Duration> = (0..15)
        .map(|_| {
            let started = std::time::Instant::now();
            let _ = import_path(&path);
            started.elapsed()
        })
        .collect();
    times.sort();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "sentry: import (read + parse + map) min {:?}, median {:?} over 15 runs, {build} build",
        times[0],
        times[times.len() / 2]
    );
    let imported = import_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(imported.notices.iter().all(|n| n.service.is_none()
        || imported
            .design
            .service_by_name(n.service.as_deref().unwrap_or(""))
            .is_some()));
    let d = &imported.design;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let count = doc["services"].as_mapping().map_or(0, |m| m.len());
    assert_eq!(d.services.len(), count, "every service imported");
    let web = d.service_by_name("web").expect("sentry web");
    assert!(
        web.build.is_some() && web.healthcheck.is_some(),
        "from <<: *sentry_defaults and its own keys"
    );
    assert!(
        d.links_from(web.id).count() >= 5,
        "depends_on from the merged defaults"
    );
    assert_eq!(
        d.service_by_name("postgres").map(|s| s.kind.as_str()),
        Some("postgres")
    );
}

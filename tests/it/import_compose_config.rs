//! Every compose file of the corpus (../shared/corpus), imported and generated, is a project
//! `docker compose config` accepts as a user would run it: `.env` copied from `.env.example`,
//! every profile on, for the base file alone and merged with the override, prod and CI files.
//! A file the importer refuses alone (an override without its base) is imported over its base.
//! The unset-variable warnings compose prints are counted and printed
//! (`cargo test --test it import_compose_config -- --nocapture`).
//!
//! Needs the validators' `docker-compose` (no daemon), like the round trip; without it, or without
//! the corpus, the test says so loudly and skips.

use crate::import_roundtrip_support::{base_of, collect, docker_compose};
use std::path::{Path, PathBuf};
use std::process::Command;
use tierboard::generate::{self, compose_files};
use tierboard::import;

/// The combinations a generated project is run with.
const COMBOS: &[&[&str]] = &[
    &[compose_files::BASE],
    &[compose_files::BASE, compose_files::OVERRIDE],
    &[compose_files::BASE, compose_files::PROD],
    &[compose_files::BASE, compose_files::CI],
];

/// Import `paths` (with what they reference, read from disk) and write the generated project
/// into `dir` with `.env` copied from `.env.example`.
fn generate_into(paths: &[PathBuf], dir: &Path) -> Result<(), String> {
    let texts: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            (p.display().to_string(), text)
        })
        .collect();
    let mut refs: Vec<(String, String)> = Vec::new();
    let mut queue: Vec<String> = texts
        .iter()
        .flat_map(|(n, t)| import::referenced_files(n, t))
        .collect();
    while let Some(p) = queue.pop() {
        if refs.iter().any(|(n, _)| *n == p) || refs.len() > 64 {
            continue;
        }
        if let Ok(t) = std::fs::read_to_string(&p) {
            queue.extend(import::referenced_files(&p, &t));
            refs.push((p, t));
        }
    }
    let imported = import::compose_with(&texts, &refs).map_err(|e| e.to_string())?;
    for f in generate::project(&imported.design) {
        let target = dir.join(&f.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&target, &f.contents).map_err(|e| e.to_string())?;
        if f.path == ".env.example" {
            std::fs::write(dir.join(".env"), &f.contents).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// `docker compose config` of `files` in `dir`: the refusal, or the warnings printed.
fn config(compose: &Path, dir: &Path, files: &[&str]) -> Result<Vec<String>, String> {
    let out = Command::new(compose)
        .current_dir(dir)
        .args(["--profile", "*"])
        .args(files.iter().flat_map(|f| ["-f", *f]))
        .args(["config", "--format", "json"])
        .env_remove("COMPOSE_FILE")
        .env_remove("COMPOSE_PROFILES")
        .env_remove("COMPOSE_PROJECT_NAME")
        .output()
        .map_err(|e| e.to_string())?;
    let err = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<String> = err
        .lines()
        .filter(|l| l.contains("level=warn") || l.starts_with("WARN["))
        .map(str::to_string)
        .collect();
    if out.status.success() {
        Ok(warnings)
    } else {
        Err(err
            .lines()
            .filter(|l| !l.contains("level=warn"))
            .collect::<Vec<_>>()
            .join(" "))
    }
}

#[test]
fn compose_accepts_every_project_generated_from_the_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Some(compose) = docker_compose() else {
        eprintln!("\n!!!!!!!!!!\nSKIPPED: no docker-compose binary at /opt/validators/venv/bin/docker-compose \
            (set DOCKER_COMPOSE); generated projects were NOT checked by compose\n!!!!!!!!!!\n");
        return;
    };
    if !corpus.is_dir() {
        eprintln!("\n!!!!!!!!!!\nSKIPPED: the corpus ../shared/corpus is absent\n!!!!!!!!!!\n");
        return;
    }
    let mut files = Vec::new();
    collect(&corpus, &mut files);
    let scratch = std::env::temp_dir().join(format!("tierboard-config-{}", std::process::id()));
    let (mut projects, mut runs, mut warnings) = (0, 0, 0);
    let mut refused = Vec::new();
    let mut not_imported = Vec::new();
    for (n, file) in files.iter().enumerate() {
        let dir = scratch.join(n.to_string());
        let _ = std::fs::create_dir_all(&dir);
        let rel = file
            .strip_prefix(&corpus)
            .unwrap_or(file)
            .display()
            .to_string();
        let mut job = vec![file.clone()];
        if let Err(e) = generate_into(&job, &dir) {
            match base_of(file, &corpus) {
                Some(base) if e.contains("neither an image nor a build") => {
                    job.insert(0, base);
                    if let Err(e) = generate_into(&job, &dir) {
                        not_imported.push(format!("{rel} (over its base): {e}"));
                        continue;
                    }
                }
                _ => {
                    not_imported.push(format!("{rel}: {e}"));
                    continue;
                }
            }
        }
        projects += 1;
        for combo in COMBOS {
            runs += 1;
            match config(&compose, &dir, combo) {
                Ok(w) => {
                    warnings += w.len();
                    for line in w {
                        println!("warning: {rel} [{}]: {line}", combo.join(" + "));
                    }
                }
                Err(e) => refused.push(format!("{rel} [{}]: {e}", combo.join(" + "))),
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!(
        "{} corpus files, {projects} projects generated, {runs} compose runs, {} refused, {warnings} warnings",
        files.len(),
        refused.len()
    );
    for e in &not_imported {
        println!("not imported: {e}");
    }
    assert!(projects >= 80, "only {projects} projects generated");
    assert!(
        refused.is_empty(),
        "compose refuses {} generated project file set(s):\n{}",
        refused.len(),
        refused.join("\n")
    );
}

//! Running a round trip: scratch copies of a corpus file's directory, the generated project
//! written over one of them with its `.env`, and `docker compose config` of both sides.
//! What is compared, and how, is `compare`; the rules are in `tests/import_roundtrip.rs`.

pub mod compare;

use compare::{compare, Comparison};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use tierboard::generate;
use tierboard::import;
use tierboard::model::Design;

/// What the test puts in `.env` for a secret the original passes through from the shell
/// (`KEY:` without a value): the generator requires it, so a user sets something. It compares
/// equal to unset.
pub const UNSET: &str = "tierboard-roundtrip-unset";

pub fn docker_compose() -> Option<PathBuf> {
    let candidate = std::env::var_os("DOCKER_COMPOSE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/opt/validators/venv/bin/docker-compose"));
    candidate.is_file().then_some(candidate)
}

/// What happened to one corpus file.
pub enum Outcome {
    /// The importer refused a file compose accepts (an importer gap).
    NotImported(String),
    /// Compose refuses the original on its own (an override, a required variable...).
    Refused(String),
    Compared(Comparison),
}

/// `docker compose config` of `file` in `dir`, as JSON with `dir` written as `.`.
/// `lenient` skips compose's consistency checks (to look behind a refusal, never to accept).
fn config(compose: &Path, dir: &Path, file: &str, lenient: bool) -> Result<Value, String> {
    let out = Command::new(compose)
        .current_dir(dir)
        .args(["-p", "roundtrip", "--profile", "*", "-f", file])
        .args(["config", "--format", "json"])
        .args(if lenient {
            &["--no-consistency"][..]
        } else {
            &[]
        })
        .env_remove("COMPOSE_FILE")
        .env_remove("COMPOSE_PROFILES")
        .env_remove("COMPOSE_PROJECT_NAME")
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err.lines().last().unwrap_or("").trim().to_string());
    }
    let text = String::from_utf8_lossy(&out.stdout).replace(&dir.display().to_string(), ".");
    serde_json::from_str(&text).map_err(|e| e.to_string())
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

/// `KEY=value` lines of a dotenv text (comments and blanks skipped), in order.
fn dotenv(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            if l.is_empty() || l.starts_with('#') {
                return None;
            }
            let (k, v) = l.split_once('=')?;
            let k = k.trim().trim_start_matches("export ").trim();
            Some((k.to_string(), v.to_string()))
        })
        .collect()
}

/// A design value (compose-level text) as a `.env` line's value.
fn env_value(text: &str) -> String {
    if text.contains("${") || text.replace("$$", "").contains('$') {
        // Still interpolates: let `.env` interpolate it too.
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        let literal = text.replace("$$", "$");
        if literal.contains('\'') {
            format!(
                "\"{}\"",
                literal
                    .replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('$', "\\$")
            )
        } else {
            format!("'{literal}'")
        }
    }
}

/// `.env` of the regenerated project (see the module docs). Lines keep the original `.env`'s
/// order, since a dotenv value may interpolate the lines above it; the example's own variables
/// follow.
fn regenerated_env(example: &str, original: &str, design: &Design) -> String {
    let original = dotenv(original);
    let from_original = |k: &str| {
        original
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
    };
    let secret = |k: &str| {
        design
            .services
            .iter()
            .flat_map(|s| &s.environment)
            .find(|e| e.secret && e.key == k && !e.value.is_empty())
            .map(|e| env_value(&e.value))
    };
    let mut chosen: BTreeMap<String, String> = BTreeMap::new();
    let mut order: Vec<String> = original.iter().map(|(k, _)| k.clone()).collect();
    for (k, v) in dotenv(example) {
        let value = if v.trim() == "<SET_IN_ENV>" {
            secret(&k)
                .or_else(|| from_original(&k))
                .or_else(|| Some(UNSET.to_string()))
        } else if v.trim().is_empty() {
            from_original(&k)
        } else {
            Some(v)
        };
        if let Some(value) = value {
            order.push(k.clone());
            chosen.insert(k, value);
        }
    }
    let mut out = String::new();
    let mut written = BTreeSet::new();
    for k in order {
        if !written.insert(k.clone()) {
            continue;
        }
        if let Some(v) = chosen.get(&k).cloned().or_else(|| from_original(&k)) {
            out.push_str(&format!("{k}={v}\n"));
        }
    }
    out
}

/// Import, generate and compare one corpus file (`n` names its scratch directories).
pub fn round_trip(compose: &Path, path: &Path, scratch: &Path, n: usize) -> Outcome {
    let Some(dir) = path.parent() else {
        return Outcome::NotImported("no directory".into());
    };
    let file_name = path
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or_default()
        .to_string();
    let (orig_dir, regen_dir) = (
        scratch.join(format!("{n}-a")),
        scratch.join(format!("{n}-b")),
    );
    for d in [&orig_dir, &regen_dir] {
        if let Err(e) = copy_dir(dir, d) {
            return Outcome::NotImported(format!("cannot copy {}: {e}", dir.display()));
        }
    }
    // Canonical paths: compose prints resolved ones.
    let orig_dir = orig_dir.canonicalize().unwrap_or(orig_dir);
    let regen_dir = regen_dir.canonicalize().unwrap_or(regen_dir);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let refs: Vec<(String, String)> = import::referenced_files(&file_name, &text)
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(dir.join(&p)).ok().map(|t| (p, t)))
        .collect();
    // Compose first: a file compose refuses on its own is no fault of the importer.
    let original = match config(compose, &orig_dir, &file_name, false) {
        Ok(v) => v,
        Err(e) => return Outcome::Refused(e),
    };
    let imported = match import::compose_with(&[(file_name.clone(), text)], &refs) {
        Ok(i) => i,
        Err(e) => return Outcome::NotImported(e.to_string()),
    };
    let original_env = std::fs::read_to_string(orig_dir.join(".env")).unwrap_or_default();
    let files = generate::project(&imported.design);
    let mut example = String::new();
    for f in &files {
        let target = regen_dir.join(&f.path);
        if let Some(parent) = target.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(&target, &f.contents).expect("the scratch directory is writable");
        if f.path == ".env.example" {
            example = f.contents.clone();
        }
    }
    let env = regenerated_env(&example, &original_env, &imported.design);
    std::fs::write(regen_dir.join(".env"), env).expect("the scratch directory is writable");
    let base = generate::compose_files::BASE;
    match config(compose, &regen_dir, base, false) {
        Ok(regenerated) => Outcome::Compared(compare(&original, &regenerated, &imported.design)),
        Err(e) => {
            // Unusable as it stands: every service disagrees. The differences behind the
            // refusal are still listed, from compose's lenient reading, so no gap hides.
            let mut c = compare(&original, &json!({"services": {}}), &imported.design);
            c.diffs = vec![format!("compose REFUSES THE REGENERATED base file: {e}")];
            if let Ok(lenient) = config(compose, &regen_dir, base, true) {
                let behind = compare(&original, &lenient, &imported.design);
                c.diffs.extend(
                    behind
                        .diffs
                        .into_iter()
                        .map(|d| format!("(read with --no-consistency) {d}")),
                );
            }
            c.regen_refused = Some(e);
            Outcome::Compared(c)
        }
    }
}

pub fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
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

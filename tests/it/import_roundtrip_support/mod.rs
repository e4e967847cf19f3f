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
fn config(
    compose: &Path,
    dir: &Path,
    files: &[String],
    vars: &[String],
    lenient: bool,
) -> Result<Value, String> {
    let out = Command::new(compose)
        .current_dir(dir)
        .envs(vars.iter().map(|v| (v.as_str(), required_value(v))))
        .args(["-p", "roundtrip", "--profile", "*"])
        .args(files.iter().flat_map(|f| ["-f", f.as_str()]))
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

/// The value the test gives a variable the original requires (`${X:?err}`) and nobody sets
/// (frappe_docker's `BASE_SITE`): the same on both sides, through the process environment.
fn required_value(name: &str) -> String {
    format!("roundtrip-{}", name.to_ascii_lowercase())
}

/// The variable named by compose's "required variable X is missing a value".
fn required_variable(error: &str) -> Option<String> {
    let rest = error.split("required variable ").nth(1)?;
    Some(rest.split_whitespace().next()?.to_string())
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

/// Import, generate and compare one corpus file, or a base file and overrides merged in order
/// (`paths`, base first, the overrides in or under the base's directory); `n` names the
/// scratch directories.
pub fn round_trip(compose: &Path, paths: &[PathBuf], scratch: &Path, n: usize) -> Outcome {
    let Some(dir) = paths.first().and_then(|p| p.parent()) else {
        return Outcome::NotImported("no directory".into());
    };
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.strip_prefix(dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
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
    let texts: Vec<(String, String)> = names
        .iter()
        .zip(paths)
        .map(|(name, p)| (name.clone(), std::fs::read_to_string(p).unwrap_or_default()))
        .collect();
    let refs: Vec<(String, String)> = texts
        .iter()
        .flat_map(|(name, text)| import::referenced_files(name, text))
        .filter_map(|p| std::fs::read_to_string(dir.join(&p)).ok().map(|t| (p, t)))
        .collect();
    // Compose first: a file compose refuses on its own is no fault of the importer.
    let mut vars: Vec<String> = Vec::new();
    let original = loop {
        match config(compose, &orig_dir, &names, &vars, false) {
            Ok(v) => break v,
            Err(e) => match required_variable(&e) {
                Some(v) if vars.len() < 8 && !vars.contains(&v) => vars.push(v),
                _ => return Outcome::Refused(e),
            },
        }
    };
    let imported = match import::compose_with(&texts, &refs) {
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
    let base = [generate::compose_files::BASE.to_string()];
    match config(compose, &regen_dir, &base, &vars, false) {
        Ok(regenerated) => Outcome::Compared(compare(&original, &regenerated, &imported.design)),
        Err(e) => {
            // Unusable as it stands: every service disagrees. The differences behind the
            // refusal are still listed, from compose's lenient reading, so no gap hides.
            let mut c = compare(&original, &json!({"services": {}}), &imported.design);
            c.diffs = vec![format!("compose REFUSES THE REGENERATED base file: {e}")];
            if let Ok(lenient) = config(compose, &regen_dir, &base, &vars, true) {
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

/// The base file an override belongs with: the first `compose.yaml`, `compose.yml`,
/// `docker-compose.yml` or `docker-compose.yaml` in its directory or above it (up to `root`).
pub fn base_of(file: &Path, root: &Path) -> Option<PathBuf> {
    const BASES: &[&str] = &[
        "compose.yaml",
        "compose.yml",
        "docker-compose.yml",
        "docker-compose.yaml",
    ];
    file.ancestors()
        .skip(1)
        .take_while(|d| d.starts_with(root) && *d != root)
        .flat_map(|d| BASES.iter().map(move |b| d.join(b)))
        .find(|b| b != file && b.is_file())
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

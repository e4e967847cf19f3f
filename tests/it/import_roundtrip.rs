//! Round trip (issue 8): import a compose file, generate the project with the real generator
//! (`generate::project`), and let `docker compose config` judge whether the original and the
//! generated base file `docker-compose.yml` say the same thing, key by key.
//!
//! How: for each compose file of `../shared/corpus`, its directory is copied twice into a
//! scratch directory. One copy runs the original; on the other the whole generated project is
//! written (build contexts, env files and bind sources the original refers to are there, the
//! generated files on top), with `.env` made from the generated `.env.example`: secret
//! placeholders filled with the design's values (what a user does), variables the example leaves
//! empty taken from the original `.env`, the example's own values (ports, `REGISTRY`, `VERSION`)
//! winning a clash, and the original `.env`'s other variables kept (keys kept verbatim still
//! interpolate them; the original's line order is kept, since dotenv values interpolate the
//! lines above). Both run through
//! `docker compose -p roundtrip --profile '*' config --format json`, so profiled services count.
//! Code: `import_roundtrip_support` runs this, `import_roundtrip_support::compare` holds the
//! normal forms below (with their own small tests).
//!
//! Compared per service: `image`, `build`, `ports`, `volumes`, `environment`, `depends_on`,
//! `healthcheck`, `profiles`, `deploy` (the keys the model represents), and under `other` every
//! further key of the original (a gap finder: `command`, `env_file`, `labels`...). A cell of the
//! table is "services agreeing / services where either side has the key".
//!
//! Normalisations — each one a documented, deliberate change of the generator, nothing else:
//! - absolute paths: compose resolves relative paths against the project directory, which is
//!   a different scratch directory for each side; both are written back as `.`.
//! - `networks` (not compared): network segmentation, every service joins its tier networks.
//! - hardening (`user`, `read_only`, `security_opt`, `cap_drop`, `cap_add`) is compared under
//!   `other` only when the original sets it; a `/tmp` tmpfs volume the original lacks is dropped
//!   (the generator adds one to a read-only root).
//! - `restart`, `logging` (rotated json-file), `pull_policy: build`, `labels` (Traefik routing)
//!   and `container_name`: compared only when the original sets them.
//! - secrets: literal values of secret variables become `${KEY:?...}` references to `.env`; the
//!   test fills `.env` with the design's values, so the resolved environment must still agree.
//!   A secret the original passes through from the shell (`KEY:` without a value) becomes
//!   required; the test sets it to a marker (`UNSET`) that compares equal to unset.
//! - `image` of a service the original only builds: the generator names built images
//!   (`${REGISTRY}/<name>:${VERSION}`); not compared.
//! - `ports`: order is irrelevant (sorted) and an explicit `0.0.0.0` is compose's default (the
//!   importer writes the address out, the generator keeps it); a data store publishes no port
//!   (dropped, as `plan::is_data_store` decides); a design that publishes nothing gets its entry
//!   service published on 127.0.0.1 (ignored when the original had no ports at all).
//! - `volumes`: order is irrelevant (sorted).
//! - `healthcheck`: missing timings are compose's defaults (30s, 30s, 3 retries, 0s).
//! - `depends_on`: a plain dependency on a service with a healthcheck becomes
//!   `condition: service_healthy`; a dependency a profile may switch off gets `required: false`.
//! - `deploy`: `replicas: 1` is no replicas.
//!
//! Not normalised (so they show as differences): anything else. Top-level `volumes`, `secrets`
//! and `configs` entries of the original must come back unchanged (column `top-level`).
//!
//! Overrides: a file compose refuses alone is compared again merged over its base (the nearest
//! `compose.yaml`/`docker-compose.yml` in its directory or above: `-f base -f override`, and the
//! importer given both in that order). A variable the original requires (`${X:?err}`) and
//! nobody sets gets the same made-up value on both sides, through the process environment.
//!
//! The tables, the files compose refuses (alone, and with their base) and every difference
//! are printed
//! (`cargo test --test it import_roundtrip:: -- --nocapture`). A file compose refuses after
//! generation counts as disagreeing on every key of every service; the differences behind the
//! refusal are still listed, read with `--no-consistency`. Asserted: at least 50 files compared,
//! the importer accepts every file compose accepts, and no key has more disagreeing services
//! than recorded in [`BASELINE`] (the known generator gaps are listed there).
//!
//! Needs the validators' `docker-compose` (no daemon): /opt/validators/venv/bin/docker-compose,
//! or `$DOCKER_COMPOSE`. Without it, or without the corpus, the test says so loudly and skips.

use crate::import_roundtrip_support::compare::KEYS;
use crate::import_roundtrip_support::{base_of, collect, docker_compose, round_trip, Outcome};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Services disagreeing per key over every comparison (files alone and overrides over their
/// base), at most: recorded on 2026-11-22 with compose v5.6.1. Lower a number when the
/// generator closes a gap; never raise one without naming the deliberate change it stands for.
/// Every key agrees today (the test prints each difference when one appears).
///
/// Closed since the first recording (71 image, 53 build, 61 ports, 20 volumes, 61 environment,
/// 54 depends_on, 53 healthcheck, 65 deploy, 66 other, 73 depends_on set, 3 refused files): the
/// `/tmp` tmpfs added next to a kept `tmpfs: /tmp` (opentelemetry-demo refused), imported
/// `nginx` images replaced by the generated proxy, inferred links written as `depends_on`, the
/// generated prometheus.yml mounted over a configuration directory of the file's own, and
/// (image 3) the generator's release-tag variable renamed `APP_VERSION` when a file already
/// uses `VERSION` (netbox-docker's `${VERSION-v4.1-3.0.2}`).
const BASELINE: &[(&str, usize)] = &[
    ("image", 0),
    ("build", 0),
    ("ports", 0),
    ("volumes", 0),
    // 2 since env files are folded into the environment (so the generated project needs none):
    // the generator writes one `.env` variable per secret key, and netbox-docker's two Valkey
    // services set REDIS_PASSWORD to different values (a known gap: per-service secret names).
    ("environment", 2),
    ("depends_on", 0),
    ("healthcheck", 0),
    ("profiles", 0),
    ("deploy", 0),
    ("other", 0),
    ("depends_on set", 0),
    ("top-level", 0),
];

/// [`round_trip`] of every job on a few threads (the machine is shared: at most 4), in order;
/// `first` numbers the scratch directories.
fn run_all(compose: &Path, jobs: &[Vec<PathBuf>], scratch: &Path, first: usize) -> Vec<Outcome> {
    let outcomes: Vec<Mutex<Option<Outcome>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(n) else { break };
                let outcome = round_trip(compose, job, scratch, first + n);
                *outcomes[n].lock().unwrap() = Some(outcome);
            });
        }
    });
    outcomes
        .into_iter()
        .map(|o| {
            o.into_inner()
                .unwrap()
                .unwrap_or_else(|| Outcome::Refused("not run".into()))
        })
        .collect()
}

fn columns() -> Vec<&'static str> {
    let mut cols = KEYS.to_vec();
    cols.extend(["other", "depends_on set", "top-level"]);
    cols
}

fn cell((agree, total): (usize, usize)) -> String {
    if total == 0 {
        "-".into()
    } else {
        format!("{agree}/{total}")
    }
}

#[test]
fn generated_base_file_says_what_the_original_says() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Some(compose) = docker_compose() else {
        eprintln!("\n!!!!!!!!!!\nSKIPPED: no docker-compose binary at /opt/validators/venv/bin/docker-compose \
            (set DOCKER_COMPOSE); the round trip through the generator was NOT measured\n!!!!!!!!!!\n");
        return;
    };
    if !corpus.is_dir() {
        eprintln!("\n!!!!!!!!!!\nSKIPPED: the corpus ../shared/corpus is absent; round trip NOT measured\n!!!!!!!!!!\n");
        return;
    }
    let mut files = Vec::new();
    collect(&corpus, &mut files);
    let scratch = std::env::temp_dir().join(format!("tierboard-roundtrip-{}", std::process::id()));
    let rel = |p: &Path| p.strip_prefix(&corpus).unwrap_or(p).display().to_string();

    // Each file alone, then each file compose refuses alone over its base file, as run.
    let singles: Vec<Vec<PathBuf>> = files.iter().map(|f| vec![f.clone()]).collect();
    let single_outcomes = run_all(&compose, &singles, &scratch, 0);
    let mut pairs = Vec::new();
    for (f, o) in files.iter().zip(&single_outcomes) {
        if let (Outcome::Refused(_), Some(base)) = (o, base_of(f, &corpus)) {
            pairs.push(vec![base, f.clone()]);
        }
    }
    let pair_outcomes = run_all(&compose, &pairs, &scratch, singles.len());
    let _ = std::fs::remove_dir_all(&scratch);

    let cols = columns();
    let mut totals: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut compared = 0;
    let mut refused = Vec::new();
    let mut regen_refused = Vec::new();
    let mut not_imported = Vec::new();
    let mut diffs = Vec::new();
    for (title, jobs, outcomes) in [
        ("each file alone", &singles, single_outcomes),
        (
            "an override merged over its base (docker compose -f base -f override)",
            &pairs,
            pair_outcomes,
        ),
    ] {
        // Cells are "services agreeing / services where either side has the key"; file last.
        println!(
            "\n{title}:\n{:>4}{}  file",
            "svc",
            cols.iter().map(|c| format!("{c:>15}")).collect::<String>()
        );
        let mut sub: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let (mut rows, mut services) = (0, 0);
        for (job, outcome) in jobs.iter().zip(outcomes) {
            let name = job.iter().map(|p| rel(p)).collect::<Vec<_>>().join(" + ");
            match outcome {
                Outcome::NotImported(e) => not_imported.push(format!("{name}: {e}")),
                Outcome::Refused(e) => refused.push(format!("{name}: {e}")),
                Outcome::Compared(c) => {
                    rows += 1;
                    services += c.services;
                    if let Some(e) = &c.regen_refused {
                        regen_refused.push(format!("{name}: {e}"));
                    }
                    let row: String = cols
                        .iter()
                        .map(|k| {
                            let v = c.cells.get(*k).copied().unwrap_or_default();
                            for t in [
                                sub.entry(k.to_string()).or_default(),
                                totals.entry(k.to_string()).or_default(),
                            ] {
                                t.0 += v.0;
                                t.1 += v.1;
                            }
                            format!("{:>15}", cell(v))
                        })
                        .collect();
                    println!("{:>4}{row}  {name}", c.services);
                    diffs.extend(c.diffs.iter().map(|d| format!("{name}: {d}")));
                }
            }
        }
        compared += rows;
        let row: String = cols
            .iter()
            .map(|k| format!("{:>15}", cell(sub.get(*k).copied().unwrap_or_default())))
            .collect();
        println!("{services:>4}{row}  TOTAL ({rows} compared)");
    }
    let row: String = cols
        .iter()
        .map(|k| format!("{:>15}", cell(totals.get(*k).copied().unwrap_or_default())))
        .collect();
    println!("\n    {row}  ALL ({compared} compared; the baseline applies to these)");
    println!(
        "\nRefused by compose on their own, not compared ({}):",
        refused.len()
    );
    for r in &refused {
        println!("  {r}");
    }
    println!(
        "\nAccepted by compose, refused by the importer ({}):",
        not_imported.len()
    );
    for r in &not_imported {
        println!("  {r}");
    }
    println!("\nDifferences ({}):", diffs.len());
    for d in &diffs {
        println!("  {d}");
    }

    assert!(compared >= 50, "only {compared} files could be compared");
    assert!(
        not_imported.is_empty(),
        "the importer refuses files compose accepts: {not_imported:#?}"
    );
    assert!(
        regen_refused.is_empty(),
        "compose refuses regenerated files: {regen_refused:#?}"
    );
    let mut regressions = Vec::new();
    for (key, allowed) in BASELINE {
        let (agree, total) = totals.get(*key).copied().unwrap_or_default();
        if total - agree > *allowed {
            regressions.push(format!(
                "{key}: {} services disagree, baseline {allowed}",
                total - agree
            ));
        }
    }
    assert!(
        regressions.is_empty(),
        "round trip below its baseline: {regressions:#?}"
    );
}

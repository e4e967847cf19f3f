//! Fuzzing on stable Rust (cargo-fuzz needs nightly, which this toolchain cannot fetch): a
//! mutation fuzzer over the three ways hostile input reaches the core, each case held to the
//! bars of issue 22 in time and in memory.
//!
//! | target    | input                                       | bar per case        |
//! |-----------|---------------------------------------------|---------------------|
//! | `share`   | link text and wire bodies (`share::fuzzing`) | 1 s, 64 MB          |
//! | `import`  | compose YAML: include/extends/anchors/env   | 2 s, 256 MB         |
//! | `generate`| designs the importer accepted, and patterns | 5 s, 1 GB           |
//!
//! Seeds: every pattern's link and body, the import fixtures and, when present, every file of
//! `../shared/corpus`. Mutations: byte flips and splices, line deletions and duplications, and
//! insertions of the constructs that once blew up (`include:` of the file itself, `extends:` of
//! the same file, YAML anchors and aliases, long `environment:` lists, `env_file:`). The
//! importer is given the mutated file as every file it refers to, so include and extends chains
//! are followed. Besides the bars, an accepted import must be a valid design.
//!
//! Memory is the peak of bytes live on this thread during the case (a counting allocator); time
//! is wall time, and a watchdog ends the run when a case takes five times its bar (a hang).
//! The case being run is written to `target/fuzz/current` first, so a crash leaves it behind;
//! a failing case is kept as `target/fuzz/fail-<target>-<n>`.
//!
//! Run: `cargo run --profile fuzz --example fuzz -- [--seconds S] [--seed N]` (`make fuzz`;
//! `make test` runs it briefly). Exit 1 when a case breaks a bar, panics or breaks an invariant.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tierboard::{catalog, generate, import, model, share};

// ---- memory: bytes live on this thread, and their peak -------------------------------------

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn account(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| {
            if now > peak.get() {
                peak.set(now);
            }
        });
    });
}

// SAFETY: every call is forwarded to `System` unchanged; the bookkeeping only reads sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            account(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        account(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            account(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

// ---- randomness: xorshift, seeded, so a run can be replayed ---------------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---- mutations ------------------------------------------------------------------------------

/// Compose constructs that stress the importer, inserted at random lines.
const COMPOSE_SNIPPETS: &[&str] = &[
    "include:\n  - fuzz.yaml\n  - fuzz.yaml\n  - fuzz.yaml\n",
    "    extends: {file: fuzz.yaml, service: a}\n",
    "    extends: a\n",
    "x-a: &a\n  image: nginx:1.27\n  environment: &e\n    A: 1\n",
    "  b:\n    <<: *a\n    environment: *e\n",
    "    env_file: [.env, {path: other.env, required: false}]\n",
    "    environment:\n      - A=1\n      - B\n      - C=${D:-x}\n",
    "    volumes:\n      - type: tmpfs\n        target: /tmp\n      - /tmp\n",
    "    ports: ['${P}:80', '8000-8010:8000-8010', '127.0.0.1::9']\n",
    "    depends_on: {zzz: {condition: service_healthy}}\n",
    "    networks: [nowhere]\n",
    "services:\n  a:\n    image: postgres:16\n",
    "    healthcheck: {test: [CMD, x], interval: $I, retries: ${R}}\n",
    "    command: !reset []\n",
    "name: ${NAME:?set}\n",
];

fn mutate_bytes(rng: &mut Rng, input: &[u8], dict: &[&[u8]]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 => {
                let piece = rng.pick(dict);
                out.splice(at..at, piece.iter().copied());
            }
            3 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(64)).min(out.len());
                let chunk = out[start..end].to_vec();
                out.splice(at..at, chunk);
            }
            4 => {
                let byte = *rng.pick(&[0u8, 0x7f, 0x80, 0xff, b'{', b'$', b'\n', b':', b'&', b'*']);
                out.insert(at, byte);
            }
            _ => {
                if let Some(i) = out.len().checked_sub(1).map(|n| rng.below(n + 1)) {
                    out[i] = rng.next() as u8;
                }
            }
        }
    }
    out
}

fn mutate_lines(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(lines.len() + 1);
        match rng.below(5) {
            0 if !lines.is_empty() => {
                lines.remove(at.min(lines.len() - 1));
            }
            1 if !lines.is_empty() => {
                let line = lines[rng.below(lines.len())].clone();
                lines.insert(at, line);
            }
            2 => {
                let n = 1 + rng.below(2000);
                let mut block = String::from("    environment:");
                for i in 0..n {
                    block.push_str(&format!("\n      V{i}: x"));
                }
                lines.insert(at, block);
            }
            _ => lines.insert(at, rng.pick(COMPOSE_SNIPPETS).trim_end().to_string()),
        }
    }
    lines.join("\n") + "\n"
}

// ---- running a case under its bars ----------------------------------------------------------

struct Bar {
    time: Duration,
    bytes: isize,
}

#[derive(Default)]
struct Stats {
    cases: u64,
    max_time: Duration,
    max_bytes: isize,
    accepted: u64,
}

struct Runner {
    out: PathBuf,
    failures: Vec<String>,
    started: Arc<AtomicU64>,
    limit_ms: Arc<AtomicU64>,
    epoch: Instant,
}

impl Runner {
    /// Runs `case` on `input`; returns what it returned (`None` when it panicked).
    fn run<T>(
        &mut self,
        target: &str,
        input: &[u8],
        bar: &Bar,
        stats: &mut Stats,
        case: impl FnOnce() -> T,
    ) -> Option<T> {
        let _ = std::fs::write(self.out.join("current"), input);
        let base = LIVE.with(Cell::get);
        PEAK.with(|p| p.set(base));
        self.limit_ms
            .store(bar.time.as_millis() as u64 * 5, Ordering::SeqCst);
        let t = Instant::now();
        self.started.store(
            t.duration_since(self.epoch).as_millis() as u64 + 1,
            Ordering::SeqCst,
        );
        let result = catch_unwind(AssertUnwindSafe(case));
        self.started.store(0, Ordering::SeqCst);
        let took = t.elapsed();
        let used = PEAK.with(Cell::get) - base;
        stats.cases += 1;
        stats.max_time = stats.max_time.max(took);
        stats.max_bytes = stats.max_bytes.max(used);
        let fail = match &result {
            Err(_) => Some("panicked".to_string()),
            Ok(_) if took > bar.time => Some(format!("took {took:?}, over {:?}", bar.time)),
            Ok(_) if used > bar.bytes => Some(format!(
                "used {} MB, over {} MB",
                used >> 20,
                bar.bytes >> 20
            )),
            Ok(_) => None,
        };
        if let Some(why) = fail {
            self.fail(target, input, &why);
        }
        result.ok()
    }

    fn fail(&mut self, target: &str, input: &[u8], why: &str) {
        let file = self
            .out
            .join(format!("fail-{target}-{}", self.failures.len()));
        let _ = std::fs::write(&file, input);
        self.failures
            .push(format!("{target}: {why} (case kept in {})", file.display()));
    }
}

fn main() {
    let mut seconds = 30u64;
    let mut seed = 0x5eed_u64;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        match (
            args[i].as_str(),
            args.get(i + 1).and_then(|v| v.parse().ok()),
        ) {
            ("--seconds", Some(v)) => seconds = v,
            ("--seed", Some(v)) => seed = v.max(1),
            _ => {
                eprintln!("usage: fuzz [--seconds S] [--seed N]");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/fuzz");
    let _ = std::fs::create_dir_all(&out);
    // Silence the default hook: a panic is a finding, reported below with its case.
    std::panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));

    let started = Arc::new(AtomicU64::new(0));
    let limit_ms = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    {
        let (started, limit_ms, out) = (started.clone(), limit_ms.clone(), out.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(100));
            let s = started.load(Ordering::SeqCst);
            if s == 0 {
                continue;
            }
            let running = epoch.elapsed().as_millis() as u64 + 1 - s;
            if running > limit_ms.load(Ordering::SeqCst) {
                eprintln!(
                    "fuzz: a case hangs ({running} ms); it is in {}",
                    out.join("current").display()
                );
                std::process::exit(1);
            }
        });
    }
    let mut runner = Runner {
        out,
        failures: Vec::new(),
        started,
        limit_ms,
        epoch,
    };
    let mut rng = Rng(seed);

    // Seeds.
    let designs: Vec<model::Design> = catalog::PATTERNS.iter().map(catalog::instantiate).collect();
    let links: Vec<String> = designs.iter().map(share::encode).collect();
    let bodies: Vec<Vec<u8>> = designs.iter().map(share::fuzzing::body).collect();
    let mut compose: Vec<String> = Vec::new();
    collect(&root.join("tests/fixtures/import"), &mut compose);
    collect(&root.join("../shared/corpus"), &mut compose);
    let share_dict: Vec<&[u8]> = vec![b"#d=1.", b"#v=1.", b"AAAA", b"____", b"%", b"&d=2."];
    let yaml_dict: Vec<&[u8]> = COMPOSE_SNIPPETS.iter().map(|s| s.as_bytes()).collect();

    let share_bar = Bar {
        time: Duration::from_secs(1),
        bytes: 64 << 20,
    };
    let import_bar = Bar {
        time: Duration::from_secs(2),
        bytes: 256 << 20,
    };
    let generate_bar = Bar {
        time: Duration::from_secs(5),
        bytes: 1 << 30,
    };
    let (mut s_share, mut s_import, mut s_generate) =
        (Stats::default(), Stats::default(), Stats::default());
    let mut accepted: Vec<model::Design> = designs.clone();

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut round = 0u64;
    while Instant::now() < deadline && runner.failures.is_empty() {
        round += 1;
        // share: mutated link text, and valid links around mutated bodies.
        let seed_link = rng.pick(&links).clone();
        let link = mutate_bytes(&mut rng, seed_link.as_bytes(), &share_dict);
        let text = String::from_utf8_lossy(&link).into_owned();
        runner.run("share", text.as_bytes(), &share_bar, &mut s_share, || {
            let _ = share::decode(&text);
            let _ = share::open(&text);
        });
        let seed_body = rng.pick(&bodies).clone();
        let body = mutate_bytes(&mut rng, &seed_body, &[b"\xff\xff\xff\x7f", b"\x00"]);
        let sealed = share::fuzzing::seal(&body);
        let decoded = runner.run("share", sealed.as_bytes(), &share_bar, &mut s_share, || {
            share::decode(&sealed)
        });
        if let Some(Ok(d)) = decoded {
            s_share.accepted += 1;
            if !model::validate(&d).is_empty() {
                runner.fail("share", sealed.as_bytes(), "decoded an invalid design");
            }
        }

        // import: line mutations with snippets, then byte mutations, every few rounds.
        if !compose.is_empty() {
            let seed_text = rng.pick(&compose).clone();
            let text = if round.is_multiple_of(3) {
                String::from_utf8_lossy(&mutate_bytes(&mut rng, seed_text.as_bytes(), &yaml_dict))
                    .into_owned()
            } else {
                mutate_lines(&mut rng, &seed_text)
            };
            let files = vec![("fuzz.yaml".to_string(), text.clone())];
            let refs = vec![
                ("fuzz.yaml".to_string(), text.clone()),
                (".env".to_string(), "A=1\nP=8080\n".to_string()),
            ];
            let result = runner.run(
                "import",
                text.as_bytes(),
                &import_bar,
                &mut s_import,
                || {
                    let imported = import::compose_with(&files, &refs);
                    let score = imported
                        .as_ref()
                        .ok()
                        .map(|i| tierboard::rules::check(&i.design));
                    (imported, score)
                },
            );
            if let Some((Ok(imported), _)) = result {
                s_import.accepted += 1;
                let problems = model::validate(&imported.design);
                if !problems.is_empty() {
                    runner.fail(
                        "import",
                        text.as_bytes(),
                        &format!("accepted an invalid design: {problems:?}"),
                    );
                } else if accepted.len() < 256 {
                    accepted.push(imported.design);
                } else {
                    let at = rng.below(accepted.len());
                    accepted[at] = imported.design;
                }
            }
        }

        // generate: an accepted design (the importer's or a pattern).
        if round.is_multiple_of(4) {
            let design = rng.pick(&accepted).clone();
            let json = design.to_json();
            let files = runner.run(
                "generate",
                json.as_bytes(),
                &generate_bar,
                &mut s_generate,
                || generate::project(&design),
            );
            if let Some(files) = files {
                s_generate.accepted += 1;
                let paths: std::collections::BTreeSet<&str> =
                    files.iter().map(|f| f.path.as_str()).collect();
                if paths.len() != files.len() {
                    runner.fail(
                        "generate",
                        json.as_bytes(),
                        "two generated files share a path",
                    );
                }
            }
        }
    }

    for (name, s, bar) in [
        ("share", &s_share, &share_bar),
        ("import", &s_import, &import_bar),
        ("generate", &s_generate, &generate_bar),
    ] {
        println!(
            "fuzz {name:<8} {:>6} cases ({:>5} accepted)  max {:>8.1} ms (bar {} ms)  max {:>6.1} MB (bar {} MB)",
            s.cases,
            s.accepted,
            s.max_time.as_secs_f64() * 1000.0,
            bar.time.as_millis(),
            s.max_bytes as f64 / 1048576.0,
            bar.bytes >> 20
        );
    }
    println!(
        "fuzz: {seconds} s, seed {seed}, {} seed compose files",
        compose.len()
    );
    if !runner.failures.is_empty() {
        for f in &runner.failures {
            eprintln!("fuzz FAILED {f}");
        }
        std::process::exit(1);
    }
}

/// Compose-looking files under `dir` (yml/yaml), sorted, at most 256 KiB each.
fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    tierboard::sorting::sort(&mut paths);
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            if let Ok(text) = std::fs::read_to_string(&p) {
                if text.len() <= 256 * 1024 {
                    out.push(text);
                }
            }
        }
    }
}

//! Generation and zip time for a 100-service design in CPU time as well as wall time (on a
//! shared machine wall time mostly measures the neighbours). `criterion` numbers: `cargo bench
//! --bench generate`. Run: `cargo run --release --example generate_timing`.

/// The CLI's allocator (src/bin/tierboard.rs), so that the figures are the CLI's.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) * 10.0
}
fn main() {
    let text = std::fs::read_to_string("tests/fixtures/stress-100.json").unwrap();
    let d = tierboard::model::Design::from_json(&text).unwrap();
    let facts = tierboard::generate::layout::Facts::of(&d);
    let n = 100;
    let (c, t) = (cpu_ms(), Instant::now());
    for _ in 0..n {
        let files = tierboard::generate::project(&d);
        std::hint::black_box(tierboard::export::zip::project_zip("x", &files).unwrap());
    }
    println!(
        "generate+zip (100 svcs): cpu {:.2} ms, wall {:?}",
        (cpu_ms() - c) / n as f64,
        t.elapsed() / n
    );
    let (c, t) = (cpu_ms(), Instant::now());
    for _ in 0..n {
        std::hint::black_box(tierboard::generate::project(&d));
    }
    println!(
        "generate only: cpu {:.2} ms, wall {:?}",
        (cpu_ms() - c) / n as f64,
        t.elapsed() / n
    );
    let (c, t) = (cpu_ms(), Instant::now());
    for _ in 0..n {
        for (_, family) in tierboard::generate::FAMILIES {
            std::hint::black_box(family(&d, &facts));
        }
    }
    println!(
        "families in sequence, one thread: cpu {:.2} ms, wall {:?}",
        (cpu_ms() - c) / n as f64,
        t.elapsed() / n
    );
    for (name, family) in tierboard::generate::FAMILIES {
        let (c, t) = (cpu_ms(), Instant::now());
        for _ in 0..n {
            std::hint::black_box(family(&d, &facts));
        }
        println!(
            "  {name}: cpu {:.2} ms, wall {:?}",
            (cpu_ms() - c) / n as f64,
            t.elapsed() / n
        );
    }
    let files = tierboard::generate::project(&d);
    let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
    println!("{} files, {} bytes", files.len(), bytes);
    let (c, t) = (cpu_ms(), Instant::now());
    for _ in 0..n {
        std::hint::black_box(tierboard::export::zip::project_zip("x", &files).unwrap());
    }
    println!(
        "zip only: cpu {:.2} ms, wall {:?}",
        (cpu_ms() - c) / n as f64,
        t.elapsed() / n
    );
}

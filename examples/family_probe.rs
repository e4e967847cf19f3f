//! Runs one generator family in a loop (for a profiler): `cargo run --release --example
//! family_probe -- compose DESIGN.json [N]`
//! (`all`: the whole project, as `generate::project` makes it).

/// The CLI's allocator (src/bin/tierboard.rs), so that the figures are the CLI's.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(name), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: family_probe FAMILY DESIGN.json [N]");
        std::process::exit(2);
    };
    let n: u32 = args
        .get(3)
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(200);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Ok(design) = tierboard::model::Design::from_json(&text) else {
        eprintln!("{path}: not a design");
        std::process::exit(2);
    };
    let facts = tierboard::generate::layout::Facts::of(&design);
    let family = tierboard::generate::FAMILIES
        .iter()
        .find(|(f, _)| f == name)
        .map(|(_, f)| *f);
    if family.is_none() && name != "all" {
        eprintln!("no family {name}");
        std::process::exit(2);
    }
    let t = std::time::Instant::now();
    for _ in 0..n {
        match family {
            Some(family) => std::hint::black_box(family(&design, &facts)),
            None => std::hint::black_box(tierboard::generate::project(&design)),
        };
    }
    println!("{name}: {:?} per run", t.elapsed() / n);
}

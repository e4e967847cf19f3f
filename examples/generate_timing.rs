//! Generation and zip time for a 100-service design in CPU time as well as wall time (on a
//! shared machine wall time mostly measures the neighbours). `criterion` numbers: `cargo bench
//! --bench generate`. Run: `cargo run --release --example generate_timing`.
use std::time::Instant;
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) * 10.0
}
fn main() {
    let text = std::fs::read_to_string("tests/fixtures/stress-30.json").unwrap();
    let base = tierboard::model::Design::from_json(&text).unwrap();
    let mut d = tierboard::model::Design::new("hundred");
    d.settings = base.settings.clone();
    for copy in 0..4u32 {
        for s in &base.services {
            if d.services.len() == 100 {
                break;
            }
            let mut s = s.clone();
            s.id = tierboard::model::ServiceId(s.id.0 + copy * 100);
            s.name = format!("{}-{copy}", s.name);
            d.services.push(s);
        }
        for l in &base.links {
            let (from, to) = (
                tierboard::model::ServiceId(l.from.0 + copy * 100),
                tierboard::model::ServiceId(l.to.0 + copy * 100),
            );
            if d.service(from).is_some() && d.service(to).is_some() {
                d.links.push(tierboard::model::Link {
                    from,
                    to,
                    ..l.clone()
                });
            }
        }
    }
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
    for (name, family) in tierboard::generate::FAMILIES {
        let (c, t) = (cpu_ms(), Instant::now());
        for _ in 0..n {
            std::hint::black_box(family(&d));
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

//! Speed of the download: every generated file plus the zip for a 100-service design (the
//! stress fixture's services repeated with fresh names and links). Target: 20 ms natively.
//! Run: `cargo bench --bench generate`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tierboard::export::zip::project_zip;
use tierboard::generate::project;
use tierboard::model::{Design, Link, ServiceId};

fn hundred_services() -> Design {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stress-30.json"
    ))
    .expect("the stress fixture exists");
    let base = Design::from_json(&text).expect("the stress fixture is valid");
    let mut d = Design::new("hundred");
    d.settings = base.settings.clone();
    for copy in 0..4u32 {
        for s in &base.services {
            if d.services.len() == 100 {
                break;
            }
            let mut s = s.clone();
            s.id = ServiceId(s.id.0 + copy * 100);
            s.name = format!("{}-{copy}", s.name);
            d.services.push(s);
        }
        for l in &base.links {
            let (from, to) = (
                ServiceId(l.from.0 + copy * 100),
                ServiceId(l.to.0 + copy * 100),
            );
            if d.service(from).is_some() && d.service(to).is_some() {
                d.links.push(Link {
                    from,
                    to,
                    ..l.clone()
                });
            }
        }
    }
    d
}

fn generate_and_zip(c: &mut Criterion) {
    let design = hundred_services();
    assert_eq!(design.services.len(), 100);
    c.bench_function("generate + zip, 100 services", |b| {
        b.iter(|| {
            let files = project(black_box(&design));
            project_zip("hundred", &files).expect("zip")
        })
    });
}

fn parts(c: &mut Criterion) {
    let design = hundred_services();
    let files = project(&design);
    c.bench_function("generate only, 100 services", |b| {
        b.iter(|| project(black_box(&design)))
    });
    c.bench_function("zip only, 100 services", |b| {
        b.iter(|| project_zip("hundred", black_box(&files)).expect("zip"))
    });
}

criterion_group!(benches, generate_and_zip, parts);
criterion_main!(benches);

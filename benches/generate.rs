//! Speed of the download: every generated file plus the zip for a 100-service design
//! (`tests/fixtures/stress-100.json`: the stress fixture's 30 services repeated with the suffixes
//! -0 to -3 and their links). Target: 20 ms natively. Run: `cargo bench --bench generate`.

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tierboard::export::zip::project_zip;
use tierboard::generate::project;
use tierboard::model::Design;

fn hundred_services() -> Design {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stress-100.json"
    ))
    .expect("the 100-service fixture exists");
    Design::from_json(&text).expect("the 100-service fixture is valid")
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

//! Benchmarks of the core's hot paths: what the UI recomputes on every edit.
//!
//! `cargo bench --bench core` (not part of `make test`; `cargo test --all-targets` runs each
//! benchmark once as a smoke test). Every pattern in the catalog is measured, so new patterns
//! are covered without touching this file.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use tierboard::catalog::{self, PATTERNS};
use tierboard::model::{self, Design};

/// Turning a pattern row into a design (what "start from a pattern" does).
fn instantiate(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalog::instantiate");
    for pattern in PATTERNS {
        group.bench_with_input(BenchmarkId::from_parameter(pattern.id), pattern, |b, p| {
            b.iter(|| catalog::instantiate(black_box(p)))
        });
    }
    group.finish();
}

/// Saving and opening a design file, and validating it (done on every open and import).
fn design_file(c: &mut Criterion) {
    let designs: Vec<Design> = PATTERNS.iter().map(catalog::instantiate).collect();
    let mut group = c.benchmark_group("design");
    for design in &designs {
        let json = design.to_json();
        group.bench_with_input(BenchmarkId::new("to_json", &design.name), design, |b, d| {
            b.iter(|| black_box(d).to_json())
        });
        group.bench_with_input(
            BenchmarkId::new("from_json", &design.name),
            &json,
            |b, j| b.iter(|| Design::from_json(black_box(j))),
        );
        group.bench_with_input(
            BenchmarkId::new("validate", &design.name),
            design,
            |b, d| b.iter(|| model::validate(black_box(d))),
        );
    }
    group.finish();
}

criterion_group!(benches, instantiate, design_file);
criterion_main!(benches);

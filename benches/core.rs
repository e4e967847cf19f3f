//! Benchmarks of the core's hot paths: what the UI recomputes on every edit.
//!
//! `cargo bench --bench core` (not part of `make test`; `cargo test --all-targets` runs each
//! benchmark once as a smoke test). Every pattern in the catalog is measured, so new patterns
//! are covered without touching this file.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use tierboard::catalog::{self, PATTERNS};
use tierboard::model::{self, Design, Image, Mount, Resources, Service, ServiceId, Tier};

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

/// 200 services over the three tiers: mixed sizes, 1-5 prod replicas, a volume on every data
/// service and an optional profile on every tenth.
fn large_design() -> Design {
    let mut d = Design::new("bench");
    for i in 0..200u32 {
        let tier = Tier::ALL[(i % 3) as usize];
        let mut s = Service::new(ServiceId(i + 1), format!("svc-{i}"), "custom", tier);
        s.image = Some(Image::new("busybox", "1.36"));
        s.resources = Resources::sized(250 * (1 + i % 8), 128 * (1 + i % 16));
        s.replicas.prod = 1 + i % 5;
        if tier == Tier::Data {
            s.volumes
                .push(Mount::named(format!("svc-{i}_data"), "/data"));
        }
        if i % 10 == 9 {
            s.profiles.push(format!("extra-{}", i % 4));
        }
        d.services.push(s);
    }
    d
}

fn plan_200_services(c: &mut Criterion) {
    let design = large_design();
    c.bench_function("planner::plan 200 services", |b| {
        b.iter(|| tierboard::planner::plan(black_box(&design)))
    });
}

/// The packing caps' worst case: 300 services x 100 node-filling replicas (30 000 replicas, past
/// both the node and the replica cap).
fn plan_capped_worst_case(c: &mut Criterion) {
    let mut design = large_design();
    design.services.truncate(0);
    for i in 0..300u32 {
        let mut s = Service::new(
            ServiceId(i + 1),
            format!("big-{i}"),
            "custom",
            Tier::Backend,
        );
        s.image = Some(Image::new("busybox", "1.36"));
        s.resources = Resources::sized(4000, 8192);
        s.resources.cpu_reservation_m = Some(4000);
        s.replicas.prod = 100;
        design.services.push(s);
    }
    c.bench_function("planner::plan capped worst case", |b| {
        b.iter(|| tierboard::planner::plan(black_box(&design)))
    });
}

/// The live checklist on the same 200 services (recomputed on every edit; target <= 1 ms), and
/// on every pattern.
fn check_rules(c: &mut Criterion) {
    let design = large_design();
    c.bench_function("rules::check 200 services", |b| {
        b.iter(|| tierboard::rules::check(black_box(&design)))
    });
    let mut group = c.benchmark_group("rules::check");
    for pattern in PATTERNS {
        let d = catalog::instantiate(pattern);
        group.bench_with_input(BenchmarkId::from_parameter(pattern.id), &d, |b, d| {
            b.iter(|| tierboard::rules::check(black_box(d)))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    instantiate,
    design_file,
    plan_200_services,
    plan_capped_worst_case,
    check_rules
);
criterion_main!(benches);

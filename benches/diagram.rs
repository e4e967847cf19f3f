//! Speed of the diagram: a full re-layout (column choice, ports, tracks, routes) of a
//! 200-service design — `tests/fixtures/stress-100.json` twice, the copy's links mirroring the
//! original's — must stay well inside one 16 ms frame. Also timed: the crossing count and Tidy
//! on the 100-service fixture, and the skeleton the board keys its layout on. Run:
//! `cargo bench --bench diagram`.

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tierboard::diagram::{crossings, layout, skeleton, tidy_order, View};
use tierboard::model::{Design, Link, ServiceId};

/// The board's area on a 1366×768 screen.
const LAPTOP: View = View {
    width: 900,
    height: 620,
};

fn hundred_services() -> Design {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stress-100.json"
    ))
    .expect("the 100-service fixture exists");
    Design::from_json(&text).expect("the 100-service fixture is valid")
}

/// The 100-service fixture and a renamed copy of it (ids shifted past the originals).
fn two_hundred_services() -> Design {
    let mut design = hundred_services();
    let shift = design.services.iter().map(|s| s.id.0).max().unwrap_or(0);
    let copies: Vec<_> = design
        .services
        .iter()
        .map(|s| {
            let mut c = s.clone();
            c.id = ServiceId(s.id.0 + shift);
            c.name = format!("{}-b", s.name);
            c
        })
        .collect();
    let links: Vec<Link> = design
        .links
        .iter()
        .map(|l| Link {
            from: ServiceId(l.from.0 + shift),
            to: ServiceId(l.to.0 + shift),
            ..l.clone()
        })
        .collect();
    design.services.extend(copies);
    design.links.extend(links);
    design
}

fn relayout(c: &mut Criterion) {
    let design = two_hundred_services();
    assert_eq!(design.services.len(), 200);
    let d = layout(&design, LAPTOP);
    assert_eq!(d.routes.len(), design.links.len());
    c.bench_function("layout, 200 services", |b| {
        b.iter(|| layout(black_box(&design), LAPTOP))
    });
    // The board keys its layout on the skeleton: an edit the layout ignores (a rename, a field)
    // costs this and a comparison instead of the layout above.
    c.bench_function("skeleton, 200 services", |b| {
        b.iter(|| skeleton(black_box(&design)))
    });
    c.bench_function("crossings, 200 services", |b| {
        b.iter(|| crossings(black_box(&d)))
    });
}

fn tidy(c: &mut Criterion) {
    let design = hundred_services();
    let mut group = c.benchmark_group("tidy");
    group.sample_size(10);
    group.bench_function("tidy order, 100 services", |b| {
        b.iter(|| tidy_order(black_box(&design), LAPTOP))
    });
    group.finish();
}

criterion_group!(benches, relayout, tidy);
criterion_main!(benches);

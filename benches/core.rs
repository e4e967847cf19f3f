//! Benchmarks of the pure core on designs larger than real ones, so the UI's live re-derivation
//! on every edit stays far inside a frame.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tierboard::model::{Design, Image, Mount, Resources, Service, ServiceId, Tier};

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
            s.volumes.push(Mount::named(format!("svc-{i}_data"), "/data"));
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
    c.bench_function("planner::plan 200 services", |b| b.iter(|| tierboard::planner::plan(black_box(&design))));
}

/// The packing caps' worst case: 300 services x 100 node-filling replicas (30 000 replicas, past
/// both the node and the replica cap).
fn plan_capped_worst_case(c: &mut Criterion) {
    let mut design = large_design();
    design.services.truncate(0);
    for i in 0..300u32 {
        let mut s = Service::new(ServiceId(i + 1), format!("big-{i}"), "custom", Tier::Backend);
        s.image = Some(Image::new("busybox", "1.36"));
        s.resources = Resources::sized(4000, 8192);
        s.resources.cpu_reservation_m = Some(4000);
        s.replicas.prod = 100;
        design.services.push(s);
    }
    c.bench_function("planner::plan capped worst case", |b| b.iter(|| tierboard::planner::plan(black_box(&design))));
}

criterion_group!(benches, plan_200_services, plan_capped_worst_case);
criterion_main!(benches);

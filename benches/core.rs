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

criterion_group!(benches, plan_200_services);
criterion_main!(benches);

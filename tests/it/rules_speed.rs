//! How long `rules::check` takes on a 200-service design. Reports a figure, asserts nothing about
//! it (timings depend on the machine). Run with
//! `cargo test --release --test it rules_speed:: -- --ignored --nocapture`.

use std::time::{Duration, Instant};
use tierboard::catalog;
use tierboard::model::{Design, Link, LinkKind, ServiceId, Tier};

/// 200 services in chains of four (proxy → api → api → db), every link declared.
fn big() -> Design {
    let mut d = Design::new("big");
    let kinds = [
        ("nginx", Tier::Frontend),
        ("python-api", Tier::Backend),
        ("python-api", Tier::Backend),
        ("postgres", Tier::Data),
    ];
    for n in 0..200u32 {
        let (kind, tier) = kinds[(n % 4) as usize];
        let k = catalog::kind(kind).expect("kind in catalog");
        let id = ServiceId(n + 1);
        let mut s = catalog::service_from_kind(k, id, &format!("{kind}-{n}"), tier);
        if n % 4 == 0 {
            s.ports = vec![tierboard::model::Port::published(8080, 10000 + n as u16)];
        }
        d.services.push(s);
        if n % 4 != 0 {
            d.links.push(Link::new(ServiceId(n), id, LinkKind::Sync));
        }
    }
    d
}

/// Worst case: 200 bare custom services (floating tag, one clashing host port, a chain of links),
/// every one failing most per-service rules.
fn bare() -> Design {
    let mut bare = Design::new("bare");
    for n in 0..200u32 {
        let mut s = tierboard::model::Service::new(
            ServiceId(n + 1),
            format!("svc-{n}"),
            "custom",
            Tier::Backend,
        );
        s.image = Some(tierboard::model::Image::new("busybox", "latest"));
        s.ports = vec![tierboard::model::Port::published(8080, 5432)];
        bare.services.push(s);
        if n > 0 {
            bare.links
                .push(Link::new(ServiceId(n + 1), ServiceId(n), LinkKind::Sync));
        }
    }
    bare
}

/// The fastest of `batches` batches of `runs` calls, per call: the least disturbed by other
/// processes on a shared machine.
fn best_of(batches: u32, runs: u32, mut f: impl FnMut()) -> Duration {
    (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..runs {
                f();
            }
            start.elapsed() / runs
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[ignore = "prints a timing; run on demand"]
fn check_200_services() {
    let d = big();
    assert!(tierboard::model::validate(&d).is_empty());
    let report = tierboard::rules::check(&d);
    let per = best_of(20, 50, || {
        std::hint::black_box(tierboard::rules::check(std::hint::black_box(&d)));
    });
    println!(
        "rules::check on 200 services, {} links: {per:?} per check (best of 20 x 50; score {}, {} failing rules)",
        d.links.len(),
        report.score,
        report.findings().count()
    );
    let bare = bare();
    let worst = best_of(20, 20, || {
        std::hint::black_box(tierboard::rules::check(std::hint::black_box(&bare)));
    });
    let r = tierboard::rules::check(&bare);
    println!(
        "worst case, 200 bare services: {worst:?} per check (score {}, {} failing rules)",
        r.score,
        r.findings().count()
    );
    let fix_all = best_of(5, 5, || {
        std::hint::black_box(tierboard::rules::fix_all(&d));
    });
    println!("rules::fix_all: {fix_all:?}");
}

#[test]
#[ignore = "prints timings; run on demand"]
fn breakdown_per_rule() {
    for d in [big(), bare()] {
        breakdown(&d);
    }
}

fn breakdown(d: &Design) {
    let d = d.clone();
    println!("-- {}", d.name);
    println!(
        "Ctx::new {:?}",
        best_of(20, 50, || {
            std::hint::black_box(tierboard::rules::Ctx::new(&d));
        })
    );
    let ctx = tierboard::rules::Ctx::new(&d);
    let mut rows = Vec::new();
    for r in tierboard::rules::RULES {
        let check = best_of(20, 50, || {
            std::hint::black_box((r.check)(&ctx));
        });
        let v = (r.check)(&ctx);
        let fix = match r.fix {
            Some(fix) => best_of(5, 20, || {
                std::hint::black_box(fix(&ctx, &v.services));
            }),
            None => Duration::ZERO,
        };
        rows.push((check, r.id, fix));
    }
    rows.sort();
    for (check, id, fix) in rows.iter().rev().take(12) {
        println!("{id:<28} check {check:?}  (full fix {fix:?})");
    }
}

//! The layout's invariants over every pattern and every compose file of the shared corpus, at
//! the board sizes people use (a portrait tablet, a 1366×768 laptop, a full-HD screen):
//! cards apart and inside their lanes, routes orthogonal, never through a card, never sharing
//! a segment, ends on a top or bottom side at distinct points clear of the connect handle,
//! and Tidy never adding crossings.

use super::crossing::{overlap, segments};
use super::*;
use crate::catalog::{instantiate, PATTERNS};
use crate::model::{Link, Service};
use std::path::{Path, PathBuf};

const VIEWS: [View; 3] = [
    View {
        width: 768,
        height: 1024,
    },
    View {
        width: 900,
        height: 620,
    },
    View {
        width: 1920,
        height: 1080,
    },
];
/// The board's area on a 1366×768 screen.
const LAPTOP: View = View {
    width: 900,
    height: 620,
};

fn inside(r: &Rect, outer: &Rect) -> bool {
    r.x >= outer.x
        && r.y >= outer.y
        && r.x + r.w <= outer.x + outer.w
        && r.y + r.h <= outer.y + outer.h
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Whether segment p–q touches rectangle `r` (closed when `closed`, else its interior only).
fn hits(p: Point, q: Point, r: &Rect, closed: bool) -> bool {
    let (x0, x1) = (p.x.min(q.x), p.x.max(q.x));
    let (y0, y1) = (p.y.min(q.y), p.y.max(q.y));
    if closed {
        x0 <= r.x + r.w && r.x <= x1 && y0 <= r.y + r.h && r.y <= y1
    } else {
        x0 < r.x + r.w && r.x < x1 && y0 < r.y + r.h && r.y < y1
            || (x0 == x1 && r.x < x0 && x0 < r.x + r.w && y0 < r.y + r.h && r.y < y1)
            || (y0 == y1 && r.y < y0 && y0 < r.y + r.h && x0 < r.x + r.w && r.x < x1)
    }
}

/// Every invariant of the module docs; `what` names the design in failure messages.
fn check_invariants(what: &str, design: &Design, d: &Diagram) {
    let drawable = design
        .links
        .iter()
        .filter(|l| {
            l.from != l.to && design.service(l.from).is_some() && design.service(l.to).is_some()
        })
        .count();
    assert_eq!(
        d.cards.len(),
        design.services.len(),
        "{what}: a card per service"
    );
    assert_eq!(d.routes.len(), drawable, "{what}: a route per link");
    assert_eq!(d.lanes.len(), 3, "{what}: three lanes");
    for (i, a) in d.cards.iter().enumerate() {
        assert_eq!((a.rect.w, a.rect.h), (CARD_W, CARD_H));
        let lane = d.lanes.iter().find(|l| l.tier == a.tier).expect("lane");
        assert!(
            inside(&a.rect, &lane.rect),
            "{what}: card {} outside its lane",
            a.id
        );
        assert!(inside(
            &a.rect,
            &Rect {
                x: 0,
                y: 0,
                w: d.width,
                h: d.height
            }
        ));
        for b in &d.cards[i + 1..] {
            assert!(
                !overlaps(&a.rect, &b.rect),
                "{what}: cards {} and {} overlap",
                a.id,
                b.id
            );
        }
    }
    let mut ends: Vec<(Point, ServiceId)> = Vec::new();
    for r in &d.routes {
        assert!(
            r.points.len() >= 2,
            "{what}: route {}→{} too short",
            r.from,
            r.to
        );
        for w in r.points.windows(2) {
            assert!(
                w[0].x == w[1].x || w[0].y == w[1].y,
                "{what}: {}→{} not orthogonal",
                r.from,
                r.to
            );
        }
        let (from, to) = (
            d.card(r.from).expect("from card"),
            d.card(r.to).expect("to card"),
        );
        for (p, card) in [(r.points[0], from), (r.points[r.points.len() - 1], to)] {
            let c = &card.rect;
            assert!(
                p.y == c.y || p.y == c.y + c.h,
                "{what}: end of {}→{} not on top/bottom of {}",
                r.from,
                r.to,
                card.id
            );
            // Clear of the corners and of the connect handle at the right middle.
            assert!(
                p.x > c.x + 8 && p.x < c.x + c.w - 8,
                "{what}: end of {}→{} at a corner",
                r.from,
                r.to
            );
            ends.push((p, card.id));
        }
        for w in r.points.windows(2) {
            for c in &d.cards {
                let own = c.id == r.from || c.id == r.to;
                assert!(
                    !hits(w[0], w[1], &c.rect, !own),
                    "{what}: {}→{} passes through card {} ({:?}-{:?}, {:?})",
                    r.from,
                    r.to,
                    c.id,
                    w[0],
                    w[1],
                    c.rect
                );
            }
        }
    }
    let mut sorted = ends.clone();
    crate::sorting::sort_by_key(&mut sorted, |&(p, id)| (p.x, p.y, id));
    for w in sorted.windows(2) {
        assert!(w[0].0 != w[1].0, "{what}: two route ends at {:?}", w[0].0);
    }
    let segs: Vec<(usize, crossing::Segment)> = d
        .routes
        .iter()
        .enumerate()
        .flat_map(|(i, r)| segments(r).map(move |s| (i, s)))
        .collect();
    for (k, (i, s)) in segs.iter().enumerate() {
        for (j, t) in &segs[k + 1..] {
            if i != j {
                assert!(
                    !overlap(s, t),
                    "{what}: routes {:?} and {:?} share a segment ({s:?}, {t:?})",
                    (d.routes[*i].from, d.routes[*i].to),
                    (d.routes[*j].from, d.routes[*j].to)
                );
            }
        }
    }
}

fn reorder(design: &Design, order: &[ServiceId]) -> Design {
    let mut d = design.clone();
    d.services = order
        .iter()
        .filter_map(|id| design.service(*id).cloned())
        .collect();
    d
}

/// Invariants at every view, Tidy's order a permutation keeping tiers, and no worse.
fn check_design(what: &str, design: &Design) {
    for view in VIEWS {
        let d = layout(design, view);
        check_invariants(
            &format!("{what} at {}x{}", view.width, view.height),
            design,
            &d,
        );
        assert_eq!(d, layout(design, view), "{what}: deterministic");
        assert_eq!(
            layout(&skeleton(design), view),
            d,
            "{what}: the layout reads only the skeleton"
        );
    }
    let order = tidy_order(design, LAPTOP);
    let mut ids: Vec<ServiceId> = design.services.iter().map(|s| s.id).collect();
    let mut got = order.clone();
    crate::sorting::sort(&mut ids);
    crate::sorting::sort(&mut got);
    assert_eq!(ids, got, "{what}: tidy order is a permutation");
    for (s, id) in design.services.iter().zip(&order) {
        assert_eq!(
            Some(s.tier),
            design.service(*id).map(|t| t.tier),
            "{what}: tiers keep their places"
        );
    }
    let tidied = reorder(design, &order);
    let before = crossings(&layout(design, LAPTOP));
    let after = crossings(&layout(&tidied, LAPTOP));
    assert!(
        after <= before,
        "{what}: tidy went from {before} to {after} crossings"
    );
    check_invariants(&format!("{what} tidied"), &tidied, &layout(&tidied, LAPTOP));
}

#[test]
fn every_pattern_keeps_the_invariants() {
    for p in PATTERNS {
        check_design(p.id, &instantiate(p));
    }
}

/// Patterns open tidied: their rows are already in the order Tidy gives.
#[test]
fn every_pattern_is_already_tidy() {
    for p in PATTERNS {
        let design = instantiate(p);
        let order: Vec<ServiceId> = design.services.iter().map(|s| s.id).collect();
        assert_eq!(
            tidy_order(&design, LAPTOP),
            order,
            "{}: reorder its rows",
            p.id
        );
    }
}

/// Per pattern at 1366×768: crossings before and after Tidy, fit scale. Run with
/// `cargo test --lib diagram::tests::pattern_table -- --nocapture`.
#[test]
fn pattern_table() {
    for p in PATTERNS {
        let design = instantiate(p);
        let d = layout(&design, LAPTOP);
        let tidied = reorder(&design, &tidy_order(&design, LAPTOP));
        let t = layout(&tidied, LAPTOP);
        if tidied.services != design.services {
            let names: Vec<&str> = tidied.services.iter().map(|s| s.name.as_str()).collect();
            println!("{} tidied: {names:?}", p.id);
        }
        println!(
            "{:<24} services {:>2} links {:>2} columns {} size {}x{} fit {:.3} crossings {} -> {} (tidied fit {:.3})",
            p.id,
            design.services.len(),
            design.links.len(),
            d.lanes[0].columns,
            d.width,
            d.height,
            d.fit_permille(LAPTOP) as f64 / 1000.0,
            crossings(&d),
            crossings(&t),
            t.fit_permille(LAPTOP) as f64 / 1000.0,
        );
    }
}

/// Card names are ~15 px at zoom 1 and must stay >= 11 px when the board fits a pattern on a
/// 1366×768 screen: the fit scale is at least 11/15.
#[test]
fn every_pattern_fits_a_laptop_board_with_readable_names() {
    for p in PATTERNS {
        let d = layout(&instantiate(p), LAPTOP);
        assert!(
            d.fit_permille(LAPTOP) * 15 >= 11 * 1000,
            "{}: fit {}‰",
            p.id,
            d.fit_permille(LAPTOP)
        );
    }
}

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    dir.is_dir().then(|| dir.to_path_buf())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    crate::sorting::sort(&mut entries);
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if path.is_dir() {
            walk(&path, out);
        } else if name.contains("compose")
            && (name.ends_with(".yml") || name.ends_with(".yaml") || name.ends_with(".yml.example"))
        {
            out.push(path);
        }
    }
}

/// Imports a compose file as the CLI does (referenced files read from beside it).
fn import(path: &Path) -> Option<Design> {
    let name = path.to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).ok()?;
    let mut queue = crate::import::referenced_files(&name, &text);
    let mut referenced: Vec<(String, String)> = Vec::new();
    while let Some(p) = queue.pop() {
        if referenced.iter().any(|(n, _)| *n == p) {
            continue;
        }
        if let Ok(t) = std::fs::read_to_string(&p) {
            queue.extend(crate::import::referenced_files(&p, &t));
            referenced.push((p, t));
        }
    }
    crate::import::compose_with(&[(name, text)], &referenced)
        .ok()
        .map(|i| i.design)
}

fn corpus_designs() -> Vec<(String, Design)> {
    let Some(dir) = corpus() else {
        eprintln!("../shared/corpus is absent: corpus layout tests skipped");
        return Vec::new();
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files
        .iter()
        .filter_map(|p| {
            let what = p.strip_prefix(&dir).unwrap_or(p).display().to_string();
            import(p).map(|d| (what, d))
        })
        .collect()
}

#[test]
fn every_corpus_import_keeps_the_invariants() {
    let designs = corpus_designs();
    for (what, design) in &designs {
        check_design(what, design);
    }
    if corpus().is_some() {
        assert!(
            designs.len() > 50,
            "only {} corpus designs imported",
            designs.len()
        );
    }
}

#[test]
fn a_wider_view_gets_more_columns() {
    let mut design = Design::new("wide");
    for i in 1..=8 {
        design.services.push(Service::new(
            ServiceId(i),
            format!("s{i}"),
            "custom",
            Tier::Backend,
        ));
    }
    let narrow = layout(
        &design,
        View {
            width: 500,
            height: 2000,
        },
    );
    let wide = layout(
        &design,
        View {
            width: 2000,
            height: 500,
        },
    );
    assert!(narrow.lanes[1].columns < wide.lanes[1].columns);
}

#[test]
fn parallel_links_of_one_card_never_merge() {
    // One backend card with four links to four data stores: four distinct routes and ends.
    let mut design = Design::new("fan");
    design
        .services
        .push(Service::new(ServiceId(1), "api", "custom", Tier::Backend));
    for i in 2..=5 {
        design.services.push(Service::new(
            ServiceId(i),
            format!("db{i}"),
            "custom",
            Tier::Data,
        ));
        design
            .links
            .push(Link::new(ServiceId(1), ServiceId(i), LinkKind::Sync));
    }
    for view in VIEWS {
        let d = layout(&design, view);
        check_invariants("fan", &design, &d);
        let starts: std::collections::BTreeSet<Point> =
            d.routes.iter().map(|r| r.points[0]).collect();
        assert_eq!(starts.len(), 4);
    }
}

#[test]
fn an_empty_design_has_three_empty_lanes() {
    let d = layout(&Design::new("empty"), LAPTOP);
    assert_eq!(d.lanes.len(), 3);
    assert!(d.cards.is_empty() && d.routes.is_empty() && d.networks.is_empty());
    assert!(d.lanes.iter().all(|l| l.rect.h > CARD_H));
}

#[test]
fn networks_follow_the_generated_compose_file() {
    let design = instantiate(crate::catalog::pattern("web-app").expect("web-app"));
    let d = layout(&design, LAPTOP);
    let files = crate::generate::project(&design);
    let base = files
        .iter()
        .find(|f| f.path == "docker-compose.yml")
        .expect("base file");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&base.contents).expect("yaml");
    let declared: Vec<String> = yaml["networks"]
        .as_mapping()
        .map(|m| {
            m.keys()
                .filter_map(|k| k.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let drawn: Vec<String> = d.networks.iter().map(|n| n.name.clone()).collect();
    let mut declared_sorted = declared.clone();
    crate::sorting::sort(&mut declared_sorted);
    let mut drawn_sorted = drawn.clone();
    crate::sorting::sort(&mut drawn_sorted);
    assert_eq!(drawn_sorted, declared_sorted);
    for n in &d.networks {
        assert_eq!(
            n.internal,
            yaml["networks"][n.name.as_str()]["internal"].as_bool() == Some(true)
        );
        for g in &n.guests {
            let s = design.service(*g).expect("guest");
            assert_ne!(s.tier, n.tier);
            let joined = &yaml["services"][s.name.as_str()]["networks"];
            let joins = joined
                .as_sequence()
                .is_some_and(|q| q.iter().any(|v| v.as_str() == Some(&n.name)))
                || joined.get(n.name.as_str()).is_some();
            assert!(joins, "{} joins {} in the compose file", s.name, n.name);
        }
    }
    assert!(
        d.networks.iter().any(|n| !n.guests.is_empty()),
        "the backend joins the data network"
    );
}

/// The 57-service Sentry import fits the laptop board without overlaps (names shrink: it is
/// the corpus's largest design).
#[test]
fn the_sentry_import_fits_without_overlaps() {
    let Some(dir) = corpus() else {
        return;
    };
    let path = dir.join("real-world/sentry-self-hosted/docker-compose.yml");
    let Some(design) = import(&path) else {
        panic!("sentry imports");
    };
    assert!(design.services.len() >= 50, "{}", design.services.len());
    let d = layout(&design, LAPTOP);
    check_invariants("sentry", &design, &d);
    assert!(d.fit_permille(LAPTOP) > 0);
    println!(
        "sentry: {} services, {}x{}, fit {}‰",
        design.services.len(),
        d.width,
        d.height,
        d.fit_permille(LAPTOP)
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// A design of `tiers.len()` services (tier per service) and links between them by index.
    fn design(tiers: &[u8], links: &[(usize, usize, bool)]) -> Design {
        let mut d = Design::new("random");
        for (i, &t) in tiers.iter().enumerate() {
            let id = ServiceId(i as u32 + 1);
            let tier = Tier::ALL[usize::from(t) % 3];
            d.services
                .push(Service::new(id, format!("s{i}"), "custom", tier));
        }
        let n = tiers.len();
        for &(a, b, async_) in links {
            let (from, to) = (ServiceId((a % n) as u32 + 1), ServiceId((b % n) as u32 + 1));
            if from != to && !d.links.iter().any(|l| l.from == from && l.to == to) {
                let kind = if async_ {
                    LinkKind::Async
                } else {
                    LinkKind::Sync
                };
                d.links.push(Link::new(from, to, kind));
            }
        }
        d
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn random_designs_keep_the_invariants(
            tiers in prop::collection::vec(0u8..3, 1..24),
            links in prop::collection::vec((0usize..64, 0usize..64, any::<bool>()), 0..40),
            width in 300i32..2400,
            height in 300i32..1600,
        ) {
            let d = design(&tiers, &links);
            let view = View { width, height };
            check_invariants("random", &d, &layout(&d, view));
            let before = crossings(&layout(&d, view));
            let tidied = tidied(&d, view);
            prop_assert!(crossings(&layout(&tidied, view)) <= before);
        }
    }
}

#[test]
fn a_grids_outline_has_the_rows_and_lanes_of_its_placement() {
    use super::grid::Grid;
    let mut designs: Vec<Design> = PATTERNS.iter().map(instantiate).collect();
    designs.extend(corpus_designs().into_iter().map(|(_, d)| d));
    // A repeated id (an invalid design) is placed, and counted, once.
    let mut repeated = instantiate(&PATTERNS[0]);
    let twin = repeated.services[0].clone();
    repeated.services.push(Service {
        tier: Tier::Data,
        ..twin
    });
    designs.push(repeated);
    for design in &designs {
        let counts = Grid::lane_counts(design);
        for columns in 0..=6 {
            let placed = Grid::place(design, columns);
            let outline = Grid::outline(&counts, columns);
            assert_eq!(
                (outline.columns, outline.rows, &outline.lanes),
                (placed.columns, placed.rows, &placed.lanes),
                "{} at {columns} columns",
                design.name
            );
        }
    }
}

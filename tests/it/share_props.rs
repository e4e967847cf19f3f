//! Properties of share links over open-ended input.
//!
//! - Round trip: `decode(encode(d)) == d` for random valid designs (names, env values with
//!   quotes, newlines and any Unicode, ports, mounts, passthrough JSON...).
//! - Totality: arbitrary text, arbitrary bytes and mutated valid links never panic, and whatever
//!   does decode is a valid design (the `restore` gate holds).
//!
//! The mutation fuzzer runs `SHARE_FUZZ_CASES` cases (10,000 by default, a few seconds);
//! `SHARE_FUZZ_CASES=1000000 cargo test --release --test it share_props::fuzz -- --nocapture` is the
//! long local run. It is deterministic (fixed seed, `SHARE_FUZZ_SEED` to vary) so a failure
//! reproduces.

use crate::share_support;

use proptest::prelude::*;
use share_support::{arb_design, kitchen_sink, patterns, problems, thirty_services};
use std::time::Instant;
use tierboard::model::Design;
use tierboard::share::{self, fuzzing};

proptest! {
    // PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_designs_survive_the_round_trip(design in arb_design()) {
        prop_assert_eq!(problems(&design), Vec::<String>::new());
        let link = share::encode(&design);
        prop_assert_eq!(share::decode(&link), Ok(design.clone()));
        prop_assert_eq!(share::open_file(&share::to_file(&design)), Ok(design));
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        assert_total(&text);
        assert_total(&format!("#d=1.{text}"));
    }

    #[test]
    fn arbitrary_base64_payloads_never_panic(payload in "[A-Za-z0-9_-]{0,400}") {
        assert_total(&format!("#d=1.{payload}"));
    }

    #[test]
    fn arbitrary_bodies_never_panic(body in prop::collection::vec(any::<u8>(), 0..300)) {
        assert_total(&fuzzing::seal(&body));
    }
}

/// Decoding returns; an `Ok` design is valid.
fn assert_total(text: &str) {
    if let Ok(design) = share::decode(text) {
        assert_eq!(
            problems(&design),
            Vec::<String>::new(),
            "decoded an invalid design from {text:?}"
        );
    }
}

/// splitmix64: a tiny deterministic generator, so that fuzz failures reproduce from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// One to four edits: replace, insert, delete, truncate, duplicate a range, or a random byte.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, alphabet: Option<&[u8]>) {
    for _ in 0..1 + rng.below(4) {
        let pick = |rng: &mut Rng| match alphabet {
            Some(a) => a[rng.below(a.len())],
            None => rng.next() as u8,
        };
        let len = bytes.len();
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                bytes[i] = pick(rng);
            }
            1 => {
                let i = rng.below(len + 1);
                bytes.insert(i, pick(rng));
            }
            2 if len > 0 => {
                bytes.remove(rng.below(len));
            }
            3 => bytes.truncate(rng.below(len + 1)),
            4 if len > 1 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(16)).min(len);
                let copy = bytes[start..end].to_vec();
                let at = rng.below(len + 1);
                bytes.splice(at..at, copy);
            }
            _ if len > 0 => {
                let i = rng.below(len);
                bytes[i] ^= 1 << rng.below(8);
            }
            _ => bytes.push(pick(rng)),
        }
    }
}

#[test]
fn fuzz_mutated_links_and_bodies() {
    let cases: u64 = std::env::var("SHARE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = std::env::var("SHARE_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let mut seeds: Vec<Design> = patterns().into_iter().map(|(_, d)| d).collect();
    seeds.push(kitchen_sink());
    seeds.push(thirty_services());
    let links: Vec<Vec<u8>> = seeds
        .iter()
        .map(|d| share::encode(d).as_bytes()[5..].to_vec())
        .collect();
    let bodies: Vec<Vec<u8>> = seeds.iter().map(fuzzing::body).collect();
    let mut rng = Rng(seed);
    let (mut opened, mut refused, mut changed_links_opened) = (0u64, 0u64, 0u64);
    let started = Instant::now();
    for case in 0..cases {
        let mut origin = None;
        let text = match case % 4 {
            // A mutated link: exercises base64, the envelope and the checksum.
            0 | 1 => {
                let which = rng.below(links.len());
                let mut payload = links[which].clone();
                mutate(
                    &mut rng,
                    &mut payload,
                    if case % 4 == 0 { Some(B64) } else { None },
                );
                origin = Some(which);
                format!("#d=1.{}", String::from_utf8_lossy(&payload))
            }
            // A mutated body with a valid envelope: exercises the wire reader and restore.
            2 => {
                let mut body = bodies[rng.below(bodies.len())].clone();
                mutate(&mut rng, &mut body, None);
                fuzzing::seal(&body)
            }
            // Random bytes as an envelope.
            _ => {
                let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
                fuzzing::wrap(&bytes)
            }
        };
        match std::panic::catch_unwind(|| share::decode(&text)) {
            Ok(Ok(design)) => {
                assert_eq!(
                    problems(&design),
                    Vec::<String>::new(),
                    "case {case} (seed {seed}) decoded an invalid design"
                );
                opened += 1;
                // A damaged link should be refused, not open to another design; the checksum
                // makes that very likely but cannot promise it, so it is counted, not asserted.
                if origin.is_some_and(|i| seeds[i] != design) {
                    changed_links_opened += 1;
                }
            }
            Ok(Err(_)) => refused += 1,
            Err(_) => panic!("case {case} (seed {seed}) panicked on {text:?}"),
        }
    }
    println!(
        "share fuzz: {cases} cases, seed {seed}, {opened} opened (valid), {refused} refused, 0 panics, \
         {changed_links_opened} damaged links opened to a different design, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

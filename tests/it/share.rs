//! Share links as a specification: links are forever (golden links), designs survive the trip,
//! every kind of bad link gets its own clear error, and the CLI speaks the same language.
//!
//! Golden links live in `tests/fixtures/links/` as `NAME.link` + `NAME.json` (the design it must
//! open to). `SHARE_GOLDEN=add cargo test --test it share::` writes links for patterns that have none
//! yet; it never rewrites an existing link — a link that stops decoding is a broken promise, to be
//! fixed in the decoder (or `share::baseline::PINS`), not in the fixture.

use crate::share_support;

use share_support::{kitchen_sink, patterns, problems, thirty_services};
use std::path::{Path, PathBuf};
use tierboard::model::Design;
use tierboard::share::{self, fuzzing, ShareError, MAX_INFLATED};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links")
}

/// The designs that must have a golden link: every pattern, plus the all-fields design.
fn golden_designs() -> Vec<(String, Design)> {
    let mut all = patterns();
    all.push(("kitchen-sink".into(), kitchen_sink()));
    all.push(("thirty-services".into(), thirty_services()));
    all
}

fn read_golden(name: &str) -> Option<(String, Design)> {
    let link = std::fs::read_to_string(golden_dir().join(format!("{name}.link"))).ok()?;
    let json = std::fs::read_to_string(golden_dir().join(format!("{name}.json"))).ok()?;
    Some((
        link.trim().to_string(),
        Design::from_json(&json).unwrap_or_else(|e| panic!("{name}.json: {e}")),
    ))
}

#[test]
fn every_pattern_has_a_golden_link() {
    let add = std::env::var("SHARE_GOLDEN").is_ok_and(|v| v == "add");
    let mut missing = Vec::new();
    for (name, design) in golden_designs() {
        if read_golden(&name).is_some() {
            continue;
        }
        if add {
            std::fs::create_dir_all(golden_dir()).unwrap();
            std::fs::write(
                golden_dir().join(format!("{name}.link")),
                share::encode(&design) + "\n",
            )
            .unwrap();
            std::fs::write(
                golden_dir().join(format!("{name}.json")),
                share::to_file(&design),
            )
            .unwrap();
        } else {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "no golden link for {missing:?}: run `SHARE_GOLDEN=add cargo test --test it share::`"
    );
}

#[test]
fn golden_links_still_open_to_the_same_designs() {
    let mut checked = 0;
    for entry in std::fs::read_dir(golden_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "link") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let (link, expected) =
                read_golden(&name).unwrap_or_else(|| panic!("{name}: .link without .json"));
            assert!(link.starts_with("#d=1."), "{name}: {link}");
            assert_eq!(
                share::decode(&link),
                Ok(expected),
                "golden link {name} no longer opens to its design \
                 (a catalog default changed? pin the old one in share::baseline::PINS)"
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} golden links found");
}

/// Links published before staging existed open with staging running what prod runs and no
/// deploy workflow: the generated project only gains files, it changes none of the old ones'
/// meaning.
#[test]
fn golden_links_from_before_staging_run_staging_like_prod() {
    for (name, _) in golden_designs() {
        let (link, _) = read_golden(&name).unwrap_or_else(|| panic!("{name}: no golden link"));
        let design = share::decode(&link).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            design.settings.deploy,
            tierboard::model::DeployTarget::None,
            "{name}"
        );
        for s in &design.services {
            assert_eq!(s.replicas.staging, None, "{name}/{}", s.name);
            assert_eq!(s.replicas.staging(), s.replicas.prod, "{name}/{}", s.name);
        }
    }
}

#[test]
fn every_pattern_and_sample_design_survives_the_round_trip() {
    for (name, design) in golden_designs() {
        assert_eq!(
            problems(&design),
            Vec::<String>::new(),
            "{name} must be a valid design to start with"
        );
        let link = share::encode(&design);
        assert_eq!(share::decode(&link), Ok(design.clone()), "{name}");
        assert_eq!(
            share::encode(&design),
            link,
            "{name}: encoding is deterministic"
        );
    }
}

#[test]
fn a_host_port_variable_survives_the_link() {
    use tierboard::model::Port;
    let mut design = kitchen_sink();
    let web = &mut design.services[0];
    web.ports = vec![
        Port {
            published_var: Some("FRONTEND_PORT".into()),
            ..Port::published(8080, 8080)
        },
        Port {
            published_var: Some("ADMIN_PORT".into()),
            host_ip: Some("0.0.0.0".into()),
            protocol: tierboard::model::Protocol::Udp,
            ..Port::internal(9000)
        },
        Port::published(81, 81),
    ];
    let link = share::encode(&design);
    assert_eq!(share::decode(&link), Ok(design.clone()));
    design.services[0].ports[0].published_var = None;
    assert_ne!(
        share::encode(&design),
        link,
        "the variable is part of the link"
    );
}

#[test]
fn a_link_opens_as_url_fragment_or_bare_parameter_even_when_wrapped() {
    let design = kitchen_sink();
    let fragment = share::encode(&design);
    let url = share::link("https://tierboard.example/app/?lang=de#old", &design);
    assert_eq!(
        url,
        format!("https://tierboard.example/app/?lang=de{fragment}")
    );
    let wrapped: String = fragment
        .chars()
        .collect::<Vec<_>>()
        .chunks(60)
        .map(|c| c.iter().collect::<String>() + "\n  ")
        .collect();
    for text in [
        url.clone(),
        fragment.clone(),
        fragment[1..].to_string(),
        wrapped,
        format!("  {url}\n"),
    ] {
        assert_eq!(share::decode(&text), Ok(design.clone()), "{text}");
    }
}

#[test]
fn text_from_a_link_stays_text() {
    // Markup, quotes and shell syntax come back byte for byte: nothing is interpreted on the way.
    let design = kitchen_sink();
    let back = share::decode(&share::encode(&design)).unwrap();
    assert_eq!(
        back.name,
        "Küchen-Spüle \"all fields\" <script>alert(1)</script>"
    );
    assert_eq!(
        back.services[0].environment[0].value,
        "héllo \"wörld\"\n第二行 $$HOME ${USER}"
    );
}

// ---- bad links: each a specific error, never a panic, never a different design ----

fn golden_link(name: &str) -> String {
    read_golden(name)
        .unwrap_or_else(|| panic!("golden link {name} missing"))
        .0
}

/// A body announcing `count` services after a one-letter name and no settings.
fn body_with_service_count(count: u64) -> Vec<u8> {
    let mut body = vec![1, b'x', 0];
    let mut n = count;
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            body.push(low);
            break;
        }
        body.push(low | 0x80);
    }
    body
}

fn check(name: &str, text: &str, expected: impl Fn(&ShareError) -> bool) {
    match share::decode(text) {
        Ok(d) => panic!("{name}: opened to {d:?}"),
        Err(e) => {
            assert!(expected(&e), "{name}: unexpected error {e:?}");
            let message = e.to_string();
            assert!(
                !message.is_empty() && !message.contains('\n'),
                "{name}: message must be one line: {message:?}"
            );
        }
    }
}

#[test]
fn bad_links_each_get_their_own_error() {
    let good = golden_link("monolith");
    let payload_start = "#d=1.".len();
    let mut flipped = good.clone().into_bytes();
    let middle = payload_start + (good.len() - payload_start) / 2;
    flipped[middle] = if flipped[middle] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).unwrap();

    check("empty", "", |e| *e == ShareError::NotALink);
    check(
        "no design parameter",
        "https://tierboard.example/#view=board",
        |e| *e == ShareError::NotALink,
    );
    check("no data", "#d=1.", |e| *e == ShareError::Truncated);
    check("truncated by half", &good[..good.len() / 2 + 3], |e| {
        *e == ShareError::Truncated
    });
    check("truncated by one character", &good[..good.len() - 1], |e| {
        *e == ShareError::Truncated
    });
    check("corrupted character", &flipped, |e| {
        *e == ShareError::Corrupted
    });
    check("unknown version", &good.replacen("d=1.", "d=9.", 1), |e| {
        *e == ShareError::UnknownVersion("9".into())
    });
    check(
        "not base64",
        &format!("{}*{}", &good[..20], &good[21..]),
        |e| {
            *e == ShareError::NotBase64 {
                position: 20 - payload_start,
                found: '*',
            }
        },
    );
    check("standard base64 alphabet", "#d=1.ab+/cd==", |e| {
        matches!(e, ShareError::NotBase64 { found: '+', .. })
    });
    check(
        "decompression bomb",
        &fuzzing::seal(&vec![0u8; 4 * MAX_INFLATED]),
        |e| {
            *e == ShareError::TooLarge {
                max_bytes: MAX_INFLATED,
            }
        },
    );
    check(
        "absurd service count",
        &fuzzing::seal(&body_with_service_count(4_000_000_000)),
        |e| matches!(e, ShareError::TooMany { what, max: 1000, .. } if what == "services"),
    );
    check(
        "service count beyond the data",
        &fuzzing::seal(&body_with_service_count(500)),
        |e| matches!(e, ShareError::Malformed(m) if m.contains("ends first")),
    );
    check(
        "absurd string length",
        &fuzzing::seal(&[0xff, 0xff, 0xff, 0xff, 0x7f]),
        |e| matches!(e, ShareError::TooMany { what, .. } if what == "design name"),
    );
    let mut trailing = fuzzing::body(&Design::new("x"));
    trailing.push(0);
    check(
        "trailing bytes",
        &fuzzing::seal(&trailing),
        |e| matches!(e, ShareError::Malformed(m) if m.contains("unexpected bytes")),
    );
    check(
        "design without a name",
        &fuzzing::seal(&fuzzing::body(&Design::new(" "))),
        |e| matches!(e, ShareError::Invalid { problem, .. } if problem.to_string().contains("needs a name")),
    );
    let mut dangling = Design::new("x");
    dangling.links.push(tierboard::model::Link::new(
        tierboard::model::ServiceId(1),
        tierboard::model::ServiceId(2),
        tierboard::model::LinkKind::Sync,
    ));
    check(
        "link to a missing service",
        &fuzzing::seal(&fuzzing::body(&dangling)),
        |e| matches!(e, ShareError::Invalid { problem, .. } if problem.to_string().contains("missing service")),
    );
}

#[test]
fn a_service_of_a_kind_this_build_lacks_is_refused() {
    // Hand-made body: one service of kind "zz" flagged as stored against catalog defaults.
    let body = [1, b'x', 0, 1, 2, b'z', b'z', 1, b'a', 1, 1, 0, 0];
    let err = share::decode(&fuzzing::seal(&body)).unwrap_err();
    assert!(
        matches!(&err, ShareError::Malformed(m) if m.contains("\"zz\"")),
        "{err:?}"
    );
}

// ---- design files ----

#[test]
fn design_files_open_through_the_same_gate() {
    let design = kitchen_sink();
    assert_eq!(share::open_file(&share::to_file(&design)), Ok(design));
    assert!(matches!(
        share::open_file("{\"name\": \"x\""),
        Err(ShareError::BadFile(_))
    ));
    assert!(matches!(
        share::open_file("{\"name\": \"x\", \"format\": 99}"),
        Err(ShareError::NewerFormat { found: 99, .. })
    ));
    let dangling = r#"{"name": "x", "links": [{"from": 1, "to": 2}]}"#;
    assert!(matches!(
        share::open_file(dangling),
        Err(ShareError::Invalid { .. })
    ));
}

// ---- CLI ----

use crate::support::tierboard;

#[test]
fn cli_share_then_open_gives_the_design_back() {
    let design = kitchen_sink();
    let shared = tierboard(&["share", "-"], &share::to_file(&design));
    assert!(
        shared.status.success(),
        "{}",
        String::from_utf8_lossy(&shared.stderr)
    );
    let fragment = String::from_utf8(shared.stdout).unwrap();
    assert!(
        fragment.starts_with("#d=1.") && fragment.ends_with('\n') && fragment.lines().count() == 1,
        "{fragment}"
    );

    let opened = tierboard(&["open", fragment.trim()], "");
    assert!(
        opened.status.success(),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert_eq!(
        Design::from_json(&String::from_utf8(opened.stdout).unwrap()),
        Ok(design.clone())
    );

    let from_stdin = tierboard(
        &["open", "-"],
        &format!("https://tierboard.example/{fragment}"),
    );
    assert_eq!(
        Design::from_json(&String::from_utf8(from_stdin.stdout).unwrap()),
        Ok(design)
    );
}

#[test]
fn cli_share_prints_a_full_link_or_its_qr_code() {
    let design = share::to_file(&thirty_services());
    let url = tierboard(
        &["share", "-", "--url", "https://tierboard.example/"],
        &design,
    );
    assert!(String::from_utf8_lossy(&url.stdout).starts_with("https://tierboard.example/#d=1."));
    let qr = tierboard(&["share", "-", "--qr"], &design);
    assert!(
        qr.status.success(),
        "{}",
        String::from_utf8_lossy(&qr.stderr)
    );
    assert!(String::from_utf8_lossy(&qr.stdout).starts_with("<svg "));
}

#[test]
fn cli_open_refuses_bad_links_with_exit_2_and_one_line() {
    for bad in ["#d=9.AAAA", "#d=1.AAAA", "#d=1.a*b", "hello", "-"] {
        let o = tierboard(&["open", bad], "");
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(err.trim_end().lines().count(), 1, "{bad}: {err}");
        assert!(o.stdout.is_empty(), "{bad}");
    }
    let o = tierboard(
        &["share", "-"],
        "{\"name\": \"x\", \"links\": [{\"from\": 1, \"to\": 2}]}",
    );
    assert_eq!(o.status.code(), Some(2));
}

/// A short link must not expand into a huge design: 104 services mounting one volume 10,000
/// times each (a 2 KB link) opened as 133 MB. The reader refuses the body once its lists exceed
/// the model's total, before building the design; and duplicate mounts are invalid anyway.
#[test]
fn a_short_link_cannot_expand_into_a_huge_design() {
    // Mounts equal to the catalog default cost one byte each in a link.
    let postgres = tierboard::catalog::kind("postgres").unwrap();
    let mut design = Design::new("amplified");
    for i in 0..25u32 {
        let mut s = tierboard::catalog::service_from_kind(
            postgres,
            tierboard::model::ServiceId(i + 1),
            &format!("db{i}"),
            tierboard::model::Tier::Data,
        );
        s.volumes = vec![s.volumes[0].clone(); 9_000];
        design.services.push(s);
    }
    let link = share::encode(&design);
    assert!(
        link.len() < 20_000,
        "the link is short: {} bytes",
        link.len()
    );
    let started = std::time::Instant::now();
    let err = share::decode(&link).unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(
        matches!(&err, ShareError::TooMany { max, .. } if *max == tierboard::model::MAX_TOTAL_ITEMS),
        "{err}"
    );
    // Within the total, the duplicates are refused by validation.
    design.services.truncate(2);
    let err = share::decode(&share::encode(&design)).unwrap_err();
    assert!(err.to_string().contains("mounted twice"), "{err}");
}

/// What `share` writes, `open` reads: a design over a list cap is not valid, so it never has a
/// link that `open` would refuse (10,001 variables or 10,001 links used to be both).
#[test]
fn designs_over_the_list_caps_are_invalid_rather_than_unopenable() {
    let mut design = thirty_services();
    design.services[0].environment = (0..=tierboard::model::MAX_ITEMS)
        .map(|i| tierboard::model::EnvVar::plain(format!("V{i}"), "x"))
        .collect();
    let problems = tierboard::model::validate(&design);
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("environment variables")),
        "{problems:?}"
    );
    assert!(share::decode(&share::encode(&design)).is_err());
}

//! The saved form of a design (`share::saved`: autosave and the recent designs keep the share
//! link) is lossless: every pattern, the all-fields designs and every design the real-world
//! corpus imports to comes back field for field (settings, extras and pass-through keys,
//! variables, board order), and so does a board saved as JSON by an earlier build once it is
//! saved again. A design a link cannot hold is left to JSON, never cut down.

use crate::import_corpus::{corpus, import_as_used, walk};
use crate::share_support::{agent_platform, kitchen_sink, patterns, thirty_services};
use tierboard::model::Design;
use tierboard::share::{self, saved, MAX_STRING};

/// `design` goes through the saved form and comes back identical.
fn check_lossless(name: &str, design: &Design) {
    let text = saved::to_saved(design).unwrap_or_else(|| panic!("{name}: no link holds it"));
    assert!(!saved::needs_json(&text), "{name}");
    assert_eq!(saved::from_saved(&text).as_ref(), Ok(design), "{name}");
    // A board an earlier build saved as JSON reads to the same design, and saves the same.
    let legacy = share::open(&share::to_file(design)).expect("the JSON opens");
    assert_eq!(
        saved::to_saved(&legacy).as_deref(),
        Some(text.as_str()),
        "{name}"
    );
}

#[test]
fn every_pattern_and_sample_design_is_saved_losslessly() {
    let mut all = patterns();
    all.push(("kitchen-sink".into(), kitchen_sink()));
    all.push(("thirty-services".into(), thirty_services()));
    all.push(("agent-platform".into(), agent_platform()));
    for (name, design) in &all {
        check_lossless(name, design);
    }
}

#[test]
fn every_corpus_import_is_saved_losslessly() {
    let Some(dir) = corpus() else {
        eprintln!(
            "SKIPPED: the corpus ../shared/corpus is absent; saved corpus designs not checked"
        );
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    let mut checked = 0;
    for path in &files {
        let Ok(imported) = import_as_used(path).0 else {
            continue;
        };
        // Only a valid design can be the board (every edit validates); the importer's output
        // is one unless it reported otherwise.
        let Ok(design) = share::restore(imported.design) else {
            continue;
        };
        check_lossless(&path.display().to_string(), &design);
        checked += 1;
    }
    eprintln!("saved form: {checked} corpus designs round-trip exactly");
    assert!(checked >= 70, "only {checked} corpus designs were checked");
}

#[test]
fn a_design_no_link_holds_is_left_to_json_whole() {
    let mut design = kitchen_sink();
    let certificate = "-----BEGIN CERTIFICATE-----".repeat(MAX_STRING / 20);
    design.variables.insert("TLS_CERT".into(), certificate);
    assert_eq!(saved::to_saved(&design), None);
    let json = share::to_file(&design);
    assert!(saved::needs_json(&json));
    assert_eq!(share::open(&json), Ok(design));
}

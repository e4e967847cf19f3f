//! Lossless round trip (issue 19): a generated `docker-compose.yml` carries its design
//! (`x-tierboard`), so design → generate → import gives the design back exactly (secret values
//! emptied, as every generated file has them), whether the base file is imported alone or with
//! the generated overrides beside it. Checked for every pattern starter, the stress designs and
//! every design the corpus imports to; `-- --nocapture` prints the counts.

use super::import_corpus::{corpus, import_as_used, walk};
use tierboard::catalog::{instantiate, PATTERNS};
use tierboard::generate::{self, without_secret_values};
use tierboard::import;
use tierboard::model::Design;

/// `design` → its generated compose files → import: the base alone, then all four.
fn round_trip(design: &Design) -> Result<(), String> {
    let files: Vec<(String, String)> = generate::project(design)
        .into_iter()
        .filter(|f| f.path.starts_with("docker-compose"))
        .map(|f| (format!("project/{}", f.path), f.contents))
        .collect();
    let base: Vec<(String, String)> = files
        .iter()
        .filter(|(n, _)| n.ends_with("/docker-compose.yml"))
        .cloned()
        .collect();
    let mut all = base.clone();
    all.extend(
        files
            .iter()
            .filter(|(n, _)| !n.ends_with("/docker-compose.yml"))
            .cloned(),
    );
    let expected = without_secret_values(design);
    for given in [&base, &all] {
        let back = import::compose(given).map_err(|e| e.to_string())?;
        if back.design != expected {
            return Err(format!(
                "{} file(s) imported to another design: {:?}",
                given.len(),
                back.notices
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

#[test]
fn every_pattern_and_stress_design_comes_back_exactly() {
    let mut designs: Vec<Design> = PATTERNS.iter().map(instantiate).collect();
    for fixture in ["stress-30.json", "stress-100.json"] {
        let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        designs.push(Design::from_json(&text).unwrap());
    }
    for d in &designs {
        round_trip(d).unwrap_or_else(|e| panic!("{}: {e}", d.name));
    }
    println!(
        "round trip: {} of {} designs exact",
        designs.len(),
        designs.len()
    );
}

#[test]
fn every_corpus_design_comes_back_exactly() {
    let Some(dir) = corpus() else {
        eprintln!("SKIPPED: the corpus ../shared/corpus is absent; corpus round trip not measured");
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    let (mut exact, mut imported, mut failures) = (0, 0, Vec::new());
    for path in &files {
        let Ok(first) = import_as_used(path).0 else {
            continue;
        };
        imported += 1;
        match round_trip(&first.design) {
            Ok(()) => exact += 1,
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    println!("corpus round trip: {exact} of {imported} imported designs exact");
    assert!(failures.is_empty(), "{failures:#?}");
}

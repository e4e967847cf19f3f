use super::*;
use crate::catalog::{instantiate, PATTERNS};
use crate::generate::{compose_files_of, without_secret_values};
use crate::i18n::Lang;
use crate::model::Design;

fn base_of(design: &Design) -> (String, String) {
    let base = compose_files_of(design)
        .into_iter()
        .find(|f| f.path == "docker-compose.yml")
        .expect("a base file");
    (format!("shop/{}", base.path), base.contents)
}

fn import(files: &[(String, String)]) -> Imported {
    super::super::compose_with(files, &[]).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_generated_base_file_gives_its_design_back_exactly() {
    for design in PATTERNS.iter().map(instantiate) {
        let imported = import(&[base_of(&design)]);
        assert_eq!(
            imported.design,
            without_secret_values(&design),
            "{}",
            design.name
        );
        assert!(imported.carried);
        assert_eq!(imported.notices.len(), 1, "{:?}", imported.notices);
        assert!(imported.notices[0].render(Lang::En).contains("restored"));
    }
}

#[test]
fn the_generated_overrides_beside_it_add_nothing() {
    let design = instantiate(&PATTERNS[0]);
    let mut files: Vec<(String, String)> = compose_files_of(&design)
        .into_iter()
        .map(|f| (format!("shop/{}", f.path), f.contents))
        .collect();
    // Base first, as compose takes them.
    crate::sorting::sort_by_key(&mut files, |(n, _)| !n.ends_with("/docker-compose.yml"));
    let imported = import(&files);
    assert_eq!(imported.design, without_secret_values(&design));
    assert_eq!(
        imported
            .notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Ignored)
            .count(),
        files.len() - 1
    );
}

#[test]
fn hand_edits_are_applied_on_top_of_the_carried_design() {
    let design = crate::catalog::starter();
    let db = design
        .services
        .iter()
        .find(|s| s.kind == "postgres")
        .expect("the starter has postgres");
    let (name, text) = base_of(&design);
    let old_image = db.image.as_ref().unwrap().reference();
    assert!(text.contains(&old_image));
    let edited = text.replace(&old_image, "postgres:17.2-alpine") + "";
    // A service added by hand at the end of `services:` (before `networks:`).
    let edited = edited.replacen(
        "\nnetworks:",
        "\n  mailpit:\n    image: axllent/mailpit:v1.21\nnetworks:",
        1,
    );
    let imported = import(&[(name, edited)]);
    let d = &imported.design;
    let back = d.service_by_name(&db.name).unwrap();
    assert_eq!(
        back.image.as_ref().unwrap().reference(),
        "postgres:17.2-alpine"
    );
    assert_eq!((back.id, back.tier, &back.kind), (db.id, db.tier, &db.kind));
    assert!(
        d.service_by_name("mailpit").is_some(),
        "the added service is on the board"
    );
    // Everything else is the carried design's.
    let mut expected = without_secret_values(&design);
    expected
        .services
        .iter_mut()
        .find(|s| s.id == db.id)
        .unwrap()
        .image = back.image.clone();
    let mut without_added = d.clone();
    without_added.services.retain(|s| s.name != "mailpit");
    assert_eq!(without_added, expected);
    let said: Vec<String> = imported
        .notices
        .iter()
        .map(|n| n.render(Lang::En))
        .collect();
    assert!(
        said.iter()
            .any(|n| n.contains(&db.name) && n.contains("image")),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .any(|n| n.contains("mailpit") && n.contains("added")),
        "{said:#?}"
    );
    let de = imported
        .notices
        .iter()
        .map(|n| n.render(Lang::De))
        .collect::<Vec<_>>();
    assert!(de.iter().any(|n| n.contains("von Hand")), "{de:#?}");
}

#[test]
fn a_removed_service_leaves_the_board() {
    let design = crate::catalog::starter();
    let (name, text) = base_of(&design);
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let mut doc = doc;
    let victim = design.services.last().unwrap().name.clone();
    doc["services"]
        .as_mapping_mut()
        .unwrap()
        .remove(victim.as_str());
    for (_, s) in doc["services"].as_mapping_mut().unwrap().iter_mut() {
        if let Some(deps) = s.get_mut("depends_on").and_then(|d| d.as_mapping_mut()) {
            deps.remove(victim.as_str());
        }
    }
    let imported = import(&[(name, serde_yaml::to_string(&doc).unwrap())]);
    assert!(imported.design.service_by_name(&victim).is_none());
    assert_eq!(imported.design.services.len(), design.services.len() - 1);
    assert!(validate(&imported.design).is_empty());
}

#[test]
fn an_unreadable_payload_is_said_and_the_compose_keys_imported() {
    let design = crate::catalog::starter();
    let (name, text) = base_of(&design);
    let broken = text.replace("design: d=1.", "design: d=1.AAAA");
    let imported = import(&[(name, broken)]);
    assert_eq!(imported.design.services.len(), design.services.len());
    assert!(imported.notices[0]
        .render(Lang::En)
        .contains("cannot be read"));
    assert!(!imported.design.extra.contains_key(KEY));
}

//! Fixes improve the generated project, not only the score: applying a rule's fix to a flawed
//! design changes at least one generated file.

use tierboard::catalog;
use tierboard::edit::apply;
use tierboard::model::{Design, EnvVar, Mount, MountKind, Port, RestartPolicy};
use tierboard::rules;

/// The monolith starter with something wrong in most fixable ways.
fn flawed() -> Design {
    let mut d = catalog::instantiate(catalog::pattern("monolith").expect("the monolith pattern"));
    d.extra.insert("servics".into(), serde_json::json!({}));
    for s in &mut d.services {
        match s.name.as_str() {
            "proxy" => {
                s.ports = vec![Port {
                    host_ip: Some("0.0.0.0".into()),
                    ..Port::published(8080, 5432)
                }];
                s.hardening.privileged = true;
                s.hardening.no_new_privileges = false;
                s.hardening.user = Some("0".into());
            }
            "app" => {
                s.healthcheck = None;
                s.restart = RestartPolicy::No;
                s.resources = Default::default();
                s.hardening.cap_drop_all = false;
                s.hardening.read_only_root = false;
                s.hardening.seccomp_unconfined = true;
                s.hardening.pid = Some("host".into());
                s.volumes.push(Mount {
                    kind: MountKind::Anonymous,
                    source: String::new(),
                    target: "/cache".into(),
                    read_only: false,
                    size: None,
                });
                s.volumes.push(Mount::bind("./uploads", "/uploads"));
                s.environment.push(EnvVar::plain("JWT_SECRET", "changeme"));
                s.extra.insert("frobnicate".into(), serde_json::json!(true));
            }
            "db" => {
                s.ports = vec![Port::published(5432, 15432)];
                s.image.as_mut().expect("postgres has an image").tag = "latest".into();
                s.volumes.retain(|m| m.kind != MountKind::Named);
                s.environment
                    .iter_mut()
                    .filter(|e| e.secret)
                    .for_each(|e| e.value = "pw".into());
            }
            _ => {}
        }
    }
    d
}

/// The generated files but those that carry the design itself (the design file and the SVG
/// with the design in its metadata): any edit changes those, so they prove nothing here.
fn artefacts(d: &Design) -> Vec<tierboard::generate::GeneratedFile> {
    let echoes = [
        tierboard::generate::layout::design_file(d),
        tierboard::generate::layout::ARCHITECTURE_SVG.to_string(),
    ];
    let mut files = tierboard::generate::project(d);
    files.retain(|f| !echoes.contains(&f.path));
    files
}

#[test]
fn every_fix_changes_the_generated_files() {
    let d = flawed();
    let before = artefacts(&d);
    if before.is_empty() {
        eprintln!("the generator families are not merged yet: nothing to compare");
        return;
    }
    let report = rules::check(&d);
    let mut unchanged = Vec::new();
    let mut checked = 0;
    // Its artefact is the design file and share link: the generated files never held the value.
    // db-not-published: the generator never publishes a data store whatever the design says, so
    // the fix protects the design (and what an importer or a later edit would keep), not the files.
    let design_only = ["secret-values-not-stored", "db-not-published"];
    for r in report
        .findings()
        .filter(|r| r.fixable && !design_only.contains(&r.rule))
    {
        let command = rules::fix(&d, r.rule).expect("fixable");
        let after = artefacts(&apply(&d, command).expect("the fix applies"));
        if after == before {
            unchanged.push(r.rule);
        }
        checked += 1;
    }
    assert!(
        checked >= 20,
        "the flawed monolith exercises most fixes ({checked})"
    );
    assert_eq!(
        unchanged,
        Vec::<&str>::new(),
        "fixes that change only the score"
    );
}

//! From commit to production: the release workflow, the deploy workflow of each target and the
//! runbook that documents them, as golden files (`tests/fixtures/golden/release/<target>/`,
//! `UPDATE_GOLDEN=1 cargo test --test it generate_release::` rewrites them); and the promise that
//! makes them fit together: every image `docker-compose.prod.yml` and
//! `docker-compose.staging.yml` pull is a pinned public image or one `release.yml` builds and
//! pushes under that exact name, tagged with the release version.

use crate::support::check_golden;
use serde_yaml::Value;
use tierboard::catalog::{instantiate, pattern, PATTERNS};
use tierboard::generate::{self, GeneratedFile};
use tierboard::model::{DeployTarget, Design};

const RELEASE: &str = ".github/workflows/release.yml";
const DEPLOY: &str = ".github/workflows/deploy.yml";

fn file<'a>(files: &'a [GeneratedFile], path: &str) -> &'a str {
    &files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} is generated"))
        .contents
}

#[test]
fn golden_release_and_deploy_files_for_every_target() {
    for target in DeployTarget::ALL {
        let mut design = instantiate(pattern("microservices").unwrap());
        design.settings.deploy = target;
        let files: Vec<GeneratedFile> = generate::project(&design)
            .into_iter()
            .filter(|f| [RELEASE, DEPLOY, "docs/docker-operations.md"].contains(&f.path.as_str()))
            .collect();
        assert_eq!(
            files.iter().any(|f| f.path == DEPLOY),
            target != DeployTarget::None,
            "{target:?}"
        );
        check_golden("golden/release", target.id(), &files);
    }
}

/// `(image without tag, versioned)` of every entry the release workflow pushes.
fn pushed(release: &str) -> Vec<(String, bool)> {
    let y: Value = serde_yaml::from_str(release).expect("release.yml is YAML");
    let Some(include) = y["jobs"]["publish"]["strategy"]["matrix"]["include"].as_sequence() else {
        return Vec::new();
    };
    include
        .iter()
        .map(|e| {
            (
                e["image"].as_str().unwrap().to_string(),
                e["versioned"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// The images a compose file pulls, by service.
fn images(compose: &str) -> Vec<(String, String)> {
    let y: Value = serde_yaml::from_str(compose).expect("compose file is YAML");
    y["services"]
        .as_mapping()
        .unwrap()
        .iter()
        .filter_map(|(name, s)| {
            Some((
                name.as_str()?.to_string(),
                s.get("image")?.as_str()?.to_string(),
            ))
        })
        .collect()
}

fn check_images_are_published(name: &str, design: &Design) {
    let files = generate::project(design);
    let registry = generate::layout::registry(design);
    let var = generate::layout::version_var(design);
    let pushed = pushed(file(&files, RELEASE));
    // The base file names every service's image; the overlays replace those of built services.
    let base: Vec<(String, String)> = images(file(&files, "docker-compose.yml"));
    for overlay in ["docker-compose.prod.yml", "docker-compose.staging.yml"] {
        let over = images(file(&files, overlay));
        for (service, base_image) in &base {
            let image = over
                .iter()
                .find(|(s, _)| s == service)
                .map_or(base_image, |(_, i)| i);
            let versioned_prefix = format!("${{REGISTRY:-{registry}}}/");
            if let Some(rest) = image.strip_prefix(&versioned_prefix) {
                let (repository, tag) = rest.split_once(':').unwrap();
                assert_eq!(
                    tag,
                    format!("${{{var}:?set {var} to the release tag}}"),
                    "{name} {overlay} {service}"
                );
                assert!(
                    pushed.contains(&(format!("{registry}/{repository}"), true)),
                    "{name} {overlay} {service}: {image} is not pushed by the release ({pushed:?})"
                );
            } else if pushed.contains(&(image.clone(), false)) {
                // built from source and pushed under the design's own name
            } else {
                let tag = image.rsplit_once(':').map(|(_, t)| t).unwrap_or("");
                assert!(
                    !image.contains('$')
                        && !tag.is_empty()
                        && tag != "latest"
                        && tag.chars().any(|c| c.is_ascii_digit()),
                    "{name} {overlay} {service}: {image} is neither pinned nor released"
                );
            }
        }
    }
}

#[test]
fn every_image_the_production_like_files_pull_is_pinned_or_released() {
    let mut designs: Vec<(String, Design)> = PATTERNS
        .iter()
        .map(|p| (p.id.to_string(), instantiate(p)))
        .collect();
    designs.push((
        "stress-30".into(),
        Design::from_json(include_str!("../fixtures/stress-30.json")).unwrap(),
    ));
    let mut own_registry = instantiate(pattern("agent-platform").unwrap());
    own_registry.settings.registry = "registry.example.com/acme/".into();
    designs.push(("own-registry".into(), own_registry));
    let mut checked = 0;
    for (name, design) in &designs {
        check_images_are_published(name, design);
        checked += pushed(file(&generate::project(design), RELEASE)).len();
    }
    assert!(checked > 10, "only {checked} released images were checked");
}

#[test]
fn a_design_without_built_services_publishes_nothing_and_still_deploys() {
    let mut design = Design::new("public");
    let k = tierboard::catalog::kind("postgres").unwrap();
    design.services.push(tierboard::catalog::service_from_kind(
        k,
        tierboard::model::ServiceId(1),
        "db",
        tierboard::model::Tier::Data,
    ));
    design.settings.deploy = DeployTarget::ComposeSsh;
    let files = generate::project(&design);
    let release: Value = serde_yaml::from_str(file(&files, RELEASE)).unwrap();
    assert!(release["jobs"].get("publish").is_none());
    assert_eq!(
        release["jobs"]["deploy-production"]["needs"],
        serde_yaml::from_str::<Value>("[version]").unwrap()
    );
    check_images_are_published("public", &design);
}

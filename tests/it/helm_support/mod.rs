//! Designs the Helm and Swarm tests share: every pattern starter, the 30-service stress design,
//! and seed 003's agent platform with its autoscaling plan (HPA min 2 / max 10 at 70 % CPU on
//! the gateway and the LLM patch service).

#![allow(dead_code)]

use tierboard::catalog::{instantiate, PATTERNS};
use tierboard::generate::{project, GeneratedFile};
use tierboard::model::{Autoscaling, Design};

pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn stress() -> Design {
    let text = std::fs::read_to_string(fixture("stress-30.json")).expect("stress fixture");
    Design::from_json(&text).expect("stress fixture parses")
}

/// Seed 003: autoscaling on the gateway and the LLM patch service.
pub fn seed_003() -> Design {
    let mut d = instantiate(tierboard::catalog::pattern("agent-platform").expect("pattern"));
    d.name = "seed-003".into();
    for s in d
        .services
        .iter_mut()
        .filter(|s| s.name == "gateway" || s.name == "llm-patch")
    {
        s.autoscaling = Some(Autoscaling {
            min: 2,
            max: 10,
            cpu_target_pct: 70,
        });
    }
    d
}

/// `(case name, design)` for every golden and validation case.
pub fn cases() -> Vec<(String, Design)> {
    let mut out: Vec<(String, Design)> = PATTERNS
        .iter()
        .map(|p| (p.id.to_string(), instantiate(p)))
        .collect();
    out.push(("stress-30".into(), stress()));
    out.push(("seed-003".into(), seed_003()));
    out
}

/// The generated files of the chart (`helm/`) and the stack file family.
pub fn helm_and_stack(design: &Design) -> Vec<GeneratedFile> {
    project(design)
        .into_iter()
        .filter(|f| {
            f.path.starts_with("helm/")
                || f.path == "docker-stack.yml"
                || f.path == "docs/docker-swarm.md"
        })
        .collect()
}

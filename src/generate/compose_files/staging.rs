//! `docker-compose.staging.yml`, used as `docker compose -f docker-compose.yml -f
//! docker-compose.staging.yml up -d` on the staging host (seed 000's Staging, seed 003's staging
//! override): production-like, so a release is tried where it behaves as in production before
//! it gets there. Registry images of `${VERSION}` (required), the base's limits, secrets from
//! files, and the staging replica count of each service (`Replicas::staging`, prod's unless the
//! design sets fewer).
//!
//! It is the prod file built with other counts (`prod::production_like`): every invariant of the
//! prod file holds here too.

use super::model::ComposeFile;
use super::plan::ComposePlan;
use super::prod;

pub fn file(plan: &ComposePlan) -> ComposeFile {
    prod::production_like(plan, |s| s.replicas.staging())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};
    use crate::generate::compose_files::writer;

    fn yaml(design: &crate::model::Design) -> (String, String) {
        let plan = ComposePlan::new(design, "VERSION");
        (
            writer::to_yaml(&file(&plan)).unwrap(),
            writer::to_yaml(&prod::file(&plan)).unwrap(),
        )
    }

    #[test]
    fn staging_is_the_prod_file_until_the_design_sets_staging_replicas() {
        let design = instantiate(pattern("agent-platform").unwrap());
        let (staging, prod) = yaml(&design);
        assert_eq!(staging, prod);
    }

    #[test]
    fn staging_replicas_change_only_the_replica_lines() {
        let mut design = instantiate(pattern("agent-platform").unwrap());
        let llm = design
            .services
            .iter_mut()
            .find(|s| s.name == "llm-patch")
            .unwrap();
        assert_eq!(llm.replicas.prod, 5);
        llm.replicas.staging = Some(2);
        let (staging, prod) = yaml(&design);
        let differ: Vec<(&str, &str)> = staging
            .lines()
            .zip(prod.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(differ, [("      replicas: 2", "      replicas: 5")]);
        assert!(staging.contains("${VERSION:?"), "{staging}");
        assert!(!staging.contains("build:\n"), "{staging}");
    }
}

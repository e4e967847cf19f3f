//! Swarm family (being written).
use super::GeneratedFile;
use crate::model::Design;

pub fn files(_design: &Design) -> Vec<GeneratedFile> {
    Vec::new()
}

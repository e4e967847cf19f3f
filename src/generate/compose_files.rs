//! Compose family: docker-compose base/override/prod/ci, `.env.example`, ignore files.
//! (Being written.)

use super::GeneratedFile;
use crate::model::Design;

pub fn files(_design: &Design) -> Vec<GeneratedFile> {
    Vec::new()
}

//! Project family: Dockerfiles and app stubs, nginx.conf, prometheus.yml, CI workflow, docs,
//! smoke test, README. (Being written.)

use super::GeneratedFile;
use crate::model::Design;

pub fn files(_design: &Design) -> Vec<GeneratedFile> {
    Vec::new()
}

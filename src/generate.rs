//! Generation of the project the user takes home: typed models serialised by serde_yaml (never
//! string-glued YAML) and text files rendered from the design. `project` is pure and
//! deterministic: the same design gives byte-identical files, sorted by path.
//!
//! Two families, each a tree of one-generator-per-file modules:
//! - `compose_files`: docker-compose base/override/prod/ci, `.env.example`, ignore files, secrets README;
//! - `project_files`: Dockerfiles and app stubs, nginx.conf, prometheus.yml, CI workflow, docs,
//!   smoke test, README;
//! - `helm_files`: the Helm chart `helm/<project>/` (Deployments/StatefulSets, Services, Ingress,
//!   HPA, PDB, NetworkPolicies, ConfigMaps) with typed values files;
//! - `stack_files`: the Docker Swarm stack file `docker-stack.yml` and its operations doc.
//!
//! `layout` fixes the paths both families refer to, so a compose `build.context` always names a
//! directory the other family writes.
//!
//! Architecture invariant: every path comes from `layout` and is made of sanitised components;
//! nothing the user types can produce `..`, an absolute path or odd characters.

pub mod compose_files;
pub mod helm_files;
pub mod layout;
mod project_files;
mod stack_files;

use crate::model::Design;

/// One file of the generated project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path with `/` separators.
    pub path: String,
    pub contents: String,
    /// Scripts get the executable bit in the zip.
    pub executable: bool,
}

impl GeneratedFile {
    pub fn text(path: impl Into<String>, contents: impl Into<String>) -> Self {
        GeneratedFile { path: path.into(), contents: contents.into(), executable: false }
    }
    pub fn script(path: impl Into<String>, contents: impl Into<String>) -> Self {
        GeneratedFile { path: path.into(), contents: contents.into(), executable: true }
    }
}

/// Every file of the project for `design`, sorted by path.
pub fn project(design: &Design) -> Vec<GeneratedFile> {
    let mut files = compose_files::files(design);
    files.extend(project_files::files(design));
    files.extend(helm_files::files(design));
    files.extend(stack_files::files(design));
    let copies = helm_files::config_copies(design, &files);
    files.extend(copies);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    files
}

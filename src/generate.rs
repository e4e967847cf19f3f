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
//! `shared` owns what several families need (Compose-format values, secrets as files, the
//! YAML 1.1 file policy): families call its functions and never read each other's output.
//!
//! `yaml_text` writes every YAML model with the quoting YAML 1.1 readers and dclint need (each
//! family brings its policy). `layout` fixes the paths both families refer to, so a compose
//! `build.context` always names a directory the other family writes.
//!
//! Architecture invariant: every path comes from `layout` and is made of sanitised components;
//! nothing the user types can produce `..`, an absolute path or odd characters.

pub mod compose_files;
mod headers;
pub mod helm_files;
pub mod layout;
pub mod networks;
mod project_files;
mod shared;
mod stack_files;
mod words;
pub mod yaml_text;

use crate::model::Design;
use layout::Facts;

/// The headings of the English `docs/docker-operations.md` that a German or French doc must not
/// keep (the words that are the same in every language, such as "Services", are not listed).
pub const OPS_DOC_ENGLISH_HEADINGS: &[&str] = project_files::ops_doc::texts::ENGLISH_HEADINGS;

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
        GeneratedFile {
            path: path.into(),
            contents: contents.into(),
            executable: false,
        }
    }
    pub fn script(path: impl Into<String>, contents: impl Into<String>) -> Self {
        GeneratedFile {
            path: path.into(),
            contents: contents.into(),
            executable: true,
        }
    }
}

/// A family of generators: its name and the files it writes for a design.
pub type Family = (&'static str, fn(&Design, &Facts) -> Vec<GeneratedFile>);

/// The families `project` runs, in order (public so that benchmarks can time each one).
pub const FAMILIES: [Family; 4] = [
    ("compose", compose_files::files),
    ("project", project_files::files),
    ("helm", helm_files::files),
    ("stack", stack_files::files),
];

/// Every file of the project for `design`, sorted by path.
pub fn project(design: &Design) -> Vec<GeneratedFile> {
    let mut files = run_families(design, &Facts::of(design));
    // Paths are unique by construction (service names never clash: `model::names_clash`);
    // tests hold every pattern and corpus import to it, so nothing is dropped here.
    crate::sorting::sort_by(&mut files, |a, b| a.path.cmp(&b.path));
    files
}

/// The families one after the other (the browser has one thread).
#[cfg(target_arch = "wasm32")]
fn run_families(design: &Design, facts: &Facts) -> Vec<GeneratedFile> {
    FAMILIES
        .iter()
        .flat_map(|(_, family)| family(design, facts))
        .collect()
}

/// Native builds (the CLI) split the families over two threads: helm and stack files on a
/// scoped thread, compose and project files here (about the same work each: 61 and 52 million
/// instructions on the 100-service benchmark). The families are pure and independent, and
/// `project` sorts the result, so the output is the same as in sequence. A panic in a family (a
/// bug) is raised again here, as it would be without the thread.
#[cfg(not(target_arch = "wasm32"))]
fn run_families(design: &Design, facts: &Facts) -> Vec<GeneratedFile> {
    let [compose, project, helm, stack] = FAMILIES.map(|(_, family)| family);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| {
            let mut files = helm(design, facts);
            files.extend(stack(design, facts));
            files
        });
        let mut files = compose(design, facts);
        files.extend(project(design, facts));
        files.extend(
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        files
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, PATTERNS};

    fn assert_unique_paths(design: &Design) {
        let files = project(design);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        if let Some(w) = paths.windows(2).find(|w| w[0] == w[1]) {
            panic!("{}: {} is generated twice", design.name, w[0]);
        }
    }

    #[test]
    fn every_generated_path_is_unique() {
        for p in PATTERNS {
            assert_unique_paths(&instantiate(p));
        }
        for fixture in [
            include_str!("../tests/fixtures/stress-30.json"),
            include_str!("../tests/fixtures/stress-100.json"),
        ] {
            assert_unique_paths(&Design::from_json(fixture).unwrap());
        }
    }
}

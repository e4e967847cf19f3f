//! The Helm chart as the issue specifies it (seed 003's move from one host to Kubernetes).

mod helm_support;

use helm_support::*;

/// `TIERBOARD_WRITE_DIR=/some/dir cargo test --test generate_helm write_projects` writes every
/// case's whole project there, for `validate-project`. Without the variable it does nothing.
#[test]
fn write_projects() {
    let Ok(dir) = std::env::var("TIERBOARD_WRITE_DIR") else { return };
    for (name, design) in cases() {
        let root = std::path::Path::new(&dir).join(&name);
        write_all(&root, &tierboard::generate::project(&design));
    }
}

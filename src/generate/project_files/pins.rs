//! Every version the generated project pins, in one table: base images, the CI action and the
//! scanner. Tags are exact (never `latest`, never a floating minor) so that a build today and a
//! build next month start from the same bytes; Renovate or Dependabot can bump them in one place
//! of the generated files because each appears verbatim.
//!
//! Invariant: each tag below exists on its registry, and each action SHA is the commit of the
//! tag named beside it (a wrong pair is worse than a tag: it looks pinned and is not).

/// Python runtime and build image (seed 004's `python:3.11-slim`, hardened and pinned).
pub const PYTHON: &str = "python:3.12.12-slim-bookworm";
/// Node runtime and build image (also the build stage of static sites).
pub const NODE: &str = "node:22.21.1-alpine3.22";
/// Go build image; the runtime is `scratch`.
pub const GO: &str = "golang:1.25.4-alpine3.22";
/// Rust build image; the runtime is `scratch` (statically linked binary).
pub const RUST: &str = "rust:1.91.1-slim-bookworm";
/// Java build image (javac, jar) and runtime image; Alpine, so busybox `wget` serves the
/// healthcheck without starting a second JVM.
pub const JAVA_JDK: &str = "eclipse-temurin:21.0.9_10-jdk-alpine";
pub const JAVA_JRE: &str = "eclipse-temurin:21.0.9_10-jre-alpine";
/// JUnit's console launcher (JUnit 5 platform), fetched by CI to run the Java stub's unit tests
/// with `javac` alone; a Maven Central release never changes once published.
pub const JUNIT_CONSOLE: &str = "1.11.3";
/// nginx without root: listens above 1024, writes only below /tmp.
pub const NGINX: &str = "nginxinc/nginx-unprivileged:1.29.3-alpine";
/// Image scanner run as a container in CI (no third-party action to pin).
pub const TRIVY: &str = "aquasec/trivy:0.67.2";

/// The numeric user every generated image ends with (non-root, >= 10000 so that it never
/// collides with a host or base-image account).
pub const APP_USER: &str = "10001:10001";

/// A GitHub Action pinned to the full commit SHA of a release tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    pub repo: &'static str,
    pub sha: &'static str,
    pub version: &'static str,
}

impl Action {
    /// The `uses:` value (`owner/repo@<sha>`); the version goes in a trailing comment.
    pub fn uses(&self) -> String {
        format!("{}@{}", self.repo, self.sha)
    }
}

/// actions/checkout v4.2.2.
pub const CHECKOUT: Action = Action {
    repo: "actions/checkout",
    sha: "11bd71901bbe5b1630ceea73d27597364c9af683",
    version: "v4.2.2",
};

/// Every action the workflow uses (the writer appends `# <version>` to each `uses:` line).
pub const ACTIONS: &[Action] = &[CHECKOUT];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_carry_exact_tags() {
        for image in [PYTHON, NODE, GO, RUST, JAVA_JDK, JAVA_JRE, NGINX, TRIVY] {
            let (_, tag) = image.rsplit_once(':').unwrap_or((image, ""));
            assert!(
                tag.chars().next().is_some_and(|c| c.is_ascii_digit()),
                "{image}: tag must start with a version"
            );
            assert!(
                tag.matches('.').count() >= 2,
                "{image}: tag must be a full version"
            );
        }
    }

    #[test]
    fn actions_are_pinned_to_full_shas() {
        for a in ACTIONS {
            assert_eq!(a.sha.len(), 40, "{}", a.repo);
            assert!(
                a.sha
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
                "{}",
                a.repo
            );
            assert!(a.version.starts_with('v'), "{}", a.repo);
        }
    }
}

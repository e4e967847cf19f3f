//! The compose keys a rule's finding is about, so that an annotation lands on the line that
//! needs changing (`ports:` for a published database, `image:` for a floating tag) rather than
//! on the service name. A rule missing here, or a key the service does not set, points at the
//! service itself — which is where the missing key belongs.
//!
//! Kept beside the report writers, not in the rule descriptors: it describes compose input,
//! which the rules (working on the model) know nothing of.

/// Compose keys for rule `id`, most specific first.
pub fn compose_keys(rule_id: &str) -> &'static [&'static str] {
    match rule_id {
        "no-dependency-cycles" | "healthy-dependencies" => &["depends_on"],
        "no-shared-volumes"
        | "no-shared-writable-binds"
        | "no-docker-socket"
        | "no-sensitive-host-paths"
        | "appropriate-volumes"
        | "no-anonymous-volumes"
        | "bind-mounts-dev-only" => &["volumes"],
        "tiers-isolated" => &["networks"],
        "db-not-published"
        | "ports-bound-to-interface"
        | "no-privileged-host-ports"
        | "no-common-host-ports"
        | "compose-up-works" => &["ports"],
        "unique-container-names" => &["container_name"],
        "secrets-externalised" | "secret-values-not-stored" | "env-vars-defined" => {
            &["environment", "env_file"]
        }
        "pinned-image-tags" | "image-or-build" => &["image"],
        "non-root-user" => &["user"],
        "no-new-privileges" | "security-profiles-enabled" => &["security_opt"],
        "cap-drop-all" => &["cap_drop", "cap_add"],
        "read-only-root" => &["read_only"],
        "no-privileged" => &["privileged"],
        "no-host-network" => &["network_mode"],
        "no-host-namespaces" => &["pid", "ipc", "uts", "userns_mode"],
        "resources-limited" => &["deploy", "mem_limit", "cpus"],
        "pids-limited" => &["pids_limit", "deploy"],
        "optimised-builds" | "build-sources-included" => &["build"],
        "healthchecks" => &["healthcheck"],
        "restart-policy" => &["restart", "deploy"],
        "centralised-logging" => &["logging"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{rule, RULES};

    #[test]
    fn every_id_named_here_is_a_rule() {
        // The ids are matched as text: a renamed or mistyped id would silently lose its keys.
        let source = include_str!("rule_keys.rs");
        let table = &source[..source.find("#[cfg(test)]").unwrap_or(source.len())];
        for quoted in table.split('"').skip(1).step_by(2) {
            if quoted.contains('-') {
                assert!(rule(quoted).is_some(), "{quoted} is not a rule id");
            }
        }
        assert!(RULES.iter().any(|r| !compose_keys(r.id).is_empty()));
    }
}

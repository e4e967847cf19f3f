//! Kubernetes names for the services of a design.
//!
//! A compose service is reached by its name (`db`, `http://app:8000`), and the design's
//! environment values and generated configs (nginx upstreams, Prometheus targets) say so. The
//! chart therefore names each Kubernetes Service exactly like the compose service, so those
//! addresses keep working in the cluster. Compose allows `_`, `.` and upper case, a Service name
//! (RFC 1035 label) does not: such names are lowered and their odd characters become `-`; only
//! then do addresses differ, and the chart README lists them.
//!
//! Invariant: every service gets a distinct valid label (at most 63 characters, a letter first,
//! `[a-z0-9-]`, no trailing `-`), stable for a given design.

use crate::model::{Design, ServiceId};
use std::collections::{BTreeMap, BTreeSet};

/// Longest Kubernetes object name used: 63 (DNS label), minus room for a `-NN` suffix.
const MAX: usize = 60;

/// The RFC 1035 label for `text`: lower case, `[a-z0-9-]`, a letter first, no `-` at the ends.
pub fn dns_label(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        let c = c.to_ascii_lowercase();
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    if !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out.insert_str(0, "s-");
    }
    out.truncate(MAX);
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() || trimmed == "s" {
        return "service".to_string();
    }
    trimmed.to_string()
}

/// Distinct Kubernetes names for every service, in board order: the label of the compose name,
/// then `-2`, `-3`... when two names lower to the same label.
pub fn service_names(design: &Design) -> BTreeMap<ServiceId, String> {
    let mut used = BTreeSet::new();
    let mut out = BTreeMap::new();
    for s in &design.services {
        let base = dns_label(&s.name);
        let name = if used.contains(&base) {
            (2u32..)
                .map(|n| format!("{base}-{n}"))
                .find(|c| !used.contains(c))
                .unwrap_or(base)
        } else {
            base
        };
        used.insert(name.clone());
        out.insert(s.id, name);
    }
    out
}

/// A container port name (IANA service name: at most 15 characters, a letter in it).
pub fn port_name(protocol: crate::model::Protocol, port: u16) -> String {
    match protocol {
        crate::model::Protocol::Tcp => format!("tcp-{port}"),
        crate::model::Protocol::Udp => format!("udp-{port}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Service, Tier};

    #[test]
    fn compose_names_that_are_labels_stay_as_they_are() {
        assert_eq!(dns_label("users-db"), "users-db");
        assert_eq!(dns_label("llm-patch"), "llm-patch");
    }

    #[test]
    fn odd_characters_become_dashes_and_a_letter_comes_first() {
        assert_eq!(dns_label("My_App.v2"), "my-app-v2");
        assert_eq!(dns_label("9lives"), "s-9lives");
        assert_eq!(dns_label("__"), "service");
        assert_eq!(dns_label(&"x".repeat(100)).len(), MAX);
    }

    #[test]
    fn colliding_labels_get_a_counter() {
        let mut d = Design::new("x");
        d.services.push(Service::new(
            ServiceId(1),
            "api_v1",
            "custom",
            Tier::Backend,
        ));
        d.services.push(Service::new(
            ServiceId(2),
            "api.v1",
            "custom",
            Tier::Backend,
        ));
        let names = service_names(&d);
        assert_eq!(names[&ServiceId(1)], "api-v1");
        assert_eq!(names[&ServiceId(2)], "api-v1-2");
    }
}

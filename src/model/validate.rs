//! Structural validity of a design: what every edit preserves and every import or link restore
//! checks. (Quality — the checklist — is `rules`' business, not this module's.)

use super::{check_env_key, check_service_name, Design, MountKind};
use std::collections::BTreeSet;
use std::fmt;

/// Largest number of services a design may hold (a guard against absurd input, far above real use).
pub const MAX_SERVICES: usize = 1000;

/// Most elements in one list of a design: a service's ports, variables, mounts, command words,
/// profiles, build arguments, healthcheck words; the design's links. Share links use the same
/// caps (`share::wire`), so every valid design has a link that opens.
pub const MAX_ITEMS: usize = 10_000;

/// Most list elements in a whole design, all lists together: what a short link may expand to
/// is bounded by this, not only by its own length (104 services of 10,000 mounts each made a
/// 2 KB link open as 133 MB).
pub const MAX_TOTAL_ITEMS: usize = 200_000;

/// One reason a design is not valid; `service` names the service concerned, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub service: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.service {
            Some(s) => write!(f, "service {s:?}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Every structural problem of the design, in a stable order; empty = valid.
pub fn validate(design: &Design) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut general = |message: String| {
        problems.push(Problem {
            service: None,
            message,
        })
    };
    if design.name.trim().is_empty() {
        general("the design needs a name".into());
    }
    if design.services.len() > MAX_SERVICES {
        general(format!(
            "{} services is more than the {MAX_SERVICES} a design may hold",
            design.services.len()
        ));
    }
    if design.links.len() > MAX_ITEMS {
        general(format!(
            "{} links is more than the {MAX_ITEMS} a design may hold",
            design.links.len()
        ));
    }
    if design.variables.len() > MAX_ITEMS {
        general(format!(
            "{} variables is more than the {MAX_ITEMS} a design may hold",
            design.variables.len()
        ));
    }
    for (name, value) in &design.variables {
        if !super::interpolation::is_name(name) {
            general(format!("{name:?} is not a variable name"));
        } else if value.contains(['\n', '\r']) {
            general(format!("the value of variable {name} spans several lines"));
        }
    }
    let total = design.links.len()
        + design.variables.len()
        + design.services.iter().map(item_count).sum::<usize>();
    if total > MAX_TOTAL_ITEMS {
        general(format!(
            "{total} list entries (ports, variables, mounts, links...) is more than the {MAX_TOTAL_ITEMS} a design may hold"
        ));
    }
    let mut ids = BTreeSet::new();
    // By slug: two names that generate into one folder clash.
    let mut names = std::collections::BTreeMap::new();
    for s in &design.services {
        let mut problem = |message: String| {
            problems.push(Problem {
                service: Some(s.name.clone()),
                message,
            })
        };
        if let Err(e) = check_service_name(&s.name) {
            problem(format!("invalid name: {e}"));
        }
        if !ids.insert(s.id) {
            problem(format!("id {} is used twice", s.id.0));
        }
        if let Some(other) = names.insert(super::slug(&s.name), s.name.as_str()) {
            problem(if other == s.name {
                "the name is used twice".into()
            } else {
                super::NameError::Clash {
                    name: s.name.clone(),
                    other: other.to_string(),
                }
                .to_string()
            });
        }
        if s.image.is_none() && s.build.is_none() {
            problem("needs an image or a build".into());
        }
        if let Some(image) = &s.image {
            if image.name.trim().is_empty() || image.name.contains(char::is_whitespace) {
                problem(format!("invalid image name {:?}", image.name));
            }
        }
        let mut keys = BTreeSet::new();
        for e in &s.environment {
            if let Err(err) = check_env_key(&e.key) {
                problem(format!("environment key {:?}: {err}", e.key));
            }
            if !keys.insert(e.key.as_str()) {
                problem(format!("environment key {:?} is set twice", e.key));
            }
        }
        for p in &s.ports {
            if p.container == 0 || p.published == Some(0) {
                problem("port 0 is not a port".into());
            }
        }
        for (what, len) in lists(s) {
            if len > MAX_ITEMS {
                problem(format!(
                    "{len} {what} is more than the {MAX_ITEMS} a service may hold"
                ));
            }
        }
        let mut targets = BTreeSet::new();
        for m in &s.volumes {
            if !targets.insert(m.target.as_str()) {
                problem(format!("{:?} is mounted twice", m.target));
            }
            if !m.target.starts_with('/') {
                problem(format!(
                    "mount target {:?} must be an absolute path",
                    m.target
                ));
            }
            if m.kind == MountKind::Named && check_service_name(&m.source).is_err() {
                problem(format!(
                    "volume name {:?} must match [a-zA-Z0-9][a-zA-Z0-9_.-]*",
                    m.source
                ));
            }
            if m.kind == MountKind::Bind && m.source.is_empty() {
                problem(format!("bind mount to {:?} needs a host path", m.target));
            }
        }
        if [
            s.replicas.dev,
            s.replicas.ci,
            s.replicas.prod,
            s.replicas.staging(),
        ]
        .iter()
        .any(|&n| n > 100)
        {
            problem("at most 100 replicas per environment".into());
        }
        if let Some(a) = s.autoscaling {
            if a.min == 0 || a.min > a.max || a.cpu_target_pct == 0 || a.cpu_target_pct > 100 {
                problem("autoscaling needs 1 <= min <= max and a CPU target of 1-100 %".into());
            }
        }
        for p in &s.profiles {
            if check_service_name(p).is_err() {
                problem(format!("invalid profile name {p:?}"));
            }
        }
    }
    let mut seen = BTreeSet::new();
    for l in &design.links {
        let name = |id| design.service(id).map(|s| s.name.clone());
        match (name(l.from), name(l.to)) {
            (Some(a), Some(b)) => {
                if l.from == l.to {
                    problems.push(Problem {
                        service: Some(a),
                        message: "links to itself".into(),
                    });
                } else if !seen.insert((l.from, l.to)) {
                    problems.push(Problem {
                        service: Some(a),
                        message: format!("links to {b:?} twice"),
                    });
                }
            }
            _ => problems.push(Problem {
                service: None,
                message: format!(
                    "link {} -> {} refers to a missing service",
                    l.from.0, l.to.0
                ),
            }),
        }
    }
    problems
}

/// A service's lists and their lengths (what [`MAX_ITEMS`] caps).
fn lists(s: &super::Service) -> [(&'static str, usize); 7] {
    [
        ("ports", s.ports.len()),
        ("environment variables", s.environment.len()),
        ("mounts", s.volumes.len()),
        ("command words", s.command.len()),
        ("profiles", s.profiles.len()),
        (
            "build arguments",
            s.build.as_ref().map_or(0, |b| b.args.len()),
        ),
        (
            "healthcheck words",
            s.healthcheck.as_ref().map_or(0, |h| h.test.len()),
        ),
    ]
}

fn item_count(s: &super::Service) -> usize {
    lists(s).iter().map(|(_, n)| n).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Image, Link, LinkKind, Service, ServiceId, Tier};

    fn svc(id: u32, name: &str) -> Service {
        let mut s = Service::new(ServiceId(id), name, "custom", Tier::Backend);
        s.image = Some(Image::new("busybox", "1.36"));
        s
    }

    #[test]
    fn a_valid_design_has_no_problems() {
        let mut d = Design::new("x");
        d.services = vec![svc(1, "a"), svc(2, "b")];
        d.links
            .push(Link::new(ServiceId(1), ServiceId(2), LinkKind::Sync));
        assert_eq!(validate(&d), vec![]);
    }

    #[test]
    fn duplicate_names_ids_and_dangling_links_are_reported() {
        let mut d = Design::new("x");
        d.services = vec![svc(1, "a"), svc(1, "a")];
        d.links
            .push(Link::new(ServiceId(1), ServiceId(9), LinkKind::Sync));
        let messages: Vec<String> = validate(&d).iter().map(|p| p.to_string()).collect();
        assert!(
            messages.iter().any(|m| m.contains("id 1 is used twice")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("name is used twice")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("missing service")),
            "{messages:?}"
        );
    }

    #[test]
    fn names_that_would_share_a_generated_folder_clash() {
        for (a, b) in [("api", "API"), ("a.b", "a-b"), ("web", "web-")] {
            let mut d = Design::new("x");
            d.services = vec![svc(1, a), svc(2, b)];
            let messages: Vec<String> = validate(&d).iter().map(|p| p.to_string()).collect();
            assert!(
                messages
                    .iter()
                    .any(|m| m.contains("same folder") && m.contains(a) && m.contains(b)),
                "{a} / {b}: {messages:?}"
            );
        }
        let mut d = Design::new("x");
        d.services = vec![svc(1, "api"), svc(2, "api2"), svc(3, "api_2")];
        assert_eq!(validate(&d), vec![], "distinct slugs do not clash");
    }

    #[test]
    fn a_service_needs_an_image_or_a_build() {
        let mut d = Design::new("x");
        d.services = vec![Service::new(ServiceId(1), "a", "custom", Tier::Backend)];
        assert!(validate(&d)[0].message.contains("image or a build"));
    }
}

//! Structural validity of a design: what every edit preserves and every import or link restore
//! checks. (Quality — the checklist — is `rules`' business, not this module's.)

use super::texts;
use super::{check_env_key, check_service_name, Design, MountKind};
use crate::i18n::{Lang, Message, Text};
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

/// One reason a design is not valid; `service` names the service concerned, if any. The
/// message is language-free: `render` says it in the reader's language, `Display` in English
/// (the CLI's JSON and logs).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub service: Option<String>,
    pub message: Message,
}

impl Problem {
    pub fn render(&self, lang: Lang) -> String {
        match &self.service {
            Some(s) => texts::IN_SERVICE.fill(
                lang,
                &[
                    ("service", &crate::i18n::quote(s)),
                    ("problem", &self.message.render(lang)),
                ],
            ),
            None => self.message.render(lang),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// "{count} {what} is more than the {max} a design (or service) may hold".
fn too_many(text: Text, count: usize, what: Text, max: usize) -> Message {
    Message::plain(text)
        .arg("count", count.to_string())
        .arg("what", what)
        .arg("max", max.to_string())
}

/// A message with one verbatim value, Rust-quoted (`"api"`).
fn quoting(text: Text, name: &'static str, value: &str) -> Message {
    Message::plain(text).arg(name, crate::i18n::quote(value))
}

/// Every structural problem of the design, in a stable order; empty = valid.
pub fn validate(design: &Design) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut general = |message: Message| {
        problems.push(Problem {
            service: None,
            message,
        })
    };
    if design.name.trim().is_empty() {
        general(Message::plain(texts::NEEDS_NAME));
    }
    if design.services.len() > MAX_SERVICES {
        general(too_many(
            texts::TOO_MANY,
            design.services.len(),
            texts::SERVICES,
            MAX_SERVICES,
        ));
    }
    if design.links.len() > MAX_ITEMS {
        general(too_many(
            texts::TOO_MANY,
            design.links.len(),
            texts::LINKS,
            MAX_ITEMS,
        ));
    }
    if design.variables.len() > MAX_ITEMS {
        general(too_many(
            texts::TOO_MANY,
            design.variables.len(),
            texts::VARIABLES,
            MAX_ITEMS,
        ));
    }
    for (name, value) in &design.variables {
        if !super::interpolation::is_name(name) {
            general(quoting(texts::NOT_A_VARIABLE, "name", name));
        } else if value.contains(['\n', '\r']) {
            general(Message::plain(texts::MULTILINE_VALUE).arg("name", name.as_str()));
        }
    }
    let total = design.links.len()
        + design.variables.len()
        + design.services.iter().map(item_count).sum::<usize>();
    if total > MAX_TOTAL_ITEMS {
        general(too_many(
            texts::TOO_MANY,
            total,
            texts::LIST_ENTRIES,
            MAX_TOTAL_ITEMS,
        ));
    }
    let mut ids = BTreeSet::new();
    // By slug: two names that generate into one folder clash.
    let mut names = std::collections::BTreeMap::new();
    for s in &design.services {
        let mut problem = |message: Message| {
            problems.push(Problem {
                service: Some(s.name.clone()),
                message,
            })
        };
        if let Err(e) = check_service_name(&s.name) {
            problem(Message::plain(texts::INVALID_NAME).arg("why", e.message()));
        }
        if !ids.insert(s.id) {
            problem(Message::plain(texts::ID_TWICE).arg("id", s.id.0.to_string()));
        }
        if let Some(other) = names.insert(super::slug(&s.name), s.name.as_str()) {
            problem(if other == s.name {
                Message::plain(texts::NAME_TWICE)
            } else {
                super::NameError::Clash {
                    name: s.name.clone(),
                    other: other.to_string(),
                }
                .message()
            });
        }
        if s.image.is_none() && s.build.is_none() {
            problem(Message::plain(texts::NEEDS_IMAGE_OR_BUILD));
        }
        if let Some(image) = &s.image {
            if image.name.trim().is_empty() || image.name.contains(char::is_whitespace) {
                problem(quoting(texts::INVALID_IMAGE, "image", &image.name));
            }
        }
        let mut keys = BTreeSet::new();
        for e in &s.environment {
            if let Err(err) = check_env_key(&e.key) {
                problem(quoting(texts::ENV_KEY_INVALID, "key", &e.key).arg("why", err.message()));
            }
            if !keys.insert(e.key.as_str()) {
                problem(quoting(texts::ENV_KEY_TWICE, "key", &e.key));
            }
        }
        for p in &s.ports {
            if p.container == 0 || p.published == Some(0) {
                problem(Message::plain(texts::PORT_ZERO));
            }
            if p.random_host && p.published.is_some() {
                problem(
                    Message::plain(texts::PORT_RANDOM_AND_FIXED)
                        .arg("container", p.container.to_string()),
                );
            }
            if let Some(var) = &p.published_var {
                if let Err(err) = check_env_key(var) {
                    problem(
                        quoting(texts::PORT_VARIABLE_INVALID, "name", var)
                            .arg("container", p.container.to_string())
                            .arg("why", err.message()),
                    );
                }
            }
        }
        for (what, len) in lists(s) {
            if len > MAX_ITEMS {
                problem(too_many(texts::TOO_MANY_IN_SERVICE, len, what, MAX_ITEMS));
            }
        }
        let mut targets = BTreeSet::new();
        for m in &s.volumes {
            if !targets.insert(m.target.as_str()) {
                problem(quoting(texts::MOUNTED_TWICE, "target", &m.target));
            }
            if !m.target.starts_with('/') {
                problem(quoting(texts::TARGET_NOT_ABSOLUTE, "target", &m.target));
            }
            if m.kind == MountKind::Named && check_service_name(&m.source).is_err() {
                problem(quoting(texts::VOLUME_NAME, "name", &m.source));
            }
            if m.kind == MountKind::Bind && m.source.is_empty() {
                problem(quoting(texts::BIND_NEEDS_SOURCE, "target", &m.target));
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
            problem(Message::plain(texts::TOO_MANY_REPLICAS));
        }
        if let Some(a) = s.autoscaling {
            if a.min == 0 || a.min > a.max || a.cpu_target_pct == 0 || a.cpu_target_pct > 100 {
                problem(Message::plain(texts::BAD_AUTOSCALING));
            }
        }
        for p in &s.profiles {
            if check_service_name(p).is_err() {
                problem(quoting(texts::INVALID_PROFILE, "name", p));
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
                        message: Message::plain(texts::LINKS_ITSELF),
                    });
                } else if !seen.insert((l.from, l.to)) {
                    problems.push(Problem {
                        service: Some(a),
                        message: quoting(texts::LINKS_TWICE, "other", &b),
                    });
                }
            }
            _ => problems.push(Problem {
                service: None,
                message: Message::plain(texts::LINK_MISSING)
                    .arg("from", l.from.0.to_string())
                    .arg("to", l.to.0.to_string()),
            }),
        }
    }
    problems
}

/// A service's lists and their lengths (what [`MAX_ITEMS`] caps).
fn lists(s: &super::Service) -> [(Text, usize); 7] {
    [
        (texts::PORTS, s.ports.len()),
        (texts::ENVIRONMENT, s.environment.len()),
        (texts::MOUNTS, s.volumes.len()),
        (texts::COMMAND_WORDS, s.command.len()),
        (texts::PROFILES, s.profiles.len()),
        (
            texts::BUILD_ARGS,
            s.build.as_ref().map_or(0, |b| b.args.len()),
        ),
        (
            texts::HEALTHCHECK_WORDS,
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
        assert!(validate(&d)[0].to_string().contains("image or a build"));
    }

    #[test]
    fn a_host_port_variable_must_be_an_env_name() {
        let mut d = Design::new("x");
        let mut s = svc(1, "web");
        s.ports = vec![crate::model::Port {
            published_var: Some("WEB_PORT".into()),
            ..crate::model::Port::internal(80)
        }];
        d.services = vec![s.clone()];
        assert_eq!(
            validate(&d),
            vec![],
            "a variable without a default is valid"
        );
        s.ports[0].published_var = Some("9WEB-PORT".into());
        d.services = vec![s];
        let problems = validate(&d);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].to_string().contains("\"9WEB-PORT\""));
        assert!(problems[0].render(Lang::De).contains("Host-Port-Variable"));
    }
}

//! `apply`: the pure function behind every edit.

use super::texts;
use super::Command;
use crate::catalog;
use crate::i18n::{Lang, Text};
use crate::model::{
    check_service_name, validate, Design, Link, NameError, Problem, ServiceId, Tier,
};
use std::fmt;

/// Why a command was refused. The design is unchanged.
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    NoSuchService(ServiceId),
    UnknownKind(String),
    UnknownPattern(String),
    Name(NameError),
    SelfLink,
    DuplicateLink,
    NoSuchLink,
    /// A new order that does not name every service exactly once.
    NotAPermutation,
    /// The result would not be a valid design (the first problem found).
    Invalid(Problem),
}

impl EditError {
    /// The reason in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let quoted = |text: Text, name: &str, value: &str| {
            text.fill(lang, &[(name, &crate::i18n::quote(value))])
        };
        match self {
            EditError::NoSuchService(id) => {
                texts::NO_SUCH_SERVICE.fill(lang, &[("id", &id.to_string())])
            }
            EditError::UnknownKind(k) => quoted(texts::UNKNOWN_KIND, "kind", k),
            EditError::UnknownPattern(p) => quoted(texts::UNKNOWN_PATTERN, "pattern", p),
            EditError::Name(e) => e.message().render(lang),
            EditError::SelfLink => texts::SELF_LINK.get(lang).to_string(),
            EditError::DuplicateLink => texts::DUPLICATE_LINK.get(lang).to_string(),
            EditError::NoSuchLink => texts::NO_SUCH_LINK.get(lang).to_string(),
            EditError::NotAPermutation => texts::NOT_A_PERMUTATION.get(lang).to_string(),
            EditError::Invalid(p) => p.render(lang),
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl From<NameError> for EditError {
    fn from(e: NameError) -> Self {
        EditError::Name(e)
    }
}

/// The id `Command::AddService` gives the service it adds to `design`: the shell selects the new
/// card by it. One owner of that choice, so the board and the core never disagree.
pub fn new_service_id(design: &Design) -> ServiceId {
    design.next_id()
}

/// Apply `command` to `design`, returning the new design or why it was refused.
pub fn apply(design: &Design, command: Command) -> Result<Design, EditError> {
    let mut next = design.clone();
    run(&mut next, command)?;
    if let Some(problem) = validate(&next).into_iter().next() {
        return Err(EditError::Invalid(problem));
    }
    Ok(next)
}

fn run(d: &mut Design, command: Command) -> Result<(), EditError> {
    match command {
        Command::AddService {
            kind,
            tier,
            index,
            name,
        } => {
            let k = catalog::kind(&kind).ok_or(EditError::UnknownKind(kind))?;
            let name = match name {
                Some(n) => free_name(d, None, n)?,
                None => d.unique_name(k.default_name),
            };
            let service = catalog::service_from_kind(k, new_service_id(d), &name, tier);
            insert(d, service, index);
        }
        Command::InsertService { service, index } => {
            let mut service = *service;
            service.name = free_name(d, None, service.name)?;
            if d.service(service.id).is_some() {
                service.id = d.next_id();
            }
            insert(d, service, index);
        }
        Command::RemoveService { id } => {
            let pos = position(d, id)?;
            d.services.remove(pos);
            d.links.retain(|l| l.from != id && l.to != id);
        }
        Command::MoveService { id, tier, index } => {
            let pos = position(d, id)?;
            let mut service = d.services.remove(pos);
            service.tier = tier;
            insert(d, service, Some(index));
        }
        Command::RenameService { id, name } => {
            let pos = position(d, id)?;
            let name = free_name(d, Some(id), name)?;
            d.services[pos].name = name;
        }
        Command::UpdateService { id, change } => {
            let pos = position(d, id)?;
            change.write(&mut d.services[pos]);
        }
        Command::ReorderServices { order } => {
            if order.len() != d.services.len() {
                return Err(EditError::NotAPermutation);
            }
            let mut taken = vec![false; d.services.len()];
            let mut services = Vec::with_capacity(order.len());
            for id in order {
                let pos = position(d, id).map_err(|_| EditError::NotAPermutation)?;
                if std::mem::replace(&mut taken[pos], true) {
                    return Err(EditError::NotAPermutation);
                }
                services.push(d.services[pos].clone());
            }
            d.services = services;
        }
        Command::Connect { from, to, kind } => {
            position(d, from)?;
            position(d, to)?;
            if from == to {
                return Err(EditError::SelfLink);
            }
            if d.links.iter().any(|l| l.from == from && l.to == to) {
                return Err(EditError::DuplicateLink);
            }
            d.links.push(Link::new(from, to, kind));
        }
        Command::Disconnect { from, to } => {
            let before = d.links.len();
            d.links.retain(|l| !(l.from == from && l.to == to));
            if d.links.len() == before {
                return Err(EditError::NoSuchLink);
            }
        }
        Command::SetLinkKind { from, to, kind } => {
            let link = d
                .links
                .iter_mut()
                .find(|l| l.from == from && l.to == to)
                .ok_or(EditError::NoSuchLink)?;
            link.kind = kind;
            link.inferred = false;
        }
        Command::ApplyPattern { pattern } => {
            let p = catalog::pattern(&pattern).ok_or(EditError::UnknownPattern(pattern))?;
            *d = catalog::instantiate(p);
        }
        Command::ReplaceDesign { design } => *d = *design,
        Command::RenameDesign { name } => {
            if name.trim().is_empty() {
                return Err(EditError::Name(NameError::Empty));
            }
            d.name = name;
        }
        Command::SetSettings { settings } => d.settings = settings,
        Command::Batch { commands } => {
            for c in commands {
                run(d, c)?;
            }
        }
    }
    Ok(())
}

fn position(d: &Design, id: ServiceId) -> Result<usize, EditError> {
    d.services
        .iter()
        .position(|s| s.id == id)
        .ok_or(EditError::NoSuchService(id))
}

/// `name` if valid and not used by another service than `owner`.
fn free_name(d: &Design, owner: Option<ServiceId>, name: String) -> Result<String, EditError> {
    check_service_name(&name)?;
    match d.name_clash(&name) {
        Some(other) if Some(other.id) != owner => Err(EditError::Name(if other.name == name {
            NameError::Taken(name)
        } else {
            NameError::Clash {
                name,
                other: other.name.clone(),
            }
        })),
        _ => Ok(name),
    }
}

/// Insert `service` so that it becomes the `index`-th service of its tier (clamped to the end).
fn insert(d: &mut Design, service: crate::model::Service, index: Option<usize>) {
    let tier: Tier = service.tier;
    let in_tier: Vec<usize> = d
        .services
        .iter()
        .enumerate()
        .filter(|(_, s)| s.tier == tier)
        .map(|(i, _)| i)
        .collect();
    let at = match index {
        Some(i) if i < in_tier.len() => in_tier[i],
        // after the tier's last service, or at the end when the tier is empty
        _ => in_tier.last().map_or(d.services.len(), |&last| last + 1),
    };
    d.services.insert(at, service);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::ServiceChange;
    use crate::model::{LinkKind, Port};

    fn board() -> Design {
        let mut d = Design::new("t");
        for (kind, tier) in [
            ("nginx", Tier::Frontend),
            ("python-api", Tier::Backend),
            ("postgres", Tier::Data),
        ] {
            d = apply(
                &d,
                Command::AddService {
                    kind: kind.into(),
                    tier,
                    index: None,
                    name: None,
                },
            )
            .unwrap();
        }
        d
    }

    fn names(d: &Design, tier: Tier) -> Vec<&str> {
        d.tier_services(tier).map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn add_gives_the_new_service_the_announced_id() {
        let mut d = board();
        d.services.retain(|s| s.name != "app");
        let announced = new_service_id(&d);
        let after = apply(
            &d,
            Command::AddService {
                kind: "redis".into(),
                tier: Tier::Data,
                index: Some(0),
                name: None,
            },
        )
        .unwrap();
        let added: Vec<ServiceId> = after
            .services
            .iter()
            .map(|s| s.id)
            .filter(|id| d.service(*id).is_none())
            .collect();
        assert_eq!(added, [announced]);
    }

    #[test]
    fn add_uses_the_kind_default_name_made_unique() {
        let d = board();
        let d = apply(
            &d,
            Command::AddService {
                kind: "postgres".into(),
                tier: Tier::Data,
                index: None,
                name: None,
            },
        )
        .unwrap();
        assert_eq!(names(&d, Tier::Data), ["db", "db-2"]);
        assert_ne!(
            d.services[2].volumes[0].source, d.services[3].volumes[0].source,
            "each database gets its own volume"
        );
    }

    #[test]
    fn a_dropped_kind_goes_where_it_was_dropped_not_to_its_default_tier() {
        let d = apply(
            &board(),
            Command::AddService {
                kind: "redis".into(),
                tier: Tier::Backend,
                index: Some(0),
                name: None,
            },
        )
        .unwrap();
        assert_eq!(names(&d, Tier::Backend), ["redis", "api"]);
    }

    #[test]
    fn move_changes_tier_and_position() {
        let d = board();
        let db = d.service_by_name("db").unwrap().id;
        let d = apply(
            &d,
            Command::MoveService {
                id: db,
                tier: Tier::Backend,
                index: 0,
            },
        )
        .unwrap();
        assert_eq!(names(&d, Tier::Backend), ["db", "api"]);
        assert_eq!(names(&d, Tier::Data), Vec::<&str>::new());
        let d = apply(
            &d,
            Command::MoveService {
                id: db,
                tier: Tier::Backend,
                index: 99,
            },
        )
        .unwrap();
        assert_eq!(names(&d, Tier::Backend), ["api", "db"]);
    }

    #[test]
    fn reorder_services_takes_a_permutation_and_keeps_tiers() {
        let mut d = board();
        d = apply(
            &d,
            Command::AddService {
                kind: "python-api".into(),
                tier: Tier::Backend,
                index: None,
                name: Some("worker".into()),
            },
        )
        .unwrap();
        let ids: Vec<ServiceId> = d.services.iter().map(|s| s.id).collect();
        let mut order = ids.clone();
        order.swap(1, 3);
        let next = apply(&d, Command::ReorderServices { order }).unwrap();
        assert_eq!(names(&next, Tier::Backend), ["worker", "api"]);
        for s in &next.services {
            assert_eq!(Some(s.tier), d.service(s.id).map(|o| o.tier));
        }
        assert_eq!(next.links, d.links);
    }

    #[test]
    fn reorder_services_refuses_anything_but_a_permutation() {
        let d = board();
        let ids: Vec<ServiceId> = d.services.iter().map(|s| s.id).collect();
        let refused = [
            ids[..2].to_vec(),
            vec![ids[0], ids[0], ids[1]],
            vec![ids[0], ids[1], ServiceId(999)],
            [ids.clone(), vec![ids[0]]].concat(),
        ];
        for order in refused {
            assert_eq!(
                apply(
                    &d,
                    Command::ReorderServices {
                        order: order.clone()
                    }
                ),
                Err(EditError::NotAPermutation),
                "{order:?}"
            );
        }
    }

    #[test]
    fn rename_refuses_invalid_and_taken_names() {
        let d = board();
        let api = d.service_by_name("api").unwrap().id;
        assert_eq!(
            apply(
                &d,
                Command::RenameService {
                    id: api,
                    name: "my api".into()
                }
            ),
            Err(EditError::Name(NameError::BadChar(' ')))
        );
        assert_eq!(
            apply(
                &d,
                Command::RenameService {
                    id: api,
                    name: "db".into()
                }
            ),
            Err(EditError::Name(NameError::Taken("db".into())))
        );
        let renamed = apply(
            &d,
            Command::RenameService {
                id: api,
                name: "api".into(),
            },
        )
        .unwrap();
        assert_eq!(renamed, d, "renaming to its own name is allowed");
    }

    #[test]
    fn links_only_between_existing_distinct_services_and_removed_with_them() {
        let d = board();
        let (api, db) = (
            d.service_by_name("api").unwrap().id,
            d.service_by_name("db").unwrap().id,
        );
        let d = apply(
            &d,
            Command::Connect {
                from: api,
                to: db,
                kind: LinkKind::Sync,
            },
        )
        .unwrap();
        assert_eq!(
            apply(
                &d,
                Command::Connect {
                    from: api,
                    to: db,
                    kind: LinkKind::Sync
                }
            ),
            Err(EditError::DuplicateLink)
        );
        assert_eq!(
            apply(
                &d,
                Command::Connect {
                    from: api,
                    to: api,
                    kind: LinkKind::Sync
                }
            ),
            Err(EditError::SelfLink)
        );
        assert_eq!(
            apply(
                &d,
                Command::Connect {
                    from: api,
                    to: ServiceId(77),
                    kind: LinkKind::Sync
                }
            ),
            Err(EditError::NoSuchService(ServiceId(77)))
        );
        let d = apply(&d, Command::RemoveService { id: db }).unwrap();
        assert!(d.links.is_empty());
    }

    #[test]
    fn update_that_breaks_validity_is_refused() {
        let d = board();
        let api = d.service_by_name("api").unwrap().id;
        let bad = apply(
            &d,
            Command::UpdateService {
                id: api,
                change: ServiceChange::Ports(vec![Port::internal(0)]),
            },
        );
        assert!(matches!(bad, Err(EditError::Invalid(m)) if m.to_string().contains("port 0")));
    }

    #[test]
    fn a_refusal_reads_in_the_interface_language() {
        let d = board();
        let api = d.service_by_name("api").unwrap().id;
        let bad = apply(
            &d,
            Command::UpdateService {
                id: api,
                change: ServiceChange::Ports(vec![Port::internal(0)]),
            },
        )
        .unwrap_err();
        assert_eq!(
            bad.message(Lang::En),
            "service \"api\": port 0 is not a port"
        );
        assert_eq!(
            bad.message(Lang::De),
            "Service \"api\": Port 0 ist kein Port"
        );
        assert_eq!(
            bad.message(Lang::Fr),
            "service \"api\" : le port 0 n'est pas un port"
        );
        let named = apply(
            &d,
            Command::RenameService {
                id: api,
                name: "-api".into(),
            },
        )
        .unwrap_err();
        assert_eq!(
            named.message(Lang::De),
            "muss mit einem Buchstaben oder einer Ziffer beginnen, nicht mit '-'"
        );
    }

    #[test]
    fn an_edit_drops_the_verbatim_copy_it_replaces() {
        let mut d = board();
        let api = d.service_by_name("api").unwrap().id;
        let extra = &mut d.service_mut(api).unwrap().extra;
        extra.insert("ports".into(), serde_json::json!(["${API_PORT}:8000"]));
        extra.insert("devices".into(), serde_json::json!(["/dev/fuse"]));
        let d = apply(
            &d,
            Command::UpdateService {
                id: api,
                change: ServiceChange::Ports(vec![Port::published(8000, 8000)]),
            },
        )
        .unwrap();
        let extra = &d.service(api).unwrap().extra;
        assert!(
            !extra.contains_key("ports"),
            "the edited field wins over the imported text"
        );
        assert!(
            extra.contains_key("devices"),
            "unrelated pass-through stays"
        );
    }

    #[test]
    fn a_batch_is_all_or_nothing() {
        let d = board();
        let api = d.service_by_name("api").unwrap().id;
        let result = apply(
            &d,
            Command::Batch {
                commands: vec![
                    Command::RenameService {
                        id: api,
                        name: "backend".into(),
                    },
                    Command::RemoveService { id: ServiceId(999) },
                ],
            },
        );
        assert_eq!(result, Err(EditError::NoSuchService(ServiceId(999))));
    }

    #[test]
    fn commands_round_trip_through_json() {
        let c = Command::UpdateService {
            id: ServiceId(3),
            change: ServiceChange::Backup(true),
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"op":"update-service","id":3,"change":{"field":"backup","value":true}}"#
        );
        assert_eq!(serde_json::from_str::<Command>(&json).unwrap(), c);
    }

    #[test]
    fn a_name_that_would_share_a_generated_folder_is_refused() {
        let d = crate::catalog::starter();
        let api = d.services[0].name.to_ascii_uppercase();
        let err = apply(
            &d,
            Command::AddService {
                kind: "node-api".into(),
                tier: Tier::Backend,
                index: None,
                name: Some(api.clone()),
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("same folder"), "{err}");
        // Without a name the kind's default name is made unique the same way.
        let mut d = d;
        for _ in 0..2 {
            d = apply(
                &d,
                Command::AddService {
                    kind: "node-api".into(),
                    tier: Tier::Backend,
                    index: None,
                    name: None,
                },
            )
            .unwrap();
        }
        assert_eq!(crate::model::validate(&d), vec![]);
    }
}

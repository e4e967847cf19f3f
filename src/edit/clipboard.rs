//! Copy, paste and duplicate of several services with the links among them, as commands.
//!
//! A [`Clip`] is what goes through the system clipboard: JSON with a marker key, so a paste in
//! another board or browser tab recognises it (and tells it apart from compose YAML or a share
//! link, which [`classify`] routes to the import and open paths). Pasting builds one `Batch` of
//! `InsertService` and `Connect` with fresh ids and free names (`api` → `api-2`), each service
//! at the end of its own tier, so undo takes the whole paste back and `apply` validates it.
//!
//! The clip carries whole `model::Service`s: everything the inspector can set survives, and the
//! model's `deny_unknown_fields` refuses a clip from an incompatible version instead of dropping
//! fields silently.

use super::Command;
use crate::model::{Design, Link, Service, ServiceId, Tier};
use serde::{Deserialize, Serialize};

/// The marker key's value. Never change it: clips copied by an older build must still paste.
pub const MARKER: &str = "tierboard-clip";
/// The clip format written by this build. Never change the meaning of a published number.
pub const CLIP_VERSION: u32 = 1;
/// Clipboard text longer than this is not read as a clip (a paste must never freeze the tab).
pub const MAX_CLIP_BYTES: usize = 4 * 1024 * 1024;

/// Services and the links among them, as copied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clip {
    /// Always [`MARKER`].
    pub tierboard: String,
    pub version: u32,
    /// In board order.
    pub services: Vec<Service>,
    /// Only links whose both ends are in `services`.
    #[serde(default)]
    pub links: Vec<Link>,
}

impl Clip {
    /// The services of `ids` that exist in `design` (board order) and the links among them;
    /// `None` when none of them exists.
    pub fn copy(design: &Design, ids: &[ServiceId]) -> Option<Clip> {
        let services: Vec<Service> = design
            .services
            .iter()
            .filter(|s| ids.contains(&s.id))
            .cloned()
            .collect();
        if services.is_empty() {
            return None;
        }
        let inside = |id: ServiceId| services.iter().any(|s| s.id == id);
        let links = design
            .links
            .iter()
            .filter(|l| inside(l.from) && inside(l.to))
            .cloned()
            .collect();
        Some(Clip {
            tierboard: MARKER.to_string(),
            version: CLIP_VERSION,
            services,
            links,
        })
    }

    /// The clipboard text: compact JSON (deterministic).
    pub fn to_text(&self) -> String {
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads clipboard text. `None` when the text is not a clip at all (no marker); `Some(Err)`
    /// when it is one but unreadable (newer version, damaged).
    pub fn from_text(text: &str) -> Option<Result<Clip, String>> {
        let trimmed = text.trim();
        if trimmed.len() > MAX_CLIP_BYTES || !trimmed.starts_with('{') || !trimmed.contains(MARKER)
        {
            return None;
        }
        let clip: Clip = match serde_json::from_str(trimmed) {
            Ok(c) => c,
            Err(e) => return Some(Err(format!("the copied services could not be read: {e}"))),
        };
        if clip.tierboard != MARKER {
            return None;
        }
        if clip.version != CLIP_VERSION {
            return Some(Err(format!(
                "the services were copied by a newer Tierboard (clip version {})",
                clip.version
            )));
        }
        Some(Ok(clip))
    }

    /// One `Batch` that inserts the clip into `design` with fresh ids and free names, each
    /// service at the end of `tier` (or of its own tier when `None`), and connects them as they
    /// were. Also returns the new ids, in clip order (the UI selects them). `None` for an empty clip.
    pub fn paste(&self, design: &Design, tier: Option<Tier>) -> Option<(Command, Vec<ServiceId>)> {
        if self.services.is_empty() {
            return None;
        }
        // Fresh ids and names are worked out against the design plus what is pasted before.
        let mut scratch = design.clone();
        let mut commands = Vec::new();
        let mut renamed: Vec<(ServiceId, ServiceId)> = Vec::new();
        for original in &self.services {
            let mut s = original.clone();
            s.id = scratch.next_id();
            s.name = scratch.unique_name(base_name(&original.name));
            if let Some(t) = tier {
                s.tier = t;
            }
            rename_own_volumes(&mut s, &original.name);
            renamed.push((original.id, s.id));
            scratch.services.push(s.clone());
            commands.push(Command::InsertService {
                service: Box::new(s),
                index: None,
            });
        }
        let new_id = |old: ServiceId| renamed.iter().find(|(o, _)| *o == old).map(|(_, n)| *n);
        for link in &self.links {
            if let (Some(from), Some(to)) = (new_id(link.from), new_id(link.to)) {
                commands.push(Command::Connect {
                    from,
                    to,
                    kind: link.kind,
                });
            }
        }
        let ids = renamed.into_iter().map(|(_, n)| n).collect();
        Some((Command::Batch { commands }, ids))
    }
}

/// Copies of `ids` with the links among them, as one `Batch` (see [`Clip::paste`]).
pub fn duplicate(design: &Design, ids: &[ServiceId]) -> Option<(Command, Vec<ServiceId>)> {
    Clip::copy(design, ids)?.paste(design, None)
}

/// `api-2` → `api`, so a copy of a copy is `api-3`, not `api-2-2`.
fn base_name(name: &str) -> &str {
    match name.rsplit_once('-') {
        Some((base, n))
            if !base.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            base
        }
        _ => name,
    }
}

/// A named volume the catalog named after the service (`db_data`) follows the copy's name, so a
/// duplicated database gets its own data instead of sharing the original's.
fn rename_own_volumes(s: &mut Service, old_name: &str) {
    let own = format!("{}_data", old_name.replace('.', "_"));
    let new = format!("{}_data", s.name.replace('.', "_"));
    for m in &mut s.volumes {
        if m.source == own {
            m.source = new.clone();
        }
    }
}

/// What text from the clipboard holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Pasted {
    /// Services copied from a board.
    Clip(Clip),
    /// A clip that could not be read, and why.
    BadClip(String),
    /// A share link (`https://…#d=1.…` or the fragment alone): open it.
    ShareLink(String),
    /// Compose YAML: import it.
    Compose(String),
    /// Anything else: nothing to paste.
    Other,
}

/// Routes clipboard text to the right path. Cheap: it only looks, the readers decide.
pub fn classify(text: &str) -> Pasted {
    if let Some(clip) = Clip::from_text(text) {
        return match clip {
            Ok(c) => Pasted::Clip(c),
            Err(why) => Pasted::BadClip(why),
        };
    }
    let trimmed = text.trim();
    let one_line = !trimmed.contains('\n');
    let fragment = trimmed.rsplit_once('#').map_or(trimmed, |(_, f)| f);
    if one_line && fragment.split('&').any(|p| p.starts_with("d=")) {
        return Pasted::ShareLink(trimmed.to_string());
    }
    if crate::import::looks_like_compose(text) {
        return Pasted::Compose(text.to_string());
    }
    Pasted::Other
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::edit::apply;
    use crate::model::validate;

    fn web_app() -> Design {
        catalog::instantiate(catalog::pattern("web-app").expect("the starter pattern"))
    }

    fn id(d: &Design, name: &str) -> ServiceId {
        d.service_by_name(name).expect(name).id
    }

    fn linked(d: &Design, from: &str, to: &str) -> bool {
        let (from, to) = (id(d, from), id(d, to));
        d.links.iter().any(|l| l.from == from && l.to == to)
    }

    /// The first link of the pattern, by names.
    fn first_link(d: &Design) -> (String, String) {
        let l = &d.links[0];
        (
            d.service(l.from).unwrap().name.clone(),
            d.service(l.to).unwrap().name.clone(),
        )
    }

    #[test]
    fn a_copy_keeps_only_the_links_among_the_copied_services() {
        let d = web_app();
        let (from, to) = first_link(&d);
        let clip = Clip::copy(&d, &[id(&d, &from), id(&d, &to)]).unwrap();
        assert_eq!(clip.services.len(), 2);
        assert!(!clip.links.is_empty());
        let names: Vec<&str> = clip.services.iter().map(|s| s.name.as_str()).collect();
        for l in &clip.links {
            assert!(clip.services.iter().any(|s| s.id == l.from), "{names:?}");
            assert!(clip.services.iter().any(|s| s.id == l.to), "{names:?}");
        }
        let alone = Clip::copy(&d, &[id(&d, &from)]).unwrap();
        assert!(alone.links.is_empty());
    }

    #[test]
    fn copying_nothing_that_exists_gives_no_clip() {
        assert_eq!(Clip::copy(&web_app(), &[ServiceId(9999)]), None);
        assert_eq!(Clip::copy(&web_app(), &[]), None);
    }

    #[test]
    fn a_clip_survives_the_clipboard_text() {
        let d = web_app();
        let ids: Vec<ServiceId> = d.services.iter().map(|s| s.id).collect();
        let clip = Clip::copy(&d, &ids).unwrap();
        let text = clip.to_text();
        assert_eq!(classify(&text), Pasted::Clip(clip));
    }

    #[test]
    fn pasting_into_the_same_board_gives_fresh_ids_free_names_and_the_links() {
        let d = web_app();
        let (from, to) = first_link(&d);
        let clip = Clip::copy(&d, &[id(&d, &from), id(&d, &to)]).unwrap();
        let (command, new_ids) = clip.paste(&d, None).unwrap();
        let after = apply(&d, command).unwrap();
        assert_eq!(after.services.len(), d.services.len() + 2);
        assert_eq!(new_ids.len(), 2);
        for n in &new_ids {
            assert!(d.service(*n).is_none(), "id {n} was taken");
        }
        let (from2, to2) = (format!("{from}-2"), format!("{to}-2"));
        assert!(linked(&after, &from2, &to2), "the copy keeps its link");
        assert!(linked(&after, &from, &to), "the original keeps its link");
        assert_eq!(
            after.service_by_name(&from2).unwrap().tier,
            d.service_by_name(&from).unwrap().tier
        );
        assert!(validate(&after).is_empty());
    }

    #[test]
    fn pasting_into_another_board_keeps_the_names() {
        let d = web_app();
        let clip = Clip::copy(&d, &[d.services[0].id]).unwrap();
        let other = Design::new("other");
        let (command, _) = clip.paste(&other, None).unwrap();
        let after = apply(&other, command).unwrap();
        assert_eq!(after.services[0].name, d.services[0].name);
    }

    #[test]
    fn duplicating_twice_numbers_on_rather_than_nesting() {
        let d = web_app();
        let name = d.services[0].name.clone();
        let (c, ids) = duplicate(&d, &[id(&d, &name)]).unwrap();
        let d = apply(&d, c).unwrap();
        let (c, _) = duplicate(&d, &ids).unwrap();
        let d = apply(&d, c).unwrap();
        assert!(d.service_by_name(&format!("{name}-3")).is_some());
        assert!(d.service_by_name(&format!("{name}-2-2")).is_none());
    }

    #[test]
    fn a_duplicated_database_gets_its_own_volume() {
        let d = web_app();
        let db = d
            .services
            .iter()
            .find(|s| s.volumes.iter().any(|m| m.source.ends_with("_data")))
            .expect("the web app has a database")
            .clone();
        let (c, ids) = duplicate(&d, &[db.id]).unwrap();
        let after = apply(&d, c).unwrap();
        let copy = after.service(ids[0]).unwrap();
        let sources = |s: &Service| {
            s.volumes
                .iter()
                .map(|m| m.source.clone())
                .collect::<Vec<_>>()
        };
        assert_ne!(sources(copy), sources(&db));
        assert!(sources(copy).contains(&format!("{}_data", copy.name)));
    }

    #[test]
    fn pasting_into_a_tier_moves_every_service_there() {
        let d = web_app();
        let ids: Vec<ServiceId> = d.services.iter().take(2).map(|s| s.id).collect();
        let (c, new_ids) = Clip::copy(&d, &ids)
            .unwrap()
            .paste(&d, Some(Tier::Data))
            .unwrap();
        let after = apply(&d, c).unwrap();
        for n in new_ids {
            assert_eq!(after.service(n).unwrap().tier, Tier::Data);
        }
    }

    #[test]
    fn text_that_is_not_a_clip_is_routed_elsewhere() {
        assert_eq!(classify("hello"), Pasted::Other);
        assert_eq!(classify(""), Pasted::Other);
        assert_eq!(
            classify("https://example.org/tierboard/#d=1.abc"),
            Pasted::ShareLink("https://example.org/tierboard/#d=1.abc".into())
        );
        let compose = "services:\n  web:\n    image: nginx:1.27\n";
        assert_eq!(classify(compose), Pasted::Compose(compose.into()));
        assert_eq!(classify("{\"name\": \"x\"}"), Pasted::Other);
    }

    #[test]
    fn a_damaged_or_newer_clip_is_reported_not_pasted() {
        let bad = format!("{{\"tierboard\":\"{MARKER}\",\"version\":1,\"services\":[{{}}]}}");
        assert!(matches!(classify(&bad), Pasted::BadClip(_)));
        let newer = format!("{{\"tierboard\":\"{MARKER}\",\"version\":2,\"services\":[]}}");
        assert!(matches!(classify(&newer), Pasted::BadClip(why) if why.contains("newer")));
    }

    #[test]
    fn a_paste_that_would_overflow_the_board_is_refused_whole() {
        let d = web_app();
        let ids: Vec<ServiceId> = d.services.iter().map(|s| s.id).collect();
        let clip = Clip::copy(&d, &ids).unwrap();
        let mut board = d.clone();
        let mut refused = false;
        for _ in 0..200 {
            let (c, _) = clip.paste(&board, None).unwrap();
            match apply(&board, c) {
                Ok(next) => board = next,
                Err(_) => {
                    refused = true;
                    break;
                }
            }
        }
        assert!(refused, "the service cap stops a paste");
        assert!(validate(&board).is_empty());
    }
}

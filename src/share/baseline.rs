//! The defaults a v1 link stores a service against: the catalog's `service_from_kind` for the
//! service's kind, name and tier, or a bare `Service::new` for kinds the catalog does not know
//! (`custom`, imported kinds). Which of the two was used travels in the link, so a kind the
//! catalog gains later does not change the meaning of a link made before.
//!
//! Why this matters: a link stores only the fields that differ from this baseline, so a link
//! decodes to the same design only while the baseline stays the same. Kind ids are never renamed
//! (catalog invariant); but when a kind's *defaults* change (a new image tag, a new env var), old
//! links would silently pick up the new defaults. The golden-link tests catch that; the fix is a
//! row in [`PINS`] that restores the old default for v1 links, so old links keep their meaning
//! (new links then store the difference to the pinned value, a few bytes more).

use crate::catalog::{kind, service_from_kind};
use crate::model::{Service, ServiceId, Tier};

/// A v1 baseline that differs from today's catalog: `(kind id, restore the old default)`.
pub type Pin = (&'static str, fn(&mut Service));

/// Add rows, never remove or edit them. Empty while no published default has changed.
pub static PINS: &[Pin] = &[];

/// The model's bare service: the baseline of kinds outside the catalog.
pub fn bare_baseline(kind_id: &str, id: ServiceId, name: &str, tier: Tier) -> Service {
    Service::new(id, name, kind_id, tier)
}

/// The catalog defaults of a kind as v1 links know them; `None` if the catalog lacks the kind.
pub fn catalog_baseline(kind_id: &str, id: ServiceId, name: &str, tier: Tier) -> Option<Service> {
    let mut s = service_from_kind(kind(kind_id)?, id, name, tier);
    for (pinned, restore) in PINS {
        if *pinned == kind_id {
            restore(&mut s);
        }
    }
    Some(s)
}

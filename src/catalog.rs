//! The catalog: service kinds and pattern starters as data tables.
//!
//! Adding a kind is adding a row to `KINDS` (`kinds/table.rs`); adding a pattern is adding a row
//! to `patterns::PATTERNS`. Everything else (palette, CLI listing, instantiation) reads the tables.
//!
//! Architecture invariant: every kind's defaults form a valid service (pinned tag, never
//! `latest`; valid env keys; absolute data path), and every pattern instantiates to a design
//! with no `model::validate` problems. Tests enforce both.

pub mod aliases;
mod instantiate;
mod kinds;
mod patterns;
mod protocols;
pub mod search;
#[cfg(test)]
mod tests;

pub use aliases::{Alias, ALIASES};
pub use instantiate::{instantiate, service_from_kind};
pub use kinds::{kind, EnvDefault, HardeningFit, Kind, KindCategory, KindSource, KINDS};
pub use patterns::{pattern, pattern_description, Pattern, PatternLink, PatternService, PATTERNS};
pub use protocols::protocol;

/// The pattern a new visitor's board opens with (seed 000's standard web application).
pub const STARTER: &str = "web-app";

/// The design the web app opens with when nothing is saved: the [`STARTER`] pattern, or an
/// empty board should the catalog ever lack it.
pub fn starter() -> crate::model::Design {
    pattern(STARTER).map_or_else(|| crate::model::Design::new("untitled"), instantiate)
}

/// The kind of a new link to a service of kind `to_kind`: asynchronous (publish/consume) to a
/// broker or queue, a request otherwise. The board's connect gesture and the inspector's
/// dependency picker both ask this.
pub fn link_kind_to(to_kind: &str) -> crate::model::LinkKind {
    link_kind_for(kind(to_kind).map(|k| k.category))
}

/// The same rule by the target's category (the importer knows categories of images the catalog
/// has no kind for).
pub fn link_kind_for(category: Option<KindCategory>) -> crate::model::LinkKind {
    match category {
        Some(KindCategory::Queue) => crate::model::LinkKind::Async,
        _ => crate::model::LinkKind::Sync,
    }
}

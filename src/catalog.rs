//! The catalog: service kinds and pattern starters as data tables.
//!
//! Adding a kind is adding a row to `KINDS` (`kinds/table.rs`); adding a pattern is adding a row
//! to `patterns::PATTERNS`. Everything else (palette, CLI listing, instantiation) reads the tables.
//!
//! Architecture invariant: every kind's defaults form a valid service (pinned tag, never
//! `latest`; valid env keys; absolute data path), and every pattern instantiates to a design
//! with no `model::validate` problems. Tests enforce both.

mod instantiate;
mod kinds;
mod patterns;
mod protocols;
pub mod search;
#[cfg(test)]
mod tests;

pub use instantiate::{instantiate, service_from_kind};
pub use kinds::{kind, Category, EnvDefault, HardeningFit, Kind, KindSource, KINDS};
pub use patterns::{pattern, Pattern, PatternLink, PatternService, PATTERNS};
pub use protocols::protocol;

/// The pattern a new visitor's board opens with (seed 000's standard web application).
pub const STARTER: &str = "web-app";

/// The design the web app opens with when nothing is saved: the [`STARTER`] pattern, or an
/// empty board should the catalog ever lack it.
pub fn starter() -> crate::model::Design {
    pattern(STARTER).map_or_else(|| crate::model::Design::new("untitled"), instantiate)
}

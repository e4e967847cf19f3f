//! The three tiers of the board (seed 000's topology): frontend, backend, data.

use super::texts;
use crate::i18n::Text;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Frontend,
    Backend,
    Data,
}

impl Tier {
    /// Top to bottom, as drawn.
    pub const ALL: [Tier; 3] = [Tier::Frontend, Tier::Backend, Tier::Data];

    /// Lower-case id, also the compose network name of the tier.
    pub fn id(self) -> &'static str {
        match self {
            Tier::Frontend => "frontend",
            Tier::Backend => "backend",
            Tier::Data => "data",
        }
    }

    /// The tier's name in every language (the lanes, the exports, the docs).
    pub const fn name(self) -> Text {
        match self {
            Tier::Frontend => texts::TIER_FRONTEND,
            Tier::Backend => texts::TIER_BACKEND,
            Tier::Data => texts::TIER_DATA,
        }
    }

    /// English name ("Frontend"), for logs and the CLI's English output.
    pub fn label(self) -> &'static str {
        self.name().en
    }

    /// The tier above (`None` for frontend).
    pub fn up(self) -> Option<Tier> {
        match self {
            Tier::Frontend => None,
            Tier::Backend => Some(Tier::Frontend),
            Tier::Data => Some(Tier::Backend),
        }
    }

    /// The tier below (`None` for data).
    pub fn down(self) -> Option<Tier> {
        match self {
            Tier::Frontend => Some(Tier::Backend),
            Tier::Backend => Some(Tier::Data),
            Tier::Data => None,
        }
    }

    pub fn parse(text: &str) -> Option<Tier> {
        Tier::ALL
            .into_iter()
            .find(|t| t.id() == text.trim().to_ascii_lowercase())
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

//! Pattern starters (seed 000's patterns by project type, seed 003's agent platform) as data.

use crate::model::{LinkKind, Tier};

/// One service row of a pattern.
#[derive(Debug, Clone, Copy)]
pub struct PatternService {
    pub kind: &'static str,
    pub name: &'static str,
    /// Tier override; `None` = the kind's tier.
    pub tier: Option<Tier>,
    /// Prod replicas (seed 003's high-load plan); dev and ci run one.
    pub prod_replicas: u32,
    pub profiles: &'static [&'static str],
    /// Size override (CPU millicores, memory MiB), e.g. from seed 003's allocation table.
    pub size: Option<(u32, u32)>,
    pub command: Option<&'static [&'static str]>,
}

/// A row with the kind's defaults.
const fn svc(kind: &'static str, name: &'static str) -> PatternService {
    PatternService { kind, name, tier: None, prod_replicas: 1, profiles: &[], size: None, command: None }
}

#[derive(Debug, Clone, Copy)]
pub struct PatternLink {
    pub from: &'static str,
    pub to: &'static str,
    pub kind: LinkKind,
}

const fn sync(from: &'static str, to: &'static str) -> PatternLink {
    PatternLink { from, to, kind: LinkKind::Sync }
}
#[allow(dead_code)]
const fn queue(from: &'static str, to: &'static str) -> PatternLink {
    PatternLink { from, to, kind: LinkKind::Async }
}

#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// Stable id (`monolith`, `web-app`, ...): also the default design name.
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub services: &'static [PatternService],
    pub links: &'static [PatternLink],
}

pub fn pattern(id: &str) -> Option<&'static Pattern> {
    PATTERNS.iter().find(|p| p.id == id)
}

pub static PATTERNS: &[Pattern] = &[Pattern {
    id: "monolith",
    name: "Containerised monolith",
    description: "One application container in front of one database: the MVP and migration starting point (seed 000).",
    services: &[svc("nginx", "proxy"), svc("python-api", "app"), svc("postgres", "db")],
    links: &[sync("proxy", "app"), sync("app", "db")],
}];

//! Links between services: who talks to whom, synchronously (HTTP/gRPC/SQL) or through a queue.

use super::ServiceId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// Request/response (HTTP, gRPC, a database protocol).
    #[default]
    Sync,
    /// Through a broker or queue (publish/consume).
    Async,
}

/// `from` depends on `to` (compose `depends_on` points the same way).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: ServiceId,
    pub to: ServiceId,
    #[serde(default)]
    pub kind: LinkKind,
    /// Set by the importer when the link was inferred (e.g. from a connection URL), not declared.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

impl Link {
    pub fn new(from: ServiceId, to: ServiceId, kind: LinkKind) -> Self {
        Link {
            from,
            to,
            kind,
            inferred: false,
        }
    }
}

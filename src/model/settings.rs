//! Design-wide settings: the host budget, the cluster node size and the operational facts that a
//! drawing alone cannot show (image scanning, logging target, rollback docs). Each fact is made
//! true by a generated artefact, never counted on the user's word alone.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "is_default")]
    pub budget: Budget,
    #[serde(default, skip_serializing_if = "is_default")]
    pub node: NodeSize,
    #[serde(default, skip_serializing_if = "is_default")]
    pub ops: Ops,
    /// Container registry for prod images (`registry.example.com/shop`); empty = `ghcr.io/<name>`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub registry: String,
    /// The language of the generated documentation (README, docs/, comments); never of
    /// identifiers, file names or YAML keys. Kept in share links and design files.
    #[serde(default, skip_serializing_if = "is_default")]
    pub docs_lang: Lang,
    /// Where the generated deploy workflow ships releases (staging on every push to main,
    /// production on a release); `none` writes no deploy workflow.
    #[serde(default, skip_serializing_if = "is_default")]
    pub deploy: DeployTarget,
}

/// The deploy target of the generated `.github/workflows/deploy.yml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DeployTarget {
    /// No deploy workflow: the release workflow still publishes the images.
    #[default]
    None,
    /// `docker compose` with the prod or staging file on a host reached over SSH.
    ComposeSsh,
    /// `helm upgrade --install` of the generated chart with the environment's values file.
    Helm,
    /// `docker stack deploy` of `docker-stack.yml` on a Swarm manager reached over SSH.
    Swarm,
}

impl DeployTarget {
    pub const ALL: [DeployTarget; 4] = [
        DeployTarget::None,
        DeployTarget::ComposeSsh,
        DeployTarget::Helm,
        DeployTarget::Swarm,
    ];

    /// The serde id (`none`, `compose-ssh`, `helm`, `swarm`): CLI values and UI options.
    pub fn id(self) -> &'static str {
        match self {
            DeployTarget::None => "none",
            DeployTarget::ComposeSsh => "compose-ssh",
            DeployTarget::Helm => "helm",
            DeployTarget::Swarm => "swarm",
        }
    }

    pub fn parse(text: &str) -> Option<DeployTarget> {
        DeployTarget::ALL
            .into_iter()
            .find(|t| t.id() == text.trim())
    }
}

/// The single host's capacity (seed 003's minimum: 4 CPU, 8 GB RAM, 20 GB disk).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub cpu_m: u32,
    pub memory_mb: u32,
    pub disk_gb: u32,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            cpu_m: 4000,
            memory_mb: 8192,
            disk_gb: 20,
        }
    }
}

/// A cluster node, for packing the prod environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NodeSize {
    pub cpu_m: u32,
    pub memory_mb: u32,
}

impl Default for NodeSize {
    fn default() -> Self {
        NodeSize {
            cpu_m: 4000,
            memory_mb: 8192,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LoggingTarget {
    /// json-file with rotation on each host (the default).
    #[default]
    Local,
    /// Shipped to a central collector (e.g. Loki or an ELK stack on the board).
    Central,
}

/// Operational facts; each one enables an artefact in the generated project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ops {
    /// CI scans every image (a scan step in the workflow).
    #[serde(default)]
    pub image_scan: bool,
    #[serde(default)]
    pub logging: LoggingTarget,
    /// A rollback procedure section in the operations docs.
    #[serde(default)]
    pub rollback_docs: bool,
    /// Dev override with bind mounts for hot reload.
    #[serde(default)]
    pub hot_reload: bool,
}

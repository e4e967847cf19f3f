//! The closed set of edits. Serialisable so that tests, the CLI and the UI speak the same language.

use crate::model::{
    Autoscaling, Build, Design, EnvVar, Hardening, Healthcheck, Image, LinkKind, Mount,
    Passthrough, Port, Replicas, Resources, RestartPolicy, Service, ServiceId, Settings, Tier,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Command {
    /// Add a service of a catalog kind to `tier` at `index` (end when `None`), named `name`
    /// or the kind's default name made unique.
    AddService {
        kind: String,
        tier: Tier,
        index: Option<usize>,
        name: Option<String>,
    },
    /// Insert a whole service (paste, duplicate, restore). Its id is replaced by a fresh one if taken;
    /// its name must be valid and free.
    InsertService {
        service: Box<Service>,
        index: Option<usize>,
    },
    /// Remove a service and every link touching it.
    RemoveService {
        id: ServiceId,
    },
    /// Put a service into `tier` at position `index` among that tier's services (clamped).
    MoveService {
        id: ServiceId,
        tier: Tier,
        index: usize,
    },
    RenameService {
        id: ServiceId,
        name: String,
    },
    /// Change one field group of a service.
    UpdateService {
        id: ServiceId,
        change: ServiceChange,
    },
    /// Put the services in `order` (every service id exactly once), e.g. "Tidy". A service's
    /// tier is its own, so only the left-to-right order of cards within tiers changes.
    ReorderServices {
        order: Vec<ServiceId>,
    },
    Connect {
        from: ServiceId,
        to: ServiceId,
        kind: LinkKind,
    },
    Disconnect {
        from: ServiceId,
        to: ServiceId,
    },
    SetLinkKind {
        from: ServiceId,
        to: ServiceId,
        kind: LinkKind,
    },
    /// Replace the board with a pattern starter.
    ApplyPattern {
        pattern: String,
    },
    /// Replace the board with another design (new blank board, import, opened link or file).
    ReplaceDesign {
        design: Box<Design>,
    },
    RenameDesign {
        name: String,
    },
    SetSettings {
        settings: Settings,
    },
    /// Several commands as one undoable step (e.g. "Fix all"); all or nothing.
    Batch {
        commands: Vec<Command>,
    },
}

/// One field group of a service, replaced as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "kebab-case")]
pub enum ServiceChange {
    Image(Option<Image>),
    Build(Option<Build>),
    Command(Vec<String>),
    Ports(Vec<Port>),
    Environment(Vec<EnvVar>),
    Volumes(Vec<Mount>),
    Replicas(Replicas),
    Resources(Resources),
    Healthcheck(Option<Healthcheck>),
    Restart(RestartPolicy),
    Profiles(Vec<String>),
    Hardening(Hardening),
    MetricsPath(Option<String>),
    Backup(bool),
    Autoscaling(Option<Autoscaling>),
    Extra(Passthrough),
}

impl ServiceChange {
    /// The compose keys this field group stands for. An imported service may keep the original
    /// text of such a key verbatim in `Service::extra` (where the model only approximates it);
    /// once the user edits the field, the edit wins and the verbatim copy is dropped.
    pub fn compose_keys(&self) -> &'static [&'static str] {
        match self {
            ServiceChange::Image(_) => &["image"],
            ServiceChange::Build(_) => &["build"],
            ServiceChange::Command(_) => &["command"],
            ServiceChange::Ports(_) => &["ports"],
            ServiceChange::Environment(_) => &["environment"],
            ServiceChange::Volumes(_) => &["volumes", "tmpfs"],
            ServiceChange::Replicas(_) => &["scale"],
            ServiceChange::Resources(_) => &["mem_limit", "cpus", "mem_reservation", "pids_limit"],
            ServiceChange::Healthcheck(_) => &["healthcheck"],
            ServiceChange::Restart(_) => &["restart"],
            ServiceChange::Profiles(_) => &["profiles"],
            ServiceChange::Hardening(_) => &[
                "user",
                "read_only",
                "security_opt",
                "cap_drop",
                "cap_add",
                "privileged",
                "network_mode",
                "pid",
                "ipc",
            ],
            ServiceChange::MetricsPath(_)
            | ServiceChange::Backup(_)
            | ServiceChange::Autoscaling(_) => &[],
            ServiceChange::Extra(_) => &[],
        }
    }

    /// Write the change into a service, dropping verbatim copies of the keys it replaces.
    pub(crate) fn write(self, s: &mut Service) {
        for key in self.compose_keys() {
            s.extra.remove(*key);
        }
        match self {
            ServiceChange::Image(v) => s.image = v,
            ServiceChange::Build(v) => s.build = v,
            ServiceChange::Command(v) => s.command = v,
            ServiceChange::Ports(v) => s.ports = v,
            ServiceChange::Environment(v) => s.environment = v,
            ServiceChange::Volumes(v) => s.volumes = v,
            ServiceChange::Replicas(v) => s.replicas = v,
            ServiceChange::Resources(v) => s.resources = v,
            ServiceChange::Healthcheck(v) => s.healthcheck = v,
            ServiceChange::Restart(v) => s.restart = v,
            ServiceChange::Profiles(v) => s.profiles = v,
            ServiceChange::Hardening(v) => s.hardening = v,
            ServiceChange::MetricsPath(v) => s.metrics_path = v,
            ServiceChange::Backup(v) => s.backup = v,
            ServiceChange::Autoscaling(v) => s.autoscaling = v,
            ServiceChange::Extra(v) => s.extra = v,
        }
    }
}

//! A service on the board and its parts (image or build, ports, environment, mounts, resources,
//! healthcheck, hardening). Plain data; defaults make hand-written design files short.
//!
//! Units are integers so that designs compare exactly and encode compactly:
//! CPU in millicores (`500` = 0.5 CPU), memory in MiB, storage in GiB, durations in seconds.

use super::{Passthrough, ServiceId, Tier};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn is_false(b: &bool) -> bool {
    !*b
}
fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: ServiceId,
    /// Compose service name, unique in the design (`[a-zA-Z0-9][a-zA-Z0-9_.-]*`).
    pub name: String,
    /// Catalog kind id (`postgres`, `python-api`, `custom`, ...).
    pub kind: String,
    pub tier: Tier,
    /// Pulled image. A service has an image, a build, or both (build, then tag as image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Built from source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<Build>,
    /// Command override (exec form); empty = the image's default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<Port>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub environment: Vec<EnvVar>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<Mount>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub replicas: Replicas,
    #[serde(default, skip_serializing_if = "is_default")]
    pub resources: Resources,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<Healthcheck>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub restart: RestartPolicy,
    /// Compose profiles: the service runs only when one of them is active (empty = always).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub hardening: Hardening,
    /// Path where the service exposes Prometheus metrics (`/metrics`), if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics_path: Option<String>,
    /// Data services: the generated project includes a backup script and documents restore.
    #[serde(default, skip_serializing_if = "is_false")]
    pub backup: bool,
    /// Horizontal autoscaling for Kubernetes (HPA) when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autoscaling: Option<Autoscaling>,
    /// Compose keys the model does not represent, written back verbatim.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: Passthrough,
}

impl Service {
    /// A bare service with model defaults (no image yet); the catalog fills in a kind's defaults.
    pub fn new(
        id: ServiceId,
        name: impl Into<String>,
        kind: impl Into<String>,
        tier: Tier,
    ) -> Self {
        Service {
            id,
            name: name.into(),
            kind: kind.into(),
            tier,
            image: None,
            build: None,
            command: Vec::new(),
            ports: Vec::new(),
            environment: Vec::new(),
            volumes: Vec::new(),
            replicas: Replicas::default(),
            resources: Resources::default(),
            healthcheck: None,
            restart: RestartPolicy::default(),
            profiles: Vec::new(),
            hardening: Hardening::default(),
            metrics_path: None,
            backup: false,
            autoscaling: None,
            extra: Passthrough::new(),
        }
    }

    /// The value of an environment variable, if set.
    pub fn env(&self, key: &str) -> Option<&EnvVar> {
        self.environment.iter().find(|e| e.key == key)
    }

    /// Ports published on the host (a number, a variable, or both).
    pub fn published_ports(&self) -> impl Iterator<Item = &Port> {
        self.ports.iter().filter(|p| p.is_published())
    }

    /// True when the service runs without any profile being activated.
    pub fn always_on(&self) -> bool {
        self.profiles.is_empty()
    }
}

/// `repository:tag` (a registry host may be part of the repository: `ghcr.io/org/app`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub name: String,
    pub tag: String,
}

impl Image {
    pub fn new(name: impl Into<String>, tag: impl Into<String>) -> Self {
        Image {
            name: name.into(),
            tag: tag.into(),
        }
    }

    /// `name:tag`, or `name` alone when the tag is empty.
    pub fn reference(&self) -> String {
        if self.tag.is_empty() {
            self.name.clone()
        } else {
            format!("{}:{}", self.name, self.tag)
        }
    }

    /// Split `repo[:tag][@digest]`; the tag is the part after the last ':' that follows the last '/'.
    pub fn parse(reference: &str) -> Image {
        let without_digest = reference.split('@').next().unwrap_or(reference);
        let slash = without_digest.rfind('/').map_or(0, |i| i + 1);
        match without_digest[slash..].rfind(':') {
            Some(i) => Image::new(
                &without_digest[..slash + i],
                &without_digest[slash + i + 1..],
            ),
            None => Image::new(without_digest, ""),
        }
    }
}

/// Source languages Tierboard can scaffold a Dockerfile and an app stub for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Python,
    Node,
    Go,
    Rust,
    Java,
    /// A static single-page app: built with Node, served by nginx.
    Static,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::Python,
        Language::Node,
        Language::Go,
        Language::Rust,
        Language::Java,
        Language::Static,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Node => "node",
            Language::Go => "go",
            Language::Rust => "rust",
            Language::Java => "java",
            Language::Static => "static",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Build {
    /// Scaffolded language; `None` for an imported build whose sources Tierboard does not write.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Build context relative to the project root; empty = `docker/<service>` (generated).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dockerfile: Option<String>,
    /// Stage used by the base and prod files (dev uses `development` where scaffolded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl Build {
    pub fn scaffold(language: Language) -> Self {
        Build {
            language: Some(language),
            context: String::new(),
            dockerfile: None,
            target: None,
            args: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    #[default]
    Tcp,
    Udp,
}

/// A container port, optionally published on the host.
///
/// The host side is a number (`published`), a `.env` variable (`published_var`), or both: the
/// variable with the number as its default (`${WEB_PORT:-8080}`). Imported files set the host
/// port through a variable of their own choosing (`"${FRONTEND_PORT}:8080"`); keeping its name
/// lets the checklist and the generator treat the port like any other while the person who
/// runs the project still sets it in `.env`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Port {
    pub container: u16,
    /// Host port, or the default of `published_var`; `None` and no variable = reachable only on
    /// the compose networks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<u16>,
    /// `.env` variable giving the host port (`FRONTEND_PORT`); `published` is its default, if
    /// any. Set = the port is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_var: Option<String>,
    /// Published on a host port Docker picks at start (`"127.0.0.1::80"`, `"3000"` alone), or,
    /// with `published_var`, unless that variable is set (`${AD_PORT:-}`); `published` is then
    /// unset.
    #[serde(default, skip_serializing_if = "is_false")]
    pub random_host: bool,
    /// Interface the published port binds to; `None` = `127.0.0.1` in generated files.
    /// `0.0.0.0` is an explicit choice to expose on every interface.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_ip: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub protocol: Protocol,
}

impl Port {
    pub fn internal(container: u16) -> Self {
        Port {
            container,
            published: None,
            published_var: None,
            random_host: false,
            host_ip: None,
            protocol: Protocol::Tcp,
        }
    }
    pub fn published(container: u16, host: u16) -> Self {
        Port {
            published: Some(host),
            ..Port::internal(container)
        }
    }

    /// Published on the host, by number, through a variable, or on a port Docker picks.
    pub fn is_published(&self) -> bool {
        self.published.is_some() || self.published_var.is_some() || self.random_host
    }

    /// The host side as compose writes it: `8080`, `${WEB_PORT:-8080}`, `${WEB_PORT}`, empty
    /// for a port Docker picks (`127.0.0.1::80`); `None` when not published.
    pub fn host_text(&self) -> Option<String> {
        match (&self.published_var, self.published) {
            (Some(var), Some(default)) => Some(format!("${{{var}:-{default}}}")),
            (Some(var), None) if self.random_host => Some(format!("${{{var}:-}}")),
            (Some(var), None) => Some(format!("${{{var}}}")),
            (None, Some(host)) => Some(host.to_string()),
            (None, None) => self.random_host.then(String::new),
        }
    }

    /// Set the host side from text as [`Port::host_text`] writes it, with `*` for a port Docker
    /// picks and empty for none: `8080`, `${WEB_PORT:-8080}`, `${WEB_PORT}`, `$WEB_PORT`.
    /// Anything else (another operator, a default that is no port, text around the variable)
    /// is refused, leaving the port as it was.
    pub fn set_host_text(&mut self, text: &str) -> Result<(), NotAHostPort> {
        use super::interpolation::{pieces, Operator, Piece};
        let text = text.trim();
        let number = |t: &str| t.trim().parse::<u16>().ok().filter(|p| *p > 0);
        let (published, var, random) = match text {
            "" => (None, None, false),
            "*" => (None, None, true),
            _ if !text.contains('$') => (Some(number(text).ok_or(NotAHostPort)?), None, false),
            _ => match pieces(text)[..] {
                [Piece::Var(v)] if v.valid_name() => match v.operator {
                    None => (None, Some(v.name.to_string()), false),
                    Some((Operator::Default, _)) if v.argument.is_empty() => {
                        (None, Some(v.name.to_string()), true)
                    }
                    Some((Operator::Default, _)) => (
                        Some(number(v.argument).ok_or(NotAHostPort)?),
                        Some(v.name.to_string()),
                        false,
                    ),
                    Some(_) => return Err(NotAHostPort),
                },
                _ => return Err(NotAHostPort),
            },
        };
        self.published = published;
        self.published_var = var;
        self.random_host = random;
        Ok(())
    }
}

/// Text [`Port::set_host_text`] cannot read as a host port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAHostPort;

/// One environment variable. Secret values never appear in generated compose files:
/// they become `${KEY}` references with a `<SET_IN_ENV>` placeholder in `.env.example`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnvVar {
    pub key: String,
    #[serde(default)]
    pub value: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub secret: bool,
}

impl EnvVar {
    pub fn plain(key: impl Into<String>, value: impl Into<String>) -> Self {
        EnvVar {
            key: key.into(),
            value: value.into(),
            secret: false,
        }
    }
    pub fn secret(key: impl Into<String>) -> Self {
        EnvVar {
            key: key.into(),
            value: String::new(),
            secret: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum MountKind {
    /// A named volume (`source` is the volume name): persistent data.
    Named,
    /// A host path (`source`): configuration or dev hot reload.
    Bind,
    /// In-memory scratch space (`source` unused).
    Tmpfs,
    /// An anonymous volume (only a target): an anti-pattern, kept to represent imported files.
    Anonymous,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mount {
    pub kind: MountKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    pub target: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub read_only: bool,
    /// Named volumes: storage estimate in GiB for planning; tmpfs: size in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

impl Mount {
    pub fn named(source: impl Into<String>, target: impl Into<String>) -> Self {
        Mount {
            kind: MountKind::Named,
            source: source.into(),
            target: target.into(),
            read_only: false,
            size: None,
        }
    }
    pub fn bind(source: impl Into<String>, target: impl Into<String>) -> Self {
        Mount {
            kind: MountKind::Bind,
            source: source.into(),
            target: target.into(),
            read_only: false,
            size: None,
        }
    }
    pub fn tmpfs(target: impl Into<String>) -> Self {
        Mount {
            kind: MountKind::Tmpfs,
            source: String::new(),
            target: target.into(),
            read_only: false,
            size: None,
        }
    }
}

/// Replicas per environment (dev and ci usually 1; prod from the scaling plan). Staging is
/// production-like and follows prod unless the design sets its own count (`None` = prod's):
/// designs and links from before staging existed open with staging = prod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Replicas {
    #[serde(default = "one")]
    pub dev: u32,
    #[serde(default = "one")]
    pub ci: u32,
    #[serde(default = "one")]
    pub prod: u32,
    /// Staging's own count; `None` = the prod count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staging: Option<u32>,
}

impl Replicas {
    /// The replicas staging runs: its own count, else prod's.
    pub fn staging(&self) -> u32 {
        self.staging.unwrap_or(self.prod)
    }
}

fn one() -> u32 {
    1
}

impl Default for Replicas {
    fn default() -> Self {
        Replicas {
            dev: 1,
            ci: 1,
            prod: 1,
            staging: None,
        }
    }
}

/// CPU (millicores) and memory (MiB) limits and reservations, and a process limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_limit_m: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_limit_mb: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_reservation_m: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_reservation_mb: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pids_limit: Option<u32>,
}

impl Resources {
    /// Limits as given; reservations at half the limits (a common starting point).
    pub fn sized(cpu_m: u32, memory_mb: u32) -> Self {
        Resources {
            cpu_limit_m: Some(cpu_m),
            memory_limit_mb: Some(memory_mb),
            cpu_reservation_m: Some(cpu_m / 2),
            memory_reservation_mb: Some(memory_mb / 2),
            pids_limit: None,
        }
    }
}

/// Exec-form healthcheck: `test[0]` is `CMD` or `CMD-SHELL`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Healthcheck {
    pub test: Vec<String>,
    #[serde(default = "interval")]
    pub interval_s: u32,
    #[serde(default = "timeout")]
    pub timeout_s: u32,
    #[serde(default = "retries")]
    pub retries: u32,
    #[serde(default = "start_period")]
    pub start_period_s: u32,
}

fn interval() -> u32 {
    10
}
fn timeout() -> u32 {
    5
}
fn retries() -> u32 {
    5
}
fn start_period() -> u32 {
    10
}

impl Healthcheck {
    /// `["CMD", args...]` with default timing.
    pub fn cmd<I: IntoIterator<Item = S>, S: Into<String>>(args: I) -> Self {
        let mut test = vec!["CMD".to_string()];
        test.extend(args.into_iter().map(Into::into));
        Healthcheck {
            test,
            interval_s: interval(),
            timeout_s: timeout(),
            retries: retries(),
            start_period_s: start_period(),
        }
    }
    /// `["CMD-SHELL", line]` with default timing.
    pub fn shell(line: impl Into<String>) -> Self {
        Healthcheck {
            test: vec!["CMD-SHELL".to_string(), line.into()],
            interval_s: interval(),
            timeout_s: timeout(),
            retries: retries(),
            start_period_s: start_period(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RestartPolicy {
    No,
    Always,
    OnFailure,
    #[default]
    UnlessStopped,
}

impl RestartPolicy {
    pub fn id(self) -> &'static str {
        match self {
            RestartPolicy::No => "no",
            RestartPolicy::Always => "always",
            RestartPolicy::OnFailure => "on-failure",
            RestartPolicy::UnlessStopped => "unless-stopped",
        }
    }
}

/// Seed 004's hardening block and the runtime settings that weaken isolation (KICS / CIS).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hardening {
    /// `user:` (`"10001:10001"`); `None` = the image's default user (often root).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub read_only_root: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_new_privileges: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub cap_drop_all: bool,
    /// Capabilities added back after dropping (e.g. `NET_BIND_SERVICE`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cap_add: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub privileged: bool,
    /// `network_mode` (`host`, `none`, `service:x`); `None` = the tier networks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_mode: Option<String>,
    /// `pid: host` and friends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipc: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub seccomp_unconfined: bool,
}

impl Hardening {
    /// The full seed-004 block for a service that tolerates a read-only root file system.
    pub fn full(user: &str) -> Self {
        Hardening {
            user: Some(user.to_string()),
            read_only_root: true,
            no_new_privileges: true,
            cap_drop_all: true,
            ..Hardening::default()
        }
    }
}

/// Kubernetes HorizontalPodAutoscaler settings (seed 003: min 2, max 10, 70 % CPU).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Autoscaling {
    pub min: u32,
    pub max: u32,
    pub cpu_target_pct: u32,
}

impl Default for Autoscaling {
    fn default() -> Self {
        Autoscaling {
            min: 2,
            max: 10,
            cpu_target_pct: 70,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references_split_at_the_tag_colon() {
        assert_eq!(
            Image::parse("postgres:16-alpine"),
            Image::new("postgres", "16-alpine")
        );
        assert_eq!(
            Image::parse("localhost:5000/app:1.2"),
            Image::new("localhost:5000/app", "1.2")
        );
        assert_eq!(
            Image::parse("localhost:5000/app"),
            Image::new("localhost:5000/app", "")
        );
        assert_eq!(Image::parse("redis@sha256:abc"), Image::new("redis", ""));
        assert_eq!(Image::new("redis", "7").reference(), "redis:7");
    }

    #[test]
    fn defaults_are_omitted_from_json() {
        let s = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"id":1,"name":"api","kind":"custom","tier":"backend"}"#
        );
        let back: Service = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn host_text_reads_back_what_it_writes() {
        let mut p = Port::internal(80);
        for text in [
            "8080",
            "${WEB_PORT:-8080}",
            "${WEB_PORT}",
            "${WEB_PORT:-}",
            "",
            "*",
        ] {
            p.set_host_text(text).expect(text);
            let back = if text == "*" {
                Some(String::new())
            } else {
                Some(text.to_string()).filter(|t| !t.is_empty())
            };
            assert_eq!(p.host_text(), back, "{text}");
        }
        p.set_host_text("$X").unwrap();
        assert_eq!(p.host_text().as_deref(), Some("${X}"));
        let before = p.clone();
        for bad in ["0", "70000", "${X:-a}", "${X:+1}", "a${X}", "${1X}", "http"] {
            assert_eq!(p.set_host_text(bad), Err(NotAHostPort), "{bad}");
            assert_eq!(p, before, "a refused text changes nothing");
        }
    }
}

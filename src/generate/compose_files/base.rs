//! `docker-compose.yml`, the common base every environment starts from (seed 000's "gemeinsame
//! Basis", seed 002's modular files): every service with a pinned image or a build, healthcheck,
//! `depends_on` with conditions, `restart`, rotated json-file logs, tier networks (data
//! `internal: true`), named volumes, ports bound to an explicit interface, seed 004's hardening
//! block as the design sets it, secrets required from `.env`, profiles, traefik labels.
//!
//! Invariants: no `version:` key; a data store publishes no port; no secret value is written
//! (only `${KEY:?...}` references); built services name their image and `pull_policy: build`.

use super::model::{
    BuildDef, ComposeFile, ComposeService, Condition, Dependency, DeployDef, LoggingDef, Merge,
    NetworkDef, Other, VolumeDef, VolumeEntry,
};
use super::order::{ComposeKey, KeyMap};
use super::plan::{self, built_image, ComposePlan, ComposeServicePlan, DEFAULT_VERSION};
use super::verbatim;
use crate::generate::layout;
use crate::generate::shared::compose_values;
use crate::model::{LoggingTarget, MountKind, Service};

/// Default tmpfs size when the design gives none: 64 MiB.
const DEFAULT_TMPFS_MIB: u64 = 64;

pub fn file(plan: &ComposePlan) -> ComposeFile {
    let mut f = ComposeFile::named(&plan.project);
    verbatim::collect_top_level(&mut f, &plan.design.extra);
    for sp in &plan.services {
        for m in &sp.service.volumes {
            if m.kind == MountKind::Named {
                f.volumes
                    .insert(ComposeKey::from(m.source.as_str()), VolumeDef::default());
            }
        }
        f.services.insert(
            ComposeKey::from(sp.service.name.as_str()),
            service(plan, sp),
        );
    }
    for tier in plan.tiers_used() {
        f.networks.insert(
            ComposeKey::from(ComposePlan::network(tier)),
            NetworkDef {
                internal: crate::generate::networks::is_internal(tier),
            },
        );
    }
    f
}

fn service(plan: &ComposePlan, sp: &ComposeServicePlan) -> ComposeService {
    let s = sp.service;
    let mut c = ComposeService::default();
    match (&sp.build_context, &s.build) {
        (Some(context), Some(b)) => {
            c.image = Some(match &s.image {
                Some(image) => image.reference(),
                None => built_image(
                    plan,
                    s,
                    &format!("${{{}:-{DEFAULT_VERSION}}}", plan.version_var),
                ),
            });
            c.build = Some(Merge::Plain(BuildDef {
                context: context.clone(),
                dockerfile: b.dockerfile.clone(),
                target: b.target.clone(),
                args: crate::sorting::btree_map(
                    b.args
                        .iter()
                        .map(|(k, v)| (ComposeKey::from(k.as_str()), v.clone())),
                ),
            }));
            c.set("pull_policy", Other::Text("build".into()));
        }
        // A generated nginx proxy is built from its own context (Dockerfile + nginx.conf).
        (Some(context), None) => {
            c.image = Some(built_image(
                plan,
                s,
                &format!("${{{}:-{DEFAULT_VERSION}}}", plan.version_var),
            ));
            c.build = Some(Merge::Plain(BuildDef {
                context: context.clone(),
                ..BuildDef::default()
            }));
            c.set("pull_policy", Other::Text("build".into()));
        }
        _ => c.image = s.image.as_ref().map(|i| i.reference()),
    }
    c.depends_on =
        crate::sorting::btree_map(sp.depends_on.iter().map(|(name, healthy, required)| {
            let condition = if *healthy {
                Condition::ServiceHealthy
            } else {
                Condition::ServiceStarted
            };
            (
                ComposeKey::from(name.as_str()),
                Dependency {
                    condition,
                    required: *required,
                },
            )
        }));
    let mut volumes = volume_entries(s);
    // Prometheus reads the generated scrape configuration unless the design mounts its own.
    // A design (or an imported file) that mounts its own configuration anywhere under
    // /etc/prometheus keeps it.
    let config_target = "/etc/prometheus/prometheus.yml";
    let own_config = s
        .volumes
        .iter()
        .any(|m| m.target == "/etc/prometheus" || m.target.starts_with("/etc/prometheus/"));
    if s.kind == "prometheus" && !own_config {
        volumes.insert(
            0,
            VolumeEntry::Short(format!(
                "./{}:{config_target}:ro",
                layout::PROMETHEUS_CONFIG
            )),
        );
    }
    if !volumes.is_empty() {
        c.volumes = Some(Merge::Plain(volumes));
    }
    let env = environment(s);
    if !env.is_empty() {
        c.environment = Some(Merge::Plain(env));
    }
    if !sp.published.is_empty() {
        c.ports = Some(Merge::Plain(
            sp.published.iter().map(|p| p.short_syntax()).collect(),
        ));
    }
    c.networks = sp
        .networks
        .iter()
        .map(|t| ComposePlan::network(*t).to_string())
        .collect();
    c.network_mode = s.hardening.network_mode.clone();
    if !s.command.is_empty() {
        c.command = Some(Merge::Plain(s.command.clone()));
    }
    c.restart = Some(s.restart.id().to_string());
    c.healthcheck = s.healthcheck.as_ref().map(compose_values::healthcheck);
    c.logging = Some(logging(plan.design.settings.ops.logging));
    if sp.routed {
        c.labels = traefik_labels(plan, sp);
    }
    c.user = s.hardening.user.clone();
    hardening(&mut c, s);
    if let Some(deploy) = resources(s) {
        c.set("deploy", Other::Deploy(deploy));
    }
    if !s.profiles.is_empty() {
        c.set("profiles", Other::List(s.profiles.clone()));
    }
    verbatim::collect_service(&mut c, s, plan::is_data_store(s));
    c
}

/// Named volumes and binds in short syntax (`name:/path[:ro]`), tmpfs in long syntax with an
/// integer byte size. A read-only root gets a `/tmp` tmpfs if the design has none.
pub fn volume_entries(s: &Service) -> Vec<VolumeEntry> {
    let mut out = Vec::new();
    for m in &s.volumes {
        let ro = if m.read_only { ":ro" } else { "" };
        match m.kind {
            MountKind::Named | MountKind::Bind => {
                out.push(VolumeEntry::Short(format!("{}:{}{ro}", m.source, m.target)))
            }
            MountKind::Anonymous => out.push(VolumeEntry::Short(m.target.clone())),
            MountKind::Tmpfs => out.push(VolumeEntry::tmpfs(m.target.clone(), tmpfs_bytes(m.size))),
        }
    }
    // An imported service-level `tmpfs: /tmp` (kept verbatim) already provides the scratch
    // space; mounting it twice makes compose refuse the file ("target /tmp already mounted").
    let has_tmp = s
        .volumes
        .iter()
        .any(|m| m.kind == MountKind::Tmpfs && m.target == "/tmp")
        || s.extra.get("tmpfs").is_some_and(mentions_tmp);
    if s.hardening.read_only_root && !has_tmp {
        out.push(VolumeEntry::tmpfs("/tmp", tmpfs_bytes(None)));
    }
    out
}

/// Whether a verbatim `tmpfs:` value (a string or a list of `path[:options]`) mounts `/tmp`.
fn mentions_tmp(value: &serde_json::Value) -> bool {
    let is_tmp = |v: &serde_json::Value| {
        v.as_str()
            .is_some_and(|t| t.split(':').next() == Some("/tmp"))
    };
    match value {
        serde_json::Value::Array(items) => items.iter().any(is_tmp),
        other => is_tmp(other),
    }
}

pub fn tmpfs_bytes(size_mib: Option<u32>) -> u64 {
    u64::from(size_mib.map_or(DEFAULT_TMPFS_MIB as u32, |m| m.max(1))) * 1024 * 1024
}

/// Plain values as written in the design; secrets as required `.env` references.
pub fn environment(s: &Service) -> KeyMap<String> {
    crate::sorting::btree_map(s.environment.iter().map(|e| {
        let value = if e.secret {
            secret_reference(&e.key)
        } else {
            e.value.clone()
        };
        (ComposeKey::from(e.key.as_str()), value)
    }))
}

/// `${KEY:?...}`: Compose stops with this message when `.env` lacks the secret.
pub fn secret_reference(key: &str) -> String {
    format!("${{{key}:?set {key} in .env (see .env.example)}}")
}

/// json-file with rotation everywhere; for a central collector each line also carries the
/// compose project and service labels, which Promtail/Fluent Bit use to route logs.
fn logging(target: LoggingTarget) -> LoggingDef {
    let mut options = KeyMap::new();
    options.insert(ComposeKey::from("max-size"), "10m".to_string());
    options.insert(ComposeKey::from("max-file"), "3".to_string());
    if target == LoggingTarget::Central {
        options.insert(
            ComposeKey::from("labels"),
            "com.docker.compose.project,com.docker.compose.service".to_string(),
        );
    }
    LoggingDef {
        driver: "json-file".into(),
        options,
    }
}

/// Traefik's docker provider labels: opt in (`exposedbydefault=false`), route `Host(<name>.localhost)`
/// on the `web` entry point to the main port, over the network traefik shares with the service.
fn traefik_labels(plan: &ComposePlan, sp: &ComposeServicePlan) -> KeyMap<String> {
    let s = sp.service;
    let router = layout::slug(&s.name);
    let mut labels = KeyMap::new();
    let mut put = |k: String, v: String| {
        labels.insert(ComposeKey::from(k), v);
    };
    put("traefik.enable".into(), "true".into());
    put(
        "traefik.docker.network".into(),
        format!("{}_{}", plan.project, ComposePlan::network(s.tier)),
    );
    put(
        format!("traefik.http.routers.{router}.entrypoints"),
        "web".into(),
    );
    put(
        format!("traefik.http.routers.{router}.rule"),
        format!("Host(`{router}.localhost`)"),
    );
    if let Some(p) = s.ports.first() {
        put(
            format!("traefik.http.services.{router}.loadbalancer.server.port"),
            p.container.to_string(),
        );
    }
    labels
}

/// Seed 004's hardening block and the isolation-weakening settings, as the design sets them.
fn hardening(c: &mut ComposeService, s: &Service) {
    let h = &s.hardening;
    if h.cap_drop_all {
        c.set("cap_drop", Other::List(vec!["ALL".into()]));
    }
    if !h.cap_add.is_empty() {
        c.set("cap_add", Other::List(h.cap_add.clone()));
    }
    if h.read_only_root {
        c.set("read_only", Other::Bool(true));
    }
    let mut security_opt = Vec::new();
    if h.no_new_privileges {
        security_opt.push("no-new-privileges:true".to_string());
    }
    if h.seccomp_unconfined {
        security_opt.push("seccomp:unconfined".to_string());
    }
    if !security_opt.is_empty() {
        c.set("security_opt", Other::List(security_opt));
    }
    if h.privileged {
        c.set("privileged", Other::Bool(true));
    }
    if let Some(pid) = &h.pid {
        c.set("pid", Other::Text(pid.clone()));
    }
    if let Some(ipc) = &h.ipc {
        c.set("ipc", Other::Text(ipc.clone()));
    }
}

/// `deploy.resources` limits and reservations from the design (Compose applies them too).
pub fn resources(s: &Service) -> Option<DeployDef> {
    Some(DeployDef {
        replicas: None,
        resources: Some(compose_values::resources(s)?),
    })
}

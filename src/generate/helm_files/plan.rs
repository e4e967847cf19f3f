//! From a design to the chart's values: one pass that decides, per service, the workload kind,
//! image, probes, security settings, storage, secrets and network rules, and records every
//! change from the compose behaviour as a note for the chart README.
//!
//! Decisions (documented in the generated README too):
//! - a service keeping data in a named volume is a StatefulSet (one PersistentVolumeClaim per
//!   volume, sized by the mount or the planner's estimate); every other service a Deployment;
//! - `values.yaml` runs one replica each with autoscaling off (a first install, like compose
//!   dev); `values-prod.yaml` sets the prod replicas and turns on autoscaling where designed;
//! - a service in profiles runs only when one of them is `prod`; others start `enabled: false`
//!   (`--set components.<name>.enabled=true` turns them on), as do services the cluster replaces.

use super::network::{self, Topology};
use super::readme::texts;
use super::values::*;
use super::{interpolate, names, probe, security};
use crate::generate::layout;
use crate::generate::shared::secret_files as secrets;
use crate::i18n::Lang;
use crate::model::{Design, MountKind, Protocol, Service, ServiceId, Tier};
use crate::planner;
use std::collections::BTreeMap;

/// Defaults for a service without resource figures (seed 003's "others").
const DEFAULT_CPU_M: u32 = 500;
const DEFAULT_MEMORY_MB: u32 = 256;

/// One service's row in the README.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceReport {
    pub name: String,
    pub compose_name: String,
    pub workload: &'static str,
    pub enabled: bool,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartPlan {
    /// Chart name and directory (`helm/<name>`).
    pub name: String,
    pub values: Values,
    /// Per service: the prod replica count and whether autoscaling is designed (values-prod).
    pub prod: BTreeMap<String, (u32, bool)>,
    pub reports: Vec<ServiceReport>,
    /// Notes about the whole design (refused links, ingress hosts).
    pub notes: Vec<String>,
}

pub fn plan(design: &Design) -> ChartPlan {
    let lang = design.settings.docs_lang;
    let chart = layout::helm_chart_name(design);
    let k8s = names::service_names(design);
    let name_of = |id: ServiceId| k8s.get(&id).cloned().unwrap_or_default();
    let topo = network::topology(design);
    let estimates = planner::plan(design);
    let registry = layout::registry(design);

    let mut services = BTreeMap::new();
    let mut reports = Vec::new();
    let mut prod = BTreeMap::new();
    for s in &design.services {
        let name = name_of(s.id);
        let volumes: BTreeMap<String, u32> = estimates
            .service(&s.name)
            .map(|p| {
                crate::sorting::btree_map(p.volumes.iter().map(|v| (v.name.clone(), v.size_gb)))
            })
            .unwrap_or_default();
        let (values, mut notes) =
            service_values(s, &name, &registry, &topo, &name_of, &volumes, lang);
        if name != s.name {
            notes.insert(
                0,
                texts::N_RENAMED.fill(
                    lang,
                    &[
                        ("name", &format!("`{name}`")),
                        ("compose", &format!("`{}`", s.name)),
                    ],
                ),
            );
        }
        prod.insert(
            name.clone(),
            (s.replicas.prod.max(1), s.autoscaling.is_some()),
        );
        reports.push(ServiceReport {
            name: name.clone(),
            compose_name: s.name.clone(),
            workload: values.workload,
            enabled: values.enabled,
            notes,
        });
        services.insert(name, values);
    }

    let rules: Vec<IngressRule> = topo
        .entries
        .iter()
        .filter_map(|id| design.service(*id))
        .filter_map(|s| {
            let port = s.published_ports().next().or(s.ports.first())?.container;
            let host = if topo.entries.len() == 1 {
                format!("{chart}.example.com")
            } else {
                format!("{}.{chart}.example.com", name_of(s.id))
            };
            Some(IngressRule {
                host,
                service: name_of(s.id),
                port,
            })
        })
        .collect();
    let mut notes: Vec<String> = topo
        .refused
        .iter()
        .map(|(f, t)| {
            texts::N_LINK_REFUSED.fill(lang, &[("from", &name_of(*f)), ("to", &name_of(*t))])
        })
        .collect();
    if !rules.is_empty() {
        notes.push(texts::N_INGRESS_HOSTS.get(lang).to_string());
    }
    let values = Values {
        global: Global {
            image_tag: String::new(),
            image_pull_policy: "Always".to_string(),
        },
        ingress: Ingress {
            enabled: !rules.is_empty(),
            class_name: String::new(),
            tls: Tls {
                enabled: false,
                existing_secret_name: format!("{chart}-tls"),
            },
            rules,
        },
        network_policy: NetworkPolicy {
            enabled: true,
            ingress_controller_namespace: "ingress-nginx".to_string(),
            dns_namespace: "kube-system".to_string(),
        },
        components: services,
    };
    ChartPlan {
        name: chart,
        values,
        prod,
        reports,
        notes,
    }
}

/// One component's values and the README notes about it (what the chart does differently from
/// compose, and why); each part below owns one concern and adds its own notes.
fn service_values(
    s: &Service,
    name: &str,
    registry: &str,
    topo: &Topology,
    name_of: &dyn Fn(ServiceId) -> String,
    volume_sizes: &BTreeMap<String, u32>,
    lang: Lang,
) -> (ServiceValues, Vec<String>) {
    let sec = security::pod_security(s, lang);
    let mut notes = sec.notes.clone();
    let replaced = topo.replaced.get(&s.id);
    if let Some(reason) = replaced {
        notes.insert(
            0,
            texts::N_OFF_REPLACED.fill(lang, &[("reason", reason.get(lang))]),
        );
    }
    let profile_on = s.profiles.is_empty() || s.profiles.iter().any(|p| p == "prod");
    if !profile_on {
        notes.insert(
            0,
            texts::N_OFF_PROFILES.fill(
                lang,
                &[
                    ("profiles", &s.profiles.join(", ")),
                    ("flag", &format!("`--set components.{name}.enabled=true`")),
                ],
            ),
        );
    }
    let (env, args) = environment(s, &sec, lang, &mut notes);
    let (probe, start, origin) = probe::probe(s);
    match origin {
        probe::Origin::Healthcheck => {}
        probe::Origin::PortFallback => notes.push(texts::N_PORT_PROBE.get(lang).into()),
        probe::Origin::Placeholder => notes.push(texts::N_PLACEHOLDER_PROBE.get(lang).into()),
    }
    let resources = resource_values(s, lang, &mut notes);
    let (scratch, persistence) =
        mounts(s, &sec, replaced.is_some(), volume_sizes, lang, &mut notes);
    let secrets = secret_values(s, name, lang, &mut notes);
    let workload = if persistence.is_empty() {
        "Deployment"
    } else {
        "StatefulSet"
    };
    let values = ServiceValues {
        enabled: replaced.is_none() && profile_on,
        workload,
        tier: s.tier.id(),
        image: image_values(s, registry),
        replicas: 1,
        args,
        env,
        ports: port_values(s),
        probe,
        start_period_seconds: start,
        resources,
        autoscaling: autoscaling_values(s),
        security_context: SecurityValues {
            run_as_user: sec.run_as_user,
            run_as_group: sec.run_as_group,
            fs_group: sec.fs_group,
        },
        scratch,
        persistence,
        secrets,
        config_files: config_files(s, name),
        network_policy: network_policy(s, topo, name_of),
    };
    (values, notes)
}

/// The image as the design names it, or the registry image the project builds.
fn image_values(s: &Service, registry: &str) -> ImageValues {
    match &s.image {
        Some(i) => ImageValues {
            repository: i.name.clone(),
            tag: i.tag.clone(),
            digest: String::new(),
            built: false,
        },
        None => ImageValues {
            repository: format!("{registry}/{}", layout::slug(&s.name)),
            tag: String::new(),
            digest: String::new(),
            built: true,
        },
    }
}

/// Environment and arguments: the design's variables in order, then what the kind needs under
/// the pod's security settings, compose interpolation turned into Kubernetes' `$(VAR)` where it
/// can be (a note names what cannot). Secrets never appear here (see `secrets`).
fn environment(
    s: &Service,
    sec: &security::PodSecurity,
    lang: Lang,
    notes: &mut Vec<String>,
) -> (Vec<NameValue>, Vec<String>) {
    let mut env: Vec<NameValue> = Vec::new();
    let mut dropped = Vec::new();
    for e in s.environment.iter().filter(|e| !e.secret) {
        let defined = |n: &str| env.iter().any(|v: &NameValue| v.name == n);
        let (value, lost) = interpolate::for_kubernetes(&e.value, &defined);
        dropped.extend(lost);
        env.push(NameValue {
            name: e.key.clone(),
            value,
        });
    }
    for (k, v) in &sec.env {
        env.push(NameValue {
            name: k.clone(),
            value: v.clone(),
        });
    }
    let args: Vec<String> = s
        .command
        .iter()
        .map(|a| {
            let (value, lost) =
                interpolate::for_kubernetes(a, &|n| env.iter().any(|v| v.name == n));
            dropped.extend(lost);
            value
        })
        .collect();
    crate::sorting::sort(&mut dropped);
    dropped.dedup();
    if !dropped.is_empty() {
        notes.push(texts::N_NO_VALUE.fill(lang, &[("names", &dropped.join(", "))]));
    }
    (env, args)
}

/// Container ports, each (port, protocol) once.
fn port_values(s: &Service) -> Vec<PortValues> {
    s.ports.iter().fold(Vec::<PortValues>::new(), |mut acc, p| {
        let proto = if p.protocol == Protocol::Udp {
            "UDP"
        } else {
            "TCP"
        };
        if !acc
            .iter()
            .any(|q| q.port == p.container && q.protocol == proto)
        {
            acc.push(PortValues {
                name: names::port_name(p.protocol, p.container),
                port: p.container,
                protocol: proto,
            });
        }
        acc
    })
}

/// Requests and limits; a service without limits gets the chart's defaults and a note.
fn resource_values(s: &Service, lang: Lang, notes: &mut Vec<String>) -> ResourceValues {
    let r = &s.resources;
    let limit_cpu = r.cpu_limit_m.unwrap_or(DEFAULT_CPU_M).max(1);
    let limit_mem = r.memory_limit_mb.unwrap_or(DEFAULT_MEMORY_MB).max(1);
    if r.cpu_limit_m.is_none() || r.memory_limit_mb.is_none() {
        notes.push(texts::N_NO_LIMITS.fill(
            lang,
            &[
                ("cpu", &DEFAULT_CPU_M.to_string()),
                ("memory", &DEFAULT_MEMORY_MB.to_string()),
            ],
        ));
    }
    let req_cpu = r.cpu_reservation_m.unwrap_or(limit_cpu).clamp(1, limit_cpu);
    let req_mem = r
        .memory_reservation_mb
        .unwrap_or(limit_mem)
        .clamp(1, limit_mem);
    ResourceValues {
        requests: Quantities {
            cpu: format!("{req_cpu}m"),
            memory: format!("{req_mem}Mi"),
        },
        limits: Quantities {
            cpu: format!("{limit_cpu}m"),
            memory: format!("{limit_mem}Mi"),
        },
    }
}

/// The design's autoscaling bounds, off until the operator turns the HPA on.
fn autoscaling_values(s: &Service) -> AutoscalingValues {
    let a = s.autoscaling.unwrap_or_default();
    AutoscalingValues {
        enabled: false,
        min_replicas: a.min.max(1),
        max_replicas: a.max.max(a.min).max(1),
        target_cpu_utilization_percentage: a.cpu_target_pct.clamp(1, 100),
    }
}

/// Mounts: named volumes become claims (sized by the planner); tmpfs and anonymous volumes
/// scratch space; host binds are not carried into a cluster (a note says so, unless the
/// component is replaced anyway).
fn mounts(
    s: &Service,
    sec: &security::PodSecurity,
    replaced: bool,
    volume_sizes: &BTreeMap<String, u32>,
    lang: Lang,
    notes: &mut Vec<String>,
) -> (Vec<MountValues>, Vec<PersistenceValues>) {
    let mut scratch: Vec<MountValues> = sec
        .writable
        .iter()
        .map(|(n, p)| MountValues {
            name: n.clone(),
            mount_path: p.clone(),
        })
        .collect();
    let mut persistence: Vec<PersistenceValues> = Vec::new();
    for m in &s.volumes {
        if persistence.iter().any(|p| p.mount_path == m.target)
            || scratch.iter().any(|p| p.mount_path == m.target)
        {
            continue;
        }
        match m.kind {
            MountKind::Named => {
                let claim = names::dns_label(&m.source);
                if persistence.iter().any(|p| p.name == claim) {
                    notes.push(texts::N_VOLUME_ONCE.fill(lang, &[("name", &m.source)]));
                    continue;
                }
                let gb = volume_sizes
                    .get(&m.source)
                    .copied()
                    .unwrap_or(planner::OTHER_VOLUME_GB)
                    .max(1);
                persistence.push(PersistenceValues {
                    name: claim,
                    mount_path: m.target.clone(),
                    size: format!("{gb}Gi"),
                    storage_class_name: String::new(),
                });
            }
            MountKind::Tmpfs | MountKind::Anonymous => {
                let n = scratch.len();
                scratch.push(MountValues {
                    name: format!("scratch-{n}"),
                    mount_path: m.target.clone(),
                });
            }
            MountKind::Bind if replaced => {}
            MountKind::Bind => notes.push(
                texts::N_BIND_MOUNT.fill(lang, &[("source", &m.source), ("target", &m.target)]),
            ),
        }
    }
    (scratch, persistence)
}

/// The existing Secret a component mounts as files, and a note naming the keys its image
/// cannot read from a file.
fn secret_values(
    s: &Service,
    name: &str,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Option<SecretValues> {
    let secret_vars: Vec<_> = secrets::secret_vars(s).collect();
    let unread: Vec<&str> = secret_vars
        .iter()
        .filter(|e| secrets::file_env(s, e).is_none())
        .map(|e| e.key.as_str())
        .collect();
    if !unread.is_empty() {
        notes.push(texts::N_SECRET_FROM_ENV.fill(lang, &[("keys", &unread.join(", "))]));
    }
    (!secret_vars.is_empty()).then(|| SecretValues {
        existing_secret_name: format!("{name}-secrets"),
        files: secret_vars
            .iter()
            .map(|e| SecretFile {
                key: secrets::file_name(&e.key),
                env: secrets::file_env(s, e),
            })
            .collect(),
    })
}

/// Who may call the component and whom it calls (the design's links), for its NetworkPolicy.
fn network_policy(
    s: &Service,
    topo: &Topology,
    name_of: &dyn Fn(ServiceId) -> String,
) -> ServiceNetworkPolicy {
    ServiceNetworkPolicy {
        from: topo
            .allowed_from
            .get(&s.id)
            .map(|v| v.iter().map(|id| name_of(*id)).collect())
            .unwrap_or_default(),
        to: crate::sorting::btree_set(
            topo.allowed_from
                .iter()
                .filter(|(_, from)| from.contains(&s.id))
                .map(|(to, _)| name_of(*to)),
        )
        .into_iter()
        .collect(),
        ingress_controller: topo.entries.contains(&s.id),
        external_egress: s.tier != Tier::Data,
    }
}

/// The generated configs a kind reads, copied into the chart (see `helm_files::config_copies`).
fn config_files(s: &Service, name: &str) -> Vec<ConfigFileValues> {
    match s.kind.as_str() {
        "nginx" => vec![ConfigFileValues {
            key: "nginx.conf".into(),
            file: format!("files/{name}/nginx.conf"),
            mount_path: "/etc/nginx/nginx.conf".into(),
        }],
        "prometheus" => vec![ConfigFileValues {
            key: "prometheus.yml".into(),
            file: format!("files/{name}/prometheus.yml"),
            mount_path: "/etc/prometheus/prometheus.yml".into(),
        }],
        _ => Vec::new(),
    }
}

/// The services whose config file the chart carries, and where it goes in the chart.
pub fn config_targets(design: &Design) -> Vec<(&Service, String)> {
    let k8s = names::service_names(design);
    design
        .services
        .iter()
        .filter_map(|s| {
            let name = k8s.get(&s.id)?;
            let file = config_files(s, name).into_iter().next()?.file;
            Some((s, file))
        })
        .collect()
}

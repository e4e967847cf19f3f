//! `docker-stack.yml` from the design: the same services as the compose files, as Swarm runs
//! them (seed 003's `docker stack deploy` / `docker service scale`).
//!
//! Decisions (the Swarm doc repeats them for the operator):
//! - images only: built services run `${REGISTRY}/<service>:${VERSION}` like the prod compose
//!   file, VERSION required;
//! - services in `dev`/`ci` profiles are left out; services in other optional profiles are in the
//!   stack with 0 replicas (`docker service scale <stack>_<service>=1` turns them on; Swarm has no
//!   profiles); everything else runs its prod replicas;
//! - `deploy`: replicas, the design's limits and reservations, rolling updates one task at a
//!   time (start-first for stateless services, stop-first for services with volumes) that roll
//!   back on failure, a restart policy from the compose `restart`; services with named volumes
//!   are pinned to nodes labelled `<project>.data=true` (a local volume does not follow a task
//!   to another node), Traefik to a manager (it reads the Swarm API through the socket);
//! - overlay networks per tier, the data network internal; each service joins its tier and the
//!   tiers of the services it links to;
//! - secrets are external Docker secrets (`docker secret create`), mounted as files where the
//!   image reads `<KEY>_FILE`; other secret variables come from the deploying shell, required;
//! - only entry points publish (the first published port of each frontend service no other
//!   frontend service calls), through the routing mesh, which listens on every node.

use super::model::*;
use crate::generate::layout;
use crate::generate::shared::compose_values::{healthcheck, resources};
use crate::generate::shared::secret_files as secrets;
use crate::model::{Design, MountKind, RestartPolicy, Service, Tier};
use std::collections::BTreeMap;

/// Profiles that mean "not in production": their services are not in the stack at all.
const LOCAL_PROFILES: &[&str] = &["dev", "ci"];

/// The stack of `design`; built images are tagged with the variable `version`.
pub fn stack(design: &Design, version: &str) -> StackFile {
    let project = layout::project_name(design);
    let registry = layout::registry(design);
    let mut file = StackFile::default();
    let traefik: Vec<&Service> = design.services.iter().filter(|s| is_traefik(s)).collect();
    for s in design.services.iter().filter(|s| in_stack(s)) {
        let mut c = StackService {
            image: image(s, &registry, version),
            ..StackService::default()
        };
        for m in &s.volumes {
            // Named volumes and binds name a source and may be read-only; tmpfs and anonymous
            // volumes are the container's own scratch space.
            let (kind, source) = match m.kind {
                MountKind::Named => {
                    file.volumes.insert(m.source.clone(), VolumeDef {});
                    ("volume", Some(m.source.clone()))
                }
                MountKind::Bind => ("bind", Some(m.source.clone())),
                MountKind::Tmpfs => ("tmpfs", None),
                MountKind::Anonymous => ("volume", None),
            };
            let mount = VolumeMount {
                kind,
                read_only: source.is_some() && m.read_only,
                source,
                target: m.target.clone(),
                tmpfs: (m.kind == MountKind::Tmpfs).then(|| TmpfsOptions {
                    size: u64::from(m.size.unwrap_or(64)) * 1024 * 1024,
                }),
            };
            c.volumes.push(mount);
        }
        for e in &s.environment {
            if !e.secret {
                c.environment.insert(e.key.clone(), e.value.clone());
            } else if let Some(file_env) = secrets::file_env(s, e) {
                let name = secret_name(s, &e.key);
                c.environment
                    .insert(file_env, format!("/run/secrets/{name}"));
                c.secrets.push(name.clone());
                file.secrets.insert(name, SecretDef { external: true });
            } else {
                c.environment.insert(
                    e.key.clone(),
                    format!("${{{0}:?set {0} in the deploying shell}}", e.key),
                );
            }
        }
        if is_entry(design, s) {
            if let Some(p) = s.published_ports().next().or(s.ports.first()) {
                let suffix = if p.protocol == crate::model::Protocol::Udp {
                    "/udp"
                } else {
                    ""
                };
                // A host port the design gives through a variable stays one (the deploying
                // shell sets it), with the container port when it has no default.
                let host = match &p.published_var {
                    Some(var) => format!("${{{var}:-{}}}", p.published.unwrap_or(p.container)),
                    None => p.published.unwrap_or(p.container).to_string(),
                };
                c.ports
                    .push(format!("0.0.0.0:{host}:{}{suffix}", p.container));
            }
        }
        let tiers = tiers(design, s);
        for t in &tiers {
            file.networks.insert(
                t.id().to_string(),
                NetworkDef {
                    driver: "overlay",
                    internal: crate::generate::networks::is_internal(*t),
                },
            );
        }
        c.networks = tiers.iter().map(|t| t.id().to_string()).collect();
        c.command = if is_traefik(s) {
            swarm_provider(&s.command)
        } else {
            s.command.clone()
        };
        c.healthcheck = s.healthcheck.as_ref().map(healthcheck);
        c.user = s.hardening.user.clone();
        c.cap_add = s.hardening.cap_add.clone();
        if s.hardening.cap_drop_all {
            c.cap_drop = vec!["ALL".to_string()];
        }
        c.read_only = s.hardening.read_only_root;
        c.deploy = deploy(design, s, &project, &traefik);
        file.services.insert(s.name.clone(), c);
    }
    file
}

fn in_stack(s: &Service) -> bool {
    s.profiles.is_empty()
        || s.profiles
            .iter()
            .any(|p| !LOCAL_PROFILES.contains(&p.as_str()))
}

/// Runs with its prod replicas: no profile, or `prod` among them.
fn on_by_default(s: &Service) -> bool {
    s.profiles.is_empty() || s.profiles.iter().any(|p| p == "prod")
}

fn is_traefik(s: &Service) -> bool {
    s.kind == "traefik"
        || s.image
            .as_ref()
            .is_some_and(|i| i.name.rsplit('/').next() == Some("traefik"))
}

fn has_volume(s: &Service) -> bool {
    s.volumes.iter().any(|m| m.kind == MountKind::Named)
}

/// A frontend service no other frontend service calls.
fn is_entry(design: &Design, s: &Service) -> bool {
    s.tier == Tier::Frontend
        && !design.links.iter().any(|l| {
            l.to == s.id
                && l.from != s.id
                && design
                    .service(l.from)
                    .is_some_and(|f| f.tier == Tier::Frontend && in_stack(f))
        })
}

/// The service's own tier and the tiers of what it links to, top to bottom.
fn tiers(design: &Design, s: &Service) -> Vec<Tier> {
    crate::generate::networks::tier_networks(design, s)
        .into_iter()
        .collect()
}

fn image(s: &Service, registry: &str, version: &str) -> String {
    match &s.image {
        Some(i) => i.reference(),
        None => format!(
            "${{REGISTRY:-{registry}}}/{}:${{{version}:?set {version} to the release tag}}",
            layout::slug(&s.name)
        ),
    }
}

/// Docker secret name: `<service>_<key>` in lower case (`users_db_postgres_password`).
pub fn secret_name(s: &Service, key: &str) -> String {
    format!(
        "{}_{}",
        secrets::file_name(&s.name),
        secrets::file_name(key)
    )
}

/// Traefik's docker provider flags as Swarm provider flags (`--providers.docker.x` → `--providers.swarm.x`).
fn swarm_provider(command: &[String]) -> Vec<String> {
    command
        .iter()
        .map(|a| a.replacen("--providers.docker", "--providers.swarm", 1))
        .collect()
}

fn deploy(design: &Design, s: &Service, project: &str, traefik: &[&Service]) -> DeployDef {
    let stateful = has_volume(s);
    let order = if stateful {
        "stop-first"
    } else {
        "start-first"
    };
    let update = UpdateDef {
        parallelism: 1,
        delay: "10s",
        failure_action: "rollback",
        monitor: "30s",
        order,
    };
    let rollback = UpdateDef {
        failure_action: "pause",
        ..update.clone()
    };
    let restart_policy = match s.restart {
        RestartPolicy::No => RestartPolicyDef {
            condition: "none",
            delay: "5s",
            max_attempts: None,
            window: "120s",
        },
        RestartPolicy::OnFailure => RestartPolicyDef {
            condition: "on-failure",
            delay: "5s",
            max_attempts: Some(5),
            window: "120s",
        },
        RestartPolicy::Always | RestartPolicy::UnlessStopped => RestartPolicyDef {
            condition: "any",
            delay: "5s",
            max_attempts: None,
            window: "120s",
        },
    };
    let mut constraints = Vec::new();
    if stateful {
        constraints.push(format!("node.labels.{project}.data == true"));
    }
    if is_traefik(s) {
        constraints.push("node.role == manager".to_string());
    }
    DeployDef {
        labels: traefik_labels(design, s, project, traefik),
        placement: (!constraints.is_empty()).then_some(PlacementDef { constraints }),
        replicas: if on_by_default(s) { s.replicas.prod } else { 0 },
        resources: resources(s),
        restart_policy,
        rollback_config: rollback,
        update_config: update,
    }
}

/// Traefik's Swarm provider reads routing from service labels (under `deploy`): each service a
/// Traefik links to is routed on `Host(<service>.localhost)` to its main port, as in compose.
fn traefik_labels(
    design: &Design,
    s: &Service,
    project: &str,
    traefik: &[&Service],
) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    let Some(port) = s.ports.first() else {
        return labels;
    };
    let Some(t) = traefik
        .iter()
        .find(|t| design.links_from(t.id).any(|l| l.to == s.id))
    else {
        return labels;
    };
    let router = layout::slug(&s.name);
    let shared = tiers(design, t)
        .into_iter()
        .find(|tier| tiers(design, s).contains(tier))
        .unwrap_or(s.tier);
    labels.insert("traefik.enable".into(), "true".into());
    labels.insert(
        "traefik.swarm.network".into(),
        format!("{project}_{}", shared.id()),
    );
    labels.insert(
        format!("traefik.http.routers.{router}.entrypoints"),
        "web".into(),
    );
    labels.insert(
        format!("traefik.http.routers.{router}.rule"),
        format!("Host(`{router}.localhost`)"),
    );
    labels.insert(
        format!("traefik.http.services.{router}.loadbalancer.server.port"),
        port.container.to_string(),
    );
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};

    #[test]
    fn cpus_are_written_as_decimal_strings() {
        let mut s = Service::new(crate::model::ServiceId(1), "x", "custom", Tier::Backend);
        s.resources = crate::model::Resources::sized(1500, 512);
        let r = resources(&s).unwrap();
        assert_eq!(r.limits.unwrap().cpus.as_deref(), Some("1.5"));
        assert_eq!(r.reservations.unwrap().cpus.as_deref(), Some("0.75"));
        s.resources = crate::model::Resources::sized(2000, 512);
        assert_eq!(
            resources(&s).unwrap().limits.unwrap().cpus.as_deref(),
            Some("2")
        );
    }

    #[test]
    fn traefik_uses_the_swarm_provider_and_routes_by_labels() {
        let d = instantiate(pattern("web-app").unwrap());
        let f = stack(&d, "VERSION");
        let t = &f.services["traefik"];
        assert!(
            t.command.iter().any(|a| a == "--providers.swarm=true"),
            "{:?}",
            t.command
        );
        assert!(!t.command.iter().any(|a| a.contains("providers.docker")));
        assert_eq!(
            f.services["app"]
                .deploy
                .labels
                .get("traefik.enable")
                .map(String::as_str),
            Some("true")
        );
    }

    #[test]
    fn a_host_port_variable_stays_one_in_the_stack() {
        let mut d = instantiate(pattern("web-app").unwrap());
        let traefik = d.services.iter_mut().find(|s| s.name == "traefik").unwrap();
        traefik.ports = vec![crate::model::Port {
            published_var: Some("FRONTEND_PORT".into()),
            ..crate::model::Port::published(80, 8080)
        }];
        let f = stack(&d, "VERSION");
        assert_eq!(
            f.services["traefik"].ports,
            ["0.0.0.0:${FRONTEND_PORT:-8080}:80"]
        );
        let traefik = d.services.iter_mut().find(|s| s.name == "traefik").unwrap();
        traefik.ports[0].published = None;
        let f = stack(&d, "VERSION");
        assert_eq!(
            f.services["traefik"].ports,
            ["0.0.0.0:${FRONTEND_PORT:-80}:80"],
            "no default: the container port"
        );
    }

    #[test]
    fn optional_profiles_start_at_zero_and_dev_tools_are_left_out() {
        let d = instantiate(pattern("agent-platform").unwrap());
        let f = stack(&d, "VERSION");
        assert_eq!(f.services["local-llm"].deploy.replicas, 0);
        assert_eq!(f.services["llm-patch"].deploy.replicas, 5);
        let d = instantiate(pattern("data-ml").unwrap());
        assert!(!stack(&d, "VERSION").services.contains_key("jupyter"));
    }
}

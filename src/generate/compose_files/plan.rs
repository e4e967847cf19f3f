//! What the compose generators share, worked out once per design: which networks each service
//! joins, its `depends_on`, its published ports and their variables, which secrets it reads and
//! how, and the `.env` variables the files use. Every file generator reads the same [`Plan`], so
//! a variable used in one file is always the one `.env.example` documents.
//!
//! Decisions made here (and why):
//! - A service joins its own tier's network and the network of every service it links to (the
//!   caller joins the callee's network), so the data network holds only data services and
//!   their clients and can be `internal: true`.
//! - A link becomes `depends_on`, `service_healthy` when the target has a healthcheck,
//!   `service_started` otherwise. Links that would close a cycle are left out (Compose refuses
//!   cycles); a dependency that a profile may switch off gets `required: false`.
//! - Data stores (catalog category) never publish a port, whatever the design says.

use super::order::{locale_cmp, natural_locale_cmp, ComposeKey, KeyMap};
use crate::catalog;
use crate::generate::layout;
use crate::model::{Design, EnvVar, Port, Protocol, Service, ServiceId, Tier};
use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

/// A `.env` variable the generated files use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    /// Example value written to `.env.example` (`<SET_IN_ENV>` for secrets).
    pub example: String,
    /// One-line explanation (services concerned, allowed range).
    pub comment: String,
    pub secret: bool,
    /// Section heading in `.env.example`.
    pub section: Section,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Images,
    Ports,
    DebugPorts,
    Secrets,
}

/// A published port of the base file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub var: String,
    pub default: u16,
    pub container: u16,
    /// Literal interface address, already bracketed for IPv6.
    pub ip: String,
    pub protocol: Protocol,
}

impl Published {
    /// `'127.0.0.1:${WEB_PORT:-8080}:8080'` (quotes added by the writer).
    pub fn short_syntax(&self) -> String {
        let proto = if self.protocol == Protocol::Udp {
            "/udp"
        } else {
            ""
        };
        format!(
            "{}:${{{}:-{}}}:{}{proto}",
            self.ip, self.var, self.default, self.container
        )
    }
}

/// How a service receives one secret in the prod file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretUse {
    /// The environment key (`POSTGRES_PASSWORD`), also the `.env` variable.
    pub key: String,
    /// Docker secret name (`postgres_password`).
    pub name: String,
    /// `Some("POSTGRES_PASSWORD_FILE")` when the image reads the secret from a file.
    pub file_env: Option<String>,
}

/// Per-service facts.
#[derive(Debug, Clone)]
pub struct ServicePlan<'a> {
    pub service: &'a Service,
    pub networks: BTreeSet<Tier>,
    pub depends_on: Vec<(String, bool, bool)>,
    pub published: Vec<Published>,
    pub secrets: Vec<SecretUse>,
    /// Build context (`./docker/api`) when the service is built.
    pub build_context: Option<String>,
    /// Traefik routes this service (labels in the base file).
    pub routed: bool,
    /// Development debug port (container port, variable), scaffolded builds only.
    pub debug_port: Option<(u16, String)>,
}

#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub design: &'a Design,
    /// Compose project name (`name:`).
    pub project: String,
    /// Registry default for built images (`ghcr.io/<project>`).
    pub registry: String,
    pub services: Vec<ServicePlan<'a>>,
    /// Every variable, sorted by section then name.
    pub variables: Vec<Variable>,
    /// Docker secrets of the prod file: name → environment key.
    pub secret_files: KeyMap<String>,
}

/// Default image tag when `VERSION` is not set (dev and CI builds).
pub const DEFAULT_VERSION: &str = "0.1.0";

impl<'a> Plan<'a> {
    pub fn new(design: &'a Design) -> Plan<'a> {
        let project = layout::project_name(design);
        let registry = registry(design, &project);
        let mut names = VarNames::default();
        let mut variables = Vec::new();
        variables.push(Variable {
            name: "REGISTRY".into(),
            example: registry.clone(),
            comment: "Registry the images are pushed to and pulled from (host/namespace, no trailing slash).".into(),
            secret: false,
            section: Section::Images,
        });
        variables.push(Variable {
            name: "VERSION".into(),
            example: DEFAULT_VERSION.into(),
            comment: "Image tag to build and deploy (a release number or a git SHA; never latest). Required by the prod file.".into(),
            secret: false,
            section: Section::Images,
        });
        names
            .taken
            .extend(["REGISTRY".to_string(), "VERSION".to_string()]);
        let edges = acyclic_links(design);
        let traefik: Vec<ServiceId> = design
            .services
            .iter()
            .filter(|s| is_traefik(s))
            .map(|s| s.id)
            .collect();
        let mut secret_keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut secret_files = KeyMap::new();
        let mut services = Vec::new();
        let auto_published = entry_ports(design);
        let mut ordered: Vec<&Service> = design.services.iter().collect();
        ordered.sort_by(|a, b| locale_cmp(&a.name, &b.name));
        for s in ordered {
            let data_store = is_data_store(s);
            let mut networks = BTreeSet::new();
            if s.hardening.network_mode.is_none() {
                networks.insert(s.tier);
                for l in design.links_from(s.id) {
                    if let Some(t) = design.service(l.to) {
                        networks.insert(t.tier);
                    }
                }
            }
            let mut depends_on: Vec<(String, bool, bool)> = edges
                .iter()
                .filter(|(from, _)| *from == s.id)
                .filter_map(|(_, to)| design.service(*to))
                .map(|t| {
                    (
                        t.name.clone(),
                        t.healthcheck.is_some(),
                        dependency_required(s, t),
                    )
                })
                .collect();
            depends_on.sort_by(|a, b| locale_cmp(&a.0, &b.0));
            depends_on.dedup_by(|a, b| a.0 == b.0);
            let mut published = Vec::new();
            if !data_store {
                let stem = names.stem(&s.name);
                let ports: Vec<Port> = match auto_published.get(&s.id) {
                    Some(p) => vec![p.clone()],
                    None => s.published_ports().cloned().collect(),
                };
                for (i, p) in ports.iter().enumerate() {
                    let Some(host) = p.published else { continue };
                    let var = names.unique(&if i == 0 {
                        format!("{stem}_PORT")
                    } else {
                        format!("{stem}_PORT_{}", p.container)
                    });
                    let ip = interface(p.host_ip.as_deref());
                    variables.push(Variable {
                        name: var.clone(),
                        example: host.to_string(),
                        comment: format!("Host port of {} (container port {}) on {ip}; 1-65535, above 1023 without root.", s.name, p.container),
                        secret: false,
                        section: Section::Ports,
                    });
                    published.push(Published {
                        var,
                        default: host,
                        container: p.container,
                        ip,
                        protocol: p.protocol,
                    });
                }
            }
            // dclint's `service-ports-alphabetical-order` compares the part after the address.
            published.sort_by(|a, b| natural_locale_cmp(&a.var, &b.var));
            let secrets: Vec<SecretUse> = s
                .environment
                .iter()
                .filter(|e| e.secret)
                .map(|e| {
                    secret_keys
                        .entry(e.key.clone())
                        .or_default()
                        .push(s.name.clone());
                    let name = e.key.to_ascii_lowercase();
                    let file_env = file_env_key(s, e);
                    if file_env.is_some() {
                        secret_files.insert(ComposeKey::from(name.as_str()), e.key.clone());
                    }
                    SecretUse {
                        key: e.key.clone(),
                        name,
                        file_env,
                    }
                })
                .collect();
            let build_context = s.build.as_ref().map(|b| {
                let dir = if b.context.trim().is_empty() {
                    layout::build_dir(s)
                } else {
                    b.context.clone()
                };
                relative(&dir)
            });
            let debug_port = s
                .build
                .as_ref()
                .and_then(|b| b.language)
                .and_then(debug_port_of)
                .map(|port| {
                    let var = names.unique(&format!("{}_DEBUG_PORT", names.stem(&s.name)));
                    variables.push(Variable {
                        name: var.clone(),
                        example: port.to_string(),
                        comment: format!(
                            "Debugger port of {} in development (127.0.0.1 only); 1-65535.",
                            s.name
                        ),
                        secret: false,
                        section: Section::DebugPorts,
                    });
                    (port, var)
                });
            let routed = design.links_to(s.id).any(|l| traefik.contains(&l.from));
            services.push(ServicePlan {
                service: s,
                networks,
                depends_on,
                published,
                secrets,
                build_context,
                routed,
                debug_port,
            });
        }
        for (key, users) in &secret_keys {
            names.taken.insert(key.clone());
            variables.push(Variable {
                name: key.clone(),
                example: "<SET_IN_ENV>".into(),
                comment: format!(
                    "SECRET: never commit a real value. Used by {}.",
                    users.join(", ")
                ),
                secret: true,
                section: Section::Secrets,
            });
        }
        variables.sort_by(|a, b| a.section.cmp(&b.section).then_with(|| a.name.cmp(&b.name)));
        Plan {
            design,
            project,
            registry,
            services,
            variables,
            secret_files,
        }
    }

    /// Network name of a tier (`frontend`, `backend`, `data`).
    pub fn network(tier: Tier) -> &'static str {
        tier.id()
    }

    /// Tiers any service joins.
    pub fn tiers_used(&self) -> BTreeSet<Tier> {
        self.services
            .iter()
            .flat_map(|s| s.networks.iter().copied())
            .collect()
    }
}

/// `host:port` for a built image: `${REGISTRY:-ghcr.io/shop}/api:<tag>`.
pub fn built_image(plan: &Plan, service: &Service, version: &str) -> String {
    format!(
        "${{REGISTRY:-{}}}/{}:{version}",
        plan.registry,
        layout::slug(&service.name)
    )
}

fn registry(design: &Design, project: &str) -> String {
    let r = design.settings.registry.trim().trim_end_matches('/');
    let ok = !r.is_empty()
        && r.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | ':'));
    if ok {
        r.to_ascii_lowercase()
    } else {
        format!("ghcr.io/{project}")
    }
}

/// The entry points of a design that publishes nothing itself: frontend services (not data
/// stores, not on a custom network mode) that no other service calls, with a port and none
/// published. Each publishes its first container port on 127.0.0.1, on the same host port if
/// free, else the next free one, so `docker compose up` gives something to open.
fn entry_ports(design: &Design) -> BTreeMap<ServiceId, Port> {
    let mut used: BTreeSet<u16> = design
        .services
        .iter()
        .flat_map(|s| s.published_ports().filter_map(|p| p.published))
        .collect();
    let mut out = BTreeMap::new();
    for s in design.tier_services(Tier::Frontend) {
        let entry = !is_data_store(s)
            && s.hardening.network_mode.is_none()
            && s.published_ports().next().is_none()
            && design.links_to(s.id).next().is_none();
        let Some(first) = s.ports.first().filter(|_| entry) else {
            continue;
        };
        let mut host = first.container.max(1);
        while used.contains(&host) && host < u16::MAX {
            host += 1;
        }
        used.insert(host);
        out.insert(
            s.id,
            Port {
                published: Some(host),
                ..first.clone()
            },
        );
    }
    out
}

/// A literal interface for a published port: the design's `host_ip` when it is an IP address,
/// else `127.0.0.1` (a variable or a host name would count as unbound for dclint).
fn interface(host_ip: Option<&str>) -> String {
    match host_ip
        .map(str::trim)
        .and_then(|ip| ip.trim_matches(['[', ']']).parse::<IpAddr>().ok())
    {
        Some(IpAddr::V6(v6)) => format!("[{v6}]"),
        Some(ip) => ip.to_string(),
        None => "127.0.0.1".into(),
    }
}

fn relative(dir: &str) -> String {
    if dir.starts_with("./")
        || dir.starts_with("../")
        || dir.starts_with('/')
        || dir.contains("://")
        || dir == "."
    {
        dir.to_string()
    } else {
        format!("./{dir}")
    }
}

/// A data store by its catalog category; a kind the catalog does not know counts as one when it
/// sits in the data tier (the safe side: it then publishes nothing).
pub fn is_data_store(s: &Service) -> bool {
    match catalog::kind(&s.kind) {
        Some(k) => k.category.is_data_store(),
        None => s.tier == Tier::Data,
    }
}

fn is_traefik(s: &Service) -> bool {
    s.kind == "traefik"
        || s.image
            .as_ref()
            .is_some_and(|i| i.name.rsplit('/').next() == Some("traefik"))
}

/// A dependency is required unless the target may be off while the dependant runs: the target
/// has profiles and the dependant is not limited to (some of) the same ones.
fn dependency_required(from: &Service, to: &Service) -> bool {
    to.profiles.is_empty()
        || (!from.profiles.is_empty() && from.profiles.iter().all(|p| to.profiles.contains(p)))
}

/// Links in design order, skipping self-links, duplicates and any link that would close a cycle.
fn acyclic_links(design: &Design) -> Vec<(ServiceId, ServiceId)> {
    let mut edges: Vec<(ServiceId, ServiceId)> = Vec::new();
    for l in &design.links {
        if l.from == l.to
            || edges.contains(&(l.from, l.to))
            || design.service(l.from).is_none()
            || design.service(l.to).is_none()
        {
            continue;
        }
        if !reaches(&edges, l.to, l.from) {
            edges.push((l.from, l.to));
        }
    }
    edges
}

fn reaches(edges: &[(ServiceId, ServiceId)], from: ServiceId, target: ServiceId) -> bool {
    let mut stack = vec![from];
    let mut seen = BTreeSet::new();
    while let Some(n) = stack.pop() {
        if n == target {
            return true;
        }
        if seen.insert(n) {
            stack.extend(edges.iter().filter(|(a, _)| *a == n).map(|(_, b)| *b));
        }
    }
    false
}

/// The `_FILE` variant of a secret key when the image reads secrets from files (official images
/// of postgres, mysql, mariadb and mongo; grafana uses `__FILE`). Others get the value from `.env`.
fn file_env_key(s: &Service, e: &EnvVar) -> Option<String> {
    let image = s.image.as_ref()?;
    let repo = image.name.rsplit('/').next().unwrap_or(&image.name);
    match repo {
        "postgres" | "mysql" | "mariadb" | "mongo" => Some(format!("{}_FILE", e.key)),
        "grafana" | "grafana-oss" | "grafana-enterprise" if e.key.starts_with("GF_") => {
            Some(format!("{}__FILE", e.key))
        }
        _ => None,
    }
}

/// The debugger port of a scaffolded language's development stage: only where the override can
/// switch a debugger on with environment alone (the JVM's JDWP agent, see `dev_debug_env`).
fn debug_port_of(language: crate::model::Language) -> Option<u16> {
    (language == crate::model::Language::Java).then_some(5005)
}

/// Environment that makes the development container listen on its debug port.
pub fn dev_debug_env(port: u16) -> (&'static str, String) {
    (
        "JAVA_TOOL_OPTIONS",
        format!("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:{port}"),
    )
}

/// Unique `.env` variable names derived from service names.
#[derive(Debug, Default)]
struct VarNames {
    taken: BTreeSet<String>,
}

impl VarNames {
    /// `users-api` → `USERS_API`; a leading digit gets an `S_` prefix (variables start with a letter).
    fn stem(&self, service: &str) -> String {
        let mut stem: String = service
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        if !stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
            stem.insert_str(0, "S_");
        }
        stem
    }

    fn unique(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_string();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{wanted}_{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }
}

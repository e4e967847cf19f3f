//! What the compose generators share, worked out once per design: which networks each service
//! joins, its `depends_on`, its published ports and their variables, which secrets it reads and
//! how, and the `.env` variables the files use. Every file generator reads the same [`ComposePlan`], so
//! a variable used in one file is always the one `.env.example` documents.
//!
//! Decisions made here (and why):
//! - A service joins its own tier's network and the network of every service it links to (the
//!   caller joins the callee's network), so the data network holds only data services and
//!   their clients and can be `internal: true` (`generate::networks` owns this rule; the Swarm
//!   stack and the diagram's network bands read it too).
//! - A link becomes `depends_on`, `service_healthy` when the target has a healthcheck,
//!   `service_started` otherwise. Links that would close a cycle are left out (Compose refuses
//!   cycles); a dependency that a profile may switch off gets `required: false`.
//! - Data stores (catalog category) never publish a port, whatever the design says.

mod links;
mod ports;
mod secrets;

pub use ports::{dev_debug_env, Published};
pub use secrets::SecretUse;

use super::env_example::texts;
use super::order::{locale_cmp, natural_locale_cmp, ComposeKey, KeyMap};
use crate::catalog;
use crate::generate::layout;
use crate::i18n::Lang;
use crate::model::{Design, Port, Service, ServiceId, Tier};
use links::{acyclic_links, dependency_required};
use ports::{debug_port_of, entry_ports, interface, VarNames};
use secrets::file_env_key;
use std::collections::{BTreeMap, BTreeSet};

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

/// Per-service facts.
#[derive(Debug, Clone)]
pub struct ComposeServicePlan<'a> {
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
pub struct ComposePlan<'a> {
    pub design: &'a Design,
    /// Compose project name (`name:`).
    pub project: String,
    /// Registry default for built images (`ghcr.io/<project>`).
    pub registry: String,
    pub services: Vec<ComposeServicePlan<'a>>,
    /// Every variable, sorted by section then name.
    pub variables: Vec<Variable>,
    /// Docker secrets of the prod file: name → environment key.
    pub secret_files: KeyMap<String>,
    /// The variable that tags built images (`layout::version_var`).
    pub version_var: &'static str,
}

/// Default image tag when the version variable is not set (dev and CI builds).
pub const DEFAULT_VERSION: &str = "0.1.0";

impl<'a> ComposePlan<'a> {
    pub fn new(design: &'a Design, version_var: &'static str) -> ComposePlan<'a> {
        let project = layout::project_name(design);
        let registry = layout::registry(design);
        let lang = design.settings.docs_lang;
        let mut vars = Vars::default();
        vars.add(
            "REGISTRY",
            &registry,
            Section::Images,
            false,
            texts::REGISTRY.get(lang),
        );
        vars.add(
            version_var,
            DEFAULT_VERSION,
            Section::Images,
            false,
            texts::VERSION.get(lang),
        );
        let mut ordered: Vec<&Service> = design.services.iter().collect();
        crate::sorting::sort_by(&mut ordered, |a, b| locale_cmp(&a.name, &b.name));
        // Secret keys are `.env` variables under their own names: reserve them before ports.
        let mut secret_users: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for s in &ordered {
            for e in s.environment.iter().filter(|e| e.secret) {
                secret_users.entry(&e.key).or_default().push(&s.name);
            }
        }
        vars.names
            .taken
            .extend(secret_users.keys().map(|k| k.to_string()));
        // So are the host port variables a design names itself (imported `${FRONTEND_PORT}`)
        // and the variables it has values for (an imported `.env`'s `AD_PORT`, which the app
        // reads): the names made up for ports must not take them.
        vars.names.taken.extend(
            design
                .services
                .iter()
                .flat_map(|s| s.ports.iter().filter_map(|p| p.published_var.clone()))
                .chain(design.variables.keys().cloned()),
        );
        let links = Links {
            edges: acyclic_links(design),
            traefik: design
                .services
                .iter()
                .filter(|s| is_traefik(s))
                .map(|s| s.id)
                .collect(),
            entries: entry_ports(design),
        };
        let mut secret_files = KeyMap::new();
        let services: Vec<ComposeServicePlan<'a>> = ordered
            .into_iter()
            .map(|s| service_plan(design, s, &links, &mut vars, &mut secret_files))
            .collect();
        for (key, users) in &secret_users {
            let comment = texts::SECRET.fill(lang, &[("users", &users.join(", "))]);
            vars.add(key, "<SET_IN_ENV>", Section::Secrets, true, &comment);
        }
        let mut variables = vars.list;
        crate::sorting::sort_by(&mut variables, |a, b| {
            a.section.cmp(&b.section).then_with(|| a.name.cmp(&b.name))
        });
        ComposePlan {
            design,
            project,
            registry,
            services,
            variables,
            secret_files,
            version_var,
        }
    }

    /// Network name of a tier (`frontend`, `backend`, `data`).
    pub fn network(tier: Tier) -> &'static str {
        crate::generate::networks::name(tier)
    }

    /// Tiers any service joins.
    pub fn tiers_used(&self) -> BTreeSet<Tier> {
        self.services
            .iter()
            .flat_map(|s| s.networks.iter().copied())
            .collect()
    }
}

/// Design-wide facts every service plan reads.
struct Links {
    /// Links that become `depends_on` (no cycles).
    edges: Vec<(ServiceId, ServiceId)>,
    /// Traefik services: what they link to gets routing labels.
    traefik: Vec<ServiceId>,
    /// Ports published by default on entry services.
    entries: BTreeMap<ServiceId, Port>,
}

/// The `.env` variables collected so far and the names taken.
#[derive(Default)]
struct Vars {
    names: VarNames,
    list: Vec<Variable>,
}

impl Vars {
    /// Document a variable once (a name added twice keeps its first description).
    fn add(&mut self, name: &str, example: &str, section: Section, secret: bool, comment: &str) {
        self.names.taken.insert(name.to_string());
        if self.list.iter().all(|v| v.name != name) {
            self.list.push(Variable {
                name: name.to_string(),
                example: example.to_string(),
                comment: comment.to_string(),
                secret,
                section,
            });
        }
    }
}

fn service_plan<'a>(
    design: &Design,
    s: &'a Service,
    links: &Links,
    vars: &mut Vars,
    secret_files: &mut KeyMap<String>,
) -> ComposeServicePlan<'a> {
    let networks = crate::generate::networks::compose_networks(design, s);
    let mut depends_on: Vec<(String, bool, bool)> = links
        .edges
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
    crate::sorting::sort_by(&mut depends_on, |a, b| locale_cmp(&a.0, &b.0));
    depends_on.dedup_by(|a, b| a.0 == b.0);
    let secrets: Vec<SecretUse> = s
        .environment
        .iter()
        .filter(|e| e.secret)
        .map(|e| {
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
    let build_context = if layout::is_generated_proxy(s) {
        Some(relative(&layout::build_dir(s)))
    } else {
        s.build.as_ref().map(|b| {
            let dir = if b.context.trim().is_empty() {
                layout::build_dir(s)
            } else {
                b.context.clone()
            };
            relative(&dir)
        })
    };
    let debug_port = s
        .build
        .as_ref()
        .and_then(|b| b.language)
        .and_then(debug_port_of)
        .map(|port| {
            let var = vars
                .names
                .unique(&format!("{}_DEBUG_PORT", crate::model::env_stem(&s.name)));
            let comment = texts::DEBUG_PORT.fill(design.settings.docs_lang, &[("name", &s.name)]);
            vars.add(
                &var,
                &port.to_string(),
                Section::DebugPorts,
                false,
                &comment,
            );
            (port, var)
        });
    ComposeServicePlan {
        service: s,
        networks,
        depends_on,
        published: published(s, design.settings.docs_lang, links, vars),
        secrets,
        build_context,
        routed: design
            .links_to(s.id)
            .any(|l| links.traefik.contains(&l.from)),
        debug_port,
    }
}

/// The published ports of a service with their variables, in dclint's order (its
/// `service-ports-alphabetical-order` compares the part after the address). Data stores: none.
fn published(s: &Service, lang: Lang, links: &Links, vars: &mut Vars) -> Vec<Published> {
    if is_data_store(s) {
        return Vec::new();
    }
    let ports: Vec<Port> = match links.entries.get(&s.id) {
        Some(p) => vec![p.clone()],
        None => s.published_ports().cloned().collect(),
    };
    let stem = crate::model::env_stem(&s.name);
    let mut out = Vec::new();
    for (i, p) in ports.iter().enumerate() {
        let var = match &p.published_var {
            Some(own) => own.clone(),
            None if p.published.is_some() => vars.names.unique(&if i == 0 {
                format!("{stem}_PORT")
            } else {
                format!("{stem}_PORT_{}", p.container)
            }),
            // `_HOST_PORT`: an imported project's `.env` often names the container port
            // `{STEM}_PORT` (the OpenTelemetry demo's `OPENSEARCH_PORT=9200`).
            None if p.random_host => vars
                .names
                .unique(&format!("{stem}_HOST_PORT_{}", p.container)),
            None => continue,
        };
        let ip = interface(p.host_ip.as_deref());
        let random = p.random_host;
        let comment = if random {
            texts::RANDOM_HOST_PORT
        } else {
            texts::HOST_PORT
        }
        .fill(
            lang,
            &[
                ("name", &s.name),
                ("container", &p.container.to_string()),
                ("ip", &ip.to_string()),
            ],
        );
        // A variable without a default is offered with the container port as its value; a
        // host port Docker picks is left empty.
        let example = match p.published {
            _ if random => String::new(),
            Some(host) => host.to_string(),
            None => p.container.to_string(),
        };
        vars.add(&var, &example, Section::Ports, false, &comment);
        out.push(Published {
            var,
            random,
            default: p.published,
            container: p.container,
            ip,
            protocol: p.protocol,
        });
    }
    crate::sorting::sort_by(&mut out, |a, b| natural_locale_cmp(&a.var, &b.var));
    out
}

/// `host:port` for a built image: `${REGISTRY:-ghcr.io/shop}/api:<tag>`.
pub fn built_image(plan: &ComposePlan, service: &Service, version: &str) -> String {
    format!(
        "${{REGISTRY:-{}}}/{}:{version}",
        plan.registry,
        layout::slug(&service.name)
    )
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

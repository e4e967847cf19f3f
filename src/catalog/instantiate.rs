//! Turning catalog rows into model values: a kind into a service, a pattern into a design.

use super::{kind, Kind, KindSource, HardeningFit, Pattern};
use crate::model::{
    Build, Design, EnvVar, Hardening, Healthcheck, Image, Link, Mount, Port, Resources, Service, ServiceId, Tier,
};

/// A service of `kind` with the kind's defaults, named `name`, placed in `tier`.
/// Volume names are derived from the service name (`<name>_data`), so two databases never share one.
pub fn service_from_kind(kind: &Kind, id: ServiceId, name: &str, tier: Tier) -> Service {
    let mut s = Service::new(id, name, kind.id, tier);
    match kind.source {
        KindSource::Image { name, tag } => s.image = Some(Image::new(name, tag)),
        KindSource::Build { language } => s.build = Some(Build::scaffold(language)),
    }
    s.command = kind.command.iter().map(|c| c.to_string()).collect();
    s.ports = kind.ports.iter().map(|&p| Port::internal(p)).collect();
    s.environment = kind
        .env
        .iter()
        .map(|e| EnvVar { key: e.key.to_string(), value: e.value.to_string(), secret: e.secret })
        .collect();
    if let Some(path) = kind.data_path {
        s.volumes.push(Mount::named(format!("{}_data", name.replace('.', "_")), path));
    }
    s.resources = Resources::sized(kind.cpu_m, kind.memory_mb);
    if let Some((first, rest)) = kind.healthcheck.split_first() {
        let mut hc = if *first == "CMD-SHELL" {
            Healthcheck::shell(rest.join(" "))
        } else {
            Healthcheck::cmd(rest.iter().copied())
        };
        hc.test[0] = first.to_string();
        s.healthcheck = Some(hc);
    }
    s.hardening = match kind.hardening {
        HardeningFit::Full => Hardening::full(kind.user),
        HardeningFit::NoReadOnly => Hardening { read_only_root: false, ..Hardening::full(kind.user) },
        HardeningFit::Minimal => Hardening { no_new_privileges: true, ..Hardening::default() },
    };
    if kind.hardening == HardeningFit::Full {
        s.volumes.push(Mount::tmpfs("/tmp"));
    }
    s.metrics_path = kind.metrics_path.map(str::to_string);
    s
}

/// The design a pattern describes. Unknown kind ids in a pattern row are a programming error
/// caught by the catalog tests; at run time such a row is skipped rather than panicking.
pub fn instantiate(pattern: &Pattern) -> Design {
    let mut design = Design::new(pattern.id);
    for row in pattern.services {
        let Some(k) = kind(row.kind) else { continue };
        let id = design.next_id();
        let mut s = service_from_kind(k, id, row.name, row.tier.unwrap_or(k.tier));
        s.replicas.prod = row.prod_replicas.max(1);
        s.profiles = row.profiles.iter().map(|p| p.to_string()).collect();
        if let Some((cpu_m, memory_mb)) = row.size {
            s.resources = Resources::sized(cpu_m, memory_mb);
        }
        if let Some(command) = row.command {
            s.command = command.iter().map(|c| c.to_string()).collect();
        }
        design.services.push(s);
    }
    for l in pattern.links {
        let id = |n: &str| design.service_by_name(n).map(|s| s.id);
        if let (Some(from), Some(to)) = (id(l.from), id(l.to)) {
            design.links.push(Link::new(from, to, l.kind));
        }
    }
    design
}

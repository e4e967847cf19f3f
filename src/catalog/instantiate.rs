//! Turning catalog rows into model values: a kind into a service, a pattern into a design.

use super::{kind, HardeningFit, Kind, KindSource, Pattern};
use crate::model::{
    Build, Design, EnvVar, Hardening, Healthcheck, Image, Link, Mount, Port, Resources, Service,
    ServiceId, Tier,
};

/// Size of the `/tmp` scratch space that replaces a read-only root's writable paths (MiB).
const TMP_MB: u32 = 64;

/// A service of `kind` with the kind's defaults, named `name`, placed in `tier`.
/// Volume names are derived from the service name (`<name>_data`), so two databases never share one.
pub fn service_from_kind(kind: &Kind, id: ServiceId, name: &str, tier: Tier) -> Service {
    let mut s = Service::new(id, name, kind.id, tier);
    match kind.source {
        KindSource::Image { name, tag } => s.image = Some(Image::new(name, tag)),
        KindSource::Build { language } => s.build = Some(Build::scaffold(language)),
    }
    s.command = kind.command.iter().map(|c| c.to_string()).collect();
    s.ports = kind
        .ports
        .iter()
        .map(
            |&p| match kind.publish.iter().find(|(container, _)| *container == p) {
                Some(&(container, host)) => Port::published(container, host),
                None => Port::internal(p),
            },
        )
        .collect();
    s.environment = kind
        .env
        .iter()
        .map(|e| EnvVar {
            key: e.key.to_string(),
            value: e.value.to_string(),
            secret: e.secret,
        })
        .collect();
    if let Some(path) = kind.data_path {
        s.volumes.push(Mount::named(
            format!("{}_data", name.replace('.', "_")),
            path,
        ));
    }
    for &(host, container) in kind.binds {
        s.volumes.push(Mount {
            read_only: true,
            ..Mount::bind(host, container)
        });
    }
    s.resources = Resources::sized(kind.cpu_m, kind.memory_mb);
    s.healthcheck = healthcheck(kind);
    s.hardening = hardening(kind);
    if kind.hardening == HardeningFit::Full {
        s.volumes.push(Mount {
            size: Some(TMP_MB),
            ..Mount::tmpfs("/tmp")
        });
    }
    s.metrics_path = kind.metrics_path.map(str::to_string);
    s
}

/// Seed 004's hardening block, as far as the kind tolerates it. An empty `user` keeps the
/// image's own user (for `Minimal` kinds: root, which the entrypoint drops itself).
fn hardening(kind: &Kind) -> Hardening {
    let locked = Hardening {
        user: (!kind.user.is_empty()).then(|| kind.user.to_string()),
        read_only_root: true,
        no_new_privileges: true,
        cap_drop_all: true,
        ..Hardening::default()
    };
    match kind.hardening {
        HardeningFit::Full => locked,
        HardeningFit::NoReadOnly => Hardening {
            read_only_root: false,
            ..locked
        },
        HardeningFit::Minimal => Hardening {
            no_new_privileges: true,
            ..Hardening::default()
        },
    }
}

/// The kind's healthcheck with model timing; slow starters get a longer timeout and grace period.
fn healthcheck(kind: &Kind) -> Option<Healthcheck> {
    let (first, rest) = kind.healthcheck.split_first()?;
    let mut hc = if *first == "CMD-SHELL" {
        Healthcheck::shell(rest.join(" "))
    } else {
        Healthcheck::cmd(rest.iter().copied())
    };
    if kind.slow_start {
        hc.interval_s = 15;
        hc.timeout_s = 10;
        hc.start_period_s = 60;
    }
    Some(hc)
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
        if let Some(port) = row.port {
            move_main_port(&mut s, port);
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

/// Move the main container port to `port`. Built services listen on `$PORT` (the scaffold
/// contract), so the variable follows; a published main port keeps its host side.
fn move_main_port(s: &mut Service, port: u16) {
    match s.ports.first_mut() {
        Some(main) => main.container = port,
        None => s.ports.push(Port::internal(port)),
    }
    if let Some(var) = s.environment.iter_mut().find(|e| e.key == "PORT") {
        var.value = port.to_string();
    }
}

//! Published ports and the `.env` variables that carry their host side: which ports a service
//! publishes (the design's, or the entry's first port when the design publishes nothing), on
//! which literal interface, under which variable name, plus the development debug ports.

use super::is_data_store;
use crate::model::{Design, Port, Protocol, ServiceId, Tier};
use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

/// A published port of the base file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub var: String,
    /// `None` only for a design's own variable without a default (`${FRONTEND_PORT}`).
    pub default: Option<u16>,
    pub container: u16,
    /// Literal interface address, already bracketed for IPv6.
    pub ip: String,
    pub protocol: Protocol,
    /// A host port Docker picks unless the variable is set (`${AD_PORT:-}`: an empty default,
    /// which linters read as a variable rather than as host port 0 shared by every such port).
    pub random: bool,
}

impl Published {
    /// `'127.0.0.1:${WEB_PORT:-8080}:8080'` (quotes added by the writer); `${WEB_PORT}` when
    /// the variable has no default.
    pub fn short_syntax(&self) -> String {
        let proto = if self.protocol == Protocol::Udp {
            "/udp"
        } else {
            ""
        };
        let host = Port {
            published: self.default,
            published_var: Some(self.var.clone()),
            random_host: self.random,
            ..Port::internal(self.container)
        }
        .host_text()
        .unwrap_or_default();
        format!("{}:{host}:{}{proto}", self.ip, self.container)
    }
}

/// The entry points of a design that publishes nothing itself: frontend services (not data
/// stores, not on a custom network mode) that no other service calls, with a port and none
/// published. Each publishes its first container port on 127.0.0.1, on the same host port if
/// free, else the next free one, so `docker compose up` gives something to open.
pub fn entry_ports(design: &Design) -> BTreeMap<ServiceId, Port> {
    let mut used: BTreeSet<u16> = crate::sorting::btree_set(
        design
            .services
            .iter()
            .flat_map(|s| s.published_ports().filter_map(|p| p.published)),
    );
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
pub fn interface(host_ip: Option<&str>) -> String {
    match host_ip
        .map(str::trim)
        .and_then(|ip| ip.trim_matches(['[', ']']).parse::<IpAddr>().ok())
    {
        Some(IpAddr::V6(v6)) => format!("[{v6}]"),
        Some(ip) => ip.to_string(),
        None => "127.0.0.1".into(),
    }
}

/// The debugger port of a scaffolded language's development stage: only where the override can
/// switch a debugger on with environment alone (the JVM's JDWP agent, see `dev_debug_env`).
pub fn debug_port_of(language: crate::model::Language) -> Option<u16> {
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
pub struct VarNames {
    pub taken: BTreeSet<String>,
}

impl VarNames {
    pub fn unique(&mut self, wanted: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variable_names_are_shell_names_and_unique() {
        let mut names = VarNames::default();
        assert_eq!(crate::model::env_stem("users-api"), "USERS_API");
        assert_eq!(crate::model::env_stem("9lives"), "S_9LIVES");
        assert_eq!(names.unique("A_B_PORT"), "A_B_PORT");
        assert_eq!(names.unique("A_B_PORT"), "A_B_PORT_2");
    }

    #[test]
    fn interfaces_are_literal_addresses() {
        assert_eq!(interface(None), "127.0.0.1");
        assert_eq!(interface(Some("0.0.0.0")), "0.0.0.0");
        assert_eq!(interface(Some("[::1]")), "[::1]");
        assert_eq!(interface(Some("${HOST_IP}")), "127.0.0.1");
        assert_eq!(interface(Some("example.com")), "127.0.0.1");
    }

    #[test]
    fn a_variable_without_default_is_written_bare() {
        let mut p = Published {
            var: "FRONTEND_PORT".into(),
            default: Some(8080),
            container: 80,
            ip: "127.0.0.1".into(),
            protocol: Protocol::Udp,
            random: false,
        };
        assert_eq!(p.short_syntax(), "127.0.0.1:${FRONTEND_PORT:-8080}:80/udp");
        p.default = None;
        assert_eq!(p.short_syntax(), "127.0.0.1:${FRONTEND_PORT}:80/udp");
        p.random = true;
        assert_eq!(
            p.short_syntax(),
            "127.0.0.1:${FRONTEND_PORT:-}:80/udp",
            "a host port Docker picks unless set"
        );
    }
}

//! A compose healthcheck as a Kubernetes probe (used for both liveness and readiness).
//!
//! - `CMD wget -q --spider URL` / `CMD curl -f URL` on a plain `http://127.0.0.1|localhost:PORT/path`
//!   becomes an `httpGet` probe: the kubelet asks itself, no tool in the image is needed.
//! - any other `CMD` becomes an `exec` probe with the same arguments (nobody expands them, so
//!   compose variables are resolved to their defaults, see `interpolate::literal`);
//! - `CMD-SHELL line` becomes `exec: sh -c line`: the kind ran it under `/bin/sh` in compose
//!   already, so the image has a shell;
//! - no healthcheck: a `tcpSocket` probe on the main port, or, without a port, `exec: true` —
//!   a placeholder that only proves the container runs; the chart README lists those services.
//!
//! Timing: period = interval, timeout, failure threshold = retries; the liveness probe waits the
//! start period before its first check, the readiness probe does not.

use super::interpolate;
use crate::model::{Healthcheck, Service};
use serde::Serialize;

/// The probe handler, serialised as Kubernetes spells it (`exec: {command: [...]}`...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Handler {
    Exec { command: Vec<String> },
    HttpGet { path: String, port: u16 },
    TcpSocket { port: u16 },
}

/// Probe values: the handler flattened next to its timing, so a template writes it with `toYaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Probe {
    #[serde(flatten)]
    pub handler: Handler,
    pub period_seconds: u32,
    pub timeout_seconds: u32,
    pub failure_threshold: u32,
}

/// Where the probe came from, for the chart README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Healthcheck,
    PortFallback,
    Placeholder,
}

/// The probe for `service` and the delay before the first liveness check.
pub fn probe(service: &Service) -> (Probe, u32, Origin) {
    match &service.healthcheck {
        Some(hc) if hc.test.len() >= 2 && (hc.test[0] == "CMD" || hc.test[0] == "CMD-SHELL") => (
            timed(handler(hc), hc),
            hc.start_period_s,
            Origin::Healthcheck,
        ),
        _ => {
            let (handler, origin) = match service.ports.first() {
                Some(p) if p.protocol == crate::model::Protocol::Tcp => (
                    Handler::TcpSocket { port: p.container },
                    Origin::PortFallback,
                ),
                _ => (
                    Handler::Exec {
                        command: vec!["true".into()],
                    },
                    Origin::Placeholder,
                ),
            };
            (
                Probe {
                    handler,
                    period_seconds: 10,
                    timeout_seconds: 5,
                    failure_threshold: 5,
                },
                10,
                origin,
            )
        }
    }
}

fn timed(handler: Handler, hc: &Healthcheck) -> Probe {
    Probe {
        handler,
        period_seconds: hc.interval_s.max(1),
        timeout_seconds: hc.timeout_s.max(1),
        failure_threshold: hc.retries.max(1),
    }
}

fn handler(hc: &Healthcheck) -> Handler {
    if hc.test[0] == "CMD-SHELL" {
        let line = interpolate::shell_line(&hc.test[1..].join(" "));
        return Handler::Exec {
            command: vec!["sh".into(), "-c".into(), line],
        };
    }
    let args: Vec<String> = hc.test[1..]
        .iter()
        .map(|a| interpolate::literal(a))
        .collect();
    http_check(&args).unwrap_or(Handler::Exec { command: args })
}

/// `wget -q --spider URL`, `wget -qO- URL`, `curl -f[sS] URL` on a local plain-HTTP URL.
fn http_check(args: &[String]) -> Option<Handler> {
    let (tool, rest) = args.split_first()?;
    let (url, flags) = rest.split_last()?;
    let flags_ok = match tool.as_str() {
        "wget" => flags
            .iter()
            .all(|f| matches!(f.as_str(), "-q" | "--spider" | "-qO-" | "-O-" | "--quiet")),
        "curl" => {
            flags
                .iter()
                .any(|f| f.starts_with('-') && !f.starts_with("--") && f.contains('f'))
                && flags.iter().all(|f| {
                    matches!(
                        f.as_str(),
                        "-f" | "-fs" | "-fsS" | "-sf" | "-sSf" | "--fail" | "-s" | "-S"
                    )
                })
        }
        _ => false,
    };
    if !flags_ok {
        return None;
    }
    let rest = url.strip_prefix("http://")?;
    let (hostport, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(h, p)| (h, format!("/{p}")));
    let (host, port) = hostport.split_once(':')?;
    if !matches!(host, "127.0.0.1" | "localhost") || path.contains(['?', '#', ' ']) {
        return None;
    }
    Some(Handler::HttpGet {
        path,
        port: port.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Port, ServiceId, Tier};

    fn with(hc: Healthcheck) -> Service {
        let mut s = Service::new(ServiceId(1), "x", "custom", Tier::Backend);
        s.healthcheck = Some(hc);
        s
    }

    #[test]
    fn a_plain_wget_check_becomes_an_http_probe() {
        let (p, _, origin) = probe(&with(Healthcheck::cmd([
            "wget",
            "-q",
            "--spider",
            "http://127.0.0.1:8080/healthz",
        ])));
        assert_eq!(
            p.handler,
            Handler::HttpGet {
                path: "/healthz".into(),
                port: 8080
            }
        );
        assert_eq!(origin, Origin::Healthcheck);
    }

    #[test]
    fn a_query_string_keeps_the_exec_form() {
        let (p, _, _) = probe(&with(Healthcheck::cmd([
            "wget",
            "-q",
            "--spider",
            "http://127.0.0.1:80/x?y=1",
        ])));
        assert!(matches!(p.handler, Handler::Exec { .. }));
    }

    #[test]
    fn shell_checks_run_under_sh_with_dollars_resolved() {
        let (p, start, _) = probe(&with(Healthcheck::shell(
            "pg_isready -U \"$${POSTGRES_USER}\"",
        )));
        assert_eq!(
            p.handler,
            Handler::Exec {
                command: vec![
                    "sh".into(),
                    "-c".into(),
                    "pg_isready -U \"${POSTGRES_USER}\"".into()
                ]
            }
        );
        assert_eq!(start, 10);
    }

    #[test]
    fn timing_follows_the_healthcheck() {
        let mut hc = Healthcheck::cmd(["redis-cli", "ping"]);
        hc.interval_s = 15;
        hc.timeout_s = 3;
        hc.retries = 4;
        let (p, _, _) = probe(&with(hc));
        assert_eq!(
            (p.period_seconds, p.timeout_seconds, p.failure_threshold),
            (15, 3, 4)
        );
    }

    #[test]
    fn without_a_healthcheck_the_port_or_a_placeholder_stands_in() {
        let mut s = Service::new(ServiceId(1), "x", "custom", Tier::Backend);
        assert_eq!(probe(&s).2, Origin::Placeholder);
        s.ports.push(Port::internal(9000));
        assert_eq!(probe(&s).0.handler, Handler::TcpSocket { port: 9000 });
    }
}

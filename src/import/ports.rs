//! `ports:` in short (`"127.0.0.1:8080:80/udp"`) and long syntax → [`Port`]s.
//!
//! Ranges (`"9090-9091:8080-8081"`) are expanded one port per entry, as `docker compose config`
//! itself does, up to [`MAX_RANGE`] ports; a larger range is kept verbatim. What a `Port` cannot
//! say exactly — a variable anywhere but the host port, `mode`, `name`, `app_protocol` — makes
//! the caller keep the key verbatim; the entries that can be read still reach the model. An
//! entry without a host port (`"3000"`, `"127.0.0.1::3000"`, long syntax without `published`)
//! publishes on a host port Docker picks: `Port::random_host`.
//!
//! A host port given by one variable (`"${FRONTEND_PORT:-8080}:8080"`, `"$X:80"`,
//! `published: ${X}`) is a model port with `published_var`: its default is the reference's own
//! (`:-D`, `-D`), else the project `.env`'s value when that is a port number, else none. A
//! `.env` value that is not a port number (Sentry's `SENTRY_BIND` may hold `ip:port`) keeps the
//! entry verbatim, since an interface in front of it would break such a value. A container port
//! given by a variable is resolved through the `.env` (or the reference's default), with a
//! notice: the model's container port is a number. A variable interface stays verbatim.

use super::convert::scalar;
use crate::i18n::Message;
use crate::model::interpolation::{self, Operator, Piece, VarRef};
use crate::model::{Port, Protocol};
use serde_yaml::Value;
use std::collections::BTreeMap;

/// Largest range expanded into single ports.
pub const MAX_RANGE: u32 = 100;

/// The project `.env`'s values by name (empty when the import was not given one).
pub type ProjectEnv = BTreeMap<String, String>;

/// Where a `ports:` value is read: the project's variables, and the notes on what the import
/// changed (a port taken from `.env`), for the caller's "changed" notice.
pub struct Reading<'a> {
    pub env: &'a ProjectEnv,
    /// Reasons for keeping the key verbatim.
    pub why: Vec<Message>,
    /// What was read other than as written.
    pub changed: Vec<Message>,
}

impl<'a> Reading<'a> {
    pub fn new(env: &'a ProjectEnv) -> Self {
        Reading {
            env,
            why: Vec::new(),
            changed: Vec::new(),
        }
    }
}

/// Read a `ports:` value without a project `.env`; reasons for keeping it verbatim go to `why`.
#[cfg(test)]
pub fn ports(v: &Value, why: &mut Vec<Message>) -> Vec<Port> {
    let env = ProjectEnv::new();
    let mut reading = Reading::new(&env);
    let out = read_ports(v, &mut reading);
    why.append(&mut reading.why);
    out
}

/// Read a `ports:` value.
pub fn read_ports(v: &Value, reading: &mut Reading) -> Vec<Port> {
    let Value::Sequence(items) = v else {
        reading.why.push(Message::plain(PORTS_IS_NOT_A_LIST));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            Value::Mapping(_) => long(item, &mut out, reading),
            other => match scalar(other) {
                Some(text) if text.contains('$') => with_variables(&text, &mut out, reading),
                Some(text) => short(&text, &mut out, &mut reading.why),
                None => reading.why.push(
                    Message::plain(UNREADABLE_PORT_ENTRY)
                        .arg("value", super::convert::to_json(other).to_string()),
                ),
            },
        }
    }
    out
}

/// A short-syntax entry holding variables: the host port may be one (`published_var`), the
/// container port one the project `.env` resolves; anything else is kept verbatim.
fn with_variables(text: &str, out: &mut Vec<Port>, reading: &mut Reading) {
    let shown = format!("{text:?}");
    let kept = |reading: &mut Reading, text: crate::i18n::Text| {
        reading
            .why
            .push(Message::plain(text).arg("text", shown.clone()));
    };
    // The entry with each reference replaced by a marker, so that the `:` inside
    // `${X:-8080}` does not split it; references in order.
    let mut skeleton = String::new();
    let mut refs: Vec<VarRef> = Vec::new();
    for piece in interpolation::pieces(text) {
        match piece {
            Piece::Text(t) if !t.contains(MARK) => skeleton.push_str(t),
            Piece::Var(v) => {
                skeleton.push(MARK);
                refs.push(v);
            }
            Piece::Text(_) | Piece::Dollar => return kept(reading, USES_A_VARIABLE),
        }
    }
    let (spec, protocol) = match skeleton.rsplit_once('/') {
        Some((spec, p)) => match protocol(p) {
            Some(p) => (spec, p),
            None => return kept(reading, USES_A_VARIABLE),
        },
        None => (skeleton.as_str(), Protocol::Tcp),
    };
    let parts: Vec<&str> = match spec.strip_prefix('[') {
        Some(after) => match after.split_once("]:") {
            Some((ip, rest)) => std::iter::once(ip).chain(rest.split(':')).collect(),
            None => return kept(reading, UNREADABLE_ADDRESS),
        },
        None => spec.split(':').collect(),
    };
    let (host_ip, published, container) = match parts[..] {
        [c] => (None, None, c),
        [_, ""] => return kept(reading, UNREADABLE_PORT),
        [ip, "", c] if !ip.contains(MARK) => (Some(ip), None, c),
        [p, c] => (None, Some(p), c),
        [ip, p, c] if !ip.contains(MARK) => (Some(ip), Some(p), c),
        [_, _, _] => return kept(reading, HOST_IP_IS_A_VARIABLE_SHORT),
        _ => return kept(reading, UNREADABLE_PORT),
    };
    // Each marker stands for the next reference, left to right.
    let mut next = refs.into_iter();
    let mut side = |part: &str| -> Option<Side> {
        if part == MARK.to_string() {
            next.next().map(Side::Var)
        } else if part.contains(MARK) {
            None
        } else {
            range(part).map(|(a, b)| Side::Ports(a, b))
        }
    };
    let Some(container) = side(container) else {
        return kept(reading, USES_A_VARIABLE);
    };
    let published = match published {
        None => None,
        Some(p) => match side(p) {
            Some(side) => Some(side),
            None => return kept(reading, USES_A_VARIABLE),
        },
    };
    let container = match container {
        Side::Ports(a, b) => (a, b),
        Side::Var(v) => match resolved_container(&v, reading.env) {
            Some(port) => {
                reading.changed.push(
                    Message::plain(CONTAINER_PORT_RESOLVED)
                        .arg("text", shown.clone())
                        .arg("name", v.name.to_string())
                        .arg("port", port.to_string()),
                );
                (port, port)
            }
            None => return kept(reading, USES_A_VARIABLE),
        },
    };
    let host_ip = Some(host_ip.unwrap_or("0.0.0.0").to_string());
    match published {
        None => {
            if u32::from(container.1 - container.0) >= MAX_RANGE {
                return kept(reading, USES_A_VARIABLE);
            }
            out.extend(random_hosts(container, host_ip, protocol));
        }
        Some(Side::Ports(a, b)) => {
            if b - a != container.1 - container.0 {
                return kept(reading, MAPS_RANGES_OF_DIFFERENT_LENGTHS);
            }
            if u32::from(b - a) >= MAX_RANGE {
                return kept(reading, USES_A_VARIABLE);
            }
            for i in 0..=(b - a) {
                out.push(Port {
                    container: container.0 + i,
                    published: Some(a + i),
                    published_var: None,
                    random_host: false,
                    host_ip: host_ip.clone(),
                    protocol,
                });
            }
        }
        Some(Side::Var(v)) => {
            if container.0 != container.1 {
                return kept(reading, USES_A_VARIABLE);
            }
            if let Some((name, default, random_host)) = host_variable(&v, &shown, reading) {
                out.push(Port {
                    container: container.0,
                    published: default,
                    published_var: Some(name),
                    random_host,
                    host_ip,
                    protocol,
                });
            }
        }
    }
}

/// `"3000"`, `"127.0.0.1::3000"`: each container port of the range on a host port Docker picks.
fn random_hosts(
    container: (u16, u16),
    host_ip: Option<String>,
    protocol: Protocol,
) -> impl Iterator<Item = Port> {
    (container.0..=container.1).map(move |c| Port {
        random_host: true,
        host_ip: host_ip.clone(),
        protocol,
        ..Port::internal(c)
    })
}

/// Stands for a variable reference in the skeleton of an entry (a character no port holds).
const MARK: char = '\u{1}';

/// One side of a short-syntax mapping.
enum Side<'a> {
    Ports(u16, u16),
    Var(VarRef<'a>),
}

/// A port number in a variable's value or default (`"8080"`, not `"127.0.0.1:8080"`).
fn port_number(text: &str) -> Option<u16> {
    text.trim().parse::<u16>().ok().filter(|p| *p > 0)
}

/// The container port a variable stands for: its `.env` value, else its own default.
fn resolved_container(v: &VarRef, env: &ProjectEnv) -> Option<u16> {
    if !v.valid_name() {
        return None;
    }
    match env.get(v.name) {
        Some(value) => port_number(value),
        None => match v.operator {
            Some((Operator::Default, _)) => port_number(v.argument),
            _ => None,
        },
    }
}

/// The host port's variable, its default and whether Docker picks the port when the variable
/// is unset, or `None` with the reason in `reading.why`: `${X}`, `$X`, `${X:?e}` (default
/// from `.env`), `${X:-D}` / `${X-D}` (default `D`), `${X:-}` (Docker picks).
fn host_variable(
    v: &VarRef,
    shown: &str,
    reading: &mut Reading,
) -> Option<(String, Option<u16>, bool)> {
    let refused = |reading: &mut Reading| {
        reading
            .why
            .push(Message::plain(USES_A_VARIABLE).arg("text", shown.to_string()));
        None
    };
    if !v.valid_name() {
        return refused(reading);
    }
    let own_default = match v.operator {
        Some((Operator::Default, _)) if v.argument.is_empty() => {
            return Some((v.name.to_string(), None, true))
        }
        None | Some((Operator::Required, _)) => None,
        Some((Operator::Default, _)) => match port_number(v.argument) {
            Some(p) => Some(p),
            None => return refused(reading),
        },
        Some((Operator::Alternative, _)) => return refused(reading),
    };
    let default = match (own_default, reading.env.get(v.name)) {
        (Some(p), _) => Some(p),
        (None, None) => None,
        (None, Some(value)) => match port_number(value) {
            Some(p) => {
                reading.changed.push(
                    Message::plain(HOST_PORT_DEFAULT_FROM_ENV)
                        .arg("text", shown.to_string())
                        .arg("name", v.name.to_string())
                        .arg("port", p.to_string()),
                );
                Some(p)
            }
            None => {
                reading.why.push(
                    Message::plain(VALUE_IS_NOT_A_PORT)
                        .arg("text", shown.to_string())
                        .arg("name", v.name.to_string())
                        .arg("value", format!("{value:?}")),
                );
                return None;
            }
        },
    };
    Some((v.name.to_string(), default, false))
}

fn short(text: &str, out: &mut Vec<Port>, why: &mut Vec<Message>) {
    let (spec, protocol) = match text.rsplit_once('/') {
        Some((spec, p)) => match protocol(p) {
            Some(p) => (spec, p),
            None => {
                why.push(Message::plain(UNKNOWN_PROTOCOL).arg("text", format!("{:?}", text)));
                return;
            }
        },
        None => (text, Protocol::Tcp),
    };
    // host_ip may be an IPv6 literal in brackets: "[::1]:8080:80".
    let (host_ip, rest) = match spec.strip_prefix('[') {
        Some(after) => match after.split_once("]:") {
            Some((ip, rest)) => (Some(ip.to_string()), rest),
            None => {
                why.push(Message::plain(UNREADABLE_ADDRESS).arg("text", format!("{:?}", text)));
                return;
            }
        },
        None => {
            let parts: Vec<&str> = spec.split(':').collect();
            match parts.len() {
                1 | 2 => (None, spec),
                3 => (Some(parts[0].to_string()), &spec[parts[0].len() + 1..]),
                _ => {
                    why.push(Message::plain(UNREADABLE_PORT).arg("text", format!("{:?}", text)));
                    return;
                }
            }
        }
    };
    let (published, container) = match rest.split_once(':') {
        Some((p, c)) => (Some(p), c),
        None => (None, rest),
    };
    let Some(container) = range(container) else {
        why.push(Message::plain(UNREADABLE_CONTAINER_PORT).arg("text", format!("{:?}", text)));
        return;
    };
    let published = match published {
        None | Some("") => {
            if u32::from(container.1 - container.0) >= MAX_RANGE {
                why.push(
                    Message::plain(RANGES_OVER_PORTS_ARE_KEPT)
                        .arg("text", format!("{:?}", text))
                        .arg("max_range", MAX_RANGE.to_string()),
                );
                return;
            }
            // Compose publishes on every interface unless told otherwise (as below).
            let ip = host_ip.unwrap_or_else(|| "0.0.0.0".to_string());
            out.extend(random_hosts(container, Some(ip), protocol));
            return;
        }
        Some(p) => match range(p) {
            Some(r) => r,
            None => {
                why.push(Message::plain(UNREADABLE_HOST_PORT).arg("text", format!("{:?}", text)));
                return;
            }
        },
    };
    let (c_len, p_len) = (container.1 - container.0, published.1 - published.0);
    if c_len != p_len {
        // "8000-8010:80" picks one free host port of a range: not a fixed mapping.
        why.push(
            Message::plain(MAPS_RANGES_OF_DIFFERENT_LENGTHS).arg("text", format!("{:?}", text)),
        );
        return;
    }
    if u32::from(c_len) >= MAX_RANGE {
        why.push(
            Message::plain(RANGES_OVER_PORTS_ARE_KEPT)
                .arg("text", format!("{:?}", text))
                .arg("max_range", MAX_RANGE.to_string()),
        );
        return;
    }
    for i in 0..=c_len {
        let host = published.0 + i;
        out.push(Port {
            container: container.0 + i,
            published: Some(host),
            published_var: None,
            random_host: false,
            // Compose publishes on every interface unless told otherwise; say so explicitly,
            // since the model's `None` means the generator's safer 127.0.0.1.
            host_ip: Some(host_ip.clone().unwrap_or_else(|| "0.0.0.0".to_string())),
            protocol,
        });
    }
}

fn long(item: &Value, out: &mut Vec<Port>, reading: &mut Reading) {
    let Value::Mapping(m) = item else { return };
    let shown = super::convert::to_json(item);
    let why = &mut reading.why;
    for (k, _) in m {
        let k = super::convert::key_string(k);
        let plain_mode = k == "mode" && m.get("mode") == Some(&Value::from("ingress"));
        if !(matches!(k.as_str(), "target" | "published" | "host_ip" | "protocol") || plain_mode) {
            why.push(
                Message::plain(HAS_NO_PLACE_IN_THE)
                    .arg("shown", shown.to_string())
                    .arg("k", k.to_string()),
            );
        }
    }
    let Some(container) = m
        .get("target")
        .and_then(scalar)
        .and_then(|t| t.parse::<u16>().ok())
        .filter(|p| *p > 0)
    else {
        why.push(Message::plain(UNREADABLE_TARGET).arg("shown", shown.to_string()));
        return;
    };
    let protocol = match m.get("protocol").and_then(scalar) {
        None => Protocol::Tcp,
        Some(p) => match protocol(&p) {
            Some(p) => p,
            None => {
                why.push(Message::plain(UNKNOWN_PROTOCOL_2).arg("shown", shown.to_string()));
                return;
            }
        },
    };
    let published = match m.get("published").and_then(scalar) {
        None => (None, None, true),
        Some(p) => match p.parse::<u16>().ok().filter(|p| *p > 0) {
            Some(p) => (Some(p), None, false),
            // `published: ${X:-80}`: one variable, nothing around it.
            None if matches!(interpolation::pieces(&p)[..], [Piece::Var(_)]) => {
                let [Piece::Var(v)] = interpolation::pieces(&p)[..] else {
                    return;
                };
                match host_variable(&v, &shown.to_string(), reading) {
                    Some((name, default, random)) => (default, Some(name), random),
                    None => return,
                }
            }
            None => {
                why.push(
                    Message::plain(HOST_PORT_IS_A_VARIABLE)
                        .arg("shown", shown.to_string())
                        .arg("p", format!("{:?}", p)),
                );
                return;
            }
        },
    };
    let host_ip = match m.get("host_ip") {
        None => "0.0.0.0".to_string(),
        Some(ip) => match scalar(ip).filter(|ip| !ip.contains('$')) {
            Some(ip) => ip,
            None => {
                reading
                    .why
                    .push(Message::plain(HOST_IP_IS_A_VARIABLE).arg("shown", shown.to_string()));
                return;
            }
        },
    };
    let (published, published_var, random_host) = published;
    out.push(Port {
        container,
        random_host,
        published,
        published_var,
        host_ip: Some(host_ip),
        protocol,
    });
}

fn protocol(text: &str) -> Option<Protocol> {
    match text {
        "tcp" => Some(Protocol::Tcp),
        "udp" => Some(Protocol::Udp),
        _ => None,
    }
}

/// `"80"` → (80, 80); `"8080-8081"` → (8080, 8081); port 0 and reversed ranges are refused.
fn range(text: &str) -> Option<(u16, u16)> {
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    let (a, b) = (a.trim().parse::<u16>().ok()?, b.trim().parse::<u16>().ok()?);
    (a > 0 && b >= a).then_some((a, b))
}

/// `expose:` entries (`"5000"`, `"5000-5002"`, `8080/udp`) → internal ports; `None` when one
/// cannot be read exactly.
pub fn expose(v: &Value) -> Option<Vec<Port>> {
    let Value::Sequence(items) = v else {
        return None;
    };
    let mut out = Vec::new();
    for item in items {
        let text = scalar(item)?;
        let (spec, proto) = match text.rsplit_once('/') {
            Some((s, p)) => (s, protocol(p)?),
            None => (text.as_str(), Protocol::Tcp),
        };
        let (a, b) = range(spec)?;
        if b - a >= MAX_RANGE as u16 {
            return None;
        }
        out.extend((a..=b).map(|p| Port {
            protocol: proto,
            ..Port::internal(p)
        }));
    }
    Some(out)
}

// Why a value is kept as written: one text per reason.
crate::texts! {
    PORTS_IS_NOT_A_LIST {
        en: "`ports` is not a list",
        de: "`ports` ist keine Liste",
        fr: "`ports` n'est pas une liste",
    }
    UNREADABLE_PORT_ENTRY {
        en: "unreadable port entry {value}",
        de: "unlesbarer Port-Eintrag {value}",
        fr: "entrée de port illisible {value}",
    }
    USES_A_VARIABLE {
        en: "{text} uses a variable",
        de: "{text} nutzt eine Variable",
        fr: "{text} utilise une variable",
    }
    UNKNOWN_PROTOCOL {
        en: "{text}: unknown protocol",
        de: "{text}: unbekanntes Protokoll",
        fr: "{text} : protocole inconnu",
    }
    UNREADABLE_ADDRESS {
        en: "{text}: unreadable address",
        de: "{text}: unlesbare Adresse",
        fr: "{text} : adresse illisible",
    }
    UNREADABLE_PORT {
        en: "{text}: unreadable port",
        de: "{text}: unlesbarer Port",
        fr: "{text} : port illisible",
    }
    UNREADABLE_CONTAINER_PORT {
        en: "{text}: unreadable container port",
        de: "{text}: unlesbarer Container-Port",
        fr: "{text} : port de container illisible",
    }
    UNREADABLE_HOST_PORT {
        en: "{text}: unreadable host port",
        de: "{text}: unlesbarer Host-Port",
        fr: "{text} : port de l'hôte illisible",
    }
    MAPS_RANGES_OF_DIFFERENT_LENGTHS {
        en: "{text} maps ranges of different lengths",
        de: "{text} bildet Bereiche unterschiedlicher Länge aufeinander ab",
        fr: "{text} associe des plages de longueurs différentes",
    }
    RANGES_OVER_PORTS_ARE_KEPT {
        en: "{text}: ranges over {max_range} ports are kept as written",
        de: "{text}: Bereiche über {max_range} Ports werden unverändert übernommen",
        fr: "{text} : les plages de plus de {max_range} ports sont conservées telles quelles",
    }
    HAS_NO_PLACE_IN_THE {
        en: "{shown}: `{k}` has no place in the model",
        de: "{shown}: `{k}` hat keinen Platz im Modell",
        fr: "{shown} : `{k}` n'a pas de place dans le modèle",
    }
    UNREADABLE_TARGET {
        en: "{shown}: unreadable target",
        de: "{shown}: unlesbares Ziel",
        fr: "{shown} : cible illisible",
    }
    UNKNOWN_PROTOCOL_2 {
        en: "{shown}: unknown protocol",
        de: "{shown}: unbekanntes Protokoll",
        fr: "{shown} : protocole inconnu",
    }
    HOST_PORT_IS_A_VARIABLE {
        en: "{shown}: host port {p} is a variable or a range",
        de: "{shown}: der Host-Port {p} ist eine Variable oder ein Bereich",
        fr: "{shown} : le port de l'hôte {p} est une variable ou une plage",
    }
    HOST_IP_IS_A_VARIABLE_SHORT {
        en: "{text}: the interface is a variable",
        de: "{text}: die Schnittstelle ist eine Variable",
        fr: "{text} : l'interface est une variable",
    }
    VALUE_IS_NOT_A_PORT {
        en: "{text}: {name} is {value} in .env, not a port number (an address with a port stays as written)",
        de: "{text}: {name} ist in .env {value}, keine Portnummer (eine Adresse mit Port bleibt unverändert)",
        fr: "{text} : {name} vaut {value} dans .env, ce n'est pas un numéro de port (une adresse avec un port reste telle quelle)",
    }
    CONTAINER_PORT_RESOLVED {
        en: "{text}: container port {port}, the value of {name} in .env (the model's container port is a number)",
        de: "{text}: Container-Port {port}, der Wert von {name} in .env (der Container-Port ist im Modell eine Zahl)",
        fr: "{text} : port de container {port}, la valeur de {name} dans .env (le port de container du modèle est un nombre)",
    }
    HOST_PORT_DEFAULT_FROM_ENV {
        en: "{text}: host port through {name}, default {port} from .env ({name} must hold a port number)",
        de: "{text}: Host-Port über {name}, Standardwert {port} aus .env ({name} muss eine Portnummer enthalten)",
        fr: "{text} : port de l'hôte via {name}, valeur par défaut {port} tirée de .env ({name} doit contenir un numéro de port)",
    }
    HOST_IP_IS_A_VARIABLE {
        en: "{shown}: host_ip is a variable",
        de: "{shown}: host_ip ist eine Variable",
        fr: "{shown} : host_ip est une variable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> (Vec<Port>, Vec<String>) {
        let v: Value = serde_yaml::from_str(yaml).unwrap();
        let mut why = Vec::new();
        let read = ports(&v, &mut why);
        // The reasons as English text, as the tests compare them.
        (
            read,
            why.iter()
                .map(|m| m.render(crate::i18n::Lang::En))
                .collect(),
        )
    }

    fn port(container: u16, host: u16, ip: &str) -> Port {
        Port {
            host_ip: Some(ip.into()),
            ..Port::published(container, host)
        }
    }

    #[test]
    fn short_syntax_reads_every_form() {
        let (p, why) =
            read(r#"["8080:80", "127.0.0.1:5432:5432", "53:53/udp", "[::1]:9000:9000", 8443:443]"#);
        assert_eq!(why, Vec::<String>::new());
        assert_eq!(
            p[0],
            port(80, 8080, "0.0.0.0"),
            "no address = every interface, said explicitly"
        );
        assert_eq!(p[1], port(5432, 5432, "127.0.0.1"));
        assert_eq!(
            p[2],
            Port {
                protocol: Protocol::Udp,
                ..port(53, 53, "0.0.0.0")
            }
        );
        assert_eq!(p[3], port(9000, 9000, "::1"));
        assert_eq!(p[4], port(443, 8443, "0.0.0.0"));
    }

    #[test]
    fn ranges_expand_like_compose_config() {
        let (p, why) = read(r#"["9090-9091:8080-8081"]"#);
        assert!(why.is_empty());
        assert_eq!(
            p,
            vec![port(8080, 9090, "0.0.0.0"), port(8081, 9091, "0.0.0.0")]
        );
        let (p, why) = read(r#"["10000-20000:10000-20000"]"#);
        assert!(p.is_empty() && why[0].contains("kept as written"));
    }

    #[test]
    fn what_a_port_cannot_say_is_flagged() {
        let (p, why) = read(
            r#"["${WEB_IP}:8080:80", "81:81", "${A}-${B}:80-81", "${X:+1}:80", "8000-8010:80"]"#,
        );
        assert_eq!(
            p,
            vec![port(81, 81, "0.0.0.0")],
            "readable entries still reach the model"
        );
        assert_eq!(why.len(), 4, "{why:?}");
        assert!(why[0].contains("interface is a variable"), "{why:?}");
    }

    #[test]
    fn no_host_port_is_one_docker_picks() {
        let random = |container: u16, ip: &str| Port {
            random_host: true,
            host_ip: Some(ip.into()),
            ..Port::internal(container)
        };
        let (p, why, changed) = read_with(
            r#"["3000", "127.0.0.1::80", "${AD_PORT}", "7000-7001", {target: 90}]"#,
            &[("AD_PORT", "9555")],
        );
        assert_eq!(why, Vec::<String>::new());
        assert_eq!(changed.len(), 1, "AD_PORT read from .env: {changed:?}");
        assert_eq!(
            p,
            vec![
                random(3000, "0.0.0.0"),
                random(80, "127.0.0.1"),
                random(9555, "0.0.0.0"),
                random(7000, "0.0.0.0"),
                random(7001, "0.0.0.0"),
                random(90, "0.0.0.0"),
            ]
        );
    }

    /// `ports:` read with a project `.env`; the ports, why kept, and what changed (English).
    fn read_with(yaml: &str, env: &[(&str, &str)]) -> (Vec<Port>, Vec<String>, Vec<String>) {
        let v: Value = serde_yaml::from_str(yaml).unwrap();
        let env: ProjectEnv = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut reading = Reading::new(&env);
        let read = read_ports(&v, &mut reading);
        let en = |list: &[Message]| {
            list.iter()
                .map(|m| m.render(crate::i18n::Lang::En))
                .collect()
        };
        (read, en(&reading.why), en(&reading.changed))
    }

    fn var(container: u16, name: &str, default: Option<u16>, ip: &str) -> Port {
        Port {
            container,
            published: default,
            published_var: Some(name.into()),
            random_host: false,
            host_ip: Some(ip.into()),
            protocol: Protocol::Tcp,
        }
    }

    #[test]
    fn a_host_port_variable_becomes_a_model_port() {
        let (p, why, changed) = read_with(
            r#"["${FRONTEND_PORT}:8080", "${WEB:-8081}:80", "${OLD-8082}:80/udp", "$X:80", "127.0.0.1:${Y}:81", "[::1]:${Z:?set Z}:82", "127.0.0.1:${R:-}:83"]"#,
            &[],
        );
        assert_eq!(why, Vec::<String>::new());
        assert_eq!(changed, Vec::<String>::new());
        assert_eq!(
            p,
            vec![
                var(8080, "FRONTEND_PORT", None, "0.0.0.0"),
                var(80, "WEB", Some(8081), "0.0.0.0"),
                Port {
                    protocol: Protocol::Udp,
                    ..var(80, "OLD", Some(8082), "0.0.0.0")
                },
                var(80, "X", None, "0.0.0.0"),
                var(81, "Y", None, "127.0.0.1"),
                var(82, "Z", None, "::1"),
                Port {
                    random_host: true,
                    ..var(83, "R", None, "127.0.0.1")
                },
            ]
        );
    }

    #[test]
    fn the_project_env_gives_defaults_and_container_ports() {
        let (p, why, changed) = read_with(
            r#"["${ENVOY_PORT}:${ENVOY_PORT}", "$SENTRY_BIND:80/tcp", "${WEB:-8081}:80"]"#,
            &[
                ("ENVOY_PORT", "8080"),
                ("SENTRY_BIND", "9000"),
                ("WEB", "7000"),
            ],
        );
        assert_eq!(why, Vec::<String>::new());
        assert_eq!(
            p,
            vec![
                var(8080, "ENVOY_PORT", Some(8080), "0.0.0.0"),
                var(80, "SENTRY_BIND", Some(9000), "0.0.0.0"),
                var(80, "WEB", Some(8081), "0.0.0.0"),
            ],
            "the file's own default wins over .env"
        );
        assert_eq!(changed.len(), 3, "{changed:?}");
        assert!(changed[0].contains("container port 8080, the value of ENVOY_PORT"));
        assert!(changed[2].contains("default 9000 from .env"));
    }

    #[test]
    fn an_address_in_env_or_an_unresolved_container_port_stays_verbatim() {
        let (p, why, _) = read_with(
            r#"["$SENTRY_BIND:80", "8080:${APP_PORT}", "${AD_PORT}"]"#,
            &[("SENTRY_BIND", "127.0.0.1:9000")],
        );
        assert_eq!(p, vec![]);
        assert_eq!(why.len(), 3, "{why:?}");
        assert!(why[0].contains("not a port number"), "{why:?}");
        assert!(why[2].contains("uses a variable"), "{why:?}");
    }

    #[test]
    fn long_syntax_reads_a_published_variable() {
        let (p, why, _) = read_with(
            "- {target: 80, published: '${X:-80}'}\n- {target: 81, published: '${Y}', host_ip: 127.0.0.1}\n- {target: 82, published: 'a${Z}'}\n",
            &[("Y", "8081")],
        );
        assert_eq!(
            p,
            vec![
                var(80, "X", Some(80), "0.0.0.0"),
                var(81, "Y", Some(8081), "127.0.0.1")
            ]
        );
        assert_eq!(why.len(), 1, "{why:?}");
    }

    #[test]
    fn long_syntax_reads_and_flags() {
        let (p, why) = read("- {target: 80, published: '8080', protocol: tcp, mode: ingress}\n- {target: 81, published: 81, mode: host}\n");
        assert_eq!(p, vec![port(80, 8080, "0.0.0.0"), port(81, 81, "0.0.0.0")]);
        assert_eq!(why.len(), 1, "mode: host is flagged: {why:?}");
    }

    #[test]
    fn expose_reads_internal_ports() {
        let v: Value = serde_yaml::from_str(r#"["5000", 6000, "7000-7001/udp"]"#).unwrap();
        let p = expose(&v).unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(
            p[3],
            Port {
                protocol: Protocol::Udp,
                ..Port::internal(7001)
            }
        );
        assert!(expose(&Value::from("${X}")).is_none());
    }
}

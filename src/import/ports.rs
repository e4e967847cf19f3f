//! `ports:` in short (`"127.0.0.1:8080:80/udp"`) and long syntax → [`Port`]s.
//!
//! Ranges (`"9090-9091:8080-8081"`) are expanded one port per entry, as `docker compose config`
//! itself does, up to [`MAX_RANGE`] ports; a larger range is kept verbatim. What a `Port` cannot
//! say exactly — a variable, a random host port (`"3000"` alone publishes on an ephemeral host
//! port), `mode`, `name`, `app_protocol` — makes the caller keep the key verbatim; the entries
//! that can be read still reach the model.

use super::convert::scalar;
use crate::i18n::Message;
use crate::model::{Port, Protocol};
use serde_yaml::Value;

/// Largest range expanded into single ports.
pub const MAX_RANGE: u32 = 100;

/// Read a `ports:` value; reasons for keeping it verbatim go to `why`.
pub fn ports(v: &Value, why: &mut Vec<Message>) -> Vec<Port> {
    let Value::Sequence(items) = v else {
        why.push(Message::plain(PORTS_IS_NOT_A_LIST));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            Value::Mapping(_) => long(item, &mut out, why),
            other => match scalar(other) {
                Some(text) => short(&text, &mut out, why),
                None => why.push(
                    Message::plain(UNREADABLE_PORT_ENTRY)
                        .arg("value", super::convert::to_json(other).to_string()),
                ),
            },
        }
    }
    out
}

fn short(text: &str, out: &mut Vec<Port>, why: &mut Vec<Message>) {
    if text.contains('$') {
        why.push(Message::plain(USES_A_VARIABLE).arg("text", format!("{:?}", text)));
        return;
    }
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
            why.push(Message::plain(PUBLISHES_ON_A_RANDOM_HOST).arg("text", format!("{:?}", text)));
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
            // Compose publishes on every interface unless told otherwise; say so explicitly,
            // since the model's `None` means the generator's safer 127.0.0.1.
            host_ip: Some(host_ip.clone().unwrap_or_else(|| "0.0.0.0".to_string())),
            protocol,
        });
    }
}

fn long(item: &Value, out: &mut Vec<Port>, why: &mut Vec<Message>) {
    let Value::Mapping(m) = item else { return };
    let shown = super::convert::to_json(item);
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
        None => {
            why.push(Message::plain(PUBLISHES_ON_A_RANDOM_HOST_2).arg("shown", shown.to_string()));
            return;
        }
        Some(p) => match p.parse::<u16>().ok().filter(|p| *p > 0) {
            Some(p) => p,
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
                why.push(Message::plain(HOST_IP_IS_A_VARIABLE).arg("shown", shown.to_string()));
                return;
            }
        },
    };
    out.push(Port {
        container,
        published: Some(published),
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
    PUBLISHES_ON_A_RANDOM_HOST {
        en: "{text} publishes on a random host port",
        de: "{text} veröffentlicht auf einem zufälligen Host-Port",
        fr: "{text} publie sur un port de l'hôte aléatoire",
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
    PUBLISHES_ON_A_RANDOM_HOST_2 {
        en: "{shown} publishes on a random host port",
        de: "{shown} veröffentlicht auf einem zufälligen Host-Port",
        fr: "{shown} publie sur un port de l'hôte aléatoire",
    }
    HOST_PORT_IS_A_VARIABLE {
        en: "{shown}: host port {p} is a variable or a range",
        de: "{shown}: der Host-Port {p} ist eine Variable oder ein Bereich",
        fr: "{shown} : le port de l'hôte {p} est une variable ou une plage",
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
        let (p, why) = read(r#"["${WEB_PORT:-8080}:80", "3000", "127.0.0.1::80", "81:81"]"#);
        assert_eq!(
            p,
            vec![port(81, 81, "0.0.0.0")],
            "readable entries still reach the model"
        );
        assert_eq!(why.len(), 3, "{why:?}");
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

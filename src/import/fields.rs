//! The smaller service keys: `image`, `build`, `command`, `healthcheck`, `deploy`, `restart`,
//! `profiles` and the hardening keys. Each reader returns the model's value and pushes to `why`
//! every reason the value is not exact (the caller then keeps the key verbatim as well).

use super::convert::{key_string, scalar, to_json};
use super::units::{mebibytes, millicores, seconds};
use crate::model::{
    check_service_name, Build, Hardening, Healthcheck, Image, Replicas, Resources, RestartPolicy,
};
use serde_yaml::Value;
use std::collections::BTreeMap;

/// Most replicas the model accepts per environment.
const MAX_REPLICAS: u32 = 100;

fn unknown_keys(m: &serde_yaml::Mapping, known: &[&str], what: &str, why: &mut Vec<String>) {
    for k in m.keys() {
        let k = key_string(k);
        if !known.contains(&k.as_str()) {
            why.push(format!("{what}.{k} has no place in the model"));
        }
    }
}

/// `image:` split so that `reference()` gives the text back exactly (digests and variables
/// included: `redis:7@sha256:..` keeps `7@sha256:..` as its tag, `${IMG}` stays whole).
pub fn image(v: &Value, why: &mut Vec<String>) -> Option<Image> {
    let Some(text) = scalar(v).filter(|t| !t.trim().is_empty()) else {
        why.push("`image` is not a string".into());
        return None;
    };
    if text.contains(char::is_whitespace) {
        why.push(format!("image {text:?} contains white space"));
        return None;
    }
    let split = if text.contains('$') {
        Image::new(&text, "")
    } else if let Some((before, digest)) = text.split_once('@') {
        let base = Image::parse(before);
        if base.tag.is_empty() {
            Image::new(&text, "")
        } else {
            Image::new(base.name, format!("{}@{digest}", base.tag))
        }
    } else {
        Image::parse(&text)
    };
    Some(if split.reference() == text {
        split
    } else {
        Image::new(text, "")
    })
}

/// `build: ./dir` or `build: {context, dockerfile, target, args}`.
pub fn build(v: &Value, why: &mut Vec<String>) -> Build {
    let mut b = Build {
        language: None,
        context: ".".into(),
        dockerfile: None,
        target: None,
        args: BTreeMap::new(),
    };
    match v {
        Value::Mapping(m) => {
            unknown_keys(
                m,
                &["context", "dockerfile", "target", "args"],
                "build",
                why,
            );
            if let Some(c) = m.get("context") {
                match scalar(c) {
                    Some(c) if !c.is_empty() => b.context = c,
                    _ => why.push("build.context is not a path".into()),
                }
            }
            b.dockerfile = m.get("dockerfile").and_then(scalar);
            b.target = m.get("target").and_then(scalar);
            match m.get("args") {
                None => {}
                Some(Value::Mapping(args)) => {
                    for (k, v) in args {
                        match scalar(v) {
                            Some(s) => {
                                b.args.insert(key_string(k), s);
                            }
                            None => {
                                why.push(format!("build arg {} has no fixed value", key_string(k)))
                            }
                        }
                    }
                }
                Some(Value::Sequence(args)) => {
                    for a in args.iter().filter_map(scalar) {
                        match a.split_once('=') {
                            Some((k, v)) => {
                                b.args.insert(k.to_string(), v.to_string());
                            }
                            None => why.push(format!(
                                "build arg {a} is taken from the host's environment"
                            )),
                        }
                    }
                }
                Some(other) => why.push(format!("build.args {} is unreadable", to_json(other))),
            }
        }
        other => match scalar(other) {
            Some(c) if !c.is_empty() => b.context = c,
            _ => why.push("`build` is unreadable".into()),
        },
    }
    b
}

/// `command:` as an exec list. A string is split at white space as compose does; strings with
/// quotes or backslashes are split approximately and kept verbatim.
pub fn command(v: &Value, why: &mut Vec<String>) -> Vec<String> {
    match v {
        // An override's `command: []` resets an inherited command; the model's empty command
        // means "none given", so the reset is kept as written.
        Value::Sequence(items) if items.is_empty() => {
            why.push("an empty `command` (a reset) is not the same as none".into());
            Vec::new()
        }
        Value::Sequence(items) => items
            .iter()
            .map(|i| {
                scalar(i).unwrap_or_else(|| {
                    why.push(format!("command item {} is not a string", to_json(i)));
                    to_json(i).to_string()
                })
            })
            .collect(),
        other => match scalar(other) {
            Some(s) => {
                if s.contains(['"', '\'', '\\']) {
                    why.push(
                        "a command string with quotes is split by compose's shell-word rules"
                            .into(),
                    );
                }
                s.split_whitespace()
                    .map(|w| w.trim_matches(['"', '\'']).to_string())
                    .collect()
            }
            None => {
                why.push("`command` is unreadable".into());
                Vec::new()
            }
        },
    }
}

/// `healthcheck:`; absent timings take compose's defaults (30 s, 30 s, 3 retries, 0 s) so that
/// the generator's explicit values mean the same. `None` when disabled.
pub fn healthcheck(v: &Value, why: &mut Vec<String>) -> Option<Healthcheck> {
    let Value::Mapping(m) = v else {
        why.push("`healthcheck` is not a mapping".into());
        return None;
    };
    unknown_keys(
        m,
        &[
            "test",
            "interval",
            "timeout",
            "retries",
            "start_period",
            "disable",
        ],
        "healthcheck",
        why,
    );
    if m.get("disable") == Some(&Value::Bool(true)) {
        why.push("the image's healthcheck is disabled".into());
        return None;
    }
    let test: Vec<String> = match m.get("test") {
        Some(Value::Sequence(items)) => items
            .iter()
            .map(|i| scalar(i).unwrap_or_default())
            .collect(),
        Some(other) => match scalar(other) {
            Some(s) => vec!["CMD-SHELL".into(), s],
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    match test.first().map(String::as_str) {
        Some("CMD" | "CMD-SHELL") if test.len() > 1 => {}
        Some("NONE") => {
            why.push("the image's healthcheck is disabled (NONE)".into());
            return None;
        }
        _ => {
            why.push("the test is not a CMD or CMD-SHELL command".into());
            return None;
        }
    }
    let mut timing = |key: &str, default: u32| match m.get(key) {
        None => default,
        Some(v) => seconds(v).unwrap_or_else(|| {
            why.push(format!(
                "{key} {} is not a whole number of seconds",
                to_json(v)
            ));
            default
        }),
    };
    let interval_s = timing("interval", 30);
    let timeout_s = timing("timeout", 30);
    let start_period_s = timing("start_period", 0);
    let retries = match m.get("retries") {
        None => 3,
        Some(v) => v
            .as_u64()
            .and_then(|r| u32::try_from(r).ok())
            .unwrap_or_else(|| {
                why.push(format!("retries {} is not a number", to_json(v)));
                3
            }),
    };
    Some(Healthcheck {
        test,
        interval_s,
        timeout_s,
        retries,
        start_period_s,
    })
}

/// `deploy:` → replicas (every environment: the file runs them everywhere) and resources.
pub fn deploy(v: &Value, why: &mut Vec<String>) -> (Option<Replicas>, Resources) {
    let mut resources = Resources::default();
    let Value::Mapping(m) = v else {
        why.push("`deploy` is not a mapping".into());
        return (None, resources);
    };
    unknown_keys(m, &["replicas", "resources"], "deploy", why);
    let replicas =
        m.get("replicas")
            .and_then(|r| match r.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) if n <= MAX_REPLICAS => Some(Replicas {
                    dev: n,
                    ci: n,
                    prod: n,
                }),
                _ => {
                    why.push(format!(
                        "replicas {} is not a number up to {MAX_REPLICAS}",
                        to_json(r)
                    ));
                    None
                }
            });
    if let Some(res) = m.get("resources") {
        let Value::Mapping(res) = res else {
            why.push("deploy.resources is not a mapping".into());
            return (replicas, resources);
        };
        unknown_keys(res, &["limits", "reservations"], "deploy.resources", why);
        let mut read = |section: &str, known: &[&str]| -> (Option<u32>, Option<u32>, Option<u32>) {
            let Some(Value::Mapping(s)) = res.get(section) else {
                return (None, None, None);
            };
            unknown_keys(s, known, &format!("deploy.resources.{section}"), why);
            let mut field = |key: &str, read: fn(&Value) -> Option<u32>| {
                s.get(key).and_then(|v| {
                    let r = read(v);
                    if r.is_none() {
                        why.push(format!(
                            "{section}.{key} {} is not read exactly",
                            to_json(v)
                        ));
                    }
                    r
                })
            };
            (
                field("cpus", millicores),
                field("memory", mebibytes),
                field("pids", |v| v.as_u64().and_then(|n| u32::try_from(n).ok())),
            )
        };
        let (cpu, mem, pids) = read("limits", &["cpus", "memory", "pids"]);
        let (cpu_r, mem_r, _) = read("reservations", &["cpus", "memory"]);
        resources = Resources {
            cpu_limit_m: cpu,
            memory_limit_mb: mem,
            cpu_reservation_m: cpu_r,
            memory_reservation_mb: mem_r,
            pids_limit: pids,
        };
    }
    (replicas, resources)
}

pub fn restart(v: &Value, why: &mut Vec<String>) -> RestartPolicy {
    match scalar(v).as_deref() {
        Some("no") | Some("false") => RestartPolicy::No,
        Some("always") => RestartPolicy::Always,
        Some("unless-stopped") => RestartPolicy::UnlessStopped,
        Some("on-failure") => RestartPolicy::OnFailure,
        Some(s) if s.starts_with("on-failure:") => {
            why.push(format!("{s:?}: the retry count has no place in the model"));
            RestartPolicy::OnFailure
        }
        _ => {
            why.push(format!(
                "restart {} is not a policy the model knows",
                to_json(v)
            ));
            RestartPolicy::No
        }
    }
}

pub fn profiles(v: &Value, why: &mut Vec<String>) -> Vec<String> {
    let Value::Sequence(items) = v else {
        why.push("`profiles` is not a list".into());
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|p| match scalar(p) {
            Some(p) if check_service_name(&p).is_ok() => Some(p),
            _ => {
                why.push(format!(
                    "profile {} is not a name the model accepts",
                    to_json(p)
                ));
                None
            }
        })
        .collect()
}

/// One hardening key into `h`.
pub fn hardening(key: &str, v: &Value, h: &mut Hardening, why: &mut Vec<String>) {
    let text = |why: &mut Vec<String>| {
        scalar(v).or_else(|| {
            why.push(format!("`{key}` is not a string"));
            None
        })
    };
    let flag = |why: &mut Vec<String>| match v {
        Value::Bool(b) => *b,
        _ => {
            why.push(format!("`{key}` is not true or false"));
            false
        }
    };
    let list = |why: &mut Vec<String>| -> Vec<String> {
        match v {
            Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
            _ => {
                why.push(format!("`{key}` is not a list"));
                Vec::new()
            }
        }
    };
    match key {
        "user" => h.user = text(why),
        "read_only" => h.read_only_root = flag(why),
        "privileged" => h.privileged = flag(why),
        "network_mode" => h.network_mode = text(why),
        "pid" => h.pid = text(why),
        "ipc" => h.ipc = text(why),
        "cap_add" => h.cap_add = list(why),
        "cap_drop" => {
            let caps = list(why);
            h.cap_drop_all = caps.iter().any(|c| c.eq_ignore_ascii_case("ALL"));
            if caps.len() != 1 || !h.cap_drop_all {
                why.push("only `cap_drop: [ALL]` has a place in the model".into());
            }
        }
        "security_opt" => {
            for opt in list(why) {
                match opt.replace('=', ":").as_str() {
                    "no-new-privileges" | "no-new-privileges:true" => h.no_new_privileges = true,
                    "seccomp:unconfined" => h.seccomp_unconfined = true,
                    other => why.push(format!(
                        "security option {other:?} has no place in the model"
                    )),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn y(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn images_give_their_reference_back() {
        for text in [
            "postgres:16-alpine",
            "redis@sha256:abc",
            "redis:7@sha256:abc",
            "${IMG:-a/b:1}",
            "localhost:5000/app",
            "app",
        ] {
            let img = image(&Value::from(text), &mut Vec::new()).unwrap();
            assert_eq!(img.reference(), text);
        }
        assert_eq!(
            image(&Value::from("redis:7@sha256:abc"), &mut Vec::new())
                .unwrap()
                .name,
            "redis"
        );
    }

    #[test]
    fn an_empty_command_is_kept_as_written() {
        let mut why = Vec::new();
        assert!(command(&y("[]"), &mut why).is_empty());
        assert_eq!(
            why.len(),
            1,
            "a reset is flagged, so the key is kept verbatim"
        );
        let mut why = Vec::new();
        assert_eq!(command(&y("[a, b]"), &mut why), ["a", "b"]);
        assert!(why.is_empty());
    }

    #[test]
    fn build_reads_both_forms() {
        let mut why = Vec::new();
        assert_eq!(build(&Value::from("./app"), &mut why).context, "./app");
        let b = build(
            &y("{context: ., dockerfile: Dockerfile.prod, target: runtime, args: [A=1, B]}"),
            &mut why,
        );
        assert_eq!(
            (b.dockerfile.as_deref(), b.target.as_deref()),
            (Some("Dockerfile.prod"), Some("runtime"))
        );
        assert_eq!(b.args.get("A").map(String::as_str), Some("1"));
        assert_eq!(why.len(), 1, "B without a value is flagged: {why:?}");
        why.clear();
        build(&y("{dockerfile_inline: 'FROM x'}"), &mut why);
        assert_eq!(b.language, None);
        assert!(why[0].contains("dockerfile_inline"));
    }

    #[test]
    fn healthchecks_read_forms_and_durations() {
        let mut why = Vec::new();
        let hc = healthcheck(&y("{test: curl -f localhost, interval: 1m30s}"), &mut why).unwrap();
        assert_eq!(hc.test, ["CMD-SHELL", "curl -f localhost"]);
        assert_eq!(
            (hc.interval_s, hc.timeout_s, hc.retries, hc.start_period_s),
            (90, 30, 3, 0)
        );
        assert!(why.is_empty());
        let hc = healthcheck(
            &y("{test: [CMD, pg_isready], interval: $HEALTHCHECK_INTERVAL, retries: $R}"),
            &mut why,
        )
        .unwrap();
        assert_eq!(hc.test, ["CMD", "pg_isready"]);
        assert_eq!(why.len(), 2, "{why:?}");
        assert!(healthcheck(&y("{disable: true}"), &mut why).is_none());
    }

    #[test]
    fn deploy_reads_replicas_and_resources() {
        let mut why = Vec::new();
        let (r, res) = deploy(&y("{replicas: 3, resources: {limits: {cpus: '0.5', memory: 512M}, reservations: {memory: 128M}}}"), &mut why);
        assert_eq!(
            r,
            Some(Replicas {
                dev: 3,
                ci: 3,
                prod: 3
            })
        );
        assert_eq!(
            (
                res.cpu_limit_m,
                res.memory_limit_mb,
                res.memory_reservation_mb
            ),
            (Some(500), Some(512), Some(128))
        );
        assert!(why.is_empty());
        deploy(
            &y("{resources: {reservations: {devices: [{capabilities: [gpu]}]}}}"),
            &mut why,
        );
        assert_eq!(why.len(), 1, "GPU reservations are kept verbatim: {why:?}");
    }

    #[test]
    fn hardening_keys_fill_the_block() {
        let mut h = Hardening::default();
        let mut why = Vec::new();
        hardening(
            "security_opt",
            &y("[no-new-privileges:true, 'label:disable']"),
            &mut h,
            &mut why,
        );
        hardening("cap_drop", &y("[ALL]"), &mut h, &mut why);
        hardening("user", &y("1000"), &mut h, &mut why);
        assert!(h.no_new_privileges && h.cap_drop_all);
        assert_eq!(h.user.as_deref(), Some("1000"));
        assert_eq!(why.len(), 1);
    }
}

//! The `docker run` options and what each becomes in a compose service. One row per option
//! (long name, short letter, whether it takes a value, its compose counterpart); the rows are
//! the list `tierboard import --docker-run` supports. Options with no compose counterpart
//! Tierboard writes (`-P`, `--gpus`, `--network-alias`...) and options no row knows are
//! reported by the caller, never dropped in silence.

use serde_yaml::{Mapping, Value};

/// Where an option's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The service's name (`--name`).
    Name,
    /// Appended to a list key (`-p` → `ports`).
    List(&'static str),
    /// A scalar key (`--restart` → `restart`).
    Scalar(&'static str),
    /// A boolean key set to true (`--read-only` → `read_only`).
    True(&'static str),
    /// A list key with one item (`--entrypoint` → `entrypoint: [x]`).
    One(&'static str),
    Network,
    Mount,
    HealthCmd,
    /// A healthcheck field (`--health-interval` → `healthcheck.interval`).
    Health(&'static str),
    NoHealthcheck,
    /// A `deploy.resources.limits` field (`--cpus`, `--memory`, `--pids-limit`).
    Limit(&'static str),
    /// `deploy.resources.reservations.memory`.
    Reservation,
    LogDriver,
    LogOpt,
    Ulimit,
    StopTimeout,
    /// A run-time option with no meaning in a compose file (`-d`, `--rm`).
    RunOnly,
    /// Known, but Tierboard writes no counterpart for it.
    Unsupported,
}

/// One `docker run` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    pub long: &'static str,
    pub short: Option<char>,
    pub takes_value: bool,
    pub into: Target,
}

const fn v(long: &'static str, short: Option<char>, into: Target) -> Flag {
    Flag {
        long,
        short,
        takes_value: true,
        into,
    }
}

const fn b(long: &'static str, short: Option<char>, into: Target) -> Flag {
    Flag {
        long,
        short,
        takes_value: false,
        into,
    }
}

use Target::*;

/// Every option read, in `docker run --help` order of importance.
pub static FLAGS: &[Flag] = &[
    v("name", None, Name),
    v("publish", Some('p'), List("ports")),
    v("expose", None, List("expose")),
    v("env", Some('e'), List("environment")),
    v("env-file", None, List("env_file")),
    v("volume", Some('v'), List("volumes")),
    v("mount", None, Mount),
    v("tmpfs", None, List("tmpfs")),
    v("restart", None, Scalar("restart")),
    v("network", None, Network),
    v("net", None, Network),
    v("user", Some('u'), Scalar("user")),
    v("workdir", Some('w'), Scalar("working_dir")),
    v("hostname", Some('h'), Scalar("hostname")),
    v("entrypoint", None, One("entrypoint")),
    v("cap-add", None, List("cap_add")),
    v("cap-drop", None, List("cap_drop")),
    b("read-only", None, True("read_only")),
    b("privileged", None, True("privileged")),
    b("init", None, True("init")),
    b("interactive", Some('i'), True("stdin_open")),
    b("tty", Some('t'), True("tty")),
    v("security-opt", None, List("security_opt")),
    v("health-cmd", None, HealthCmd),
    v("health-interval", None, Health("interval")),
    v("health-timeout", None, Health("timeout")),
    v("health-retries", None, Health("retries")),
    v("health-start-period", None, Health("start_period")),
    v("health-start-interval", None, Health("start_interval")),
    b("no-healthcheck", None, NoHealthcheck),
    v("cpus", None, Limit("cpus")),
    v("memory", Some('m'), Limit("memory")),
    v("pids-limit", None, Limit("pids")),
    v("memory-reservation", None, Reservation),
    v("shm-size", None, Scalar("shm_size")),
    v("label", Some('l'), List("labels")),
    v("add-host", None, List("extra_hosts")),
    v("dns", None, List("dns")),
    v("dns-search", None, List("dns_search")),
    v("device", None, List("devices")),
    v("sysctl", None, List("sysctls")),
    v("group-add", None, List("group_add")),
    v("link", None, List("links")),
    v("volumes-from", None, List("volumes_from")),
    v("ulimit", None, Ulimit),
    v("log-driver", None, LogDriver),
    v("log-opt", None, LogOpt),
    v("stop-signal", None, Scalar("stop_signal")),
    v("stop-timeout", None, StopTimeout),
    v("platform", None, Scalar("platform")),
    v("pull", None, Scalar("pull_policy")),
    v("ipc", None, Scalar("ipc")),
    v("pid", None, Scalar("pid")),
    v("userns", None, Scalar("userns_mode")),
    v("cgroupns", None, Scalar("cgroupns_mode")),
    v("runtime", None, Scalar("runtime")),
    v("mac-address", None, Scalar("mac_address")),
    v("domainname", None, Scalar("domainname")),
    v("oom-score-adj", None, Scalar("oom_score_adj")),
    b("detach", Some('d'), RunOnly),
    b("rm", None, RunOnly),
    v("attach", Some('a'), RunOnly),
    v("cidfile", None, RunOnly),
    v("detach-keys", None, RunOnly),
    b("sig-proxy", None, RunOnly),
    b("quiet", Some('q'), RunOnly),
    b("publish-all", Some('P'), Unsupported),
    v("gpus", None, Unsupported),
    v("network-alias", None, Unsupported),
    v("ip", None, Unsupported),
    v("ip6", None, Unsupported),
    v("cpu-shares", Some('c'), Unsupported),
    v("cpuset-cpus", None, Unsupported),
    v("memory-swap", None, Unsupported),
    v("device-cgroup-rule", None, Unsupported),
    b("oom-kill-disable", None, Unsupported),
    v("storage-opt", None, Unsupported),
    v("annotation", None, Unsupported),
];

/// The row of `--long` or `-s`.
pub fn long(name: &str) -> Option<&'static Flag> {
    FLAGS.iter().find(|f| f.long == name)
}

pub fn short(c: char) -> Option<&'static Flag> {
    FLAGS.iter().find(|f| f.short == Some(c))
}

fn entry<'a>(service: &'a mut Mapping, key: &str, empty: Value) -> &'a mut Value {
    service
        .entry(Value::String(key.to_string()))
        .or_insert(empty)
}

fn push(service: &mut Mapping, key: &str, value: Value) {
    if let Value::Sequence(items) = entry(service, key, Value::Sequence(Vec::new())) {
        items.push(value);
    }
}

fn set_in(service: &mut Mapping, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut map = service;
    for p in parents {
        let next = entry(map, p, Value::Mapping(Mapping::new()));
        if !next.is_mapping() {
            *next = Value::Mapping(Mapping::new());
        }
        let Value::Mapping(m) = next else { return };
        map = m;
    }
    map.insert(Value::String(last.to_string()), value);
}

/// A number when the text is one (`--health-retries 3` → `3`), else the text.
fn scalar(value: &str) -> Value {
    value
        .parse::<u64>()
        .map_or_else(|_| Value::String(value.to_string()), Value::from)
}

/// `--mount type=bind,source=/a,target=/b,readonly` → the long volume syntax; the keys it
/// cannot place are returned.
fn mount(value: &str) -> (Value, Vec<String>) {
    let mut m = Mapping::new();
    let mut left = Vec::new();
    let set = |m: &mut Mapping, k: &str, v: Value| {
        m.insert(Value::String(k.into()), v);
    };
    for part in value.split(',').filter(|p| !p.is_empty()) {
        let (k, val) = part.split_once('=').unwrap_or((part, "true"));
        match k {
            "type" => set(&mut m, "type", val.into()),
            "source" | "src" => set(&mut m, "source", val.into()),
            "target" | "destination" | "dst" => set(&mut m, "target", val.into()),
            "readonly" | "ro" => set(
                &mut m,
                "read_only",
                Value::Bool(val != "false" && val != "0"),
            ),
            "bind-propagation" => set(
                &mut m,
                "bind",
                Value::Mapping([("propagation".into(), val.into())].into_iter().collect()),
            ),
            "volume-nocopy" => set(
                &mut m,
                "volume",
                Value::Mapping(
                    [("nocopy".into(), Value::Bool(val != "false"))]
                        .into_iter()
                        .collect(),
                ),
            ),
            "tmpfs-size" => set(
                &mut m,
                "tmpfs",
                Value::Mapping([("size".into(), scalar(val))].into_iter().collect()),
            ),
            _ => left.push(part.to_string()),
        }
    }
    if !m.contains_key("type") {
        set(&mut m, "type", "volume".into());
    }
    (Value::Mapping(m), left)
}

/// What applying an option left to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leftover {
    None,
    /// A run-time option (`-d`, `--rm`).
    RunOnly,
    /// No counterpart; the text says what was not placed.
    Unsupported(String),
}

/// Apply option `flag` with `value` (empty for a switch) to `service`; `name` receives `--name`;
/// `networks` collects the networks to declare.
pub fn apply(
    flag: &Flag,
    value: &str,
    service: &mut Mapping,
    name: &mut Option<String>,
    networks: &mut Vec<String>,
) -> Leftover {
    match flag.into {
        Name => *name = Some(value.to_string()),
        List(key) => push(service, key, value.into()),
        Scalar(key) => set_in(service, &[key], scalar(value)),
        True(key) => set_in(service, &[key], Value::Bool(true)),
        One(key) => set_in(service, &[key], Value::Sequence(vec![value.into()])),
        Network => {
            let mode = value == "host"
                || value == "none"
                || value == "bridge"
                || value.starts_with("container:")
                || value.starts_with("service:");
            if value == "bridge" || value == "default" {
                // Docker's default network: compose's project network does the same.
            } else if mode {
                set_in(service, &["network_mode"], value.into());
            } else {
                push(service, "networks", value.into());
                if !networks.iter().any(|n| n == value) {
                    networks.push(value.to_string());
                }
            }
        }
        Mount => {
            let (m, left) = mount(value);
            push(service, "volumes", m);
            if !left.is_empty() {
                return Leftover::Unsupported(left.join(","));
            }
        }
        HealthCmd => set_in(
            service,
            &["healthcheck", "test"],
            Value::Sequence(vec!["CMD-SHELL".into(), value.into()]),
        ),
        Health(field) => set_in(service, &["healthcheck", field], scalar(value)),
        NoHealthcheck => set_in(service, &["healthcheck", "disable"], Value::Bool(true)),
        Limit(field) => set_in(
            service,
            &["deploy", "resources", "limits", field],
            if field == "cpus" {
                value.into()
            } else {
                scalar(value)
            },
        ),
        Reservation => set_in(
            service,
            &["deploy", "resources", "reservations", "memory"],
            value.into(),
        ),
        LogDriver => set_in(service, &["logging", "driver"], value.into()),
        LogOpt => match value.split_once('=') {
            Some((k, v)) => set_in(service, &["logging", "options", k], v.into()),
            None => return Leftover::Unsupported(value.to_string()),
        },
        Ulimit => match value.split_once('=') {
            Some((k, limits)) => {
                let v = match limits.split_once(':') {
                    Some((soft, hard)) => Value::Mapping(
                        [("soft".into(), scalar(soft)), ("hard".into(), scalar(hard))]
                            .into_iter()
                            .collect(),
                    ),
                    None => scalar(limits),
                };
                set_in(service, &["ulimits", k], v);
            }
            None => return Leftover::Unsupported(value.to_string()),
        },
        StopTimeout => set_in(service, &["stop_grace_period"], format!("{value}s").into()),
        RunOnly => return Leftover::RunOnly,
        Unsupported => return Leftover::Unsupported(value.to_string()),
    }
    Leftover::None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        for (i, f) in FLAGS.iter().enumerate() {
            assert!(FLAGS[..i].iter().all(|g| g.long != f.long), "{}", f.long);
            if let Some(s) = f.short {
                assert!(FLAGS[..i].iter().all(|g| g.short != Some(s)), "-{s}");
            }
        }
    }

    #[test]
    fn mounts_become_the_long_volume_syntax() {
        let (m, left) = mount("type=bind,src=/srv/data,dst=/data,readonly,consistency=cached");
        assert_eq!(
            serde_yaml::to_string(&m).unwrap(),
            "type: bind\nsource: /srv/data\ntarget: /data\nread_only: true\n"
        );
        assert_eq!(left, vec!["consistency=cached"]);
    }
}

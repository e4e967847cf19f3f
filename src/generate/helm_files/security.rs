//! The pod security settings of a service, and what they change compared with compose.
//!
//! Every pod runs with the restricted profile checkov and Kubernetes' "restricted" Pod Security
//! Standard expect: non-root, `runAsUser` >= 10000 with a matching `fsGroup`, no privilege
//! escalation, all capabilities dropped, RuntimeDefault seccomp and a read-only root file system.
//! That is stricter than some compose services run (seed 004's `Minimal` kinds start as root and
//! drop privileges themselves; some images use uids below 10000), so:
//! - the compose `user` is kept when its uid is >= 10000, otherwise the pod runs as 10001:10001;
//!   `fsGroup` makes the volumes writable for that user (Kubernetes chowns them on mount);
//! - the writable paths a kind needs besides its volumes get an `emptyDir` (`/tmp` always);
//! - a few kinds need an environment variable to live with that (PGDATA in a subdirectory,
//!   because the volume root holds `lost+found`; Kong's prefix);
//! - added capabilities (`cap_add`) are not carried over; ports below 1024 need them, so such a
//!   service must move to a higher port.
//!
//! Each change is recorded as a note for the chart README, and kinds known to need more than
//! these settings carry a caveat there. Values keep `runAsUser`/`fsGroup` per service, so an
//! operator can set an image's own uid back in a values file. The notes are in the design's
//! documentation language.

use super::readme::texts;
use crate::i18n::{Lang, Text};
use crate::model::Service;

/// The uid (and gid) used when the compose user is root, unset or below 10000.
pub const POD_UID: u32 = 10001;

/// Pod user settings and the notes explaining changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSecurity {
    pub run_as_user: u32,
    pub run_as_group: u32,
    pub fs_group: u32,
    /// `(volume name, mount path)` of emptyDir scratch space, `/tmp` first.
    pub writable: Vec<(String, String)>,
    /// Environment the kind needs under these settings, `(key, value)`; never overrides the design.
    pub env: Vec<(String, String)>,
    pub notes: Vec<String>,
}

pub fn pod_security(service: &Service, lang: Lang) -> PodSecurity {
    let mut notes = Vec::new();
    let pod = format!("{POD_UID}:{POD_UID}");
    let parsed = service.hardening.user.as_deref().map(parse_user);
    let (run_as_user, run_as_group) = match parsed {
        Some(Some((uid, gid))) if uid >= 10000 => (uid, if gid >= 10000 { gid } else { uid }),
        Some(Some((uid, _))) => {
            notes.push(texts::S_LOW_UID.fill(lang, &[("pod", &pod), ("uid", &uid.to_string())]));
            (POD_UID, POD_UID)
        }
        Some(None) => {
            notes.push(texts::S_NAMED_USER.fill(lang, &[("pod", &pod)]));
            (POD_UID, POD_UID)
        }
        None => {
            notes.push(texts::S_DEFAULT_USER.fill(lang, &[("pod", &pod)]));
            (POD_UID, POD_UID)
        }
    };
    if !service.hardening.read_only_root {
        notes.push(texts::S_READ_ONLY.get(lang).to_string());
    }
    let h = &service.hardening;
    let mut weakened: Vec<String> = Vec::new();
    if h.privileged {
        weakened.push("privileged".into());
    }
    if h.seccomp_unconfined {
        weakened.push("seccomp unconfined".into());
    }
    for (key, value) in [
        ("network_mode", &h.network_mode),
        ("pid", &h.pid),
        ("ipc", &h.ipc),
    ] {
        if let Some(v) = value {
            weakened.push(format!("{key}: {v}"));
        }
    }
    if !weakened.is_empty() {
        notes.push(texts::S_WEAKENED.fill(lang, &[("settings", &weakened.join(", "))]));
    }
    if !service.hardening.cap_add.is_empty() {
        notes.push(texts::S_CAP_ADD.fill(lang, &[("caps", &service.hardening.cap_add.join(", "))]));
    }
    let mut writable = vec![("tmp".to_string(), "/tmp".to_string())];
    let mut env = Vec::new();
    let (paths, extra_env, caveat) = kind_needs(&service.kind);
    for (i, p) in paths.iter().enumerate() {
        writable.push((format!("scratch-{}", i + 1), p.to_string()));
    }
    for (k, v) in extra_env {
        if service.env(k).is_none() {
            env.push((k.to_string(), v.to_string()));
        }
    }
    if let Some(c) = caveat {
        notes.push(c.get(lang).to_string());
    }
    PodSecurity {
        run_as_user,
        run_as_group,
        fs_group: run_as_group,
        writable,
        env,
        notes,
    }
}

/// `"uid"` or `"uid:gid"` with numbers; names (`postgres`) are `None`.
fn parse_user(user: &str) -> Option<(u32, u32)> {
    let mut parts = user.splitn(2, ':');
    let uid: u32 = parts.next()?.trim().parse().ok()?;
    let gid = match parts.next() {
        Some(g) => g.trim().parse().ok()?,
        None => uid,
    };
    Some((uid, gid))
}

type Needs = (
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    Option<Text>,
);

/// What a catalog kind needs beyond `/tmp` to run with a read-only root as a non-root uid, and
/// what is known not to be enough. Unknown kinds get `/tmp` only.
fn kind_needs(kind: &str) -> Needs {
    match kind {
        // The socket directory; PGDATA below the volume root, which holds lost+found.
        "postgres" | "supabase-postgres" => (
            &["/var/run/postgresql"],
            &[("PGDATA", "/var/lib/postgresql/data/pgdata")],
            None,
        ),
        "mysql" => (&["/var/run/mysqld"], &[], None),
        // The image declares /data/configdb as a volume too.
        "mongodb" => (&["/data/configdb"], &[], None),
        // Kong's nginx prefix, moved out of the image (as Kong's own chart does).
        "kong" => (&["/kong_prefix"], &[("KONG_PREFIX", "/kong_prefix")], None),
        "qdrant" => (&["/qdrant/snapshots"], &[], None),
        "ngrok" => (&["/var/lib/ngrok"], &[], None),
        "elasticsearch" => (&[], &[], Some(texts::C_ELASTICSEARCH)),
        "kafka" => (&[], &[], Some(texts::C_KAFKA)),
        "rabbitmq" => (&[], &[], Some(texts::C_RABBITMQ)),
        "ollama" => (
            &[],
            &[("HOME", "/tmp"), ("OLLAMA_MODELS", "/root/.ollama/models")],
            Some(texts::C_OLLAMA),
        ),
        "jupyter" => (&["/home/jovyan/.local", "/home/jovyan/.jupyter"], &[], None),
        "grafana" => (&["/var/log/grafana"], &[], None),
        _ => (&[], &[], None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Hardening, ServiceId, Tier};

    fn svc(kind: &str, user: Option<&str>) -> Service {
        let mut s = Service::new(ServiceId(1), "x", kind, Tier::Data);
        s.hardening = Hardening {
            user: user.map(str::to_string),
            ..Hardening::full("0")
        };
        s
    }

    #[test]
    fn high_uids_are_kept() {
        let p = pod_security(&svc("prometheus", Some("65534:65534")), Lang::En);
        assert_eq!(
            (p.run_as_user, p.run_as_group, p.fs_group),
            (65534, 65534, 65534)
        );
        assert!(p.notes.is_empty(), "{:?}", p.notes);
    }

    #[test]
    fn root_and_low_uids_move_to_the_pod_uid_with_a_note() {
        for user in [None, Some("101:101"), Some("postgres")] {
            let p = pod_security(&svc("custom", user), Lang::En);
            assert_eq!((p.run_as_user, p.fs_group), (POD_UID, POD_UID), "{user:?}");
            assert_eq!(p.notes.len(), 1, "{user:?}: {:?}", p.notes);
        }
    }

    #[test]
    fn postgres_gets_its_socket_dir_and_a_pgdata_subdirectory() {
        let p = pod_security(&svc("postgres", None), Lang::En);
        assert!(p
            .writable
            .iter()
            .any(|(_, path)| path == "/var/run/postgresql"));
        assert_eq!(
            p.env,
            vec![(
                "PGDATA".to_string(),
                "/var/lib/postgresql/data/pgdata".to_string()
            )]
        );
        assert_eq!(p.writable[0].1, "/tmp");
    }

    #[test]
    fn weakening_settings_are_dropped_with_a_note() {
        let mut s = svc("custom", Some("10001"));
        s.hardening.privileged = true;
        s.hardening.network_mode = Some("host".into());
        let notes = pod_security(&s, Lang::En).notes;
        assert!(
            notes
                .iter()
                .any(|n| n.starts_with("privileged, network_mode: host not carried over")),
            "{notes:?}"
        );
    }

    #[test]
    fn a_design_value_wins_over_the_kind_env() {
        let mut s = svc("postgres", None);
        s.environment
            .push(crate::model::EnvVar::plain("PGDATA", "/elsewhere"));
        assert!(pod_security(&s, Lang::En).env.is_empty());
    }
}

//! `no-host-namespaces`: no service shares the host's PID, IPC, UTS, user or cgroup namespace.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Hardening, Service};

pub static RULE: Rule = Rule {
    id: "no-host-namespaces",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "Host namespaces are not shared",
        de: "Host-Namespaces werden nicht geteilt",
        fr: "Les namespaces de l'hôte ne sont pas partagés",
    },
    why: Text {
        en: "`pid: host` lets the container see and signal every host process; `ipc: host` shares host memory \
          segments; `userns_mode`, `uts` or `cgroup: host` lift further walls. Monitoring agents that need this \
          belong on the host, not in the application stack.",
        de: "`pid: host` lässt den Container jeden Host-Prozess sehen und ihm Signale senden; `ipc: \
              host` teilt Speichersegmente des Hosts; `userns_mode`, `uts` oder `cgroup: host` \
              reißen weitere Mauern ein. Monitoring-Agents, die das brauchen, gehören auf den Host, \
              nicht in den Anwendungs-Stack.",
        fr: "`pid: host` permet au container de voir tous les processus de l'hôte et de leur \
              envoyer des signaux ; `ipc: host` partage des segments mémoire de l'hôte ; \
              `userns_mode`, `uts` ou `cgroup: host` abattent d'autres cloisons. Les agents de \
              monitoring qui en ont besoin ont leur place sur l'hôte, pas dans la stack applicative.",
    },
    source: "KICS docker-compose \"Host Namespace is Shared\", \"Shared Host IPC Namespace\", \"Shared Host User \
             Namespace\", \"Cgroup Not Default\"; CIS Docker 5.15, 5.16, 5.20, 5.30",
    problem: Text {
        en: "shares a host namespace",
        de: "teilt einen Host-Namespace",
        fr: "partage un namespace de l'hôte",
    },
    check,
    fix: Some(fix),
    safe_fix: false,
};

/// Namespace keys a design can carry only as imported passthrough.
const EXTRA_KEYS: &[&str] = &["userns_mode", "uts", "cgroup"];

fn host(v: Option<&str>) -> bool {
    v.is_some_and(|v| v.trim() == "host")
}

fn extra_host(s: &Service, key: &str) -> bool {
    s.extra
        .get(key)
        .and_then(|v| v.as_str())
        .is_some_and(|v| v.trim() == "host")
}

fn fails(s: &Service) -> bool {
    host(s.hardening.pid.as_deref())
        || host(s.hardening.ipc.as_deref())
        || EXTRA_KEYS.iter().any(|k| extra_host(s, k))
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| fails(s))
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    let mut commands = ctx.update_failing(failing, |_, s| {
        let h = &s.hardening;
        if !host(h.pid.as_deref()) && !host(h.ipc.as_deref()) {
            return None;
        }
        let keep = |v: &Option<String>| if host(v.as_deref()) { None } else { v.clone() };
        Some(ServiceChange::Hardening(Hardening {
            pid: keep(&h.pid),
            ipc: keep(&h.ipc),
            ..h.clone()
        }))
    });
    commands.extend(ctx.update_failing(failing, |_, s| {
        if !EXTRA_KEYS.iter().any(|k| extra_host(s, k)) {
            return None;
        }
        let mut extra = s.extra.clone();
        extra.retain(|k, _| !(EXTRA_KEYS.contains(&k.as_str()) && extra_host(s, k)));
        Some(ServiceChange::Extra(extra))
    }));
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn private_namespaces_pass() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.hardening.ipc = Some("shareable".into())
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn host_pid_ipc_and_userns_fail_and_are_removed() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.pid = Some("host".into()));
        edit(&mut d, "db", |s| {
            s.hardening.ipc = Some("host".into());
            s.extra
                .insert("userns_mode".into(), serde_json::json!("host"));
        });
        assert_fails(&RULE, &d, &["api", "db"]);
        assert_fix(&RULE, &d, &good());
    }
}

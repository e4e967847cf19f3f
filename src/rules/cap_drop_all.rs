//! `cap-drop-all`: all capabilities are dropped, and none of the dangerous ones added back.
//!
//! The fix drops ALL. A service that starts as root (no `user:`) and whose kind is not known to
//! run without capabilities gets back the five its entrypoint needs to step down to its own user
//! (CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID: what the official postgres, redis, mysql and
//! rabbitmq images use), and NET_BIND_SERVICE when it listens below port 1024. Dangerous
//! capabilities added on purpose are left for the user to remove.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::HardeningFit;
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{Hardening, Service};

pub static RULE: Rule = Rule {
    id: "cap-drop-all",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Capabilities are dropped (cap_drop: ALL)",
        de: "Capabilities entzogen (cap_drop: ALL)",
        fr: "Capabilities retirées (cap_drop: ALL)",
    },
    why: Text {
        en: "Docker grants 14 capabilities by default (raw sockets, chown, kill, ...). Drop them all and add back \
          only what the service needs; SYS_ADMIN, NET_ADMIN or SYS_PTRACE undo most of the isolation.",
        de: "Docker vergibt standardmäßig 14 Capabilities (Raw Sockets, chown, kill, ...). \
              Entziehen Sie alle und fügen Sie nur hinzu, was der Service braucht; SYS_ADMIN, \
              NET_ADMIN oder SYS_PTRACE heben den Großteil der Isolation wieder auf.",
        fr: "Docker accorde 14 capabilities par défaut (raw sockets, chown, kill, ...). Retirez-les \
              toutes et rajoutez seulement ce dont le service a besoin ; SYS_ADMIN, NET_ADMIN ou \
              SYS_PTRACE annulent l'essentiel de l'isolation.",
    },
    source: "seed 004 compose template (`cap_drop: [ALL]`); KICS \"Container Capabilities Unrestricted\"; CIS \
             Docker 5.3",
    problem: Text {
        en: "capabilities not dropped, or a dangerous one added",
        de: "Capabilities nicht entzogen oder eine gefährliche hinzugefügt",
        fr: "capabilities non retirées, ou une capability dangereuse ajoutée",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

const DANGEROUS: &[&str] = &[
    "ALL",
    "SYS_ADMIN",
    "NET_ADMIN",
    "SYS_PTRACE",
    "SYS_MODULE",
    "SYS_RAWIO",
    "SYS_BOOT",
    "SYS_TIME",
    "DAC_READ_SEARCH",
    "MAC_ADMIN",
    "MAC_OVERRIDE",
    "BPF",
    "PERFMON",
];

const STEP_DOWN: &[&str] = &["CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"];

fn normal(cap: &str) -> String {
    let upper = cap.trim().to_ascii_uppercase();
    upper
        .strip_prefix("CAP_")
        .map_or(upper.clone(), str::to_string)
}

fn fails(s: &Service) -> bool {
    !s.hardening.cap_drop_all
        || s.hardening
            .cap_add
            .iter()
            .any(|c| DANGEROUS.contains(&normal(c).as_str()))
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| fails(s))
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |i, s| {
        if s.hardening.cap_drop_all {
            return None; // only dangerous additions remain: the user's call
        }
        let mut h = Hardening {
            cap_drop_all: true,
            ..s.hardening.clone()
        };
        let starts_as_root = s
            .hardening
            .user
            .as_deref()
            .is_none_or(super::non_root_user::is_root);
        let tolerant = ctx
            .kind(i)
            .is_some_and(|k| k.hardening != HardeningFit::Minimal);
        let mut wanted: Vec<&str> = Vec::new();
        if starts_as_root && !tolerant {
            wanted.extend(STEP_DOWN);
        }
        if s.ports.iter().any(|p| p.container < 1024) {
            wanted.push("NET_BIND_SERVICE");
        }
        for cap in wanted {
            if !h.cap_add.iter().any(|c| normal(c) == cap) {
                h.cap_add.push(cap.to_string());
            }
        }
        Some(ServiceChange::Hardening(h))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Port;
    use crate::rules::fixtures::*;

    #[test]
    fn dropped_capabilities_with_harmless_additions_pass() {
        let mut d = good();
        edit(&mut d, "proxy", |s| {
            s.hardening.cap_add = vec!["NET_BIND_SERVICE".into()]
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn kept_or_dangerous_capabilities_fail() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.cap_drop_all = false);
        edit(&mut d, "proxy", |s| {
            s.hardening.cap_add = vec!["cap_sys_admin".into()]
        });
        assert_fails(&RULE, &d, &["proxy", "api"]);
    }

    #[test]
    fn the_fix_drops_all_and_keeps_what_a_root_entrypoint_needs() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.cap_drop_all = false);
        edit(&mut d, "db", |s| {
            s.hardening.cap_drop_all = false;
            s.hardening.user = None;
            s.ports = vec![Port::internal(543)];
        });
        let mut expected = d.clone();
        edit(&mut expected, "api", |s| s.hardening.cap_drop_all = true);
        edit(&mut expected, "db", |s| {
            s.hardening.cap_drop_all = true;
            s.hardening.cap_add = [
                "CHOWN",
                "DAC_OVERRIDE",
                "FOWNER",
                "SETGID",
                "SETUID",
                "NET_BIND_SERVICE",
            ]
            .map(String::from)
            .to_vec();
        });
        assert_fix(&RULE, &d, &expected);
    }
}

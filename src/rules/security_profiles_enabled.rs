//! `security-profiles-enabled`: seccomp and AppArmor confinement stay on.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::model::{Hardening, Service};

pub static RULE: Rule = Rule {
    id: "security-profiles-enabled",
    category: Category::Security,
    severity: Severity::Medium,
    title: "Seccomp and AppArmor are not disabled",
    why: "Docker's default seccomp profile blocks some 40 dangerous system calls and AppArmor confines file \
          access. `unconfined` removes both layers for a convenience that is rarely needed.",
    source: "KICS docker-compose \"Default Seccomp Profile Disabled\", \"Apparmor Profile Disabled\"; CIS Docker \
             5.1, 5.21",
    problem: "seccomp or AppArmor disabled",
    check,
    fix: Some(fix),
    safe_fix: false,
};

fn unconfined(opt: &str) -> bool {
    let o = opt.replace('=', ":").replace(' ', "").to_ascii_lowercase();
    o == "seccomp:unconfined" || o == "apparmor:unconfined"
}

/// `security_opt` entries kept from an import.
fn extra_opts(s: &Service) -> impl Iterator<Item = &str> {
    s.extra.get("security_opt").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str())
}

fn fails(s: &Service) -> bool {
    s.hardening.seccomp_unconfined || extra_opts(s).any(unconfined)
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| fails(s))
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    let mut commands = ctx.update_failing(failing, |_, s| {
        s.hardening.seccomp_unconfined.then(|| ServiceChange::Hardening(Hardening { seccomp_unconfined: false, ..s.hardening.clone() }))
    });
    commands.extend(ctx.update_failing(failing, |_, s| {
        if !extra_opts(s).any(unconfined) {
            return None;
        }
        let mut extra = s.extra.clone();
        let kept: Vec<serde_json::Value> = extra_opts(s).filter(|o| !unconfined(o)).map(|o| o.into()).collect();
        if kept.is_empty() {
            extra.remove("security_opt");
        } else {
            extra.insert("security_opt".into(), kept.into());
        }
        Some(ServiceChange::Extra(extra))
    }));
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn default_profiles_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn unconfined_fails_and_is_removed() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.seccomp_unconfined = true);
        edit(&mut d, "db", |s| {
            s.extra.insert("security_opt".into(), serde_json::json!(["apparmor=unconfined"]));
        });
        assert_fails(&RULE, &d, &["api", "db"]);
        assert_fix(&RULE, &d, &good());
    }
}

//! `known-compose-keys`: every key kept from an import is one Compose accepts.
//!
//! Keys the model does not represent are written back verbatim. One the Compose specification
//! does not know (a typo, a tool's private key without the `x-` prefix) makes Compose refuse the
//! whole file.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};

pub static RULE: Rule = Rule {
    id: "known-compose-keys",
    category: Category::Dx,
    severity: Severity::High,
    title: "Kept compose keys are valid",
    why: "Compose validates every file against its specification: one unknown service key and `docker compose up` \
          refuses to start anything. Private keys need the `x-` prefix.",
    source: "Compose specification (service and top-level properties, `x-` extensions); seed 000/001 checklist, \
             DX: \"docker compose up funktioniert sofort\"",
    problem: "keeps a key Compose does not accept",
    check,
    fix: Some(fix),
    // Compose refuses these keys anyway: dropping them loses nothing that worked.
    safe_fix: true,
};

/// Service properties of the Compose specification (compose-spec.json).
const SERVICE_KEYS: &[&str] = &[
    "annotations",
    "attach",
    "blkio_config",
    "build",
    "cap_add",
    "cap_drop",
    "cgroup",
    "cgroup_parent",
    "command",
    "configs",
    "container_name",
    "cpu_count",
    "cpu_percent",
    "cpu_period",
    "cpu_quota",
    "cpu_rt_period",
    "cpu_rt_runtime",
    "cpu_shares",
    "cpus",
    "cpuset",
    "credential_spec",
    "depends_on",
    "deploy",
    "develop",
    "device_cgroup_rules",
    "devices",
    "dns",
    "dns_opt",
    "dns_search",
    "domainname",
    "entrypoint",
    "env_file",
    "environment",
    "expose",
    "extends",
    "external_links",
    "extra_hosts",
    "gpus",
    "group_add",
    "healthcheck",
    "hostname",
    "image",
    "init",
    "ipc",
    "isolation",
    "label_file",
    "labels",
    "links",
    "logging",
    "mac_address",
    "mem_limit",
    "mem_reservation",
    "mem_swappiness",
    "memswap_limit",
    "models",
    "network_mode",
    "networks",
    "oom_kill_disable",
    "oom_score_adj",
    "pid",
    "pids_limit",
    "platform",
    "ports",
    "post_start",
    "pre_stop",
    "privileged",
    "profiles",
    "provider",
    "pull_policy",
    "pull_refresh_after",
    "read_only",
    "restart",
    "runtime",
    "scale",
    "secrets",
    "security_opt",
    "shm_size",
    "stdin_open",
    "stop_grace_period",
    "stop_signal",
    "storage_opt",
    "sysctls",
    "tmpfs",
    "tty",
    "ulimits",
    "use_api_socket",
    "user",
    "userns_mode",
    "uts",
    "volumes",
    "volumes_from",
    "working_dir",
];

/// Top-level properties of the specification (the generator writes its own `name`, `services`,
/// `networks`, `volumes` and `secrets` and drops `version`; the others are kept).
const TOP_KEYS: &[&str] = &[
    "configs", "include", "models", "name", "networks", "secrets", "services", "version", "volumes",
];

fn known(key: &str, keys: &[&str]) -> bool {
    key.starts_with("x-") || keys.contains(&key)
}

fn top_level_ok(ctx: &Ctx) -> bool {
    ctx.design.extra.keys().all(|k| known(k, TOP_KEYS))
}

fn check(ctx: &Ctx) -> Verdict {
    let mut v = ctx.each(
        |_, _| true,
        |_, s| s.extra.keys().any(|k| !known(k, SERVICE_KEYS)),
    );
    if !ctx.design.extra.is_empty() {
        v.subjects += 1;
        if !top_level_ok(ctx) {
            v.failed += 1;
        }
    }
    if v.failed > 0 {
        let mut bad: Vec<String> = ctx
            .design
            .extra
            .keys()
            .filter(|k| !known(k, TOP_KEYS))
            .map(|k| format!("top-level {k}"))
            .collect();
        for &i in &v.services {
            if let Some(s) = ctx.service(i) {
                bad.extend(
                    s.extra
                        .keys()
                        .filter(|k| !known(k, SERVICE_KEYS))
                        .map(|k| format!("{}.{k}", s.name)),
                );
            }
        }
        v.detail = format!(
            "{}: {}",
            RULE.problem,
            super::name_list(bad.iter().map(String::as_str))
        );
    }
    v
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    let mut commands = Vec::new();
    if !top_level_ok(ctx) {
        // No command edits top-level passthrough alone: replace the design by itself minus the
        // bad keys, first, so that the service edits below apply on top of it.
        let mut design = ctx.design.clone();
        design.extra.retain(|k, _| known(k, TOP_KEYS));
        commands.push(Command::ReplaceDesign {
            design: Box::new(design),
        });
    }
    commands.extend(ctx.update_failing(failing, |_, s| {
        let mut extra = s.extra.clone();
        extra.retain(|k, _| known(k, SERVICE_KEYS));
        Some(ServiceChange::Extra(extra))
    }));
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn spec_keys_and_extensions_pass() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.extra.insert("stop_grace_period".into(), json!("20s"));
            s.extra.insert("x-team".into(), json!("payments"));
        });
        d.extra.insert("x-defaults".into(), json!({}));
        d.extra.insert("version".into(), json!("3.8"));
        assert_passes(&RULE, &d);
    }

    #[test]
    fn unknown_keys_fail_and_are_dropped() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.extra.insert("frobnicate".into(), json!(true));
        });
        d.extra.insert("servics".into(), json!({}));
        let r = assert_fails(&RULE, &d, &["api"]);
        assert!(
            r.message.contains("top-level servics, api.frobnicate"),
            "{}",
            r.message
        );
        assert_fix(&RULE, &d, &good());
    }
}

//! `known-compose-keys`: every key kept from an import is one Compose accepts.
//!
//! Keys the model does not represent are written back verbatim. One the Compose specification
//! does not know (a typo, a tool's private key without the `x-` prefix) makes Compose refuse the
//! whole file.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::{Arg, Message, Text};

pub static RULE: Rule = Rule {
    id: "known-compose-keys",
    category: Category::Dx,
    severity: Severity::High,
    title: Text {
        en: "Kept compose keys are valid",
        de: "Übernommene Compose-Keys sind gültig",
        fr: "Les clés Compose conservées sont valides",
    },
    why: Text {
        en: "Compose validates every file against its specification: one unknown service key and `docker compose up` \
          refuses to start anything. Private keys need the `x-` prefix.",
        de: "Compose prüft jede Datei gegen seine Spezifikation: Ein unbekannter Service-Key, und \
              `docker compose up` startet gar nichts. Eigene Keys brauchen das Präfix `x-`.",
        fr: "Compose valide chaque fichier contre sa spécification : une seule clé de service \
              inconnue et `docker compose up` refuse de démarrer quoi que ce soit. Les clés privées \
              ont besoin du préfixe `x-`.",
    },
    source: "Compose specification (service and top-level properties, `x-` extensions); seed 000/001 checklist, \
             DX: \"docker compose up funktioniert sofort\"",
    problem: Text {
        en: "keeps a key Compose does not accept",
        de: "enthält einen Key, den Compose nicht akzeptiert",
        fr: "conserve une clé que Compose n'accepte pas",
    },
    check,
    fix: Some(fix),
    // Compose refuses these keys anyway: dropping them loses nothing that worked.
    safe_fix: true,
};

crate::texts! {
    /// An unknown top-level key.
    TOP_LEVEL { en: "top-level {key}", de: "oberste Ebene {key}", fr: "niveau racine {key}" }
}

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
        let mut bad: Vec<Arg> = ctx
            .design
            .extra
            .keys()
            .filter(|k| !known(k, TOP_KEYS))
            .map(|k| Message::plain(TOP_LEVEL).arg("key", k.as_str()).into())
            .collect();
        for &i in &v.services {
            if let Some(s) = ctx.service(i) {
                bad.extend(
                    s.extra
                        .keys()
                        .filter(|k| !known(k, SERVICE_KEYS))
                        .map(|k| Arg::Str(format!("{}.{k}", s.name))),
                );
            }
        }
        v.detail = Some(super::problem_list(&RULE, bad));
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
    use crate::rules::fixtures::*;
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
            r.message(crate::i18n::Lang::En)
                .contains("top-level servics, api.frobnicate"),
            "{}",
            r.message(crate::i18n::Lang::En)
        );
        assert_fix(&RULE, &d, &good());
    }
}

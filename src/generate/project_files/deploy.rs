//! `.github/workflows/deploy.yml`, written when the design names a deploy target
//! (`Settings::deploy`): one reusable job that puts a release version into one environment.
//! `release.yml` calls it for `staging` on every push to `main` and for `production` on a
//! version tag. There is no `workflow_dispatch` (checkov's CKV_GHA_7 wants no inputs that could
//! change what runs): a redeploy or a rollback by hand re-runs the deploy job of an earlier
//! release's run, which deploys that release's version with its own files.
//!
//! Seed 003's pipeline, made safe: a health check before the deploy (the running version must be
//! healthy, else nothing is changed), the deploy, a health check after it, and on a failed deploy
//! or post-deploy check an automatic rollback to the version that ran before, after which the run
//! still fails. Production runs in the GitHub environment `production`, whose required reviewers
//! approve each deploy (set in the repository settings; the runbook says how).
//!
//! Secrets only from the environment's secrets (SSH key, known hosts, kubeconfig), handed to the
//! steps through `env:`; nothing is written to the repository, and the application's own secrets
//! stay on the target (files under `secrets/`, Docker secrets, Kubernetes Secrets), never in CI.
//! One module per target says how to connect, find the running version, deploy and roll back.

mod compose_ssh;
mod helm;
mod swarm;

use super::workflow::{checkout, map, s, step, step_if, with_version_comments};
use crate::generate::{headers, layout, GeneratedFile};
use crate::model::{DeployTarget, Design};
use serde_yaml::{Mapping, Value};

/// The deploy workflow.
pub const PATH: &str = ".github/workflows/deploy.yml";

/// What one deploy target contributes: job variables (from the environment's `vars`), a set-up
/// step that reads the environment's secrets, and the scripts of each phase. Every script runs
/// in bash with `DEPLOY_ENV` (`staging` or `production`), the version variable and `PREVIOUS`
/// (the version running before, empty on a first deploy) set.
pub struct Target {
    pub env: Vec<(&'static str, String)>,
    pub setup: Value,
    /// Prints the running version (nothing on a first deploy).
    pub previous: String,
    pub deploy: String,
    pub rollback: String,
}

/// The post-deploy (and pre-deploy) check: the environment's public health URL answers 2xx.
const HEALTH_SCRIPT: &str = r#"if [ -z "$HEALTH_URL" ]; then
  echo "::error::set the variable HEALTH_URL of the $DEPLOY_ENV environment"
  exit 1
fi
curl --fail --silent --show-error --retry 10 --retry-delay 6 --retry-all-errors \
  --max-time 10 "$HEALTH_URL"
"#;

/// Writes the environment's SSH key and known hosts, and an ssh config using them.
const SSH_SCRIPT: &str = r#"umask 077
mkdir -p "$HOME/.ssh"
printf '%s\n' "$SSH_KEY" > "$HOME/.ssh/deploy_key"
printf '%s\n' "$SSH_KNOWN_HOSTS" > "$HOME/.ssh/known_hosts"
printf 'Host *\n  IdentityFile %s\n  IdentitiesOnly yes\n  StrictHostKeyChecking yes\n' \
  "$HOME/.ssh/deploy_key" > "$HOME/.ssh/config"
"#;

fn target(design: &Design, version_var: &str) -> Option<Target> {
    match design.settings.deploy {
        DeployTarget::None => None,
        DeployTarget::ComposeSsh => Some(compose_ssh::target(design, version_var)),
        DeployTarget::Helm => Some(helm::target(design, version_var)),
        DeployTarget::Swarm => Some(swarm::target(design, version_var)),
    }
}

/// The set-up step of the SSH targets: the environment's private key and known hosts (never
/// trust on first use), from its secrets.
pub(super) fn ssh_setup() -> Value {
    map([
        ("name", s("Set up SSH from the environment's secrets")),
        (
            "env",
            map([
                ("SSH_KEY", s("${{ secrets.DEPLOY_SSH_KEY }}")),
                ("SSH_KNOWN_HOSTS", s("${{ secrets.DEPLOY_KNOWN_HOSTS }}")),
            ]),
        ),
        ("run", s(SSH_SCRIPT)),
    ])
}

/// The environment variables both SSH targets read: the host, and the folder on it the release
/// is unpacked into (default `/opt/<project>`).
pub(super) fn ssh_env(project: &str) -> Vec<(&'static str, String)> {
    vec![
        ("DEPLOY_HOST", "${{ vars.DEPLOY_HOST }}".to_string()),
        (
            "DEPLOY_PATH",
            format!("${{{{ vars.DEPLOY_PATH || '/opt/{project}' }}}}"),
        ),
    ]
}

/// The version the host runs now (`.deployed-version`, empty on a first deploy).
pub(super) fn ssh_previous() -> String {
    remote(
        &["DEPLOY_PATH"],
        "cat \"$DEPLOY_PATH/.deployed-version\" 2>/dev/null || true\n",
    )
}

/// The project's files at this commit, archived, copied to the host and unpacked into
/// `DEPLOY_PATH`; `kept` says what on the host the archive never touches.
pub(super) fn ssh_ship(project: &str, kept: &str) -> String {
    let archive = format!("{project}-release.tar.gz");
    format!(
        "# The project's files at this commit; {kept}.\n\
         git archive --format=tar.gz --output=\"$RUNNER_TEMP/{archive}\" HEAD\n\
         scp -q \"$RUNNER_TEMP/{archive}\" \"$DEPLOY_HOST:{archive}\"\n\
         {}",
        remote(
            &["DEPLOY_PATH"],
            &format!(
                "mkdir -p \"$DEPLOY_PATH\"\n\
                 tar -xzf \"$HOME/{archive}\" -C \"$DEPLOY_PATH\"\n\
                 rm -f \"$HOME/{archive}\"\n"
            ),
        ),
    )
}

/// Runs the bash script `body` on `$DEPLOY_HOST` with the named shell variables set to their
/// values here: they travel quoted (`printf %q`) in the script's text, so nothing is expanded
/// by the remote login shell and no value needs escaping.
pub(super) fn remote(vars: &[&str], body: &str) -> String {
    let names = vars.join(" ");
    let formats: String = vars.iter().map(|v| format!("export {v}=%q\\n")).collect();
    let values: Vec<String> = vars.iter().map(|v| format!("\"${v}\"")).collect();
    format!(
        "# Sent with the script: {names}; the host runs it in bash.\n\
         {{\n  printf 'set -euo pipefail\\n{formats}' {}\n  cat <<'REMOTE'\n{body}REMOTE\n}} | ssh \"$DEPLOY_HOST\" bash -s\n",
        values.join(" ")
    )
}

pub fn file(design: &Design, version_var: &'static str) -> Option<GeneratedFile> {
    let t = target(design, version_var)?;
    let checkout = checkout();
    let steps = vec![
        checkout,
        t.setup,
        map([
            ("name", s("Find the running version")),
            ("id", s("previous")),
            (
                "run",
                s(&format!(
                    "previous=\"$(\n{})\"\necho \"version=$previous\" >> \"$GITHUB_OUTPUT\"\necho \"running before: ${{previous:-nothing (first deploy)}}\"\n",
                    t.previous
                )),
            ),
        ]),
        step_if(
            "Health check before the deploy",
            "steps.previous.outputs.version != ''",
            HEALTH_SCRIPT,
        ),
        map([
            ("name", s("Deploy")),
            ("id", s("deploy")),
            ("run", s(&t.deploy)),
        ]),
        map([
            ("name", s("Health check after the deploy")),
            ("id", s("health")),
            ("run", s(HEALTH_SCRIPT)),
        ]),
        map([
            ("name", s("Roll back to the version that ran before")),
            (
                "if",
                s("failure() && steps.previous.outputs.version != '' && (steps.deploy.outcome == 'failure' || steps.health.outcome == 'failure')"),
            ),
            (
                "env",
                map([("PREVIOUS", s("${{ steps.previous.outputs.version }}"))]),
            ),
            (
                "run",
                s(&format!(
                    "echo \"::error::the deploy of ${version_var} failed its checks: rolling back to $PREVIOUS\"\n{}",
                    t.rollback
                )),
            ),
        ]),
        step(
            "Summary",
            &format!("echo \"$DEPLOY_ENV runs ${version_var}\" >> \"$GITHUB_STEP_SUMMARY\"\n"),
        ),
    ];
    let mut env = Mapping::new();
    env.insert(s("DEPLOY_ENV"), s("${{ inputs.environment }}"));
    env.insert(s(version_var), s("${{ inputs.version }}"));
    env.insert(s("HEALTH_URL"), s("${{ vars.HEALTH_URL }}"));
    for (k, v) in &t.env {
        env.insert(s(k), s(v));
    }
    let job = map([
        (
            "name",
            s("Deploy ${{ inputs.version }} to ${{ inputs.environment }}"),
        ),
        ("runs-on", s("ubuntu-24.04")),
        ("timeout-minutes", Value::Number(30.into())),
        ("environment", s("${{ inputs.environment }}")),
        ("permissions", map([("contents", s("read"))])),
        (
            "concurrency",
            map([
                ("group", s("deploy-${{ inputs.environment }}")),
                ("cancel-in-progress", Value::Bool(false)),
            ]),
        ),
        ("env", Value::Mapping(env)),
        ("steps", Value::Sequence(steps)),
    ]);
    let input = |kind: Value, description: &str| {
        map([
            ("description", s(description)),
            ("required", Value::Bool(true)),
            ("type", kind),
        ])
    };
    let version_help = "the image tag to run (1.2.3, or sha-<commit> on staging)";
    let workflow = map([
        ("name", s("deploy")),
        (
            "on",
            map([(
                "workflow_call",
                map([(
                    "inputs",
                    map([
                        ("environment", input(s("string"), "staging or production")),
                        ("version", input(s("string"), version_help)),
                    ]),
                )]),
            )]),
        ),
        ("permissions", map([("contents", s("read"))])),
        ("jobs", map([("deploy", job)])),
    ]);
    let yaml = crate::generate::yaml_text::to_yaml11(&workflow);
    let lang = design.settings.docs_lang;
    let head = format!(
        "# {}\n",
        headers::DEPLOY_WORKFLOW.fill(
            lang,
            &[
                ("name", &layout::project_name(design)),
                ("target", design.settings.deploy.id()),
                ("doc", layout::OPS_DOC),
            ]
        )
    );
    Some(GeneratedFile::text(
        PATH,
        head + &with_version_comments(&yaml),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};

    fn design(target: DeployTarget) -> Design {
        let mut d = instantiate(pattern("web-app").unwrap());
        d.settings.deploy = target;
        d
    }

    #[test]
    fn no_target_no_workflow() {
        assert!(file(&design(DeployTarget::None), "VERSION").is_none());
    }

    #[test]
    fn every_target_checks_health_before_and_after_and_rolls_back_on_failure() {
        for target in [
            DeployTarget::ComposeSsh,
            DeployTarget::Helm,
            DeployTarget::Swarm,
        ] {
            let text = file(&design(target), "VERSION").unwrap().contents;
            let y: Value = serde_yaml::from_str(&text).unwrap();
            let job = &y["jobs"]["deploy"];
            assert_eq!(job["environment"], Value::from("${{ inputs.environment }}"));
            let names: Vec<&str> = job["steps"]
                .as_sequence()
                .unwrap()
                .iter()
                .map(|st| st["name"].as_str().unwrap())
                .collect();
            let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
            assert!(
                at("Health check before the deploy") < at("Deploy"),
                "{target:?}"
            );
            assert!(
                at("Deploy") < at("Health check after the deploy"),
                "{target:?}"
            );
            assert!(
                at("Health check after the deploy")
                    < at("Roll back to the version that ran before"),
                "{target:?}"
            );
            for st in job["steps"].as_sequence().unwrap() {
                if let Some(run) = st.get("run").and_then(Value::as_str) {
                    assert!(!run.contains("${{"), "{target:?}: {run}");
                }
            }
            assert!(!text.contains("secrets: inherit"));
        }
    }

    #[test]
    fn remote_scripts_carry_their_values_quoted() {
        let script = remote(&["DIR", "VERSION"], "cd \"$DIR\"\n");
        assert!(script.contains("printf 'set -euo pipefail\\nexport DIR=%q\\nexport VERSION=%q\\n' \"$DIR\" \"$VERSION\""), "{script}");
        assert!(
            script.contains("cat <<'REMOTE'\ncd \"$DIR\"\nREMOTE\n"),
            "{script}"
        );
    }
}

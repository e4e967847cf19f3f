//! The runbook's "Release, deploy and rollback" section: how a commit becomes images in the
//! registry (`release.yml`), how those reach staging and production on the design's deploy
//! target (`deploy.yml`: GitHub environments, their secrets and variables, the host or cluster
//! set-up once), and how a failed release is rolled back, automatically and by hand. Every
//! command is the one the workflows run, so the runbook and the pipeline cannot disagree; the
//! checklist's "Rollback documented" points here.

mod texts;

use crate::generate::compose_files::release_images::{images, ReleaseName};
use crate::generate::helm_files::{PROD_VALUES, STAGING_VALUES};
use crate::generate::layout;
use crate::generate::project_files::release::registry_host;
use crate::generate::project_files::template::code;
use crate::i18n::Lang;
use crate::model::{DeployTarget, Design};
use std::fmt::Write as _;

/// What the deploy workflow reads from a GitHub environment: (secrets, variables).
fn environment_settings(
    target: DeployTarget,
) -> (&'static [&'static str], &'static [&'static str]) {
    match target {
        DeployTarget::None => (&[], &[]),
        DeployTarget::ComposeSsh => (
            &["DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"],
            &["DEPLOY_HOST", "DEPLOY_PATH", "HEALTH_URL"],
        ),
        DeployTarget::Swarm => (
            &["DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"],
            &["DEPLOY_HOST", "DEPLOY_PATH", "STACK_NAME", "HEALTH_URL"],
        ),
        DeployTarget::Helm => (
            &["KUBECONFIG"],
            &["HEALTH_URL", "HELM_RELEASE", "HELM_NAMESPACE"],
        ),
    }
}

/// The commands that put `version` into production by hand on `target` (what `deploy.yml` runs).
fn deploy_commands(design: &Design, target: DeployTarget, var: &str, version: &str) -> Vec<String> {
    let p = layout::project_name(design);
    let chart = layout::helm_chart_name(design);
    let dir = layout::helm_chart_dir(design);
    match target {
        DeployTarget::None => Vec::new(),
        DeployTarget::ComposeSsh => vec![
            format!("cd /opt/{p}"),
            format!("export {var}={version}"),
            "docker compose -f docker-compose.yml -f docker-compose.prod.yml pull".into(),
            "docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d --wait --wait-timeout 300 --remove-orphans".into(),
            format!("echo \"${var}\" > .deployed-version"),
        ],
        DeployTarget::Swarm => vec![
            format!("cd /opt/{p}"),
            "set -a; . ./.env; set +a".into(),
            format!("export {var}={version}"),
            format!(
                "docker stack deploy -c {} --with-registry-auth --detach=false {p}",
                layout::STACK_FILE
            ),
            format!("echo \"${var}\" > .deployed-version"),
        ],
        DeployTarget::Helm => vec![format!(
            "helm upgrade --install {chart} {dir} --namespace {chart}-production --create-namespace \\\n  --values {dir}/{PROD_VALUES} --set-string global.imageTag={version} --wait --timeout 10m"
        )],
    }
}

/// The commands that show the running version and go back to the previous one by hand.
fn rollback_commands(design: &Design, target: DeployTarget, var: &str) -> Vec<String> {
    let p = layout::project_name(design);
    let chart = layout::helm_chart_name(design);
    match target {
        DeployTarget::Helm => vec![
            format!("helm history {chart} --namespace {chart}-production"),
            format!("helm rollback {chart} --namespace {chart}-production --wait --timeout 10m"),
        ],
        _ => {
            let mut c = vec![format!("cat /opt/{p}/.deployed-version")];
            c.extend(deploy_commands(design, target, var, "<previous>"));
            c
        }
    }
}

fn block(out: &mut String, lines: &[String]) {
    let _ = writeln!(out, "```bash\n{}\n```\n", lines.join("\n"));
}

pub fn section(design: &Design, var: &str, lang: Lang, out: &mut String) {
    let registry = layout::registry(design);
    let target = design.settings.deploy;
    let _ = writeln!(out, "## {}\n", texts::H_RELEASE.get(lang));
    let _ = writeln!(out, "### {}\n", texts::H_RELEASE_IMAGES.get(lang));
    let _ = writeln!(
        out,
        "{}\n",
        texts::RELEASE_INTRO.fill(
            lang,
            &[
                ("file", &code(super::super::release::PATH)),
                ("registry", &code(&registry)),
            ]
        )
    );
    block(
        out,
        &["git tag v1.2.3".into(), "git push origin v1.2.3".into()],
    );
    let all = images(design, layout::version_var(design));
    if all.is_empty() {
        let _ = writeln!(out, "{}\n", texts::RELEASE_NO_IMAGES.get(lang));
    } else {
        let _ = writeln!(out, "{}\n", texts::RELEASE_IMAGES.get(lang));
        for i in &all {
            let line = match &i.name {
                ReleaseName::Versioned { repository } => {
                    code(&format!("{registry}/{repository}:1.2.3"))
                }
                ReleaseName::Fixed(r) => code(r),
                ReleaseName::Interpolated(r) => {
                    format!("{} ({})", code(r), texts::RELEASE_NOT_PUSHED.get(lang))
                }
            };
            let _ = writeln!(out, "- {}: {line}", i.service);
        }
        out.push('\n');
        let _ = writeln!(out, "{}\n", texts::RELEASE_VERIFY.get(lang));
        if let Some(i) = all.iter().find_map(|i| match &i.name {
            ReleaseName::Versioned { repository } => Some(repository),
            _ => None,
        }) {
            block(
                out,
                &[format!(
                    "docker buildx imagetools inspect {registry}/{i}:1.2.3 --format '{{{{ json .SBOM }}}}'"
                ),
                format!(
                    "docker buildx imagetools inspect {registry}/{i}:1.2.3 --format '{{{{ json .Provenance }}}}'"
                )],
            );
        }
    }
    if registry.starts_with("ghcr.io/") {
        let _ = writeln!(out, "{}\n", texts::RELEASE_GHCR.get(lang));
    }

    let _ = writeln!(out, "### {}\n", texts::H_DEPLOY.get(lang));
    if target == DeployTarget::None {
        let _ = writeln!(out, "{}\n", texts::DEPLOY_NONE.get(lang));
    } else {
        let _ = writeln!(
            out,
            "{}\n",
            texts::DEPLOY_INTRO.fill(
                lang,
                &[
                    ("file", &code(super::super::deploy::PATH)),
                    ("target", &code(target.id())),
                ]
            )
        );
        let (secrets, variables) = environment_settings(target);
        let list = |names: &[&str]| -> String {
            names.iter().map(|n| code(n)).collect::<Vec<_>>().join(", ")
        };
        let _ = writeln!(
            out,
            "- {}\n- {}\n- {}\n",
            texts::DEPLOY_ENVIRONMENTS.get(lang),
            texts::DEPLOY_SECRETS.fill(lang, &[("names", &list(secrets))]),
            texts::DEPLOY_VARIABLES.fill(lang, &[("names", &list(variables))]),
        );
        let host = match target {
            DeployTarget::Helm => {
                texts::DEPLOY_HOST_HELM.fill(lang, &[("staging", &code(STAGING_VALUES))])
            }
            DeployTarget::Swarm => {
                texts::DEPLOY_HOST_SWARM.fill(lang, &[("host", registry_host(&registry))])
            }
            _ => texts::DEPLOY_HOST_COMPOSE.fill(lang, &[("host", registry_host(&registry))]),
        };
        let _ = writeln!(out, "{host}\n");
        let _ = writeln!(out, "{}\n", texts::DEPLOY_BY_HAND.get(lang));
        block(out, &deploy_commands(design, target, var, "1.2.3"));
    }

    let _ = writeln!(out, "### {}\n", texts::H_RELEASE_ROLLBACK.get(lang));
    if target == DeployTarget::None {
        let _ = writeln!(out, "{}\n", texts::ROLLBACK_NONE.get(lang));
        return;
    }
    let _ = writeln!(out, "{}\n", texts::ROLLBACK_AUTOMATIC.get(lang));
    block(out, &rollback_commands(design, target, var));
    let _ = writeln!(out, "{}\n", texts::ROLLBACK_RERUN.get(lang));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};

    fn text(target: DeployTarget, lang: Lang) -> String {
        let mut d = instantiate(pattern("web-app").unwrap());
        d.settings.deploy = target;
        let mut out = String::new();
        section(&d, "VERSION", lang, &mut out);
        out
    }

    #[test]
    fn every_target_has_release_deploy_and_rollback_commands() {
        for target in DeployTarget::ALL {
            let t = text(target, Lang::En);
            assert!(t.contains("git push origin v1.2.3"), "{target:?}");
            assert!(t.contains("ghcr.io/web-app/app:1.2.3"), "{target:?}");
            assert!(t.contains("### Rolling back a release"), "{target:?}");
            for lang in Lang::ALL {
                let t = text(target, lang);
                let nested = t
                    .lines()
                    .find(|l| !l.starts_with("```") && l.contains("``"));
                assert_eq!(
                    nested, None,
                    "{target:?} {lang:?}: a code span in a code span"
                );
            }
        }
        assert!(text(DeployTarget::Helm, Lang::En)
            .contains("helm rollback web-app --namespace web-app-production"));
        assert!(
            text(DeployTarget::ComposeSsh, Lang::En).contains("cat /opt/web-app/.deployed-version")
        );
        assert!(
            text(DeployTarget::Swarm, Lang::En).contains("docker stack deploy -c docker-stack.yml")
        );
    }

    #[test]
    fn commands_are_the_same_in_every_language() {
        let commands = |t: &str| -> Vec<String> {
            let mut inside = false;
            t.lines()
                .filter(|l| {
                    if l.starts_with("```") {
                        inside = !inside;
                    }
                    inside
                })
                .map(str::to_string)
                .collect()
        };
        for target in DeployTarget::ALL {
            let en = commands(&text(target, Lang::En));
            assert_eq!(en, commands(&text(target, Lang::De)), "{target:?}");
            assert_eq!(en, commands(&text(target, Lang::Fr)), "{target:?}");
        }
    }
}

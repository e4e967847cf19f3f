//! `.github/workflows/docker.yml`: build the images, scan them (when the design asks for image
//! scanning), start the stack with the CI compose file, wait until every service is healthy,
//! run the smoke test, print logs on failure and always tear down.
//!
//! Written as a YAML value by serde_yaml (quoting by construction); the one thing serde_yaml
//! cannot write, the `# vX.Y.Z` comment after a SHA-pinned `uses:`, is appended afterwards to
//! lines the generator itself produced. Security choices (zizmor, checkov, actionlint):
//! read-only `contents` permission at the top, `persist-credentials: false`, actions pinned by
//! full commit SHA, no `${{ }}` expression inside `run:`, the scanner run as a pinned container
//! rather than a third-party action.

use super::pins;
use crate::generate::{layout, GeneratedFile};
use crate::model::Design;
use serde_yaml::{Mapping, Value};

const COMPOSE_CI: &str = "docker compose -f docker-compose.yml -f docker-compose.ci.yml";

fn map<const N: usize>(entries: [(&str, Value); N]) -> Value {
    let mut m = Mapping::new();
    for (k, v) in entries {
        m.insert(Value::String(k.to_string()), v);
    }
    Value::Mapping(m)
}

fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

fn list(items: &[&str]) -> Value {
    Value::Sequence(items.iter().map(|i| s(i)).collect())
}

fn step(name: &str, run: &str) -> Value {
    map([("name", s(name)), ("run", s(run))])
}

fn step_if(name: &str, condition: &str, run: &str) -> Value {
    map([("name", s(name)), ("if", s(condition)), ("run", s(run))])
}

fn scan_script() -> String {
    format!(
        "{COMPOSE_CI} config --images | sort -u |\n\
         \x20 while read -r image; do\n\
         \x20   echo \"::group::trivy $image\"\n\
         \x20   docker run --rm -v /var/run/docker.sock:/var/run/docker.sock:ro {trivy} image \\\n\
         \x20     --no-progress --ignore-unfixed --severity CRITICAL --exit-code 1 \"$image\"\n\
         \x20   echo \"::endgroup::\"\n\
         \x20 done\n",
        trivy = pins::TRIVY
    )
}

pub fn file(design: &Design) -> GeneratedFile {
    let mut steps = vec![
        map([
            ("name", s("Check out")),
            ("uses", s(&pins::CHECKOUT.uses())),
            ("with", map([("persist-credentials", Value::Bool(false))])),
        ]),
        step(
            "Create .env with throw-away secrets",
            "umask 077\nsecret=\"ci-$(openssl rand -hex 16)\"\nsed \"s/<SET_IN_ENV>/${secret}/g\" .env.example > .env\n",
        ),
        step("Build images", &format!("{COMPOSE_CI} build --pull\n")),
    ];
    if design.settings.ops.image_scan {
        let mut scan = Mapping::new();
        scan.insert(
            s("name"),
            s("Scan images (Trivy, fails on fixable critical CVEs)"),
        );
        scan.insert(s("shell"), s("bash"));
        scan.insert(s("run"), s(&scan_script()));
        steps.push(Value::Mapping(scan));
    }
    steps.extend([
        step(
            "Start the stack and wait until healthy",
            &format!("{COMPOSE_CI} up -d --wait --wait-timeout 300\n"),
        ),
        step(
            "Smoke test",
            "tests/smoke/smoke.sh -f docker-compose.yml -f docker-compose.ci.yml\n",
        ),
        step_if(
            "Show logs",
            "failure()",
            &format!("{COMPOSE_CI} ps --all\n{COMPOSE_CI} logs --no-color --timestamps\n"),
        ),
        step_if(
            "Tear down",
            "always()",
            &format!("{COMPOSE_CI} down --volumes --remove-orphans\n"),
        ),
    ]);
    let job = map([
        ("name", s("Build, start and smoke test")),
        ("runs-on", s("ubuntu-24.04")),
        ("timeout-minutes", Value::Number(30.into())),
        ("steps", Value::Sequence(steps)),
    ]);
    let workflow = map([
        ("name", s("docker")),
        (
            "on",
            map([
                ("push", map([("branches", list(&["main"]))])),
                ("pull_request", map([("branches", list(&["main"]))])),
                ("workflow_dispatch", Value::Mapping(Mapping::new())),
            ]),
        ),
        ("permissions", map([("contents", s("read"))])),
        (
            "concurrency",
            map([
                ("group", s("docker-${{ github.ref }}")),
                ("cancel-in-progress", Value::Bool(true)),
            ]),
        ),
        ("jobs", map([("compose", job)])),
    ]);
    // A tree of strings, booleans and numbers always serialises.
    let yaml = crate::generate::yaml_text::to_yaml11(&workflow);
    let lang = design.settings.docs_lang;
    let scan = if design.settings.ops.image_scan {
        crate::generate::headers::WORKFLOW_SCAN.get(lang)
    } else {
        ""
    };
    let head = format!(
        "# {}\n",
        crate::generate::headers::WORKFLOW.fill(
            lang,
            &[
                ("name", &layout::project_name(design)),
                ("scan", scan),
                ("file", "docker-compose.ci.yml")
            ]
        )
    );
    GeneratedFile::text(layout::WORKFLOW, head + &with_version_comments(&yaml))
}

/// `uses: owner/repo@<sha>` → `uses: owner/repo@<sha> # vX.Y.Z`, for the pinned actions only.
fn with_version_comments(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 64);
    for line in yaml.lines() {
        out.push_str(line);
        if let Some(action) = pins::ACTIONS
            .iter()
            .find(|a| line.trim_start().trim_start_matches("- ") == format!("uses: {}", a.uses()))
        {
            out.push_str(" # ");
            out.push_str(action.version);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_pinned_with_a_version_comment() {
        let text = file(&Design::new("shop")).contents;
        let uses: Vec<&str> = text.lines().filter(|l| l.contains("uses:")).collect();
        assert!(!uses.is_empty());
        for line in uses {
            assert!(
                line.ends_with(&format!(
                    "@{} # {}",
                    pins::CHECKOUT.sha,
                    pins::CHECKOUT.version
                )),
                "{line}"
            );
        }
        assert!(text.contains("persist-credentials: false"), "{text}");
    }

    #[test]
    fn scanning_is_a_step_only_when_asked_for() {
        let mut d = Design::new("shop");
        assert!(!file(&d).contents.contains("trivy"));
        d.settings.ops.image_scan = true;
        assert!(file(&d).contents.contains(pins::TRIVY));
    }

    #[test]
    fn no_expression_reaches_a_run_script() {
        let mut d = Design::new("shop");
        d.settings.ops.image_scan = true;
        let yaml: Value = serde_yaml::from_str(&file(&d).contents).unwrap();
        let steps = yaml["jobs"]["compose"]["steps"].as_sequence().unwrap();
        for st in steps {
            if let Some(run) = st.get("run").and_then(Value::as_str) {
                assert!(!run.contains("${{"), "{run}");
            }
        }
    }
}

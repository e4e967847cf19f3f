//! `.github/workflows/docker.yml`: first the unit tests of every scaffolded service (a matrix,
//! each suite inside the pinned image its Dockerfile builds from, `stub_tests::ci`); then build
//! the images, scan them (when the design asks for image scanning), start the stack with the CI
//! compose file, wait until every service is healthy, run the compose smoke test
//! (`tests/integration`, pytest), print logs on failure and always tear down.
//!
//! Written as a YAML value by serde_yaml (quoting by construction); the one thing serde_yaml
//! cannot write, the `# vX.Y.Z` comment after a SHA-pinned `uses:`, is appended afterwards to
//! lines the generator itself produced. Security choices (zizmor, checkov, actionlint):
//! read-only `contents` permission at the top, `persist-credentials: false`, actions pinned by
//! full commit SHA, no `${{ }}` expression inside `run:`, the scanner run as a pinned container
//! rather than a third-party action.

use super::app::{apps, App};
use super::pins;
use super::project_tests;
use super::stub_tests;
use crate::generate::{layout, GeneratedFile};
use crate::model::Design;
use serde_yaml::{Mapping, Value};

const COMPOSE_CI: &str = "docker compose -f docker-compose.yml -f docker-compose.ci.yml";

pub(super) fn map<const N: usize>(entries: [(&str, Value); N]) -> Value {
    let mut m = Mapping::new();
    for (k, v) in entries {
        m.insert(Value::String(k.to_string()), v);
    }
    Value::Mapping(m)
}

pub(super) fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

pub(super) fn list(items: &[&str]) -> Value {
    Value::Sequence(items.iter().map(|i| s(i)).collect())
}

/// The pinned checkout every generated job starts with; the token is not left in `.git/config`
/// for later steps (zizmor's artipacked).
pub(super) fn checkout() -> Value {
    map([
        ("name", s("Check out")),
        ("uses", s(&pins::CHECKOUT.uses())),
        ("with", map([("persist-credentials", Value::Bool(false))])),
    ])
}

pub(super) fn step(name: &str, run: &str) -> Value {
    map([("name", s(name)), ("run", s(run))])
}

pub(super) fn step_if(name: &str, condition: &str, run: &str) -> Value {
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
        checkout(),
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
        map([
            ("name", s("Smoke test (pytest, tests/integration)")),
            (
                "env",
                map([(
                    "COMPOSE_ARGS",
                    s("-f docker-compose.yml -f docker-compose.ci.yml"),
                )]),
            ),
            ("run", s(&smoke_script())),
        ]),
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
    let apps = apps(design);
    let mut compose = Mapping::new();
    compose.insert(s("name"), s("Build, start and smoke test"));
    if !apps.is_empty() {
        compose.insert(s("needs"), s(UNIT_JOB));
    }
    compose.insert(s("runs-on"), s("ubuntu-24.04"));
    compose.insert(s("timeout-minutes"), Value::Number(30.into()));
    compose.insert(s("steps"), Value::Sequence(steps));
    let mut jobs = Mapping::new();
    if !apps.is_empty() {
        jobs.insert(s(UNIT_JOB), unit_job(&apps));
    }
    jobs.insert(s("compose"), Value::Mapping(compose));
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
        ("jobs", Value::Mapping(jobs)),
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

/// The job id of the unit tests, which the compose job waits for.
const UNIT_JOB: &str = "unit-tests";

/// The compose smoke test: pytest from `tests/requirements.txt` in a throw-away venv.
fn smoke_script() -> String {
    format!(
        "python3 -m venv /tmp/venv-tests\n\
         /tmp/venv-tests/bin/pip install --no-cache-dir --quiet --requirement {}\n\
         /tmp/venv-tests/bin/python -m pytest -p no:cacheprovider {}\n",
        project_tests::REQUIREMENTS,
        project_tests::INTEGRATION_DIR,
    )
}

/// One matrix entry per scaffolded service (its name, build context and language); the step
/// picks the image and commands of the language (`stub_tests::ci`), one `case` arm per
/// language on the board, and runs them in that image with the build context mounted. Matrix
/// values reach the script through `env`, never through `${{ }}`.
fn unit_job(apps: &[App]) -> Value {
    let include: Vec<Value> = apps
        .iter()
        .map(|app| {
            map([
                ("service", s(&app.service.name)),
                ("dir", s(&app.dir)),
                ("language", s(app.language.id())),
            ])
        })
        .collect();
    map([
        ("name", s("Unit tests (${{ matrix.service }})")),
        ("runs-on", s("ubuntu-24.04")),
        ("timeout-minutes", Value::Number(15.into())),
        (
            "strategy",
            map([
                ("fail-fast", Value::Bool(false)),
                ("matrix", map([("include", Value::Sequence(include))])),
            ]),
        ),
        (
            "steps",
            Value::Sequence(vec![
                checkout(),
                map([
                    ("name", s("Run the unit tests in the service's build image")),
                    (
                        "env",
                        map([
                            ("SERVICE_DIR", s("${{ matrix.dir }}")),
                            ("LANGUAGE", s("${{ matrix.language }}")),
                        ]),
                    ),
                    ("run", s(&unit_script(apps))),
                ]),
            ]),
        ),
    ])
}

/// The unit-test step's script: a `case` arm per language of `apps` (board order, once each).
fn unit_script(apps: &[App]) -> String {
    let mut script = String::from("case \"$LANGUAGE\" in\n");
    let mut seen: Vec<&str> = Vec::new();
    for app in apps {
        let id = app.language.id();
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let run = stub_tests::ci(app);
        script += &format!(
            "  {id})\n    image={}\n    tests='{}'\n    ;;\n",
            run.image,
            run.steps.join(" &&\n      ")
        );
    }
    script +=
        "  *)\n    echo \"no unit tests for language $LANGUAGE\" >&2\n    exit 1\n    ;;\nesac\n";
    script + "docker run --rm -v \"$PWD/$SERVICE_DIR:/src\" -w /src \"$image\" sh -c \"$tests\"\n"
}

/// `uses: owner/repo@<sha>` → `uses: owner/repo@<sha> # vX.Y.Z`, for the pinned actions only.
pub(super) fn with_version_comments(yaml: &str) -> String {
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
    use crate::catalog;

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
        d.services = catalog::instantiate(catalog::PATTERNS.first().unwrap()).services;
        let yaml: Value = serde_yaml::from_str(&file(&d).contents).unwrap();
        let jobs = yaml["jobs"].as_mapping().unwrap();
        assert_eq!(jobs.len(), 2);
        for job in jobs.values() {
            for st in job["steps"].as_sequence().unwrap() {
                if let Some(run) = st.get("run").and_then(Value::as_str) {
                    assert!(!run.contains("${{"), "{run}");
                }
            }
        }
    }

    fn jobs(design: &Design) -> Value {
        let yaml: Value = serde_yaml::from_str(&file(design).contents).unwrap();
        yaml["jobs"].clone()
    }

    #[test]
    fn unit_tests_run_per_service_before_the_images_are_built() {
        let p = catalog::PATTERNS
            .iter()
            .find(|p| p.id == "agent-platform")
            .unwrap();
        let design = catalog::instantiate(p);
        let jobs = jobs(&design);
        assert_eq!(jobs["compose"]["needs"], Value::from(UNIT_JOB));
        let include = jobs[UNIT_JOB]["strategy"]["matrix"]["include"]
            .as_sequence()
            .unwrap();
        let scaffolded = apps(&design);
        assert_eq!(include.len(), scaffolded.len());
        for (entry, app) in include.iter().zip(&scaffolded) {
            assert_eq!(entry["dir"], Value::from(app.dir.as_str()));
            assert_eq!(entry["language"], Value::from(app.language.id()));
        }
        let script = jobs[UNIT_JOB]["steps"][1]["run"].as_str().unwrap();
        for app in &scaffolded {
            assert!(
                script.contains(&format!("  {})\n", app.language.id())),
                "{script}"
            );
            assert!(script.contains(stub_tests::ci(app).image), "{script}");
        }
    }

    #[test]
    fn a_design_without_scaffolded_services_has_no_unit_test_job() {
        let jobs = jobs(&Design::new("shop"));
        assert!(jobs.get(UNIT_JOB).is_none());
        assert!(jobs["compose"].get("needs").is_none());
    }

    #[test]
    fn the_smoke_test_is_the_pytest_suite_after_up_wait() {
        let text = file(&Design::new("shop")).contents;
        let up = text.find("up -d --wait").unwrap();
        let smoke = text
            .find("-m pytest -p no:cacheprovider tests/integration")
            .unwrap();
        assert!(up < smoke);
        assert!(text.contains("--requirement tests/requirements.txt"));
    }
}

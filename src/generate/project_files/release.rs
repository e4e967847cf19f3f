//! `.github/workflows/release.yml`: from a commit to published images. On a version tag (`v1.2.3`)
//! every service built from source is built with Buildx (the `production` stage, a registry
//! cache beside each image) and pushed to the registry the design names (`ghcr.io/<project>` by
//! default) as `<registry>/<service>:1.2.3`, with SBOM and provenance attestations attached to
//! the image (`--sbom=true --provenance=mode=max`). These are exactly the names
//! `docker-compose.prod.yml` and `docker-compose.staging.yml` pull (`compose_files::release_images`
//! owns them). When the design has a deploy target, pushes to `main` publish `sha-<commit>`
//! images and deploy them to staging, and a version tag deploys to production, both through
//! `deploy.yml` (`super::deploy`).
//!
//! Security choices (zizmor, actionlint): read-only `contents` at the top, `packages: write`
//! only on the publishing job and only for GHCR (another registry logs in with the repository
//! secrets `REGISTRY_USERNAME` / `REGISTRY_PASSWORD`), no third-party action (Buildx is the
//! runner's own `docker buildx`, so nothing but `actions/checkout` needs a pin), no `${{ }}`
//! inside `run:`, credentials through `--password-stdin` only.

use super::deploy;
use super::workflow::{checkout, list, map, s, step, with_version_comments};
use crate::generate::compose_files::release_images::{images, ReleaseImage, ReleaseName};
use crate::generate::{headers, layout, GeneratedFile};
use crate::model::{DeployTarget, Design};
use serde_yaml::{Mapping, Value};

/// The release workflow.
pub const PATH: &str = ".github/workflows/release.yml";

/// The job that works out the release version (`1.2.3` from tag `v1.2.3`, `sha-<12 hex>` on main).
const VERSION_JOB: &str = "version";
const PUBLISH_JOB: &str = "publish";

/// The registry host of `registry` (`ghcr.io` of `ghcr.io/acme`).
pub fn registry_host(registry: &str) -> &str {
    registry.split('/').next().unwrap_or(registry)
}

fn is_ghcr(registry: &str) -> bool {
    registry_host(registry) == "ghcr.io"
}

/// The image reference without the tag for the matrix, and whether the release version tags it.
fn matrix_image(registry: &str, image: &ReleaseImage) -> Option<(String, bool)> {
    match &image.name {
        ReleaseName::Versioned { repository } => Some((format!("{registry}/{repository}"), true)),
        ReleaseName::Fixed(reference) => Some((reference.clone(), false)),
        ReleaseName::Interpolated(_) => None,
    }
}

const VERSION_SCRIPT: &str = r#"case "$GITHUB_REF" in
  refs/tags/v*) version="${GITHUB_REF_NAME#v}" ;;
  *) version="sha-${GITHUB_SHA:0:12}" ;;
esac
echo "version=$version" >> "$GITHUB_OUTPUT"
"#;

/// Build and push one matrix entry. A versioned image gets the release tag and keeps its build
/// cache beside it; an image the design names in full is pushed as named, on tags only (a push to
/// main must not overwrite it).
const BUILD_SCRIPT: &str = r#"if [ "$VERSIONED" = true ]; then
  tag="$IMAGE:$RELEASE_VERSION"
  cache="$IMAGE:buildcache"
else
  case "$GITHUB_REF" in
    refs/tags/v*) ;;
    *) echo "$IMAGE is pushed on version tags only"; exit 0 ;;
  esac
  tag="$IMAGE"
  cache="${IMAGE%:*}:buildcache"
fi
set -- --file "$DOCKERFILE"
if [ -n "$TARGET" ]; then
  set -- "$@" --target "$TARGET"
fi
docker buildx build "$@" \
  --tag "$tag" \
  --label "org.opencontainers.image.revision=$GITHUB_SHA" \
  --label "org.opencontainers.image.version=$RELEASE_VERSION" \
  --cache-from "type=registry,ref=$cache" \
  --cache-to "type=registry,ref=$cache,mode=max" \
  --sbom=true --provenance=mode=max \
  --push "$CONTEXT"
echo "pushed $tag" >> "$GITHUB_STEP_SUMMARY"
"#;

fn login_step(registry: &str) -> Value {
    let host = registry_host(registry);
    let (user, password) = if is_ghcr(registry) {
        ("${{ github.actor }}", "${{ secrets.GITHUB_TOKEN }}")
    } else {
        (
            "${{ secrets.REGISTRY_USERNAME }}",
            "${{ secrets.REGISTRY_PASSWORD }}",
        )
    };
    map([
        ("name", s(&format!("Log in to {host}"))),
        (
            "env",
            map([
                ("REGISTRY_HOST", s(host)),
                ("REGISTRY_USER", s(user)),
                ("REGISTRY_PASSWORD", s(password)),
            ]),
        ),
        (
            "run",
            s("printf '%s' \"$REGISTRY_PASSWORD\" |\n  docker login \"$REGISTRY_HOST\" --username \"$REGISTRY_USER\" --password-stdin\n"),
        ),
    ])
}

fn publish_job(registry: &str, entries: &[(ReleaseImage, String, bool)]) -> Value {
    let include: Vec<Value> = entries
        .iter()
        .map(|(i, image, versioned)| {
            let dockerfile = format!(
                "{}/{}",
                i.context.trim_end_matches('/'),
                i.dockerfile.as_deref().unwrap_or("Dockerfile")
            );
            map([
                ("service", s(&i.service)),
                ("context", s(&i.context)),
                ("dockerfile", s(&dockerfile)),
                ("target", s(i.target.as_deref().unwrap_or(""))),
                ("image", s(image)),
                ("versioned", Value::Bool(*versioned)),
            ])
        })
        .collect();
    let mut permissions = Mapping::new();
    permissions.insert(s("contents"), s("read"));
    if is_ghcr(registry) {
        permissions.insert(s("packages"), s("write"));
    }
    map([
        ("name", s("Build and push (${{ matrix.service }})")),
        ("needs", s(VERSION_JOB)),
        ("runs-on", s("ubuntu-24.04")),
        ("timeout-minutes", Value::Number(60.into())),
        ("permissions", Value::Mapping(permissions)),
        (
            "strategy",
            map([
                ("fail-fast", Value::Bool(true)),
                ("matrix", map([("include", Value::Sequence(include))])),
            ]),
        ),
        (
            "steps",
            Value::Sequence(vec![
                checkout(),
                login_step(registry),
                step(
                    "Set up Buildx (docker-container driver: cache export and attestations)",
                    "docker buildx create --name release --driver docker-container --use\ndocker buildx inspect --bootstrap\n",
                ),
                map([
                    (
                        "name",
                        s("Build the production stage and push it with SBOM and provenance"),
                    ),
                    (
                        "env",
                        map([
                            ("RELEASE_VERSION", s("${{ needs.version.outputs.version }}")),
                            ("CONTEXT", s("${{ matrix.context }}")),
                            ("DOCKERFILE", s("${{ matrix.dockerfile }}")),
                            ("TARGET", s("${{ matrix.target }}")),
                            ("IMAGE", s("${{ matrix.image }}")),
                            ("VERSIONED", s("${{ matrix.versioned }}")),
                        ]),
                    ),
                    ("run", s(BUILD_SCRIPT)),
                ]),
            ]),
        ),
    ])
}

fn version_job() -> Value {
    map([
        ("name", s("Release version")),
        ("runs-on", s("ubuntu-24.04")),
        ("timeout-minutes", Value::Number(5.into())),
        (
            "outputs",
            map([("version", s("${{ steps.version.outputs.version }}"))]),
        ),
        (
            "steps",
            Value::Sequence(vec![map([
                ("name", s("Version from the tag, or the commit on main")),
                ("id", s("version")),
                ("run", s(VERSION_SCRIPT)),
            ])]),
        ),
    ])
}

/// A job calling `deploy.yml` for `environment` when `condition` holds.
fn deploy_job(environment: &str, condition: &str, needs: &[&str]) -> Value {
    map([
        ("name", s(&format!("Deploy to {environment}"))),
        ("if", s(condition)),
        ("needs", list(needs)),
        ("permissions", map([("contents", s("read"))])),
        ("uses", s(&format!("./{}", deploy::PATH))),
        (
            "with",
            map([
                ("environment", s(environment)),
                ("version", s("${{ needs.version.outputs.version }}")),
            ]),
        ),
    ])
}

pub fn file(design: &Design, version_var: &'static str) -> GeneratedFile {
    let registry = layout::registry(design);
    let all = images(design, version_var);
    let skipped: Vec<String> = all
        .iter()
        .filter_map(|i| match &i.name {
            ReleaseName::Interpolated(r) => Some(format!("{} ({r})", i.service)),
            _ => None,
        })
        .collect();
    let entries: Vec<(ReleaseImage, String, bool)> = all
        .iter()
        .filter_map(|i| matrix_image(&registry, i).map(|(image, v)| (i.clone(), image, v)))
        .collect();
    let deploys = design.settings.deploy != DeployTarget::None;

    let mut jobs = Mapping::new();
    jobs.insert(s(VERSION_JOB), version_job());
    let mut needs = vec![VERSION_JOB];
    if !entries.is_empty() {
        jobs.insert(s(PUBLISH_JOB), publish_job(&registry, &entries));
        needs.push(PUBLISH_JOB);
    }
    if deploys {
        jobs.insert(
            s("deploy-staging"),
            deploy_job("staging", "github.ref == 'refs/heads/main'", &needs),
        );
        jobs.insert(
            s("deploy-production"),
            deploy_job(
                "production",
                "startsWith(github.ref, 'refs/tags/v')",
                &needs,
            ),
        );
    }
    let mut push = Mapping::new();
    if deploys {
        push.insert(s("branches"), list(&["main"]));
    }
    push.insert(s("tags"), list(&["v*"]));
    let workflow = map([
        ("name", s("release")),
        ("on", map([("push", Value::Mapping(push))])),
        ("permissions", map([("contents", s("read"))])),
        (
            "concurrency",
            map([
                ("group", s("release-${{ github.ref }}")),
                ("cancel-in-progress", Value::Bool(false)),
            ]),
        ),
        ("jobs", Value::Mapping(jobs)),
    ]);
    let yaml = crate::generate::yaml_text::to_yaml11(&workflow);
    let lang = design.settings.docs_lang;
    let mut head = format!(
        "# {}\n",
        headers::RELEASE_WORKFLOW.fill(lang, &[("registry", &registry), ("var", version_var)])
    );
    if deploys {
        head += &format!(
            "# {}\n",
            headers::RELEASE_WORKFLOW_DEPLOY.fill(lang, &[("file", deploy::PATH)])
        );
    }
    if !skipped.is_empty() {
        head += &format!(
            "# {}\n",
            headers::RELEASE_WORKFLOW_SKIPPED.fill(lang, &[("images", &skipped.join(", "))])
        );
    }
    GeneratedFile::text(PATH, head + &with_version_comments(&yaml))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};

    fn yaml(design: &Design) -> Value {
        serde_yaml::from_str(&file(design, "VERSION").contents).unwrap()
    }

    #[test]
    fn every_built_service_is_pushed_under_the_registry_with_attestations() {
        let design = instantiate(pattern("microservices").unwrap());
        let y = yaml(&design);
        let include = y["jobs"]["publish"]["strategy"]["matrix"]["include"]
            .as_sequence()
            .unwrap();
        let expected: Vec<String> = images(&design, "VERSION")
            .iter()
            .map(|i| format!("ghcr.io/microservices/{}", layout::slug(&i.service)))
            .collect();
        let got: Vec<&str> = include
            .iter()
            .map(|e| e["image"].as_str().unwrap())
            .collect();
        assert_eq!(got, expected);
        assert!(BUILD_SCRIPT.contains("--sbom=true --provenance=mode=max"));
        assert_eq!(
            y["jobs"]["publish"]["permissions"]["packages"],
            Value::from("write")
        );
        assert_eq!(y["permissions"]["contents"], Value::from("read"));
    }

    #[test]
    fn another_registry_gets_no_package_permission_and_logs_in_with_secrets() {
        let mut design = instantiate(pattern("web-app").unwrap());
        design.settings.registry = "registry.example.com/shop".into();
        let text = file(&design, "VERSION").contents;
        let y: Value = serde_yaml::from_str(&text).unwrap();
        assert!(y["jobs"]["publish"]["permissions"]
            .get("packages")
            .is_none());
        assert!(text.contains("secrets.REGISTRY_PASSWORD"), "{text}");
        assert!(
            text.contains("REGISTRY_HOST: registry.example.com\n"),
            "{text}"
        );
    }

    #[test]
    fn deploy_jobs_exist_only_with_a_deploy_target() {
        let mut design = instantiate(pattern("web-app").unwrap());
        let y = yaml(&design);
        assert!(y["jobs"].get("deploy-staging").is_none());
        assert!(y["on"]["push"].get("branches").is_none());
        design.settings.deploy = DeployTarget::Helm;
        let y = yaml(&design);
        assert_eq!(
            y["jobs"]["deploy-production"]["uses"],
            Value::from("./.github/workflows/deploy.yml")
        );
        assert_eq!(y["on"]["push"]["branches"][0], Value::from("main"));
    }

    #[test]
    fn no_expression_reaches_a_run_script() {
        let mut design = instantiate(pattern("agent-platform").unwrap());
        design.settings.deploy = DeployTarget::ComposeSsh;
        let text = file(&design, "VERSION").contents;
        let y: Value = serde_yaml::from_str(&text).unwrap();
        for job in y["jobs"].as_mapping().unwrap().values() {
            for st in job
                .get("steps")
                .and_then(Value::as_sequence)
                .into_iter()
                .flatten()
            {
                if let Some(run) = st.get("run").and_then(Value::as_str) {
                    assert!(!run.contains("${{"), "{run}");
                }
            }
        }
    }
}

//! Deploy target `compose-ssh`: one Docker host per environment, reached over SSH
//! (`DEPLOY_HOST`, e.g. `deploy@staging.example.com`, a variable of the GitHub environment). The
//! project's files at the released commit are unpacked into `DEPLOY_PATH` on the host (default
//! `/opt/<project>`); the host keeps its own `.env` and `secrets/` there, which the archive never
//! contains. The release runs as `docker compose -f docker-compose.yml -f
//! docker-compose.<staging|prod>.yml up -d --wait`, and the host remembers the version it runs in
//! `.deployed-version`, which the rollback returns to.

use super::{remote, ssh_env, ssh_previous, ssh_setup, ssh_ship, Target};
use crate::generate::layout;
use crate::model::Design;

/// Picks the environment's compose overlay into `COMPOSE_OVERLAY`.
const OVERLAY: &str = r#"case "$DEPLOY_ENV" in
  staging) COMPOSE_OVERLAY="docker-compose.staging.yml" ;;
  production) COMPOSE_OVERLAY="docker-compose.prod.yml" ;;
  *) echo "::error::unknown environment $DEPLOY_ENV"; exit 1 ;;
esac
"#;

/// Pull and start the version in the version variable on the host, wait until healthy, record it.
fn up(version_var: &str) -> String {
    remote(
        &["DEPLOY_PATH", "COMPOSE_OVERLAY", version_var],
        &format!(
            "cd \"$DEPLOY_PATH\"\n\
             docker compose -f docker-compose.yml -f \"$COMPOSE_OVERLAY\" pull --quiet\n\
             docker compose -f docker-compose.yml -f \"$COMPOSE_OVERLAY\" up -d --wait --wait-timeout 300 --remove-orphans\n\
             printf '%s\\n' \"${version_var}\" > .deployed-version\n"
        ),
    )
}

pub fn target(design: &Design, version_var: &str) -> Target {
    let project = layout::project_name(design);
    Target {
        env: ssh_env(&project),
        setup: ssh_setup(),
        previous: ssh_previous(),
        deploy: format!(
            "{OVERLAY}{}{}",
            ssh_ship(&project, ".env and secrets/ on the host stay as they are"),
            up(version_var)
        ),
        rollback: format!("{OVERLAY}{version_var}=\"$PREVIOUS\"\n{}", up(version_var)),
    }
}

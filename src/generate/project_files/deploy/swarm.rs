//! Deploy target `swarm`: `docker stack deploy` of `docker-stack.yml` on a Swarm manager of the
//! environment, reached over SSH (`DEPLOY_HOST`). The project's files at the released commit are
//! unpacked into `DEPLOY_PATH` on the manager (default `/opt/<project>`), where the operator keeps
//! a `.env` with the variables the stack requires (the Docker secrets themselves are created once
//! with `docker secret create`). The stack is named by `STACK_NAME` (default the project name);
//! the manager remembers the version it runs in `.deployed-version` for the rollback. Staging is a
//! second swarm (or a second stack name) running the same stack file.

use super::{remote, ssh_env, ssh_previous, ssh_setup, ssh_ship, Target};
use crate::generate::layout;
use crate::model::Design;

/// Deploy the version in the version variable as the stack and wait until it converged; the
/// manager's `.env` supplies the stack's other variables without overriding the version.
fn stack_deploy(version_var: &str) -> String {
    remote(
        &["DEPLOY_PATH", "STACK_NAME", version_var],
        &format!(
            "cd \"$DEPLOY_PATH\"\n\
             release=\"${version_var}\"\n\
             if [ -f .env ]; then set -a; . ./.env; set +a; fi\n\
             export {version_var}=\"$release\"\n\
             docker stack deploy -c {stack} --with-registry-auth --detach=false \"$STACK_NAME\"\n\
             printf '%s\\n' \"$release\" > .deployed-version\n",
            stack = layout::STACK_FILE
        ),
    )
}

pub fn target(design: &Design, version_var: &str) -> Target {
    let project = layout::project_name(design);
    let mut env = ssh_env(&project);
    env.push((
        "STACK_NAME",
        format!("${{{{ vars.STACK_NAME || '{project}' }}}}"),
    ));
    Target {
        env,
        setup: ssh_setup(),
        previous: ssh_previous(),
        deploy: format!(
            "{}{}",
            ssh_ship(&project, ".env on the manager stays as it is"),
            stack_deploy(version_var)
        ),
        rollback: format!("{version_var}=\"$PREVIOUS\"\n{}", stack_deploy(version_var)),
    }
}

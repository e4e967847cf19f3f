//! Node.js Dockerfile. The stub has no dependencies, but the image installs from the lockfile
//! as a real project would (`npm ci --omit=dev`), so adding a dependency needs no Dockerfile change.

use super::common::{dockerfile as stages, AppStages};
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const DEPS: &str = r#"FROM @IMAGE@ AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# mkdir: npm creates no node_modules when there is nothing to install, and COPY needs one.
RUN npm ci --omit=dev --no-audit --no-fund \
 && mkdir -p node_modules
"#;

const RUNTIME: &str = r#"FROM @IMAGE@ AS runtime
ENV PORT=@PORT@
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json server.js ./
"#;

const DEVELOPMENT: &str =
    "# Restarts on change (node --watch); the override may bind-mount this directory over /app.\n";

pub fn dockerfile(app: &App) -> String {
    let s = AppStages::of(app);
    let vars = [("IMAGE", pins::NODE), ("PORT", s.port())];
    stages(
        app,
        &[
            fill(DEPS, &vars),
            fill(RUNTIME, &vars) + &s.entrypoint_script(15),
            s.on_runtime(
                DEVELOPMENT,
                "development",
                &[("NODE_ENV", "development")],
                &["dev"],
            ),
            s.on_runtime(
                "",
                "production",
                &[("NODE_ENV", "production")],
                &s.mode_cmd(),
            ),
        ],
    )
}

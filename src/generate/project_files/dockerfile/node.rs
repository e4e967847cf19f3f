//! Node.js Dockerfile. The stub has no dependencies, but the image installs from the lockfile
//! as a real project would (`npm ci --omit=dev`), so adding a dependency needs no Dockerfile change.

use super::{exec_form, header, healthcheck};
use crate::generate::project_files::app::healthcheck_test;
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const TEMPLATE: &str = r#"
FROM @IMAGE@ AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# mkdir: npm creates no node_modules when there is nothing to install, and COPY needs one.
RUN npm ci --omit=dev --no-audit --no-fund \
 && mkdir -p node_modules

FROM @IMAGE@ AS runtime
ENV PORT=@PORT@
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json server.js ./
COPY --chmod=0555 entrypoint.sh ./entrypoint.sh
EXPOSE @PORT@
@HEALTHCHECK@ENTRYPOINT ["/app/entrypoint.sh"]

# Restarts on change (node --watch); the override may bind-mount this directory over /app.
FROM runtime AS development
ENV NODE_ENV=development
USER @USER@
CMD ["dev"]

FROM runtime AS production
ENV NODE_ENV=production
USER @USER@
CMD @CMD@
"#;

pub fn dockerfile(app: &App) -> String {
    let port = app.port_text();
    let test = healthcheck_test(app);
    let test: Vec<&str> = test.iter().map(String::as_str).collect();
    let body = fill(
        TEMPLATE,
        &[
            ("IMAGE", pins::NODE),
            ("PORT", &port),
            ("HEALTHCHECK", &healthcheck(15, &test)),
            ("USER", pins::APP_USER),
            ("CMD", &exec_form(&[app.mode.arg()])),
        ],
    );
    header(app) + &body
}

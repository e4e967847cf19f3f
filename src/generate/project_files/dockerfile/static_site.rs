//! Static single-page app Dockerfile: built with Node (a zero-dependency build script), served
//! by unprivileged nginx with the service's own `nginx.conf` (SPA fallback, `/health`).

use super::common::{dockerfile as stages, AppStages};
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const BUILD: &str = r#"FROM @NODE@ AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
"#;

const DEVELOPMENT: &str = r#"# Dev server with live files; the override may bind-mount this directory over /src.
FROM @NODE@ AS development
ENV PORT=@PORT@
WORKDIR /src
COPY . .
"#;

const PRODUCTION: &str = r#"FROM @NGINX@ AS production
COPY nginx.conf /etc/nginx/nginx.conf
COPY --from=build /src/dist /usr/share/nginx/html
"#;

pub fn dockerfile(app: &App) -> String {
    let s = AppStages::of(app);
    let vars = [
        ("NODE", pins::NODE),
        ("NGINX", pins::NGINX),
        ("PORT", s.port()),
    ];
    stages(
        app,
        &[
            fill(BUILD, &vars),
            fill(DEVELOPMENT, &vars) + &s.serve(10, &[], &["node", "dev-server.mjs"]),
            fill(PRODUCTION, &vars) + &s.serve(10, &[], &["nginx", "-g", "daemon off;"]),
        ],
    )
}

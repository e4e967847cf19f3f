//! Static single-page app Dockerfile: built with Node (a zero-dependency build script), served
//! by unprivileged nginx with the service's own `nginx.conf` (SPA fallback, `/health`).

use super::{header, healthcheck};
use crate::generate::project_files::app::healthcheck_test;
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const TEMPLATE: &str = r#"
FROM @NODE@ AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Dev server with live files; the override may bind-mount this directory over /src.
FROM @NODE@ AS development
ENV PORT=@PORT@
WORKDIR /src
COPY . .
EXPOSE @PORT@
@HEALTHCHECK@USER @USER@
CMD ["node", "dev-server.mjs"]

FROM @NGINX@ AS production
COPY nginx.conf /etc/nginx/nginx.conf
COPY --from=build /src/dist /usr/share/nginx/html
EXPOSE @PORT@
@HEALTHCHECK@USER @USER@
CMD ["nginx", "-g", "daemon off;"]
"#;

pub fn dockerfile(app: &App) -> String {
    let port = app.port_text();
    let test = healthcheck_test(app);
    let test: Vec<&str> = test.iter().map(String::as_str).collect();
    let body = fill(
        TEMPLATE,
        &[
            ("NODE", pins::NODE),
            ("NGINX", pins::NGINX),
            ("PORT", &port),
            ("HEALTHCHECK", &healthcheck(10, &test)),
            ("USER", pins::APP_USER),
        ],
    );
    header(app) + &body
}

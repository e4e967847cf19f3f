//! The reverse proxy's Dockerfile: pinned unprivileged nginx plus the generated `nginx.conf`.
//! It has the same `development`/`production` stages as every generated context, so the dev
//! override may build `target: development` for all of them alike.

use super::common::{header_lines, healthcheck};
use crate::generate::headers;
use crate::generate::project_files::pins;
use crate::generate::project_files::template::fill;
use crate::i18n::Lang;

const TEMPLATE: &str = r#"
FROM @NGINX@ AS base
COPY nginx.conf /etc/nginx/nginx.conf
EXPOSE @PORT@
@HEALTHCHECK@CMD ["nginx", "-g", "daemon off;"]

# Same image in development: the configuration is the thing under test.
FROM base AS development
USER @USER@

FROM base AS production
USER @USER@
"#;

pub fn dockerfile(slug: &str, project: &str, port: u16, health_url: &str, lang: Lang) -> String {
    let port = port.to_string();
    let head = header_lines(
        &headers::PROXY_WHAT.fill(lang, &[("slug", slug), ("project", project)]),
        &port,
        "GET /healthz",
        lang,
    );
    head + &fill(
        TEMPLATE,
        &[
            ("NGINX", pins::NGINX),
            ("PORT", &port),
            // busybox wget is part of the alpine-based image.
            (
                "HEALTHCHECK",
                &healthcheck(5, &["wget", "-q", "-O", "/dev/null", health_url]),
            ),
            ("USER", pins::APP_USER),
        ],
    )
}

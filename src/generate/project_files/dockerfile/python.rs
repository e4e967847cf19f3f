//! Python (FastAPI) Dockerfile: seed 004's template hardened. Dependencies go into a virtualenv
//! in a build stage; the runtime copies only the venv and the code, runs as a numeric user and
//! checks its own health with the stub's `healthcheck` command (no curl in slim images).

use super::{exec_form, header, healthcheck};
use crate::generate::project_files::app::healthcheck_test;
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const TEMPLATE: &str = r#"
FROM @IMAGE@ AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY requirements.txt ./
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --requirement requirements.txt

FROM @IMAGE@ AS runtime
ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=@PORT@
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY app ./app
COPY --chmod=0555 entrypoint.sh ./entrypoint.sh
EXPOSE @PORT@
@HEALTHCHECK@ENTRYPOINT ["/app/entrypoint.sh"]

# Hot reload (uvicorn --reload); the override may bind-mount this directory over /app.
FROM runtime AS development
USER @USER@
CMD ["dev"]

FROM runtime AS production
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
            ("IMAGE", pins::PYTHON),
            ("PORT", &port),
            ("HEALTHCHECK", &healthcheck(15, &test)),
            ("USER", pins::APP_USER),
            ("CMD", &exec_form(&[app.mode.arg()])),
        ],
    );
    header(app) + &body
}

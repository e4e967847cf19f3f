//! Python (FastAPI) Dockerfile: seed 004's template hardened. Dependencies go into a virtualenv
//! in a build stage; the runtime copies only the venv and the code, runs as a numeric user and
//! checks its own health with the stub's `healthcheck` command (no curl in slim images).

use super::common::{dockerfile as stages, AppStages};
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const BUILD: &str = r#"FROM @IMAGE@ AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY requirements.txt ./
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --requirement requirements.txt
"#;

const RUNTIME: &str = r#"FROM @IMAGE@ AS runtime
ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=@PORT@
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY app ./app
"#;

const DEVELOPMENT: &str =
    "# Hot reload (uvicorn --reload); the override may bind-mount this directory over /app.\n";

pub fn dockerfile(app: &App) -> String {
    let s = AppStages::of(app);
    let vars = [("IMAGE", pins::PYTHON), ("PORT", s.port())];
    stages(
        app,
        &[
            fill(BUILD, &vars),
            fill(RUNTIME, &vars) + &s.entrypoint_script(15),
            s.on_runtime(DEVELOPMENT, "development", &[], &["dev"]),
            s.on_runtime("", "production", &[], &s.mode_cmd()),
        ],
    )
}

//! Go Dockerfile: a static binary (CGO off) copied onto `scratch`. With no shell and no curl in
//! the image, the binary answers its own `healthcheck` subcommand, at `/app/server` in both
//! stages (see `app::healthcheck_test`).

use super::common::{dockerfile as stages, AppStages};
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const BUILD: &str = r#"FROM @IMAGE@ AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /out/server .
"#;

const DEVELOPMENT: &str = "\
# Rebuilt on every start into /tmp (tmpfs when the root file system is read-only); /app/server
# points there so that the healthcheck command is the same as in production.
";

pub fn dockerfile(app: &App) -> String {
    let s = AppStages::of(app);
    let development = s.compile_on_start(
        DEVELOPMENT,
        pins::GO,
        &[("GOCACHE", "/tmp/go-build"), ("GOMODCACHE", "/tmp/go-mod")],
        "/tmp/server",
        &[
            "/bin/sh",
            "-c",
            "go build -o /tmp/server . && exec /tmp/server \"$@\"",
            "server",
        ],
        120,
    );
    stages(
        app,
        &[
            fill(BUILD, &[("IMAGE", pins::GO)]),
            development,
            s.scratch_production(10),
        ],
    )
}

//! Go Dockerfile: a static binary (CGO off) copied onto `scratch`. With no shell and no curl in
//! the image, the binary answers its own `healthcheck` subcommand, at `/app/server` in both
//! stages (see `app::healthcheck_test`).

use super::{exec_form, header, healthcheck};
use crate::generate::project_files::app::healthcheck_test;
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const TEMPLATE: &str = r#"
FROM @IMAGE@ AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /out/server .

# Rebuilt on every start into /tmp (tmpfs when the root file system is read-only); /app/server
# points there so that the healthcheck command is the same as in production.
FROM @IMAGE@ AS development
ENV GOCACHE=/tmp/go-build \
    GOMODCACHE=/tmp/go-mod \
    PORT=@PORT@
WORKDIR /src
COPY . .
RUN mkdir -p /app \
 && ln -s /tmp/server /app/server
EXPOSE @PORT@
@DEV_HEALTHCHECK@USER @USER@
ENTRYPOINT ["/bin/sh", "-c", "go build -o /tmp/server . && exec /tmp/server \"$@\"", "server"]
CMD @CMD@

FROM scratch AS production
COPY --from=build /out/server /app/server
ENV PORT=@PORT@
EXPOSE @PORT@
@HEALTHCHECK@USER @USER@
ENTRYPOINT ["/app/server"]
CMD @CMD@
"#;

pub fn dockerfile(app: &App) -> String {
    let port = app.port_text();
    let test = healthcheck_test(app);
    let test: Vec<&str> = test.iter().map(String::as_str).collect();
    let body = fill(
        TEMPLATE,
        &[
            ("IMAGE", pins::GO),
            ("PORT", &port),
            ("DEV_HEALTHCHECK", &healthcheck(120, &test)),
            ("HEALTHCHECK", &healthcheck(10, &test)),
            ("USER", pins::APP_USER),
            ("CMD", &exec_form(&[app.mode.arg()])),
        ],
    );
    header(app) + &body
}

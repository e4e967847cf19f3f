//! Rust Dockerfile: the std-only stub is linked statically (`crt-static`) and copied onto
//! `scratch`; the binary answers its own `healthcheck` subcommand.

use super::{exec_form, header, healthcheck};
use crate::generate::project_files::app::healthcheck_test;
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const TEMPLATE: &str = r#"
FROM @IMAGE@ AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --locked \
 && mkdir -p /out \
 && cp target/release/server /out/server

# `cargo run` on every start; the target directory lives in /tmp and /app/server points at the
# binary so that the healthcheck command is the same as in production.
FROM @IMAGE@ AS development
ENV CARGO_HOME=/tmp/cargo \
    CARGO_TARGET_DIR=/tmp/target \
    PORT=@PORT@
WORKDIR /src
COPY . .
RUN mkdir -p /app \
 && ln -s /tmp/target/debug/server /app/server
EXPOSE @PORT@
@DEV_HEALTHCHECK@USER @USER@
ENTRYPOINT ["cargo", "run", "--quiet", "--"]
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
            ("IMAGE", pins::RUST),
            ("PORT", &port),
            ("DEV_HEALTHCHECK", &healthcheck(300, &test)),
            ("HEALTHCHECK", &healthcheck(10, &test)),
            ("USER", pins::APP_USER),
            ("CMD", &exec_form(&[app.mode.arg()])),
        ],
    );
    header(app) + &body
}

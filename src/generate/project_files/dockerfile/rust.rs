//! Rust Dockerfile: the std-only stub is linked statically (`crt-static`) and copied onto
//! `scratch`; the binary answers its own `healthcheck` subcommand.

use super::common::{dockerfile as stages, AppStages};
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const BUILD: &str = r#"FROM @IMAGE@ AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --locked \
 && mkdir -p /out \
 && cp target/release/server /out/server
"#;

const DEVELOPMENT: &str = "\
# `cargo run` on every start; the target directory lives in /tmp and /app/server points at the
# binary so that the healthcheck command is the same as in production.
";

pub fn dockerfile(app: &App) -> String {
    let s = AppStages::of(app);
    let development = s.compile_on_start(
        DEVELOPMENT,
        pins::RUST,
        &[
            ("CARGO_HOME", "/tmp/cargo"),
            ("CARGO_TARGET_DIR", "/tmp/target"),
        ],
        "/tmp/target/debug/server",
        &["cargo", "run", "--quiet", "--"],
        300,
    );
    stages(
        app,
        &[
            fill(BUILD, &[("IMAGE", pins::RUST)]),
            development,
            s.scratch_production(10),
        ],
    )
}

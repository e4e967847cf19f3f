//! `entrypoint.sh` for images with a shell (Python, Node): maps the compose `command` to the
//! stub's modes and passes anything else through, so `docker compose run api sh` or a migration
//! command still works. It `exec`s, so the app receives `docker stop`'s SIGTERM itself.
//! Compiled images (`scratch`, JVM) have the modes in the binary instead.

use super::app::App;
use super::template::fill;
use crate::generate::{headers, GeneratedFile};
use crate::model::Language;

const TEMPLATE: &str = r#"#!/bin/sh
# @HEADER@
set -eu

case "${1:-@MODE@}" in
  dev)
    exec @DEV@
    ;;
  serve | worker | scheduler | healthcheck)
    exec @RUN@ "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
"#;

/// The entry point of `app`, when its image has a shell.
pub fn file(app: &App) -> Option<GeneratedFile> {
    let (run, dev) = match app.language {
        // uvicorn's reloader is started by the stub itself.
        Language::Python => ("python -m app", "python -m app dev"),
        Language::Node => ("node /app/server.js", "node --watch /app/server.js serve"),
        Language::Go | Language::Rust | Language::Java | Language::Static => return None,
    };
    let text = fill(
        TEMPLATE,
        &[
            (
                "HEADER",
                &headers::ENTRYPOINT.fill(
                    app.lang,
                    &[
                        ("slug", &app.slug),
                        ("modes", "serve | dev | worker | scheduler | healthcheck"),
                        ("mode", app.mode.arg()),
                    ],
                ),
            ),
            ("MODE", app.mode.arg()),
            ("RUN", run),
            ("DEV", dev),
        ],
    );
    Some(GeneratedFile::script(app.path("entrypoint.sh"), text))
}

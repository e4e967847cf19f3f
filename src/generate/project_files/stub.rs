//! Minimal app stubs, one generator per language (`stub/*.rs`): the smallest real program that
//! makes `docker compose up` healthy at once (seed 000's DX checklist), plus its dependency
//! manifest. Every stub understands the same command line, so compose may start any image in
//! any mode:
//!
//! - `serve` (default for APIs): HTTP on `$PORT`, `GET /health` → `{"status":"ok"}`, and the
//!   metrics path when the service declares one;
//! - `worker` / `scheduler`: a job loop (every 5 s / 60 s) that still answers `/health` on
//!   `$PORT`, reporting 503 once the loop stalls;
//! - `healthcheck`: `GET http://127.0.0.1:$PORT/health`, exit 0 when it answers 200 (used by
//!   the image's `HEALTHCHECK`; `scratch` images have no curl);
//! - `dev` (Python, Node): the server with reload on change.
//!
//! Invariant: stubs have no third-party dependencies except Python's FastAPI and uvicorn,
//! pinned with their whole dependency tree (nothing unpinned is fetched at build time).

mod go;
mod java;
mod node;
mod python;
mod rust;
mod static_site;

use super::app::App;
use crate::generate::GeneratedFile;
use crate::model::Language;

/// The source files of `app` (the Dockerfile and entrypoint are written elsewhere).
pub fn files(app: &App) -> Vec<GeneratedFile> {
    match app.language {
        Language::Python => python::files(app),
        Language::Node => node::files(app),
        Language::Go => go::files(app),
        Language::Rust => rust::files(app),
        Language::Java => java::files(app),
        Language::Static => static_site::files(app),
    }
}

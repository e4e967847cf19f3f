//! The parts every generated Dockerfile shares, so that the invariants of `dockerfile.rs` (the
//! opening comment, `HEALTHCHECK` options, a numeric non-root `USER` last, exec-form
//! `ENTRYPOINT`/`CMD`) are written once; the language files keep only what differs.
//!
//! Every function returns whole lines, each ending in `\n`. A Dockerfile is its header and its
//! stages separated by blank lines ([`dockerfile`]).

use crate::generate::headers;
use crate::generate::project_files::app::{healthcheck_test, App};
use crate::generate::project_files::pins;
use crate::i18n::Lang;

/// The Dockerfile of `app`: the shared header, then `stages` separated by blank lines.
pub fn dockerfile(app: &App, stages: &[String]) -> String {
    let mut text = header(app);
    for stage in stages {
        text.push('\n');
        text.push_str(stage);
    }
    text
}

/// The opening comment every generated Dockerfile shares.
fn header(app: &App) -> String {
    let what = format!(
        "{}: {}",
        app.slug,
        crate::generate::words::stack(app.language, app.lang)
    );
    let health = headers::HEALTH_OK.fill(
        app.lang,
        &[("request", "GET /health"), ("body", "{\"status\":\"ok\"}")],
    );
    header_lines(&what, &app.port_text(), &health, app.lang)
}

/// The opening comment, for a Dockerfile that is not a scaffolded app's (the reverse proxy's).
pub fn header_lines(what: &str, port: &str, health: &str, lang: Lang) -> String {
    format!(
        "# syntax=docker/dockerfile:1\n# {}\n",
        headers::DOCKERFILE.fill(
            lang,
            &[
                ("what", what),
                ("file", "docker-compose.override.yml"),
                ("port", port),
                ("health", health),
            ],
        )
    )
}

/// `HEALTHCHECK` options shared by every image; `start` is the start period in seconds
/// (longer for JVMs and for development stages that compile on start).
pub fn healthcheck(start: u32, exec: &[&str]) -> String {
    format!("HEALTHCHECK --interval=30s --timeout=5s --start-period={start}s --retries=3 \\\n  CMD {}\n", exec_form(exec))
}

/// A JSON exec-form array (`["a", "b"]`); arguments are generator constants, JSON-escaped anyway.
pub fn exec_form(args: &[&str]) -> String {
    let quoted: Vec<String> = args
        .iter()
        .map(|a| serde_json::Value::String((*a).to_string()).to_string())
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// `ENV` with one variable a line (`A=1 \` continued); nothing when `vars` is empty. Values are
/// generator constants, written as they are (quote them in the value where Docker needs it).
pub fn env(vars: &[(&str, &str)]) -> String {
    if vars.is_empty() {
        return String::new();
    }
    let lines: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("ENV {}\n", lines.join(" \\\n    "))
}

/// The end of every stage that runs the app: the numeric non-root user (`pins::APP_USER`), then
/// the exec-form entry point (none when `entrypoint` is empty) and command.
pub fn run_as_app_user(entrypoint: &[&str], cmd: &[&str]) -> String {
    let mut text = format!("USER {}\n", pins::APP_USER);
    if !entrypoint.is_empty() {
        text += &format!("ENTRYPOINT {}\n", exec_form(entrypoint));
    }
    text + &format!("CMD {}\n", exec_form(cmd))
}

/// What the stages of one scaffolded app's Dockerfile share: its port, its own healthcheck
/// command (`app::healthcheck_test`, the same in every stage) and the mode its image starts in.
pub struct AppStages {
    port: String,
    test: Vec<String>,
    mode: &'static str,
}

impl AppStages {
    pub fn of(app: &App) -> Self {
        AppStages {
            port: app.port_text(),
            test: healthcheck_test(app),
            mode: app.mode.arg(),
        }
    }

    /// `@PORT@` filled in a stage template (`template::fill`).
    pub fn port(&self) -> &str {
        &self.port
    }

    /// The default command: the app's mode (`["serve"]`, `["worker"]`, ...).
    pub fn mode_cmd(&self) -> [&'static str; 1] {
        [self.mode]
    }

    /// `ENV` with `vars` and then `PORT`, which every stub reads.
    pub fn env(&self, vars: &[(&str, &str)]) -> String {
        let mut all = vars.to_vec();
        all.push(("PORT", &self.port));
        env(&all)
    }

    /// `EXPOSE` and the app's `HEALTHCHECK` with a start period of `start` seconds.
    pub fn expose(&self, start: u32) -> String {
        let test: Vec<&str> = self.test.iter().map(String::as_str).collect();
        format!("EXPOSE {}\n{}", self.port, healthcheck(start, &test))
    }

    /// The end of a stage that runs the app: `EXPOSE`, `HEALTHCHECK`, `USER`, `ENTRYPOINT`, `CMD`.
    pub fn serve(&self, start: u32, entrypoint: &[&str], cmd: &[&str]) -> String {
        self.expose(start) + &run_as_app_user(entrypoint, cmd)
    }

    /// The development stage of a compiled language whose image is `scratch` in production
    /// (Go, Rust): the sources are compiled on every start into /tmp (tmpfs when the root file
    /// system is read-only) and `/app/server` links to `binary`, so that the healthcheck command
    /// is the same as in production. `comment` (whole lines) says how it builds.
    pub fn compile_on_start(
        &self,
        comment: &str,
        image: &str,
        vars: &[(&str, &str)],
        binary: &str,
        entrypoint: &[&str],
        start: u32,
    ) -> String {
        format!(
            "{comment}FROM {image} AS development\n\
             {env}WORKDIR /src\n\
             COPY . .\n\
             RUN mkdir -p /app \\\n \
             && ln -s {binary} /app/server\n\
             {serve}",
            env = self.env(vars),
            serve = self.serve(start, entrypoint, &self.mode_cmd()),
        )
    }

    /// The production stage of Go and Rust: the static binary `/out/server` of the `build`
    /// stage on `scratch`, answering its own `healthcheck` subcommand.
    pub fn scratch_production(&self, start: u32) -> String {
        format!(
            "FROM scratch AS production\n\
             COPY --from=build /out/server /app/server\n\
             {env}{serve}",
            env = self.env(&[]),
            serve = self.serve(start, &["/app/server"], &self.mode_cmd()),
        )
    }

    /// The end of a `runtime` stage started by the stub's `entrypoint.sh` (Node, Python), which
    /// the `development` and `production` stages ([`Self::on_runtime`]) build on.
    pub fn entrypoint_script(&self, start: u32) -> String {
        format!(
            "COPY --chmod=0555 entrypoint.sh ./entrypoint.sh\n\
             {expose}ENTRYPOINT [\"/app/entrypoint.sh\"]\n",
            expose = self.expose(start),
        )
    }

    /// A stage `target` on the `runtime` stage: its `ENV` (`vars`), the non-root user and `cmd`.
    /// `comment` (whole lines) goes above the `FROM`.
    pub fn on_runtime(
        &self,
        comment: &str,
        target: &str,
        vars: &[(&str, &str)],
        cmd: &[&str],
    ) -> String {
        format!(
            "{comment}FROM runtime AS {target}\n{}{}",
            env(vars),
            run_as_app_user(&[], cmd)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_form_is_json() {
        assert_eq!(exec_form(&["a", "b\"c"]), r#"["a", "b\"c"]"#);
    }
}

//! What the project generators need to know about one scaffolded service, derived once from the
//! design: its language, build directory, the port its stub listens on, the process mode its
//! image starts by default and where it exposes metrics.
//!
//! Invariant: every string here is safe to paste into code, shell and config without quoting:
//! `slug` and `metrics_path` are reduced to `[a-z0-9_./-]`, the port is a number. Generators
//! never interpolate raw user text into program source.

use crate::catalog::{self, KindCategory};
use crate::generate::layout;
use crate::i18n::Lang;
use crate::model::{Design, Language, Service};

/// Port a stub listens on when its service declares none (workers still answer `/health`).
pub const DEFAULT_PORT: u16 = 8080;

/// What the image runs when compose gives no command. Every stub understands all of them, so a
/// compose `command: ["worker"]` works on any generated image (seed 000: the worker is the app
/// image started with `worker`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// An HTTP server.
    Serve,
    /// A background job loop (health endpoint only).
    Worker,
    /// A periodic task runner (health endpoint only).
    Scheduler,
}

impl Mode {
    pub fn arg(self) -> &'static str {
        match self {
            Mode::Serve => "serve",
            Mode::Worker => "worker",
            Mode::Scheduler => "scheduler",
        }
    }

    fn of(service: &Service) -> Mode {
        match service.command.first().map(String::as_str) {
            Some("worker") => return Mode::Worker,
            Some("scheduler") | Some("beat") | Some("cron") => return Mode::Scheduler,
            Some("serve") => return Mode::Serve,
            _ => {}
        }
        let kind = service.kind.as_str();
        if kind.contains("scheduler") || kind.contains("cron") {
            return Mode::Scheduler;
        }
        if kind.contains("worker") {
            return Mode::Worker;
        }
        match catalog::kind(kind).map(|k| k.category) {
            Some(KindCategory::Worker) => Mode::Worker,
            Some(KindCategory::Job) => Mode::Scheduler,
            _ => Mode::Serve,
        }
    }
}

/// A service whose sources the project generates.
#[derive(Debug, Clone)]
pub struct App<'a> {
    pub service: &'a Service,
    pub language: Language,
    /// Build context (`docker/<slug>`).
    pub dir: String,
    /// Sanitised service name, used in code, package names and comments.
    pub slug: String,
    /// The stub's listening port: the service's first port, else [`DEFAULT_PORT`].
    pub port: u16,
    pub mode: Mode,
    /// Sanitised metrics path when the service exposes metrics.
    pub metrics_path: Option<String>,
    /// Health URLs a health monitor polls (seed 003): the `/health` of every generated service
    /// it links to. Empty for every other service.
    pub monitors: Vec<String>,
    /// The design's documentation language, for the comments of the generated files.
    pub lang: Lang,
}

impl<'a> App<'a> {
    /// The scaffold for `service`, if Tierboard writes its sources: a build with a language and
    /// the default context. Imported builds keep their own sources and get nothing.
    pub fn of(service: &'a Service) -> Option<App<'a>> {
        let build = service.build.as_ref()?;
        let language = build.language?;
        if !build.context.is_empty() {
            return None;
        }
        Some(App {
            service,
            language,
            dir: layout::build_dir(service),
            slug: layout::slug(&service.name),
            port: service.ports.first().map_or(DEFAULT_PORT, |p| p.container),
            mode: Mode::of(service),
            metrics_path: service.metrics_path.as_deref().map(clean_path),
            monitors: Vec::new(),
            lang: Lang::En,
        })
    }

    /// A path inside the build context.
    pub fn path(&self, rel: &str) -> String {
        format!("{}/{}", self.dir, rel)
    }

    pub fn port_text(&self) -> String {
        self.port.to_string()
    }
}

/// The healthcheck command of a generated image, the same in its `development` and `production`
/// stages (exec form, without the leading `CMD`). Compose healthchecks of scaffolded services
/// should use exactly this: it needs no tool the image lacks (`scratch` has no shell or curl).
pub fn healthcheck_test(app: &App) -> Vec<String> {
    let args: Vec<String> = match app.language {
        Language::Python => vec![
            "python".into(),
            "-m".into(),
            "app".into(),
            "healthcheck".into(),
        ],
        Language::Node => vec!["node".into(), "/app/server.js".into(), "healthcheck".into()],
        Language::Go | Language::Rust => vec!["/app/server".into(), "healthcheck".into()],
        // Alpine images: busybox wget (cheaper than a second JVM for Java).
        Language::Java | Language::Static => {
            vec![
                "wget".into(),
                "-q".into(),
                "-O".into(),
                "/dev/null".into(),
                format!("http://127.0.0.1:{}/health", app.port),
            ]
        }
    };
    args
}

/// Every scaffolded service of the design, in board order.
pub fn apps(design: &Design) -> Vec<App<'_>> {
    let mut apps: Vec<App> = design.services.iter().filter_map(App::of).collect();
    for app in &mut apps {
        app.lang = design.settings.docs_lang;
    }
    for app in apps
        .iter_mut()
        .filter(|a| a.service.kind == "health-monitor")
    {
        app.monitors = design
            .links_from(app.service.id)
            .filter_map(|l| design.service(l.to))
            .filter_map(App::of)
            .map(|t| format!("http://{}:{}/health", host(t.service), t.port))
            .collect();
    }
    apps
}

/// A URL path safe in any generated language: `/` followed by `[A-Za-z0-9_./-]`, no `..`.
pub fn clean_path(path: &str) -> String {
    let kept: String = path
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'))
        .collect();
    let trimmed = kept.trim_start_matches('/');
    // `/health` and `/` belong to the stub; a metrics path there would shadow them.
    if trimmed.is_empty() || trimmed == "health" || trimmed.split('/').any(|part| part == "..") {
        "/metrics".to_string()
    } else {
        format!("/{trimmed}")
    }
}

/// The host name other containers use for `service` (the compose service name), or its slug
/// when the name would not be a valid host name (a design that skipped validation).
pub fn host(service: &Service) -> String {
    if crate::model::check_service_name(&service.name).is_ok() {
        service.name.clone()
    } else {
        layout::slug(&service.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Build, Port, ServiceId, Tier};

    fn built(name: &str, kind: &str, language: Language) -> Service {
        let mut s = Service::new(ServiceId(1), name, kind, Tier::Backend);
        s.build = Some(Build::scaffold(language));
        s
    }

    #[test]
    fn only_scaffolded_builds_become_apps() {
        let mut imported = built("legacy", "custom", Language::Go);
        imported.build.as_mut().unwrap().context = "./legacy".into();
        assert!(App::of(&imported).is_none());
        let image_only = Service::new(ServiceId(2), "db", "postgres", Tier::Data);
        assert!(App::of(&image_only).is_none());
        assert!(App::of(&built("api", "custom", Language::Go)).is_some());
    }

    #[test]
    fn the_first_port_is_the_listening_port() {
        let mut s = built("api", "custom", Language::Node);
        assert_eq!(App::of(&s).unwrap().port, DEFAULT_PORT);
        s.ports = vec![Port::internal(3000), Port::internal(9229)];
        assert_eq!(App::of(&s).unwrap().port, 3000);
    }

    #[test]
    fn mode_follows_the_command_then_the_kind() {
        let mut s = built("jobs", "custom", Language::Python);
        assert_eq!(App::of(&s).unwrap().mode, Mode::Serve);
        s.command = vec!["worker".into()];
        assert_eq!(App::of(&s).unwrap().mode, Mode::Worker);
        let cron = built("cron", "python-scheduler", Language::Python);
        assert_eq!(App::of(&cron).unwrap().mode, Mode::Scheduler);
    }

    #[test]
    fn metrics_paths_cannot_inject_code() {
        assert_eq!(clean_path("/metrics"), "/metrics");
        assert_eq!(clean_path("metrics\"); drop"), "/metricsdrop");
        assert_eq!(clean_path("/../etc"), "/metrics");
        assert_eq!(clean_path(""), "/metrics");
        assert_eq!(clean_path("/health"), "/metrics");
    }
}

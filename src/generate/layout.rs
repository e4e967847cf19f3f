//! Where things live in the generated project. Both generator families use these functions so
//! that references (build contexts, config mounts) always point at files that are written.

use crate::model::{interpolation, Design, Language, Service};

pub use crate::model::slug;

/// The compose project name (`name:` in every compose file) and the zip/folder name.
pub fn project_name(design: &Design) -> String {
    slug(&design.name)
}

/// The registry of built images, shared by the compose files, the chart and the stack: the
/// design's (trimmed, lower-case, without a trailing `/`) when it is made of registry
/// characters, else `ghcr.io/<project>`.
pub fn registry(design: &Design) -> String {
    let r = design.settings.registry.trim().trim_end_matches('/');
    let ok = !r.is_empty()
        && r.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | ':'));
    if ok {
        r.to_ascii_lowercase()
    } else {
        format!("ghcr.io/{}", project_name(design))
    }
}

/// What several families need to know about the design, worked out once per project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// `version_var(design)`: it visits every string of the design, worked out once for all families.
    pub version_var: &'static str,
}

impl Facts {
    pub fn of(design: &Design) -> Facts {
        Facts {
            version_var: version_var(design),
        }
    }
}

/// The variable that tags built images: `VERSION`, or `APP_VERSION` when the design already
/// uses a `VERSION` variable of its own (an imported `image: netbox:${VERSION-v4.1}`): the
/// project's release tag must not retag somebody else's image, nor shadow its default.
pub fn version_var(design: &Design) -> &'static str {
    // Every string the user typed or imported, wherever the design holds it (`extra` keys too).
    if crate::model::strings::any_string(design, &mut |s| interpolation::mentions(s, "VERSION")) {
        "APP_VERSION"
    } else {
        "VERSION"
    }
}

/// Build context of a service built from generated sources: `docker/<service>`.
/// (Imported builds keep their own context; generators only write files for scaffolded ones.)
pub fn build_dir(service: &Service) -> String {
    format!("docker/{}", slug(&service.name))
}

/// The Dockerfile of a generated build context.
pub fn dockerfile(service: &Service) -> String {
    format!("{}/Dockerfile", build_dir(service))
}

/// nginx configuration of an nginx-kind service (built from its own context).
pub fn nginx_conf(service: &Service) -> String {
    format!("{}/nginx.conf", build_dir(service))
}

/// Is `service` the board's nginx reverse proxy, built from `build_dir(service)` (the project
/// family writes its `nginx.conf` and Dockerfile there)? The compose family must then build it
/// from that context, like a scaffolded service, so that the proxy runs the generated
/// configuration (upstreams, `/healthz`) rather than the image's default one.
/// An nginx that brings its own configuration (a bind mount into /etc/nginx, as imported
/// projects do) keeps it.
pub fn is_generated_proxy(service: &Service) -> bool {
    // Only the catalog's unprivileged image: an imported `nginx:*` service keeps its own image
    // and configuration.
    let catalog_image = match crate::catalog::kind("nginx").map(|k| k.source) {
        Some(crate::catalog::KindSource::Image { name, .. }) => name,
        _ => return false,
    };
    service.kind == "nginx"
        && service
            .image
            .as_ref()
            .is_some_and(|i| i.name == catalog_image)
        && service
            .build
            .as_ref()
            .is_none_or(|b| b.context.trim().is_empty())
        && !service
            .volumes
            .iter()
            .any(|m| m.kind == crate::model::MountKind::Bind && m.target.starts_with("/etc/nginx"))
}

/// Prometheus configuration, mounted read-only into prometheus services (seed 004's template).
pub const PROMETHEUS_CONFIG: &str = "prometheus.yml";

/// Directory for Docker secret files used by the prod file (git-ignored but for its README).
pub const SECRETS_DIR: &str = "secrets";

/// The CI workflow.
pub const WORKFLOW: &str = ".github/workflows/docker.yml";

/// Operations documentation (seed 000's template).
pub const OPS_DOC: &str = "docs/docker-operations.md";

/// The architecture diagram (light theme, laid out for `export::DEFAULT_VIEW`): the board as
/// drawn, with the design in its metadata.
pub const ARCHITECTURE_SVG: &str = "docs/architecture.svg";

/// The design file at the project root (`<project>.tierboard.json`), so that the project can be
/// reopened in Tierboard and regenerated.
pub fn design_file(design: &Design) -> String {
    format!("{}{}", project_name(design), crate::share::FILE_SUFFIX)
}

/// Dev hot reload (compose family, `docker-compose.override.yml`): the host path (relative to the
/// project root) bind-mounted read-only over the sources in the `development` stage of a
/// scaffolded build, and the path in the container. Mounts only the sources, never a directory
/// holding installed dependencies (`node_modules`, the venv), which the image keeps.
pub fn hot_reload_mount(service: &Service) -> Option<(String, &'static str)> {
    let language = service.build.as_ref()?.language?;
    let dir = build_dir(service);
    Some(match language {
        Language::Python => (format!("{dir}/app"), "/app/app"),
        Language::Node => (format!("{dir}/server.js"), "/app/server.js"),
        Language::Go => (dir, "/src"),
        Language::Rust => (format!("{dir}/src"), "/src/src"),
        Language::Java => (format!("{dir}/App.java"), "/app/App.java"),
        Language::Static => (dir, "/src"),
    })
}

/// Directory of the Helm chart: `helm/<project>` (the project name as a chart name).
pub fn helm_chart_dir(design: &Design) -> String {
    format!("helm/{}", helm_chart_name(design))
}

/// The chart name: the project name as `[a-z0-9-]` with single dashes, a letter first, at most
/// 53 characters (Helm's limit for names it derives objects from).
pub fn helm_chart_name(design: &Design) -> String {
    let mut name = String::new();
    for c in project_name(design).chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if !(c == '-' && (name.is_empty() || name.ends_with('-'))) {
            name.push(c);
        }
    }
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        name.insert_str(0, "chart-");
    }
    name.truncate(53);
    name.trim_end_matches('-').to_string()
}

/// The Docker Swarm stack file (`docker stack deploy -c docker-stack.yml <stack>`).
pub const STACK_FILE: &str = "docker-stack.yml";

/// Swarm operations: deploy, scale, update and roll back the stack.
pub const SWARM_DOC: &str = "docs/docker-swarm.md";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_found_in_every_compose_spelling_but_not_in_escapes_or_longer_names() {
        for text in [
            "$VERSION",
            "a:${VERSION}",
            "${VERSION-v4.1}",
            "${VERSION:?set it}",
            "x $VERSION/y",
        ] {
            assert!(interpolation::mentions(text, "VERSION"), "{text}");
        }
        for text in [
            "$$VERSION",
            "${VERSIONS}",
            "$APP_VERSION",
            "VERSION",
            "${MY_VERSION:-1}",
            "$",
            "${",
        ] {
            assert!(!interpolation::mentions(text, "VERSION"), "{text}");
        }
    }

    #[test]
    fn a_design_with_its_own_version_variable_gets_app_version() {
        let mut d = crate::catalog::starter();
        assert_eq!(version_var(&d), "VERSION");
        d.services[0].environment.push(crate::model::EnvVar {
            key: "RELEASE".into(),
            value: "${VERSION-v4.1}".into(),
            secret: false,
        });
        assert_eq!(version_var(&d), "APP_VERSION");
    }

    #[test]
    fn an_nginx_with_its_own_config_is_not_regenerated() {
        use crate::model::{Image, Mount, ServiceId, Tier};
        let mut proxy = Service::new(ServiceId(1), "proxy", "nginx", Tier::Frontend);
        proxy.image = Some(Image::new("nginxinc/nginx-unprivileged", "1.27-alpine"));
        assert!(is_generated_proxy(&proxy));
        proxy.volumes.push(Mount::bind(
            "./nginx/site.conf",
            "/etc/nginx/conf.d/default.conf",
        ));
        assert!(!is_generated_proxy(&proxy));
    }

    #[test]
    fn an_imported_nginx_image_keeps_its_own_configuration() {
        use crate::model::{Image, ServiceId, Tier};
        let mut web = Service::new(ServiceId(1), "web", "nginx", Tier::Frontend);
        web.image = Some(Image::new("nginx", "1.27-alpine"));
        assert!(!is_generated_proxy(&web));
    }

    #[test]
    fn slugs_are_safe_path_components() {
        assert_eq!(slug("My Shop"), "my-shop");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("/abs"), "abs");
        assert_eq!(slug(".."), "project");
        assert_eq!(slug(""), "project");
        assert_eq!(slug("ünïcode"), "n-code");
        assert!(slug(&"x".repeat(200)).len() <= 63);
    }

    #[test]
    fn chart_names_are_dns_labels() {
        assert_eq!(helm_chart_name(&Design::new("My  Shop_2")), "my-shop-2");
        assert_eq!(helm_chart_name(&Design::new("42")), "chart-42");
        assert_eq!(helm_chart_dir(&Design::new("web-app")), "helm/web-app");
    }
}

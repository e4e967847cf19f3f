//! The images the release workflow builds and pushes, named exactly as `docker-compose.prod.yml`
//! and `docker-compose.staging.yml` pull them: the compose family owns those names, so the
//! workflow asks here instead of spelling them a second time.
//!
//! A built service runs `${REGISTRY:-<registry>}/<service>:${VERSION:?…}` in prod: the release
//! pushes `<registry>/<service>:<version>` (the registry the design names, `ghcr.io/<project>` by
//! default). A built service with an image name of its own (an imported `build` + `image`) runs
//! that reference as written: the release pushes it as written, so long as it is a literal (a
//! reference with `${…}` in it cannot be known before the release runs and is left out, with
//! the reason in the workflow's header).

use super::plan::{built_image, ComposePlan};
use crate::generate::layout;
use crate::model::Design;

/// One image of the release: where it is built from and the name it is pushed under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseImage {
    /// The compose service name.
    pub service: String,
    /// Build context as the compose files give it (`./docker/api`).
    pub context: String,
    /// Dockerfile relative to the context, when not `Dockerfile`.
    pub dockerfile: Option<String>,
    /// Build stage: the design's, else `production` for generated Dockerfiles (whose last stage
    /// it is), else none (the last stage).
    pub target: Option<String>,
    /// How the image is named: under the release registry with the release tag, or verbatim.
    pub name: ReleaseName,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReleaseName {
    /// `<registry>/<repository>:<version>`: `repository` is the service's slug.
    Versioned { repository: String },
    /// A literal `name:tag` the design gives (pushed as it is; the version is not applied).
    Fixed(String),
    /// A reference with variables in it: not pushed by the release.
    Interpolated(String),
}

/// The prod-file image reference of a built service, with `version` for the release tag.
pub fn prod_reference(plan: &ComposePlan, s: &crate::model::Service, version: &str) -> String {
    match &s.image {
        Some(image) if !layout::is_generated_proxy(s) => image.reference(),
        _ => built_image(plan, s, version),
    }
}

/// Every image the production-like files build from source, board order.
pub fn images(design: &Design, version_var: &'static str) -> Vec<ReleaseImage> {
    let plan = ComposePlan::new(design, version_var);
    let mut out: Vec<ReleaseImage> = plan
        .services
        .iter()
        .filter_map(|sp| {
            let context = sp.build_context.clone()?;
            let s = sp.service;
            let generated = layout::is_generated_proxy(s)
                || s.build.as_ref().is_some_and(|b| b.language.is_some());
            let target = s
                .build
                .as_ref()
                .and_then(|b| b.target.clone())
                .or_else(|| generated.then(|| "production".to_string()));
            let name = match &s.image {
                Some(image) if !layout::is_generated_proxy(s) => {
                    let reference = image.reference();
                    if reference.contains('$') {
                        ReleaseName::Interpolated(reference)
                    } else {
                        ReleaseName::Fixed(reference)
                    }
                }
                _ => ReleaseName::Versioned {
                    repository: layout::slug(&s.name),
                },
            };
            Some(ReleaseImage {
                service: s.name.clone(),
                context,
                dockerfile: s.build.as_ref().and_then(|b| b.dockerfile.clone()),
                target,
                name,
            })
        })
        .collect();
    // The compose plan orders services by name; the workflow lists them in board order.
    let position = |name: &str| design.services.iter().position(|s| s.name == name);
    crate::sorting::sort_by_key(&mut out, |i| position(&i.service));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};
    use crate::model::{Build, Image, Service, ServiceId, Tier};

    #[test]
    fn scaffolded_services_and_the_proxy_are_versioned_production_builds() {
        let design = instantiate(pattern("web-app").unwrap());
        let images = images(&design, "VERSION");
        assert!(!images.is_empty());
        for i in &images {
            assert_eq!(i.target.as_deref(), Some("production"), "{}", i.service);
            assert_eq!(
                i.name,
                ReleaseName::Versioned {
                    repository: layout::slug(&i.service)
                }
            );
            assert!(i.context.starts_with("./docker/"), "{}", i.context);
        }
    }

    #[test]
    fn an_own_image_name_is_pushed_as_written_unless_it_has_variables() {
        let mut d = Design::new("shop");
        let mut a = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        a.build = Some(Build {
            context: "./api".into(),
            ..Build::scaffold(crate::model::Language::Python)
        });
        a.build.as_mut().unwrap().language = None;
        a.image = Some(Image::new("registry.example.com/acme/api", "2.0.1"));
        let mut b = a.clone();
        b.id = ServiceId(2);
        b.name = "worker".into();
        b.image = Some(Image::new("acme/worker", "${TAG}"));
        d.services = vec![b, a];
        let names: Vec<ReleaseName> = images(&d, "VERSION").into_iter().map(|i| i.name).collect();
        assert_eq!(
            names,
            [
                ReleaseName::Interpolated("acme/worker:${TAG}".into()),
                ReleaseName::Fixed("registry.example.com/acme/api:2.0.1".into()),
            ]
        );
    }
}

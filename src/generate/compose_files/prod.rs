//! `docker-compose.prod.yml`, used as `docker compose -f docker-compose.yml -f
//! docker-compose.prod.yml up -d` (seed 000/002): built services run the registry image of
//! `${VERSION}` (required, never a default) instead of building; every service gets its prod
//! replica count and keeps the base's resource limits and reservations; secrets come from files
//! under `secrets/` as Docker secrets where the image reads `<KEY>_FILE`.
//!
//! Invariants: no `build:` survives the merge (`!reset`); the environment of a service that
//! switches to secret files is replaced as a whole (`!override`), so the plain `${KEY}` of the
//! base does not merge back in next to `<KEY>_FILE`.

use super::base;
use super::model::{ComposeFile, ComposeService, DeployDef, Merge, Other, Reset, SecretDef};
use super::order::ComposeKey;
use super::plan::{built_image, ComposePlan};
use crate::generate::layout;

pub fn file(plan: &ComposePlan) -> ComposeFile {
    let mut f = ComposeFile::named(&plan.project);
    for sp in &plan.services {
        let s = sp.service;
        let mut c = ComposeService::default();
        if sp.build_context.is_some() {
            // The generated proxy's image field names its base image; what ships is the proxy
            // built with its nginx.conf, pushed to the registry like every built service.
            c.image = Some(match &s.image {
                Some(image) if !layout::is_generated_proxy(s) => image.reference(),
                _ => built_image(
                    plan,
                    s,
                    &format!("${{{0}:?set {0} to the release tag}}", plan.version_var),
                ),
            });
            c.build = Some(Merge::Reset(Reset::Map));
            c.set("pull_policy", Other::Text("missing".into()));
        }
        let file_secrets: Vec<_> = sp.secrets.iter().filter(|u| u.file_env.is_some()).collect();
        if !file_secrets.is_empty() {
            c.secrets = file_secrets.iter().map(|u| u.name.clone()).collect();
            let mut env = base::environment(s);
            for u in &file_secrets {
                env.remove(&ComposeKey::from(u.key.as_str()));
                if let Some(file_key) = &u.file_env {
                    env.insert(
                        ComposeKey::from(file_key.as_str()),
                        format!("/run/secrets/{}", u.name),
                    );
                }
            }
            c.environment = Some(Merge::Override(env));
        }
        c.set(
            "deploy",
            Other::Deploy(DeployDef {
                replicas: Some(s.replicas.prod.max(1)),
                resources: None,
            }),
        );
        f.services.insert(ComposeKey::from(s.name.as_str()), c);
    }
    for name in plan.secret_files.keys() {
        f.secrets.insert(
            name.clone(),
            SecretDef {
                file: format!("./{}/{}.txt", layout::SECRETS_DIR, name),
            },
        );
    }
    f
}

//! `docker-compose.override.yml`, loaded automatically by `docker compose up` on a developer's
//! machine (seed 000/002): scaffolded builds use their `development` stage, sources are
//! bind-mounted read-only for hot reload when the design asks for it (`settings.ops.hot_reload`),
//! and debug ports are published on 127.0.0.1 only.
//!
//! Invariant: only additions to the base; nothing here is needed for prod or CI, which never
//! load this file.

use super::model::{BuildDef, ComposeFile, ComposeService, Merge, VolumeEntry};
use super::order::{ComposeKey, KeyMap};
use super::plan::{dev_debug_env, ComposePlan};
use crate::generate::layout;

pub fn file(plan: &ComposePlan) -> ComposeFile {
    let mut f = ComposeFile::named(&plan.project);
    let hot_reload = plan.design.settings.ops.hot_reload;
    for sp in &plan.services {
        let s = sp.service;
        let Some(context) = &sp.build_context else {
            continue;
        };
        if !layout::is_generated_proxy(s) && s.build.as_ref().and_then(|b| b.language).is_none() {
            continue; // imported build: its stages are unknown
        }
        let mut c = ComposeService {
            build: Some(Merge::Plain(BuildDef {
                context: context.clone(),
                target: Some("development".into()),
                ..BuildDef::default()
            })),
            ..ComposeService::default()
        };
        if hot_reload {
            if let Some((host, target)) = layout::hot_reload_mount(s) {
                c.volumes = Some(Merge::Plain(vec![VolumeEntry::Short(format!(
                    "./{host}:{target}:ro"
                ))]));
            }
        }
        if let Some((port, var)) = &sp.debug_port {
            let (key, value) = dev_debug_env(*port);
            let mut env = KeyMap::new();
            env.insert(ComposeKey::from(key), value);
            c.environment = Some(Merge::Plain(env));
            c.ports = Some(Merge::Plain(vec![format!(
                "127.0.0.1:${{{var}:-{port}}}:{port}"
            )]));
        }
        f.services.insert(ComposeKey::from(s.name.as_str()), c);
    }
    f
}

//! `docker-compose.ci.yml`, used by the CI workflow as `docker compose -f docker-compose.yml -f
//! docker-compose.ci.yml up --wait`: an isolated, disposable run. Every named volume becomes a
//! tmpfs (databases start empty and fast, nothing survives the run) and nothing restarts, so a
//! crashing service fails the job instead of looping.

use super::base::volume_entries;
use super::model::{ComposeFile, ComposeService, Merge};
use super::order::ComposeKey;
use super::plan::ComposePlan;
use crate::model::MountKind;

/// tmpfs size replacing a named volume in CI: 256 MiB, enough for a test database.
const CI_DATA_MIB: u32 = 256;

pub fn file(plan: &ComposePlan) -> ComposeFile {
    let mut f = ComposeFile::named(&plan.project);
    for sp in &plan.services {
        let s = sp.service;
        let mut c = ComposeService {
            restart: Some("no".into()),
            ..ComposeService::default()
        };
        if s.volumes.iter().any(|m| m.kind == MountKind::Named) {
            let mut disposable = s.clone();
            for m in &mut disposable.volumes {
                if m.kind == MountKind::Named {
                    m.kind = MountKind::Tmpfs;
                    m.size = Some(CI_DATA_MIB);
                }
            }
            c.volumes = Some(Merge::Override(volume_entries(&disposable)));
        }
        f.services.insert(ComposeKey::from(s.name.as_str()), c);
    }
    f
}

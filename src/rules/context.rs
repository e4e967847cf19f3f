//! What every rule needs to know about a design, computed once per check: each service's catalog
//! kind, an id → position index and the links as position pairs. Rules stay short and the whole
//! check stays linear in the size of the design.

use super::Verdict;
use crate::catalog::{self, Kind, KindCategory};
use crate::edit::{Command, ServiceChange};
use crate::model::{Design, LinkKind, Service, ServiceId, Settings};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

/// A design prepared for checking.
pub struct Ctx<'a> {
    pub design: &'a Design,
    kinds: Vec<Option<&'static Kind>>,
    index: HashMap<ServiceId, usize>,
    /// Links between existing services: (from, to, kind) as positions in `design.services`.
    pub links: Vec<(usize, usize, LinkKind)>,
    /// Shared copies of the service names, made on the first failure that names a service.
    names: OnceCell<Vec<Arc<str>>>,
}

impl<'a> Ctx<'a> {
    pub fn new(design: &'a Design) -> Self {
        let kinds = design
            .services
            .iter()
            .map(|s| catalog::kind(&s.kind))
            .collect();
        let index: HashMap<ServiceId, usize> = design
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let links = design
            .links
            .iter()
            .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?, l.kind)))
            .collect();
        Ctx {
            design,
            kinds,
            index,
            links,
            names: OnceCell::new(),
        }
    }

    pub fn services(&self) -> impl Iterator<Item = (usize, &'a Service)> {
        self.design.services.iter().enumerate()
    }

    pub fn service(&self, i: usize) -> Option<&'a Service> {
        self.design.services.get(i)
    }

    /// The name of service `i`, shared between all findings of one check.
    pub fn name(&self, i: usize) -> Option<Arc<str>> {
        let names = self.names.get_or_init(|| {
            self.design
                .services
                .iter()
                .map(|s| Arc::from(s.name.as_str()))
                .collect()
        });
        names.get(i).cloned()
    }

    pub fn position(&self, id: ServiceId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// The catalog kind of service `i` (`None` for custom or unknown kinds).
    pub fn kind(&self, i: usize) -> Option<&'static Kind> {
        self.kinds.get(i).copied().flatten()
    }

    /// The catalog category of service `i`; unknown kinds count as custom application code.
    pub fn category(&self, i: usize) -> KindCategory {
        self.kind(i).map_or(KindCategory::Custom, |k| k.category)
    }

    pub fn is_data_store(&self, i: usize) -> bool {
        self.category(i).is_data_store()
    }

    /// Application code: what the team writes and deploys (custom kinds included).
    pub fn is_app(&self, i: usize) -> bool {
        matches!(
            self.category(i),
            KindCategory::Web
                | KindCategory::Api
                | KindCategory::Worker
                | KindCategory::Job
                | KindCategory::Custom
        )
    }

    /// Services whose job is to route traffic to others (proxies, gateways, tunnels).
    pub fn is_routing(&self, i: usize) -> bool {
        matches!(
            self.category(i),
            KindCategory::Proxy | KindCategory::Gateway | KindCategory::Tunnel
        )
    }

    /// A per-service verdict: services for which `applies` holds are the subjects, those for
    /// which `fails` also holds fail.
    pub fn each(
        &self,
        applies: impl Fn(usize, &Service) -> bool,
        fails: impl Fn(usize, &Service) -> bool,
    ) -> Verdict {
        let mut v = Verdict::default();
        for (i, s) in self.services() {
            if applies(i, s) {
                v.subjects += 1;
                if fails(i, s) {
                    v.failed += 1;
                    v.services.push(i);
                }
            }
        }
        v
    }

    /// A design-level verdict on an operational fact: applicable once the board has a service.
    pub fn fact(&self, holds: bool, detail: crate::i18n::Text) -> Verdict {
        if self.design.services.is_empty() {
            Verdict::not_applicable()
        } else {
            Verdict::design(holds, Vec::new(), detail)
        }
    }

    /// `UpdateService` for service `i`.
    pub fn update(&self, i: usize, change: ServiceChange) -> Option<Command> {
        self.service(i)
            .map(|s| Command::UpdateService { id: s.id, change })
    }

    /// `UpdateService` for every failing service for which `change` has something.
    pub fn update_failing(
        &self,
        failing: &[usize],
        change: impl Fn(usize, &Service) -> Option<ServiceChange>,
    ) -> Vec<Command> {
        failing
            .iter()
            .filter_map(|&i| {
                let s = self.service(i)?;
                change(i, s).map(|change| Command::UpdateService { id: s.id, change })
            })
            .collect()
    }

    /// `SetSettings` with `edit` applied to a copy of the current settings.
    pub fn settings(&self, edit: impl FnOnce(&mut Settings)) -> Vec<Command> {
        let mut settings = self.design.settings.clone();
        edit(&mut settings);
        vec![Command::SetSettings { settings }]
    }
}

//! Profile variants: for each optional compose profile the design uses, what turning it on would
//! add in each environment ("with local-llm: +2 CPU, +4 GB"). Lets the UI and the docs show the
//! default stack and its variants side by side without the user re-planning by hand.

use super::demand::ServicePlan;
use super::environment::{active_profiles, Environment, PerEnv};
use super::totals::{env_plan, EnvPlan, Totals};
use crate::model::{Budget, Design};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileVariant {
    pub profile: String,
    /// Services that start only because of this profile (in some environment), board order.
    pub services: Vec<String>,
    /// What the profile adds on top of each environment's plan.
    pub added: PerEnv<Totals>,
}

/// Variants for every optional profile the design uses (not an environment's own profile, not
/// already on everywhere through `extra`),
/// sorted by profile name. `base_services` and `base` are the plan without the variant.
pub fn variants(
    design: &Design,
    extra: &[String],
    base_services: &[ServicePlan],
    base: &[EnvPlan; 4],
    budget: &Budget,
) -> Vec<ProfileVariant> {
    let used: BTreeSet<&str> = crate::sorting::btree_set(
        design
            .services
            .iter()
            .flat_map(|s| s.profiles.iter().map(String::as_str)),
    );
    let mut out = Vec::new();
    // An environment's own profile is governed by the environment, not a variant.
    let optional = |p: &&str| Environment::parse(p).is_none() && !extra.iter().any(|e| e == p);
    for profile in used.into_iter().filter(optional) {
        let mut with = extra.to_vec();
        with.push(profile.to_string());
        let active = Environment::ALL.map(|e| active_profiles(e, &with));
        let services: Vec<ServicePlan> = design
            .services
            .iter()
            .map(|s| ServicePlan::new(s, &active))
            .collect();
        let plans = Environment::ALL.map(|e| env_plan(e, Vec::new(), &services, budget));
        let added = PerEnv::from_fn(|e| plans[e.index()].total.minus(&base[e.index()].total));
        let started = services
            .iter()
            .zip(base_services)
            .filter(|(with, without)| {
                Environment::ALL
                    .iter()
                    .any(|&e| with.runs_in(e) && !without.runs_in(e))
            })
            .map(|(with, _)| with.name.clone())
            .collect();
        out.push(ProfileVariant {
            profile: profile.to_string(),
            services: started,
            added,
        });
    }
    out
}

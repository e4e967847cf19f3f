//! The four environments a design is planned for, and which compose profiles are on in each.
//! Staging (seed 000's Entwicklung, Test, Staging, Produktion) is production-like: registry
//! images and limits, with its own replica count (`Replicas::staging`, prod's by default).
//!
//! Profile rule (documented in the planner's module docs and relied on by the UI): a service with
//! no profiles always runs; a service with profiles runs when at least one of them is on (compose
//! semantics). In each environment the profile named like the environment is on (`dev` in dev,
//! `ci` in ci, `staging` in staging, `prod` in prod), so `profiles: ["dev"]` marks a dev-only tool such as Jupyter;
//! every other profile (`local-llm`, `supabase-local`) is off unless the caller turns it on, and
//! the plan reports what turning it on would add ([`super::ProfileVariant`]).

use crate::model::Service;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Dev,
    Ci,
    Staging,
    Prod,
}

impl Environment {
    pub const ALL: [Environment; 4] = [
        Environment::Dev,
        Environment::Ci,
        Environment::Staging,
        Environment::Prod,
    ];

    /// Lower-case id; also the name of the profile that is on by default in this environment.
    pub fn id(self) -> &'static str {
        match self {
            Environment::Dev => "dev",
            Environment::Ci => "ci",
            Environment::Staging => "staging",
            Environment::Prod => "prod",
        }
    }

    /// Position in [`Environment::ALL`] (and in the plan's per-environment arrays).
    pub fn index(self) -> usize {
        match self {
            Environment::Dev => 0,
            Environment::Ci => 1,
            Environment::Staging => 2,
            Environment::Prod => 3,
        }
    }

    pub fn parse(text: &str) -> Option<Environment> {
        Environment::ALL
            .into_iter()
            .find(|e| e.id() == text.trim().to_ascii_lowercase())
    }

    /// Replicas the service asks for in this environment (before the planner's cap).
    pub fn replicas(self, service: &Service) -> u32 {
        match self {
            Environment::Dev => service.replicas.dev,
            Environment::Ci => service.replicas.ci,
            Environment::Staging => service.replicas.staging(),
            Environment::Prod => service.replicas.prod,
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One value per environment (dev, ci, staging, prod).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PerEnv<T> {
    pub dev: T,
    pub ci: T,
    pub staging: T,
    pub prod: T,
}

impl<T: Copy> PerEnv<T> {
    pub fn from_fn(mut f: impl FnMut(Environment) -> T) -> Self {
        PerEnv {
            dev: f(Environment::Dev),
            ci: f(Environment::Ci),
            staging: f(Environment::Staging),
            prod: f(Environment::Prod),
        }
    }

    pub fn get(&self, env: Environment) -> T {
        match env {
            Environment::Dev => self.dev,
            Environment::Ci => self.ci,
            Environment::Staging => self.staging,
            Environment::Prod => self.prod,
        }
    }
}

/// The profiles on in `env`: the environment's own profile plus `extra`, sorted and without
/// duplicates so that the plan is the same whatever order the caller lists them in.
pub fn active_profiles(env: Environment, extra: &[String]) -> Vec<String> {
    let mut on: Vec<String> = extra
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    on.push(env.id().to_string());
    crate::sorting::sort(&mut on);
    on.dedup();
    on
}

/// Compose semantics: no profiles = always; otherwise any one of them being on.
pub fn runs_with(service: &Service, active: &[String]) -> bool {
    service.always_on()
        || service
            .profiles
            .iter()
            .any(|p| active.iter().any(|a| a == p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ServiceId, Tier};

    fn with_profiles(profiles: &[&str]) -> Service {
        let mut s = Service::new(ServiceId(1), "x", "custom", Tier::Backend);
        s.profiles = profiles.iter().map(|p| p.to_string()).collect();
        s
    }

    #[test]
    fn the_environment_profile_is_on_in_its_environment_only() {
        let jupyter = with_profiles(&["dev"]);
        assert!(runs_with(&jupyter, &active_profiles(Environment::Dev, &[])));
        assert!(!runs_with(
            &jupyter,
            &active_profiles(Environment::Prod, &[])
        ));
    }

    #[test]
    fn optional_profiles_are_off_until_turned_on() {
        let llm = with_profiles(&["local-llm"]);
        assert!(!runs_with(&llm, &active_profiles(Environment::Dev, &[])));
        assert!(runs_with(
            &llm,
            &active_profiles(Environment::Dev, &["local-llm".into()])
        ));
        assert!(runs_with(
            &with_profiles(&[]),
            &active_profiles(Environment::Ci, &[])
        ));
    }

    #[test]
    fn active_profiles_are_sorted_and_unique() {
        let extra = vec![
            "b".to_string(),
            "dev".to_string(),
            " a ".to_string(),
            String::new(),
        ];
        assert_eq!(active_profiles(Environment::Dev, &extra), ["a", "b", "dev"]);
    }
}

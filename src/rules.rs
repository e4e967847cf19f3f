//! The live checklist: every item of the seeds' checklists and anti-pattern tables, seed 004's
//! hardening block and the compose rules of KICS and the CIS Docker Benchmark that a design can
//! violate, scored while the board is drawn.
//!
//! Each rule is one file in `rules/` holding one [`Rule`] descriptor (stable kebab-case id,
//! category, severity, title, why, source) with a `check` function and, where a fix is known, a
//! `fix` function that returns the [`Command`]s making the rule pass. [`RULES`] lists them in
//! panel order.
//!
//! # Scoring
//! A rule looks at *subjects*: the services it applies to, or the design as a whole (one subject).
//! A rule with no subject is not applicable and does not count. A rule of weight `w` (its
//! [`Severity::weight`]: high 5, medium 3, low 1) with `n` subjects of which `f` fail earns
//! `w * (n - f) / n`, so fixing one service of four moves the score a quarter of the rule's weight.
//! A score (overall or per category) is `floor(100 * earned / possible)` over the applicable
//! rules, and it is 100 only when every applicable rule passes: a rounding never hides a failure.
//!
//! # Categories
//! Seed 000/001's architecture checklist gives the five categories (Design, Security,
//! Performance, Operations, DX). Seed 002's quality checklist (Services, Network, Volumes,
//! Configuration) overlaps it item by item, so its items are filed under the seed-000 category of
//! the same concern and cited in the rule's `source` rather than scored twice.
//!
//! # Facts, not promises
//! Items a drawing cannot show (images scanned, backups, rollback, central logging, hot reload)
//! pass only on a design fact the generator turns into an artefact (a CI scan step, a backup
//! script, a rollback section, log shipping docs, dev bind mounts). Nothing passes on a checkbox.
//!
//! # Fixes
//! [`fix`] returns one rule's fix as a single undoable [`Command`] (a `Batch` of `UpdateService`
//! changes, `SetSettings`, ...); [`fix_all`] chains every *safe* fix (one that cannot break a
//! working service) into one command. Both are computed on demand: the report only says whether a
//! fix exists (`fixable`, `safe_fix`), so a check does not build commands nobody clicks.
//!
//! # Adding a rule
//! Write `rules/<id_with_underscores>.rs` with a `pub static RULE: Rule`, a `check` (usually
//! `ctx.each(applies, fails)` or `ctx.fact(..)`), an optional `fix`, and inline tests: a design
//! where it passes, one where it fails naming the services, and `assert_fix` showing the exact
//! design the fix produces. Then list it in `mod` and in [`RULES`] under its category. Only design
//! facts that reach the generated files may fail a rule: a design scoring 100 must generate a
//! project that `validate-project` passes without errors or warnings, and every fix must change
//! the generated files (`tests/rules_generate.rs`).
//!
//! Architecture invariant: [`check`] is pure, deterministic and never panics on any design, valid
//! or not; a fix changes only what its rule needs and goes through `edit::apply` like any other
//! edit.

mod context;
#[cfg(test)]
mod fixtures;

mod appropriate_volumes;
mod backup_strategy;
mod bind_mounts_dev_only;
mod build_sources_included;
mod cap_drop_all;
mod centralised_logging;
mod clear_documentation;
mod communication_defined;
mod compose_up_works;
mod data_in_data_tier;
mod database_per_service;
mod db_not_published;
mod env_vars_defined;
mod healthchecks;
mod healthy_dependencies;
mod hot_reload_dev;
mod images_scanned;
mod known_compose_keys;
mod no_anonymous_volumes;
mod no_common_host_ports;
mod no_dependency_cycles;
mod no_docker_socket;
mod no_host_namespaces;
mod no_host_network;
mod no_new_privileges;
mod no_over_engineering;
mod no_premature_microservices;
mod no_privileged;
mod no_privileged_host_ports;
mod no_sensitive_host_paths;
mod no_shared_volumes;
mod non_root_user;
mod onboarding_fast;
mod optimised_builds;
mod pids_limited;
mod pinned_image_tags;
mod ports_bound_to_interface;
mod read_only_root;
mod resources_limited;
mod restart_policy;
mod rollback_documented;
mod secret_values_not_stored;
mod secrets_externalised;
mod security_profiles_enabled;
mod services_clearly_identified;
mod single_responsibility;
mod strategic_caching;
mod tiers_isolated;

pub use context::Ctx;

use crate::edit::{self, Command};
use crate::i18n::{Arg, Lang, Message, Text};
use crate::model::{Design, ServiceId};
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// The five checklist categories of seed 000/001, in panel order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Design,
    Security,
    Performance,
    Operations,
    Dx,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Design,
        Category::Security,
        Category::Performance,
        Category::Operations,
        Category::Dx,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Design => "design",
            Category::Security => "security",
            Category::Performance => "performance",
            Category::Operations => "operations",
            Category::Dx => "dx",
        }
    }

    /// The category's name, as the seeds' checklists head it.
    pub fn text(self) -> Text {
        match self {
            Category::Design => text::DESIGN,
            Category::Security => text::SECURITY,
            Category::Performance => text::PERFORMANCE,
            Category::Operations => text::OPERATIONS,
            Category::Dx => text::DX,
        }
    }

    /// The category's name in `lang` (panel headings).
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How much a failure matters (KICS' levels without "info": every rule here counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }

    /// The severity's name ("High", "Hoch", "Élevée").
    pub fn text(self) -> Text {
        match self {
            Severity::High => text::HIGH,
            Severity::Medium => text::MEDIUM,
            Severity::Low => text::LOW,
        }
    }

    /// The severity's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    /// Score weight: a high-severity rule weighs five low ones.
    pub fn weight(self) -> u32 {
        match self {
            Severity::High => 5,
            Severity::Medium => 3,
            Severity::Low => 1,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What a rule's check found: how many subjects it looked at and which failed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    /// Services or the design (1) the rule applies to; 0 = not applicable.
    pub subjects: usize,
    /// Subjects that fail.
    pub failed: usize,
    /// Indices (into `design.services`) of the services concerned by the failure.
    pub services: Vec<usize>,
    /// The failure in words; `None` = the rule's `problem` followed by the services' names.
    pub detail: Option<Message>,
}

impl Verdict {
    pub fn not_applicable() -> Self {
        Verdict::default()
    }

    /// A design-level verdict: one subject, passing or failing, with the services concerned.
    pub fn design(pass: bool, services: Vec<usize>, detail: impl Into<Message>) -> Self {
        if pass {
            Verdict {
                subjects: 1,
                ..Verdict::default()
            }
        } else {
            Verdict {
                subjects: 1,
                failed: 1,
                services,
                detail: Some(detail.into()),
            }
        }
    }
}

/// A rule's fix: the edits for the given failing services.
pub type Fixer = fn(&Ctx, &[usize]) -> Vec<Command>;

/// One checklist rule. `check` and `fix` read a [`Ctx`] built once per check.
#[derive(Clone, Copy)]
pub struct Rule {
    /// Stable kebab-case id (CLI output, CI gates and ignore lists rely on it: never change one).
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// The checklist item, as a short statement (in German and French the seeds' own wording
    /// where they have the item).
    pub title: Text,
    /// Why it matters, and for judgement items what the rule measures instead.
    pub why: Text,
    /// The seed item, KICS query or CIS recommendation the rule implements.
    pub source: &'static str,
    /// What is wrong with a failing service, completing "`<problem>`: api, worker".
    pub problem: Text,
    pub check: fn(&Ctx) -> Verdict,
    /// The edits that make the rule pass for the given failing services (positions in
    /// `design.services`, as in [`Verdict::services`]); empty when no fix is known for them.
    pub fix: Option<Fixer>,
    /// The fix is part of "Fix all": it cannot break a working service.
    pub safe_fix: bool,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl Rule {
    pub fn weight(&self) -> u32 {
        self.severity.weight()
    }
}

/// Every rule, in panel order (by category, then as listed).
pub static RULES: &[&Rule] = &[
    // Design
    &services_clearly_identified::RULE,
    &single_responsibility::RULE,
    &no_dependency_cycles::RULE,
    &communication_defined::RULE,
    &database_per_service::RULE,
    &no_shared_volumes::RULE,
    &no_premature_microservices::RULE,
    &no_over_engineering::RULE,
    // Security
    &tiers_isolated::RULE,
    &data_in_data_tier::RULE,
    &db_not_published::RULE,
    &secrets_externalised::RULE,
    &secret_values_not_stored::RULE,
    &images_scanned::RULE,
    &pinned_image_tags::RULE,
    &non_root_user::RULE,
    &no_new_privileges::RULE,
    &cap_drop_all::RULE,
    &read_only_root::RULE,
    &no_privileged::RULE,
    &no_docker_socket::RULE,
    &no_host_network::RULE,
    &no_host_namespaces::RULE,
    &no_sensitive_host_paths::RULE,
    &security_profiles_enabled::RULE,
    &ports_bound_to_interface::RULE,
    &no_privileged_host_ports::RULE,
    // Performance
    &resources_limited::RULE,
    &pids_limited::RULE,
    &strategic_caching::RULE,
    &appropriate_volumes::RULE,
    &optimised_builds::RULE,
    // Operations
    &healthchecks::RULE,
    &healthy_dependencies::RULE,
    &restart_policy::RULE,
    &centralised_logging::RULE,
    &backup_strategy::RULE,
    &rollback_documented::RULE,
    &no_anonymous_volumes::RULE,
    // Developer experience
    &compose_up_works::RULE,
    &known_compose_keys::RULE,
    &build_sources_included::RULE,
    &no_common_host_ports::RULE,
    &env_vars_defined::RULE,
    &hot_reload_dev::RULE,
    &bind_mounts_dev_only::RULE,
    &clear_documentation::RULE,
    &onboarding_fast::RULE,
];

/// Look a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Pass,
    Fail,
    NotApplicable,
}

/// A service named in a finding: the id selects it on the canvas, the name is shown.
/// Names are shared (`Arc<str>`): a rule failing on every service of a big design lists them
/// all, and each check would otherwise copy every name once per failing rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceRef {
    pub id: ServiceId,
    #[serde(serialize_with = "as_str")]
    pub name: Arc<str>,
}

fn as_str<S: serde::Serializer>(name: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(name)
}

/// One rule's result on a design.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleResult {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub outcome: Outcome,
    pub subjects: usize,
    pub failed: usize,
    /// Services concerned by a failure (empty when passing).
    pub services: Vec<ServiceRef>,
    /// The failure, in no language yet (`None` when passing): render it with
    /// [`RuleResult::message`].
    #[serde(skip)]
    pub detail: Option<Message>,
    /// The rule has a fix for this design ("Fix" button).
    pub fixable: bool,
    /// That fix is part of "Fix all".
    pub safe_fix: bool,
    /// Score points earned and possible (weight scaled by the passing share of subjects).
    #[serde(skip)]
    earned: f64,
}

impl RuleResult {
    pub fn descriptor(&self) -> Option<&'static Rule> {
        rule(self.rule)
    }

    /// The failure in words in `lang` (empty when passing).
    pub fn message(&self, lang: Lang) -> String {
        self.detail
            .as_ref()
            .map(|m| m.render(lang))
            .unwrap_or_default()
    }

    /// The rule's title in `lang` (the id for an unknown rule).
    pub fn title(&self, lang: Lang) -> &'static str {
        self.descriptor().map_or(self.rule, |d| d.title.get(lang))
    }
}

/// A category's score; `None` when no rule of the category applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryScore {
    pub category: Category,
    pub score: Option<u8>,
    pub passed: usize,
    pub failed: usize,
    pub not_applicable: usize,
}

/// The checklist's verdict on a design.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// 0-100 over every applicable rule (100 on a board where nothing applies).
    pub score: u8,
    pub categories: Vec<CategoryScore>,
    /// One result per rule, in [`RULES`] order.
    pub results: Vec<RuleResult>,
}

impl Report {
    /// The failing results, in panel order.
    pub fn findings(&self) -> impl Iterator<Item = &RuleResult> {
        self.results.iter().filter(|r| r.outcome == Outcome::Fail)
    }

    pub fn result(&self, rule_id: &str) -> Option<&RuleResult> {
        self.results.iter().find(|r| r.rule == rule_id)
    }

    pub fn category(&self, category: Category) -> Option<&CategoryScore> {
        self.categories.iter().find(|c| c.category == category)
    }
}

/// Check every rule against `design`.
pub fn check(design: &Design) -> Report {
    let ctx = Ctx::new(design);
    let results: Vec<RuleResult> = RULES.iter().map(|rule| evaluate(rule, &ctx)).collect();
    let categories = Category::ALL
        .iter()
        .map(|&category| {
            let of: Vec<&RuleResult> = results.iter().filter(|r| r.category == category).collect();
            let count = |o: Outcome| of.iter().filter(|r| r.outcome == o).count();
            CategoryScore {
                category,
                score: score(of.iter().copied()),
                passed: count(Outcome::Pass),
                failed: count(Outcome::Fail),
                not_applicable: count(Outcome::NotApplicable),
            }
        })
        .collect();
    Report {
        score: score(results.iter()).unwrap_or(100),
        categories,
        results,
    }
}

fn evaluate(rule: &Rule, ctx: &Ctx) -> RuleResult {
    let v = (rule.check)(ctx);
    let outcome = if v.subjects == 0 {
        Outcome::NotApplicable
    } else if v.failed == 0 {
        Outcome::Pass
    } else {
        Outcome::Fail
    };
    let weight = f64::from(rule.weight());
    let earned = if v.subjects == 0 {
        0.0
    } else {
        weight * (v.subjects.saturating_sub(v.failed)) as f64 / v.subjects as f64
    };
    let (services, detail, fixable) = if outcome == Outcome::Fail {
        let services: Vec<ServiceRef> = v
            .services
            .iter()
            .filter_map(|&i| {
                Some(ServiceRef {
                    id: ctx.service(i)?.id,
                    name: ctx.name(i)?,
                })
            })
            .collect();
        let detail = v
            .detail
            .unwrap_or_else(|| problem_of(rule, services.iter().map(|s| &*s.name)));
        // Whether a Fix button makes sense: one fixable service is enough to know, and asking one
        // at a time keeps the check from building every command of every failing rule.
        let fixable = rule.fix.is_some_and(|fix| {
            if v.services.is_empty() {
                !fix(ctx, &[]).is_empty()
            } else {
                v.services.iter().any(|&i| !fix(ctx, &[i]).is_empty())
            }
        });
        (services, Some(detail), fixable)
    } else {
        (Vec::new(), None, false)
    };
    RuleResult {
        rule: rule.id,
        category: rule.category,
        severity: rule.severity,
        outcome,
        subjects: v.subjects,
        failed: v.failed,
        services,
        detail,
        fixable,
        safe_fix: fixable && rule.safe_fix,
        earned,
    }
}

/// `floor(100 * earned / possible)`, 100 only when nothing fails; `None` when nothing applies.
fn score<'a>(results: impl Iterator<Item = &'a RuleResult>) -> Option<u8> {
    let (mut earned, mut possible, mut any_fail) = (0.0, 0u32, false);
    for r in results.filter(|r| r.outcome != Outcome::NotApplicable) {
        earned += r.earned;
        possible += r.descriptor().map_or(0, Rule::weight);
        any_fail |= r.outcome == Outcome::Fail;
    }
    if possible == 0 {
        return None;
    }
    if !any_fail {
        return Some(100);
    }
    let pct = (100.0 * earned / f64::from(possible))
        .floor()
        .clamp(0.0, 99.0);
    Some(pct as u8)
}

/// "`<problem>`: a, b, c" (at most ten names, "... and 4 more").
pub(crate) fn problem_of<'a>(rule: &Rule, names: impl IntoIterator<Item = &'a str>) -> Message {
    problem_list(rule, names.into_iter().map(Arg::str).collect())
}

/// "`<problem>`: " followed by a list of arguments (names, or entries with their own words).
pub(crate) fn problem_list(rule: &Rule, items: Vec<Arg>) -> Message {
    Message::plain(text::PROBLEM_LIST)
        .arg("problem", rule.problem)
        .arg("items", Arg::List(items))
}

/// The words of the checklist itself (categories, severities, the shape of a finding).
pub mod text {
    crate::texts! {
        DESIGN { en: "Design", de: "Design", fr: "Design" }
        SECURITY { en: "Security", de: "Sicherheit", fr: "Sécurité" }
        PERFORMANCE { en: "Performance", de: "Performance", fr: "Performance" }
        OPERATIONS { en: "Operations", de: "Betrieb", fr: "Opérations" }
        DX { en: "Developer experience", de: "Developer Experience", fr: "Expérience développeur" }
        HIGH { en: "High", de: "Hoch", fr: "Élevée" }
        MEDIUM { en: "Medium", de: "Mittel", fr: "Moyenne" }
        LOW { en: "Low", de: "Niedrig", fr: "Faible" }
        /// A failing rule: its problem and the services (or entries) concerned.
        PROBLEM_LIST { en: "{problem}: {items}", de: "{problem}: {items}", fr: "{problem} : {items}" }
    }
}

/// The fix of one rule as a single undoable command; `None` when the rule passes, has no fix,
/// or knows no fix for the failing services.
pub fn fix(design: &Design, rule_id: &str) -> Option<Command> {
    let rule = rule(rule_id)?;
    let ctx = Ctx::new(design);
    let v = (rule.check)(&ctx);
    if v.failed == 0 {
        return None;
    }
    batch((rule.fix?)(&ctx, &v.services))
}

/// Every safe fix of every failing rule, as one undoable command. Fixes are computed one after
/// the other on the design as the previous ones left it, because two rules may replace the same
/// field group (e.g. both edit `hardening`). A fix that `edit::apply` refuses is skipped.
pub fn fix_all(design: &Design) -> Option<Command> {
    let mut current = design.clone();
    let mut commands = Vec::new();
    for rule in RULES.iter().filter(|r| r.safe_fix) {
        let Some(fix) = rule.fix else { continue };
        let ctx = Ctx::new(&current);
        let v = (rule.check)(&ctx);
        if v.failed == 0 {
            continue;
        }
        let Some(command) = batch(fix(&ctx, &v.services)) else {
            continue;
        };
        if let Ok(next) = edit::apply(&current, command.clone()) {
            current = next;
            commands.push(command);
        }
    }
    batch(commands)
}

/// One command for a list: nothing, the command itself, or a batch.
fn batch(mut commands: Vec<Command>) -> Option<Command> {
    match commands.len() {
        0 => None,
        1 => commands.pop(),
        _ => Some(Command::Batch { commands }),
    }
}

#[cfg(test)]
mod tests;

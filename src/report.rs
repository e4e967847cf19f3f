//! Machine-readable check reports for pipelines and editors: SARIF 2.1.0 for code scanning
//! (GitHub, GitLab, Azure DevOps annotate the lines it names) and JUnit XML for CI dashboards.
//!
//! Pure functions of a [`rules::Report`](crate::rules::Report) and a [`Locator`] (where each
//! service is defined in the files the person gave); the CLI's `check --format` writes them.
//! Both are deterministic: the same inputs give byte-identical reports (no timestamps, no
//! absolute paths that were not given).
//!
//! Native only: the web app has no pipeline to feed.

mod junit;
mod locate;
mod rule_keys;
mod sarif;

pub use junit::junit;
pub use locate::{Location, Locator};
pub use rule_keys::compose_keys;
pub use sarif::sarif;

use crate::i18n::Lang;
use crate::rules::{Report, Rule, RuleResult};

/// A rule's title as reports show it, in `lang` (`check --lang`): the one place reports read it.
pub fn title(rule: &Rule, lang: Lang) -> &'static str {
    rule.title.get(lang)
}

/// Where one failing result points: one place per service it names (at the compose key the
/// rule is about), or one design-level place when it names none. Empty only without inputs.
pub fn places(result: &RuleResult, locator: &Locator) -> Vec<(Option<String>, Location)> {
    if result.services.is_empty() {
        return locator
            .design_level()
            .map(|l| (None, l))
            .into_iter()
            .collect();
    }
    let keys = compose_keys(result.rule);
    result
        .services
        .iter()
        .filter_map(|s| Some((Some(s.name.to_string()), locator.service(&s.name, keys)?)))
        .collect()
}

/// The score line both formats carry.
pub fn summary(report: &Report) -> String {
    let failed = report.findings().count();
    format!(
        "tierboard score {}/100, {failed} failing rule{}",
        report.score,
        if failed == 1 { "" } else { "s" }
    )
}

//! `tierboard rules [--json] [--lang en|de|fr]`: every checklist rule with its category, severity
//! and source; titles and reasons in the chosen language (ids and sources never change).

use super::check_cmd::{category_column, severity_column};
use super::{to_json, Args, CliError};
use crate::rules::RULES;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct RuleRow {
    id: &'static str,
    category: &'static str,
    severity: &'static str,
    weight: u32,
    title: &'static str,
    why: &'static str,
    source: &'static str,
    /// `safe` (in Fix all), `manual` (fix on request), `none`.
    fix: &'static str,
}

pub fn run(mut args: Args, out: &mut dyn Write) -> Result<(), CliError> {
    let json = args.flag("--json");
    let lang = args.lang()?;
    args.none()?;
    let rows: Vec<RuleRow> = RULES
        .iter()
        .map(|r| RuleRow {
            id: r.id,
            category: r.category.id(),
            severity: r.severity.id(),
            weight: r.weight(),
            title: r.title.get(lang),
            why: r.why.get(lang),
            source: r.source,
            fix: match (r.fix.is_some(), r.safe_fix) {
                (true, true) => "safe",
                (true, false) => "manual",
                _ => "none",
            },
        })
        .collect();
    if json {
        writeln!(out, "{}", to_json(&rows))?;
    } else {
        for (r, rule) in rows.iter().zip(RULES) {
            writeln!(
                out,
                "{:<28} {:<12} {:<6} {}",
                r.id,
                category_column(lang, rule.category),
                severity_column(lang, rule.severity),
                r.title
            )?;
        }
    }
    Ok(())
}

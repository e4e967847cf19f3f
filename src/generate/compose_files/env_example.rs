//! `.env.example`: every variable the compose files use, in sections, each with a comment
//! saying what it is for and its allowed range (seed 004's template). Secrets show
//! `<SET_IN_ENV>`, never a value. `cp .env.example .env` gives a working dev setup once the
//! secrets are filled in.
//!
//! Format (dotenv-linter): upper-case names, `KEY=value` without spaces or quotes, comments on
//! their own lines, no duplicates.
//!
//! The comments are in the design's documentation language (`texts`); names and values never
//! change with it.

pub mod texts;

use super::plan::{ComposePlan, Section};
use crate::model::interpolation;
use crate::model::strings::StringSource;
use std::collections::{BTreeMap, BTreeSet};

/// `.env.example` for `plan`; `compose_strings` visits every string of the compose models (the
/// caller's `compose_files::each_string`), where variables the plan does not know are found
/// (from pass-through keys or design text such as `${HOME}`); `values` are the design's values
/// for them (an imported project's `.env`), each listed whether or not a string names it.
pub fn text(
    plan: &ComposePlan,
    compose_strings: &StringSource,
    values: &BTreeMap<String, String>,
) -> String {
    let lang = plan.design.settings.docs_lang;
    let mut out = texts::HEADER.fill(lang, &[("project", &plan.project)]);
    out.push('\n');
    let mut current = None;
    for v in &plan.variables {
        if current != Some(v.section) {
            current = Some(v.section);
            out.push_str(&format!("\n# --- {} ---\n", heading(v.section).get(lang)));
        }
        out.push_str(&format!(
            "# {}\n{}={}\n",
            one_line(&v.comment),
            v.name,
            v.example
        ));
    }
    let known: BTreeSet<&str> =
        crate::sorting::btree_set(plan.variables.iter().map(|v| v.name.as_str()));
    let mut others: BTreeMap<String, Need> = BTreeMap::new();
    compose_strings(&mut |s| {
        for (name, need) in used(s, values) {
            if !known.contains(name.as_str()) {
                let strongest = others.entry(name).or_insert(need);
                *strongest = (*strongest).max(need);
            }
        }
    });
    // The design's own values are the project's even where no compose text names them (an
    // imported port's container variable, which the app reads from its environment).
    for name in values.keys() {
        if !known.contains(name.as_str()) {
            others.entry(name.clone()).or_insert(Need::Valued);
        }
    }
    if !others.is_empty() {
        out.push_str(&format!(
            "\n# --- {} ---\n",
            texts::SECTION_OTHERS.get(lang)
        ));
        for (name, need) in others {
            let given = values
                .get(&name)
                .filter(|v| !v.is_empty() && v.chars().all(plain_char));
            let (comment, value) = match (given, need) {
                (Some(v), _) => (texts::IMPORTED_VALUE, v.as_str()),
                (None, Need::Required) => (texts::REQUIRED_VAR, "<SET_IN_ENV>"),
                (None, _) => (texts::OTHER_VAR, ""),
            };
            out.push_str(&format!("# {}\n{name}={value}\n", comment.get(lang)));
        }
    }
    out
}

/// How much a compose text needs a variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Need {
    /// It has a default; listed because the design has a value for it.
    Valued,
    /// Unset means empty (`${X}`, `$X`).
    Value,
    /// `${X:?err}`: compose refuses an unset or empty value.
    Required,
}

/// Variables of `text` to list: those needing a value, and those the design has a value for.
/// A name met several times keeps its strongest need (callers fold with a map: the last wins,
/// so the needs are sorted weakest first; across strings `text` keeps the strongest).
fn used(text: &str, values: &BTreeMap<String, String>) -> Vec<(String, Need)> {
    let mut out: Vec<(String, Need)> = interpolation::references(text)
        .into_iter()
        .filter(|r| r.valid_name() && !r.name.bytes().any(|b| b.is_ascii_lowercase()))
        .filter_map(|r| {
            let need = if r.needs_value() {
                if r.operator == Some((interpolation::Operator::Required, true)) {
                    Need::Required
                } else {
                    Need::Value
                }
            } else if values.contains_key(r.name) {
                Need::Valued
            } else {
                return None;
            };
            Some((r.name.to_string(), need))
        })
        .collect();
    crate::sorting::sort_by(&mut out, |a, b| a.1.cmp(&b.1));
    out
}

/// Characters dotenv-linter accepts in an unquoted value (no spaces, quotes, `$` or `#`).
fn plain_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '"' | '\'' | '$' | '#' | '\\' | '`')
}

fn heading(section: Section) -> crate::i18n::Text {
    match section {
        Section::Images => texts::SECTION_IMAGES,
        Section::Ports => texts::SECTION_PORTS,
        Section::DebugPorts => texts::SECTION_DEBUG_PORTS,
        Section::Secrets => texts::SECTION_SECRETS,
    }
}

/// Comments come from service names and numbers, but a line break must never end a comment early.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, values: &BTreeMap<String, String>) -> Vec<(String, Need)> {
        crate::sorting::btree_map(used(text, values))
            .into_iter()
            .collect()
    }

    #[test]
    fn variables_without_defaults_are_found() {
        let text =
            "a: ${A}\nb: ${B:-1}\nc: $C and $$D and $${E}\nd: ${F:?set F}\ne: ${G-x} ${lower} ${H?e}\n";
        let found = names(text, &BTreeMap::new());
        assert_eq!(
            found,
            [
                ("A".into(), Need::Value),
                ("C".into(), Need::Value),
                ("F".into(), Need::Required),
                ("H".into(), Need::Value)
            ]
        );
    }

    #[test]
    fn underscore_names_need_a_value_and_alternatives_do_not() {
        let found = names(
            "${_APP_DOMAIN} $_APP_KEY ${TLS:+on} ${X:-${_Y}}",
            &BTreeMap::new(),
        );
        let found: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(found, ["_APP_DOMAIN", "_APP_KEY", "_Y"]);
    }

    #[test]
    fn a_required_mention_wins_over_a_plain_one() {
        let found = names("${A} ${A:?set A} ${A}", &BTreeMap::new());
        assert_eq!(found, [("A".into(), Need::Required)]);
    }

    #[test]
    fn imported_values_fill_the_example() {
        let values = crate::sorting::btree_map([
            ("MEDIA".to_string(), "/srv/media".to_string()),
            ("RETRIES".to_string(), "5".to_string()),
            ("SPACED".to_string(), "two words".to_string()),
        ]);
        let design = crate::model::Design::new("p");
        let plan = ComposePlan::new(&design, "VERSION");
        let strings = [
            "${MEDIA}:/media",
            "${RETRIES:-3}",
            "${SPACED}",
            "${DOMAIN:?set it}",
            "${DOMAIN}",
        ];
        let text = text(
            &plan,
            &|visit| strings.iter().for_each(|s| visit(s)),
            &values,
        );
        assert!(text.contains("\nMEDIA=/srv/media\n"), "{text}");
        assert!(text.contains("\nRETRIES=5\n"), "{text}");
        assert!(text.contains("\nSPACED=\n"), "{text}");
        assert!(text.contains("\nDOMAIN=<SET_IN_ENV>\n"), "{text}");
    }
}

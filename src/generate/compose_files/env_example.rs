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

use super::plan::{Plan, Section};
use crate::model::interpolation;
use std::collections::BTreeSet;

/// `.env.example` for `plan`; `compose_texts` are the generated compose files, scanned for
/// variables the plan does not know (from pass-through keys or design text such as `${HOME}`).
pub fn text(plan: &Plan, compose_texts: &[&str]) -> String {
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
    let others: BTreeSet<String> = crate::sorting::btree_set(
        compose_texts
            .iter()
            .flat_map(|t| undefaulted(t))
            .filter(|n| !known.contains(n.as_str())),
    );
    if !others.is_empty() {
        out.push_str(&format!(
            "\n# --- {} ---\n",
            texts::SECTION_OTHERS.get(lang)
        ));
        for name in others {
            out.push_str(&format!("# {}\n{name}=\n", texts::OTHER_VAR.get(lang)));
        }
    }
    out
}

/// Names of variables a compose text needs set (`model::interpolation::VarRef::needs_value`:
/// `$X`, `${X}`, `${X:?e}`; a default or an alternative makes a value optional). Lower-case
/// names are left out: dotenv-linter refuses them in `.env.example`.
pub fn undefaulted(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in interpolation::references(text) {
        if r.needs_value() && !r.name.bytes().any(|b| b.is_ascii_lowercase()) {
            out.insert(r.name.to_string());
        }
    }
    out
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

    #[test]
    fn variables_without_defaults_are_found() {
        let text =
            "a: ${A}\nb: ${B:-1}\nc: $C and $$D and $${E}\nd: ${F:?set F}\ne: ${G-x} ${lower}\n";
        let found: Vec<String> = undefaulted(text).into_iter().collect();
        assert_eq!(found, ["A", "C", "F"]);
    }

    #[test]
    fn underscore_names_need_a_value_and_alternatives_do_not() {
        let found: Vec<String> = undefaulted("${_APP_DOMAIN} $_APP_KEY ${TLS:+on} ${X:-${_Y}}")
            .into_iter()
            .collect();
        assert_eq!(found, ["_APP_DOMAIN", "_APP_KEY", "_Y"]);
    }
}

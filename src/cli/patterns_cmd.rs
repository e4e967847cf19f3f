//! `tierboard patterns [--json] [--lang en|de|fr]`: the pattern starters, named and described in
//! the chosen language (ids never change).

use super::{to_json, Args, CliError};
use crate::catalog::PATTERNS;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct PatternRow<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
}

pub fn run(mut args: Args, out: &mut dyn Write) -> Result<(), CliError> {
    let json = args.flag("--json");
    let lang = args.lang()?;
    args.none()?;
    let rows: Vec<PatternRow> = PATTERNS
        .iter()
        .map(|p| PatternRow {
            id: p.id,
            name: p.name.get(lang),
            description: crate::catalog::pattern_description(p.id).map_or("", |d| d.get(lang)),
        })
        .collect();
    if json {
        writeln!(out, "{}", to_json(&rows))?;
    } else {
        for r in &rows {
            writeln!(out, "{:<16} {}", r.id, r.name)?;
        }
    }
    Ok(())
}

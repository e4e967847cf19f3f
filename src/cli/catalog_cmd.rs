//! `tierboard catalog [--json] [--lang en|de|fr]`: the service kinds, with their names in the
//! chosen language (product names read the same in every language; ids never change).

use super::{to_json, Args, CliError};
use crate::catalog::{KindSource, KINDS};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct KindRow<'a> {
    id: &'a str,
    name: &'a str,
    tier: &'a str,
    category: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    build: Option<&'a str>,
}

pub fn run(mut args: Args, out: &mut dyn Write) -> Result<(), CliError> {
    let json = args.flag("--json");
    let lang = args.lang()?;
    args.none()?;
    let rows: Vec<KindRow> = KINDS
        .iter()
        .map(|k| {
            let (image, build) = match k.source {
                KindSource::Image { name, tag } => (Some(format!("{name}:{tag}")), None),
                KindSource::Build { language } => (None, Some(language.id())),
            };
            KindRow {
                id: k.id,
                name: k.display_name(lang),
                tier: k.tier.id(),
                category: k.category.id(),
                image,
                build,
            }
        })
        .collect();
    if json {
        writeln!(out, "{}", to_json(&rows))?;
    } else {
        for r in &rows {
            let source = r
                .image
                .clone()
                .unwrap_or_else(|| format!("build: {}", r.build.unwrap_or("")));
            writeln!(out, "{:<20} {:<24} {:<9} {}", r.id, r.name, r.tier, source)?;
        }
    }
    Ok(())
}

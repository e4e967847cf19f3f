//! `tierboard catalog [--json] [--lang en|de|fr]`: the service kinds, with their names in the
//! chosen language (product names read the same in every language; ids never change). With
//! `--json` each kind lists its `aliases`: the images an import recognises as that kind, with
//! their family ("Redis-compatible") and the healthcheck they need instead of the kind's; the
//! generic `custom` row lists the images recognised as kinds the catalog lacks, by category.

use super::{to_json, Args, CliError};
use crate::catalog::aliases::{aliases_of, ALIASES};
use crate::catalog::{kind, Alias, KindSource, KINDS};
use crate::i18n::Lang;
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<AliasRow>,
}

/// One alias row as `catalog --json` lists it.
#[derive(Serialize)]
struct AliasRow {
    images: &'static [&'static str],
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<&'static str>,
    /// For the `custom` row: the kind the catalog lacks, and where it lands.
    #[serde(skip_serializing_if = "Option::is_none")]
    recognised_as: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'static str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    healthcheck: &'static [&'static str],
}

fn alias_row(a: &Alias, lang: Lang, uncatalogued: bool) -> AliasRow {
    AliasRow {
        images: a.images,
        family: a.family.map(|f| f.get(lang)),
        recognised_as: uncatalogued.then_some(a.kind),
        category: uncatalogued.then_some(a.category.id()),
        healthcheck: a.healthcheck,
    }
}

/// The alias rows listed under kind `id`.
fn aliases_for(id: &str, lang: Lang) -> Vec<AliasRow> {
    if id == crate::import::GENERIC_KIND {
        return ALIASES
            .iter()
            .filter(|a| kind(a.kind).is_none())
            .map(|a| alias_row(a, lang, true))
            .collect();
    }
    aliases_of(id).map(|a| alias_row(a, lang, false)).collect()
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
                aliases: aliases_for(k.id, lang),
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

//! `tierboard diagram DESIGN.json [--format svg|mermaid] [--theme light|dark] [--width W
//! --height H] [--out FILE]`: the board as an SVG (laid out for a W×H view, 1600×900 by
//! default, carrying the design so that `tierboard open` and the web app read it back) or as
//! Mermaid flowchart text. Writes to FILE, or to standard output.

use super::{read_design, Args, CliError};
use crate::diagram::{layout, View};
use crate::export::{mermaid::mermaid, svg::svg, Theme, DEFAULT_VIEW};
use std::io::{Read, Write};

/// Sizes accepted for `--width` and `--height` (pixels).
const SIZES: std::ops::RangeInclusive<i32> = 200..=20_000;

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let format = args.option("--format")?.unwrap_or("svg");
    let theme = match args.option("--theme")? {
        None => Theme::Light,
        Some(t) => Theme::parse(t)
            .ok_or_else(|| CliError::input(format!("--theme: {t:?} is not light or dark")))?,
    };
    let width = size(&mut args, "--width", DEFAULT_VIEW.width)?;
    let height = size(&mut args, "--height", DEFAULT_VIEW.height)?;
    let target = args.option("--out")?;
    let path = args.one("DESIGN.json")?;
    let design = read_design(path, stdin)?;
    let text = match format {
        "svg" => svg(&design, &layout(&design, View { width, height }), theme),
        "mermaid" => mermaid(&design),
        other => {
            return Err(CliError::input(format!(
                "--format: {other:?} is not svg or mermaid"
            )))
        }
    };
    match target {
        Some(file) => std::fs::write(file, &text)
            .map_err(|e| CliError::input(format!("cannot write {file}: {e}")))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

fn size(args: &mut Args, name: &str, default: i32) -> Result<i32, CliError> {
    match args.number::<i32>(name)? {
        None => Ok(default),
        Some(v) if SIZES.contains(&v) => Ok(v),
        Some(v) => Err(CliError::input(format!(
            "{name}: {v} is outside {}..={}",
            SIZES.start(),
            SIZES.end()
        ))),
    }
}

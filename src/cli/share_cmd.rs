//! `tierboard share DESIGN.json [--url PAGE] [--qr]`: the design's share link.
//!
//! Prints the fragment `#d=1.…` (append it to the page's URL), the full link with `--url`, or
//! with `--qr` the QR code of that text as SVG.

use super::{read_design, Args, CliError};
use crate::share;
use std::io::{Read, Write};

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let url = args.option("--url")?;
    let qr = args.flag("--qr");
    let path = args.one("DESIGN.json")?;
    let design = read_design(path, stdin)?;
    let text = match url {
        Some(page) => share::link(page, &design),
        None => share::encode(&design),
    };
    if qr {
        let svg = share::qr_svg(&text).map_err(|e| CliError::input(e.to_string()))?;
        write!(out, "{svg}")?;
    } else {
        writeln!(out, "{text}")?;
    }
    Ok(())
}

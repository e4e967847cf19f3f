//! `tierboard open LINK|FILE`: the design JSON that a share link, a design file or an SVG
//! exported by Tierboard carries.
//!
//! The argument is a file when one exists at that path (or it ends in `.svg` or `.json`), else a
//! link (a full URL, `#d=1.…` or `d=1.…`); `-` reads either from standard input (links are long,
//! and shells treat `#` and `&` specially). Everything goes through `share::open`, the reader the
//! web app uses, so a bad input exits 2 with the same one-line message the app's banner shows.

use super::{read_input, Args, CliError};
use crate::share;
use std::io::{Read, Write};
use std::path::Path;

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let lang = args.lang()?;
    let arg = args.one("LINK_OR_FILE")?;
    let lower = arg.to_ascii_lowercase();
    let is_file = arg == "-"
        || Path::new(arg).is_file()
        || lower.ends_with(".svg")
        || lower.ends_with(".json");
    let text = if is_file {
        read_input(arg, stdin)?
    } else {
        arg.to_string()
    };
    let design = share::open(&text).map_err(|e| CliError::input(e.message(lang)))?;
    write!(out, "{}", share::to_file(&design))?;
    Ok(())
}

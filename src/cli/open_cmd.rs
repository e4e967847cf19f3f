//! `tierboard open LINK_OR_FRAGMENT`: the design JSON a share link carries.
//!
//! Accepts a full URL, `#d=1.…` or `d=1.…`; `-` reads the link from standard input (links are
//! long, and shells treat `#` and `&` specially). A bad link exits 2 with the same one-line
//! message the app's banner shows.

use super::{read_input, Args, CliError};
use crate::share;
use std::io::{Read, Write};

pub fn run(args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let arg = args.one("LINK_OR_FRAGMENT")?;
    let text = if arg == "-" {
        read_input("-", stdin)?
    } else {
        arg.to_string()
    };
    let design = share::decode(&text).map_err(|e| CliError::input(e.to_string()))?;
    write!(out, "{}", share::to_file(&design))?;
    Ok(())
}

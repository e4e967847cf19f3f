//! `tierboard new PATTERN_ID`: a pattern's design JSON (`blank` gives an empty board).

use super::{Args, CliError};
use crate::catalog::{instantiate, pattern, PATTERNS};
use crate::model::Design;
use std::io::Write;

pub fn run(args: Args, out: &mut dyn Write) -> Result<(), CliError> {
    let id = args.one("PATTERN_ID")?;
    let design = if id == "blank" {
        Design::new("blank")
    } else {
        let p = pattern(id).ok_or_else(|| {
            let known: Vec<&str> = PATTERNS.iter().map(|p| p.id).collect();
            CliError::input(format!(
                "unknown pattern {id:?}; known: blank, {}",
                known.join(", ")
            ))
        })?;
        instantiate(p)
    };
    writeln!(out, "{}", design.to_json())?;
    Ok(())
}

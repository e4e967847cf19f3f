//! `tierboard validate DESIGN.json`: parse and check a design file.

use super::{read_input, Args, CliError};
use crate::model::{validate, Design};
use std::io::{Read, Write};

pub fn run(args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let path = args.one("DESIGN.json")?;
    let text = read_input(path, stdin)?;
    let design = Design::from_json(&text).map_err(|e| CliError::input(format!("{path}: {e}")))?;
    let problems = validate(&design);
    if problems.is_empty() {
        writeln!(
            out,
            "{path}: valid ({} services, {} links)",
            design.services.len(),
            design.links.len()
        )?;
        return Ok(());
    }
    let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    Err(CliError::input(format!(
        "{path}: {} problem(s): {}",
        list.len(),
        list.join("; ")
    )))
}

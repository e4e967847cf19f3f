//! `tierboard fix DESIGN.json [--rule ID[,ID...]]`: the checklist's one-click fixes, scriptable.
//! Without `--rule` it applies what the app's "Fix all" button applies (every safe fix, in one
//! step); with it, the fixes of the named rules (safe or not), in the order given. Prints the
//! fixed design JSON; rules that already pass, or have no fix, leave the design as it is.

use super::{read_design, Args, CliError};
use crate::edit;
use crate::model::Design;
use crate::rules;
use std::io::{Read, Write};

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let only = args.option("--rule")?;
    let path = args.one("DESIGN.json")?;
    let mut design = read_design(path, stdin)?;
    match only {
        None => {
            if let Some(command) = rules::fix_all(&design) {
                design = applied(&design, command, "Fix all")?;
            }
        }
        Some(list) => {
            for id in list.split(',').map(str::trim).filter(|id| !id.is_empty()) {
                if rules::rule(id).is_none() {
                    return Err(CliError::input(format!(
                        "unknown rule {id:?}; `tierboard rules` lists them"
                    )));
                }
                if let Some(command) = rules::fix(&design, id) {
                    design = applied(&design, command, id)?;
                }
            }
        }
    }
    writeln!(out, "{}", design.to_json())?;
    Ok(())
}

/// A fix the editor refuses would be a bug in the rule; it is reported, never half-applied.
fn applied(design: &Design, command: edit::Command, what: &str) -> Result<Design, CliError> {
    edit::apply(design, command)
        .map_err(|e| CliError::input(format!("the fix {what} was refused: {e}")))
}

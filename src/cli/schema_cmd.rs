//! `tierboard schema`: the JSON Schema of design files, as committed in
//! `schema/tierboard.schema.json` (editors find it through the `$schema` every design file names).

use super::{Args, CliError};
use crate::model::json_schema;
use std::io::Write;

pub fn run(args: Args, out: &mut dyn Write) -> Result<(), CliError> {
    args.none()?;
    write!(out, "{}", json_schema())?;
    Ok(())
}

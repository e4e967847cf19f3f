//! `tierboard validate DESIGN.json [--lang en|de|fr]`: parse and check a design file. The verdict
//! and the problems follow `--lang`.

use super::{read_input, Args, CliError};
use crate::i18n::Message;
use crate::model::{validate, Design};
use std::io::{Read, Write};

crate::texts! {
    VALID {
        en: "{path}: valid ({services} services, {links} links)",
        de: "{path}: gültig ({services} Services, {links} Verbindungen)",
        fr: "{path} : valide ({services} services, {links} liens)",
    }
    PROBLEMS {
        en: "{path}: {n} problem(s): {problems}",
        de: "{path}: {n} Problem(e): {problems}",
        fr: "{path} : {n} problème(s) : {problems}",
    }
}

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let lang = args.lang()?;
    let path = args.one("DESIGN.json")?;
    let text = read_input(path, stdin)?;
    let design = Design::from_json(&text).map_err(|e| CliError::input(format!("{path}: {e}")))?;
    let problems = validate(&design);
    if problems.is_empty() {
        let valid = Message::plain(VALID)
            .arg("path", path)
            .arg("services", design.services.len())
            .arg("links", design.links.len());
        writeln!(out, "{}", valid.render(lang))?;
        return Ok(());
    }
    let list: Vec<String> = problems.iter().map(|p| p.render(lang)).collect();
    let problems = Message::plain(PROBLEMS)
        .arg("path", path)
        .arg("n", list.len())
        .arg("problems", list.join("; "));
    Err(CliError::input(problems.render(lang)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}

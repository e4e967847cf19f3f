//! The command-line interface: parses arguments, reads files, prints results. A thin shell over
//! the core; `src/bin/tierboard.rs` only forwards `std::env::args` here and sets the exit code.
//!
//! Exit codes: 0 success, 1 a gate failed (e.g. `check --min-score`), 2 bad input or usage.
//! Errors are one line on stderr; nothing here panics on input (output goes through `Write`, so
//! a closed pipe is an error, not a panic).

mod args;
mod catalog_cmd;
mod check_cmd;
mod diagram_cmd;
mod fix_cmd;
mod generate_cmd;
mod import_cmd;
mod new_cmd;
mod open_cmd;
mod patterns_cmd;
mod plan_cmd;
mod rules_cmd;
mod schema_cmd;
mod share_cmd;
mod validate_cmd;

pub use args::{parse_lang, Args};

use std::fmt;
use std::io::{Read, Write};

/// A failed command: the process exit code and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub code: i32,
    pub message: String,
}

impl CliError {
    /// Bad input or usage (exit 2).
    pub fn input(message: impl Into<String>) -> Self {
        CliError {
            code: 2,
            message: message.into(),
        }
    }
    /// A gate that did not pass (exit 1).
    pub fn gate(message: impl Into<String>) -> Self {
        CliError {
            code: 1,
            message: message.into(),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError {
            code: 2,
            message: format!("cannot write output: {e}"),
        }
    }
}

pub const USAGE: &str = "\
tierboard — design a containerised system, take home a production-ready project

usage: tierboard <command> [arguments]

commands:
  catalog [--json]                 list the service kinds
  patterns [--json]                list the pattern starters
  new PATTERN_ID                   print a pattern's design JSON
  validate DESIGN.json             check a design file (- reads stdin)
  check DESIGN.json|COMPOSE.yml... [--format text|json|sarif|junit] [--min-score N]
        [--each]
                                   checklist score and failing items; exit 1 below N
                                   (--json = --format json; SARIF for code scanning;
                                   --each: every file on its own, as pre-commit passes them)
  rules [--json]                   list the checklist rules
  fix DESIGN.json [--rule ID,...]  apply the checklist's fixes (default: Fix all) and
                                   print the fixed design JSON
  import FILE... [--json-notices]  compose files (base, then overrides) → design JSON;
                                   notices (kept verbatim, inferred) on stderr
  plan DESIGN.json [--json] [--node-cpus C --node-memory-mb M] [--budget-cpus C
       --budget-memory-mb M --budget-disk-gb G] [--profiles a,b] [--pack-on limits] [--strict]
                                   resource totals, budget headroom, node packing
  share DESIGN.json [--url PAGE] [--view] [--qr]
                                   print the share link fragment #d=1.… (--view: the
                                   read-only view link #v=1.…; --qr: as SVG)
  open LINK|FILE [--lang en|de|fr]
                                   print the design JSON a share link, a design file or an
                                   exported SVG carries (- reads stdin)
  diagram DESIGN.json [--format svg|mermaid] [--theme light|dark] [--width W --height H]
          [--out FILE]             the board as SVG (carries the design) or Mermaid text
  generate DESIGN.json|COMPOSE.yml... --out DIR [--zip FILE] [--force] [--lang en|de|fr]
                                   write the generated project (and/or a zip); docs in
                                   --lang, else the design's docs_lang (compose: LANG)
  schema                           the JSON Schema of design files (the `$schema` they name)
  help                             this text

--lang en|de|fr on catalog, patterns, validate, check, rules, import, plan and open sets the language of the
words (default: LC_ALL, LC_MESSAGES, LANG; then English); ids, keys and JSON shapes never change.

exit codes: 0 ok, 1 a gate failed, 2 bad input or usage";

/// Run one CLI invocation. `args` excludes the program name.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let Some((command, rest)) = args.split_first() else {
        let lang = Args::new(args).error_lang();
        return Err(CliError::input(NO_COMMAND.get(lang)));
    };
    let rest = Args::new(rest);
    let lang = rest.error_lang();
    match command.as_str() {
        "catalog" => catalog_cmd::run(rest, out),
        "patterns" => patterns_cmd::run(rest, out),
        "new" => new_cmd::run(rest, out),
        "validate" => validate_cmd::run(rest, stdin, out),
        "check" => check_cmd::run(rest, stdin, out),
        "rules" => rules_cmd::run(rest, out),
        "fix" => fix_cmd::run(rest, stdin, out),
        "import" => import_cmd::run(rest, stdin, out),
        "plan" => plan_cmd::run(rest, stdin, out),
        "share" => share_cmd::run(rest, stdin, out),
        "schema" => schema_cmd::run(rest, out),
        "open" => open_cmd::run(rest, stdin, out),
        "diagram" => diagram_cmd::run(rest, stdin, out),
        "generate" => generate_cmd::run(rest, stdin, out),
        "help" | "--help" | "-h" => Ok(writeln!(out, "{USAGE}")?),
        other => Err(CliError::input(
            crate::i18n::Message::plain(UNKNOWN_COMMAND)
                .arg("command", format!("{other:?}"))
                .render(lang),
        )),
    }
}

crate::texts! {
    NO_COMMAND {
        en: "a command is needed; run `tierboard help`",
        de: "ein Befehl fehlt; `tierboard help` zeigt sie",
        fr: "il manque une commande ; lancez `tierboard help`",
    }
    UNKNOWN_COMMAND {
        en: "unknown command {command}; run `tierboard help`",
        de: "unbekannter Befehl {command}; `tierboard help` zeigt die Befehle",
        fr: "commande inconnue {command} ; lancez `tierboard help`",
    }
}

/// Read a file argument; `-` reads standard input. Files over `share::MAX_FILE` (16 MiB) are
/// refused.
pub fn read_input(path: &str, stdin: &mut dyn Read) -> Result<String, CliError> {
    const MAX: u64 = crate::share::MAX_FILE as u64;
    let mut text = String::new();
    let result = if path == "-" {
        stdin.take(MAX + 1).read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX + 1).read_to_string(&mut text))
    };
    result.map_err(|e| CliError::input(format!("cannot read {path}: {e}")))?;
    if text.len() as u64 > MAX {
        return Err(CliError::input(format!(
            "{path} is larger than {} MiB",
            MAX >> 20
        )));
    }
    Ok(text)
}

/// Read a design file through the one reader of incoming designs (`share::open_file`: format
/// version, caps, validation), as the web app reads links, files and its saved board.
pub fn read_design(path: &str, stdin: &mut dyn Read) -> Result<crate::model::Design, CliError> {
    let text = read_input(path, stdin)?;
    crate::share::open_file(&text).map_err(|e| CliError::input(format!("{path}: {e}")))
}

/// Pretty JSON of any serialisable value (plain data cannot fail to serialise).
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
        crate::i18n::assert_well_formed(super::check_cmd::ALL);
    }
}

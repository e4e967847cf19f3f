//! `tierboard check DESIGN.json|COMPOSE.yml... [--format text|json|sarif|junit] [--min-score N]`:
//! the checklist score of a design, its categories and failing items. With `--min-score` it is a
//! CI gate: exit 1 below N (the report is written first, so a pipeline can upload it either way).
//! `--json` is `--format json`; `--each` checks every file on its own (the pre-commit hook).
//! SARIF and JUnit results are located at the file and line of the
//! input that defines each service (`report::Locator`).

use super::{import_cmd, read_input, to_json, Args, CliError};
use crate::import;
use crate::model::Design;
use crate::report::{self, Locator};
use crate::rules::{self, Report};
use serde::Serialize;
use std::io::{Read, Write};

#[derive(Serialize)]
struct CategoryRow {
    category: &'static str,
    /// `null` when no rule of the category applies.
    score: Option<u8>,
    passed: usize,
    failed: usize,
}

#[derive(Serialize)]
struct FindingRow<'a> {
    rule: &'static str,
    category: &'static str,
    severity: &'static str,
    title: &'static str,
    services: Vec<&'a str>,
    message: &'a str,
    /// `safe` (in Fix all), `manual` (fix on request), `none`.
    fix: &'static str,
}

#[derive(Serialize)]
struct CheckOutput<'a> {
    score: u8,
    categories: Vec<CategoryRow>,
    findings: Vec<FindingRow<'a>>,
}

fn output(report: &Report) -> CheckOutput<'_> {
    CheckOutput {
        score: report.score,
        categories: report
            .categories
            .iter()
            .map(|c| CategoryRow {
                category: c.category.id(),
                score: c.score,
                passed: c.passed,
                failed: c.failed,
            })
            .collect(),
        findings: report
            .findings()
            .map(|r| FindingRow {
                rule: r.rule,
                category: r.category.id(),
                severity: r.severity.id(),
                title: r.descriptor().map_or("", |d| d.title),
                services: r.services.iter().map(|s| &*s.name).collect(),
                message: &r.message,
                fix: if r.safe_fix {
                    "safe"
                } else if r.fixable {
                    "manual"
                } else {
                    "none"
                },
            })
            .collect(),
    }
}

/// The report formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Sarif,
    Junit,
}

impl Format {
    fn parse(value: &str) -> Result<Format, CliError> {
        match value {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            "junit" => Ok(Format::Junit),
            other => Err(CliError::input(format!(
                "--format: {other:?} is not one of text, json, sarif, junit"
            ))),
        }
    }
}

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let json = args.flag("--json");
    let format = match (
        args.option("--format")?.map(Format::parse).transpose()?,
        json,
    ) {
        (Some(f), true) if f != Format::Json => {
            return Err(CliError::input("--json and --format disagree; give one"))
        }
        (Some(f), _) => f,
        (None, true) => Format::Json,
        (None, false) => Format::Text,
    };
    let min_score: Option<u8> = args.number("--min-score")?;
    if min_score.is_some_and(|n| n > 100) {
        return Err(CliError::input("--min-score must be between 0 and 100"));
    }
    let each = args.flag("--each");
    let paths = args.positionals()?;
    if !each || paths.is_empty() {
        return check(&paths, format, min_score, stdin, out);
    }
    if format != Format::Text {
        return Err(CliError::input("--each writes text reports only"));
    }
    // Each file on its own (pre-commit passes every matching file at once, and unrelated files
    // must not be merged as overrides): all are checked, the worst outcome is the exit code.
    let mut failures: Vec<CliError> = Vec::new();
    for path in &paths {
        writeln!(out, "{path}:")?;
        if let Err(e) = check(&[path], format, min_score, stdin, out) {
            failures.push(e);
        }
    }
    match failures.iter().map(|e| e.code).max() {
        None => Ok(()),
        Some(code) => Err(CliError {
            code,
            message: failures
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        }),
    }
}

/// One check of `paths` (one design file, or compose files merged in order).
fn check(
    paths: &[&str],
    format: Format,
    min_score: Option<u8>,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (design, locator) = read_design_or_compose(paths, stdin)?;
    let report = rules::check(&design);
    let o = output(&report);
    if format == Format::Sarif {
        write!(out, "{}", report::sarif(&report, &locator))?;
    } else if format == Format::Junit {
        write!(out, "{}", report::junit(&report, &locator))?;
    } else if format == Format::Json {
        writeln!(out, "{}", to_json(&o))?;
    } else {
        writeln!(out, "score {}/100", o.score)?;
        for c in &o.categories {
            let score = c
                .score
                .map_or_else(|| "  -".to_string(), |s| format!("{s:>3}"));
            writeln!(
                out,
                "  {:<12} {score}  ({} passed, {} failed)",
                c.category, c.passed, c.failed
            )?;
        }
        if !o.findings.is_empty() {
            writeln!(out, "failing:")?;
        }
        for f in &o.findings {
            let fix = if f.fix == "none" {
                String::new()
            } else {
                format!(" [fix: {}]", f.fix)
            };
            writeln!(
                out,
                "  {:<6} {:<12} {}: {}{fix}",
                f.severity, f.category, f.rule, f.message
            )?;
        }
    }
    match min_score {
        Some(min) if report.score < min => Err(CliError::gate(format!(
            "{}: score {} is below the minimum {min}",
            paths.join(" + "),
            report.score
        ))),
        _ => Ok(()),
    }
}

/// A design file, or compose files (a base plus overrides) imported first, so that teams can
/// gate CI on an existing stack: `.yml`/`.yaml` names and YAML text that looks like compose go
/// through the importer; anything else must be a design file. The locator knows where each
/// service is defined in those files.
fn read_design_or_compose(
    paths: &[&str],
    stdin: &mut dyn Read,
) -> Result<(Design, Locator), CliError> {
    let is_yaml = |p: &&str| p.ends_with(".yml") || p.ends_with(".yaml");
    match paths {
        [] => Err(CliError::input(
            "DESIGN.json (or a compose file) is missing",
        )),
        [path] if !is_yaml(path) => {
            let text = read_input(path, stdin)?;
            if import::looks_like_compose(&text) {
                let files = [(path.to_string(), text)];
                let imported =
                    import::compose(&files).map_err(|e| CliError::input(format!("{path}: {e}")))?;
                return Ok((imported.design, Locator::compose(&files)));
            }
            let design = crate::share::open_file(&text)
                .map_err(|e| CliError::input(format!("{path}: {e}")))?;
            Ok((design, Locator::design(path, &text)))
        }
        _ if paths.iter().all(is_yaml) => {
            let (imported, files) = import_cmd::import_files_with_texts(paths, stdin)?;
            Ok((imported.design, Locator::compose(&files)))
        }
        _ => Err(CliError::input(
            "give one design file, or one or more compose files (.yml/.yaml)",
        )),
    }
}

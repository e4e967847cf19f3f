//! `tierboard check DESIGN.json|COMPOSE.yml... [--format text|json|sarif|junit] [--min-score N]
//! [--lang en|de|fr]`: the checklist score of a design, its categories and failing items. With
//! `--min-score` it is a CI gate: exit 1 below N (the report is written first, so a pipeline can
//! upload it either way). `--json` is `--format json`; `--each` checks every file on its own (the
//! pre-commit hook). SARIF and JUnit results are located at the file and line of the input that
//! defines each service (`report::Locator`).
//!
//! The words follow `--lang` (default: the locale); ids, keys and the JSON shape never do. In
//! English the category and severity columns print the ids scripts already read, and a finding
//! is named by its rule id, which reads as its title; in German and French the columns print the
//! translated names and the rule's title follows its id, since the id is English.

use super::{import_cmd, read_input, to_json, Args, CliError};
use crate::i18n::{Lang, Message};
use crate::import;
use crate::model::Design;
use crate::report::{self, Locator};
use crate::rules::{self, Category, Report, Severity};
use serde::Serialize;
use std::io::{Read, Write};

crate::texts! {
    SCORE { en: "score {score}/100", de: "Punktzahl {score}/100", fr: "score {score}/100" }
    CATEGORY_COUNTS {
        en: "({passed} passed, {failed} failed)",
        de: "({passed} bestanden, {failed} nicht bestanden)",
        fr: "({passed} réussis, {failed} en échec)",
    }
    FAILING { en: "failing:", de: "nicht bestanden:", fr: "en échec :" }
    /// A failing item named by its rule id (English, where the id reads as the title).
    FINDING_BY_ID { en: "{rule}: {message}", de: "{rule}: {message}", fr: "{rule} : {message}" }
    /// A failing item named by its rule id and title (German and French).
    FINDING_WITH_TITLE {
        en: "{rule} ({title}): {message}",
        de: "{rule} ({title}): {message}",
        fr: "{rule} ({title}) : {message}",
    }
    FIX_SAFE { en: " [fix: safe]", de: " [Fix: sicher]", fr: " [correctif : sûr]" }
    FIX_MANUAL { en: " [fix: manual]", de: " [Fix: manuell]", fr: " [correctif : manuel]" }
    MIN_SCORE_RANGE {
        en: "--min-score must be between 0 and 100",
        de: "--min-score muss zwischen 0 und 100 liegen",
        fr: "--min-score doit être compris entre 0 et 100",
    }
    DESIGN_MISSING {
        en: "DESIGN.json (or a compose file) is missing",
        de: "DESIGN.json (oder eine Compose-Datei) fehlt",
        fr: "DESIGN.json (ou un fichier Compose) manquant",
    }
    ONE_DESIGN_OR_COMPOSE {
        en: "give one design file, or one or more compose files (.yml/.yaml)",
        de: "eine Design-Datei angeben oder eine bzw. mehrere Compose-Dateien (.yml/.yaml)",
        fr: "donnez un fichier de design, ou un ou plusieurs fichiers Compose (.yml/.yaml)",
    }
    BELOW_MINIMUM {
        en: "{paths}: score {score} is below the minimum {min}",
        de: "{paths}: Punktzahl {score} liegt unter dem Minimum {min}",
        fr: "{paths} : le score {score} est inférieur au minimum {min}",
    }
}

/// A category column: the id in English (what scripts read), the name otherwise.
pub(crate) fn category_column(lang: Lang, c: Category) -> &'static str {
    match lang {
        Lang::En => c.id(),
        _ => c.label(lang),
    }
}

/// A severity column: the id in English, the name otherwise.
pub(crate) fn severity_column(lang: Lang, s: Severity) -> &'static str {
    match lang {
        Lang::En => s.id(),
        _ => s.label(lang),
    }
}

#[derive(Serialize)]
struct CategoryRow {
    #[serde(skip)]
    of: Category,
    category: &'static str,
    /// `null` when no rule of the category applies.
    score: Option<u8>,
    passed: usize,
    failed: usize,
}

#[derive(Serialize)]
struct FindingRow<'a> {
    #[serde(skip)]
    of: (Category, Severity),
    rule: &'static str,
    category: &'static str,
    severity: &'static str,
    title: &'static str,
    services: Vec<&'a str>,
    message: String,
    /// `safe` (in Fix all), `manual` (fix on request), `none`.
    fix: &'static str,
}

#[derive(Serialize)]
struct CheckOutput<'a> {
    score: u8,
    categories: Vec<CategoryRow>,
    findings: Vec<FindingRow<'a>>,
}

fn output(report: &Report, lang: Lang) -> CheckOutput<'_> {
    CheckOutput {
        score: report.score,
        categories: report
            .categories
            .iter()
            .map(|c| CategoryRow {
                of: c.category,
                category: c.category.id(),
                score: c.score,
                passed: c.passed,
                failed: c.failed,
            })
            .collect(),
        findings: report
            .findings()
            .map(|r| FindingRow {
                of: (r.category, r.severity),
                rule: r.rule,
                category: r.category.id(),
                severity: r.severity.id(),
                title: r.descriptor().map_or("", |d| d.title.get(lang)),
                services: r.services.iter().map(|s| &*s.name).collect(),
                message: r.message(lang),
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
    let lang = args.lang()?;
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
        return Err(CliError::input(MIN_SCORE_RANGE.get(lang)));
    }
    let each = args.flag("--each");
    let paths = args.positionals()?;
    if !each || paths.is_empty() {
        return check(&paths, format, min_score, lang, stdin, out);
    }
    if format != Format::Text {
        return Err(CliError::input("--each writes text reports only"));
    }
    // Each file on its own (pre-commit passes every matching file at once, and unrelated files
    // must not be merged as overrides): all are checked, the worst outcome is the exit code.
    let mut failures: Vec<CliError> = Vec::new();
    for path in &paths {
        writeln!(out, "{path}:")?;
        if let Err(e) = check(&[path], format, min_score, lang, stdin, out) {
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
    lang: Lang,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (design, source) = read_design_or_compose(paths, stdin, lang)?;
    let locator = source.locator();
    let report = rules::check(&design);
    let o = output(&report, lang);
    if format == Format::Sarif {
        write!(out, "{}", report::sarif(&report, &locator, lang))?;
    } else if format == Format::Junit {
        write!(out, "{}", report::junit(&report, &locator, lang))?;
    } else if format == Format::Json {
        writeln!(out, "{}", to_json(&o))?;
    } else {
        let score = Message::plain(SCORE).arg("score", u32::from(o.score));
        writeln!(out, "{}", score.render(lang))?;
        for c in &o.categories {
            let score = c
                .score
                .map_or_else(|| "  -".to_string(), |s| format!("{s:>3}"));
            let counts = Message::plain(CATEGORY_COUNTS)
                .arg("passed", c.passed)
                .arg("failed", c.failed);
            writeln!(
                out,
                "  {:<12} {score}  {}",
                category_column(lang, c.of),
                counts.render(lang)
            )?;
        }
        if !o.findings.is_empty() {
            writeln!(out, "{}", FAILING.get(lang))?;
        }
        for f in &o.findings {
            let fix = match f.fix {
                "safe" => FIX_SAFE.get(lang),
                "manual" => FIX_MANUAL.get(lang),
                _ => "",
            };
            let finding = match lang {
                Lang::En => FINDING_BY_ID,
                Lang::De | Lang::Fr => FINDING_WITH_TITLE,
            };
            let finding = Message::plain(finding)
                .arg("rule", f.rule)
                .arg("title", f.title)
                .arg("message", f.message.as_str());
            writeln!(
                out,
                "  {:<6} {:<12} {}{fix}",
                severity_column(lang, f.of.1),
                category_column(lang, f.of.0),
                finding.render(lang)
            )?;
        }
    }
    match min_score {
        Some(min) if report.score < min => Err(CliError::gate(
            Message::plain(BELOW_MINIMUM)
                .arg("paths", paths.join(" + "))
                .arg("score", u32::from(report.score))
                .arg("min", u32::from(min))
                .render(lang),
        )),
        _ => Ok(()),
    }
}

/// What [`read_design_or_compose`] read: the compose files (name, text) it imported, or the
/// design file.
pub(super) enum Source {
    Compose(Vec<(String, String)>),
    DesignFile { path: String, text: String },
}

impl Source {
    /// Where each service is defined in what was read (SARIF and JUnit locations).
    fn locator(&self) -> Locator {
        match self {
            Source::Compose(files) => Locator::compose(files),
            Source::DesignFile { path, text } => Locator::design(path, text),
        }
    }
}

/// A design file, or compose files (a base plus overrides) imported first, so that teams can
/// gate CI on an existing stack: `.yml`/`.yaml` names and YAML text that looks like compose go
/// through the importer; anything else must be a design file. `check` and `generate` read their
/// input with it.
pub(super) fn read_design_or_compose(
    paths: &[&str],
    stdin: &mut dyn Read,
    lang: Lang,
) -> Result<(Design, Source), CliError> {
    let is_yaml = |p: &&str| p.ends_with(".yml") || p.ends_with(".yaml");
    match paths {
        [] => Err(CliError::input(DESIGN_MISSING.get(lang))),
        [path] if !is_yaml(path) => {
            let text = read_input(path, stdin)?;
            if import::looks_like_compose(&text) {
                let files = vec![(path.to_string(), text)];
                let imported =
                    import::compose(&files).map_err(|e| CliError::input(format!("{path}: {e}")))?;
                return Ok((imported.design, Source::Compose(files)));
            }
            let design = crate::share::open_file(&text)
                .map_err(|e| CliError::input(format!("{path}: {e}")))?;
            let path = path.to_string();
            Ok((design, Source::DesignFile { path, text }))
        }
        _ if paths.iter().all(is_yaml) => {
            let (imported, files) = import_cmd::import_files_with_texts(paths, stdin)?;
            Ok((imported.design, Source::Compose(files)))
        }
        _ => Err(CliError::input(ONE_DESIGN_OR_COMPOSE.get(lang))),
    }
}

//! `tierboard import FILE... [--json-notices]`: compose files (a base, then overrides, merged in
//! order) → design JSON on stdout; notices (kept verbatim, inferred, ignored) on stderr, as
//! lines or, with `--json-notices`, as one JSON array. Files that `extends:`/`include:` name
//! are read from disk next to the file naming them, transitively; missing ones are left to the
//! importer, which keeps the reference and says so.
//!
//! `tierboard import --docker-run FILE|-`: `docker run` commands (pasted into a file, or a
//! shell script holding them) → design JSON, each unknown or unsupported option a notice.
//!
//! `--lang en|de|fr` (default: the locale) sets the language of the notices (and of their
//! `message` in JSON); the design JSON never depends on it.

use super::{read_input, Args, CliError};
use crate::i18n::Lang;
use crate::import::{self, Imported, Notice};
use serde::Serialize;
use std::io::{Read, Write};

/// At most this many referenced files are read (a guard against include loops on disk).
const MAX_REFERENCED: usize = 64;

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let json_notices = args.flag("--json-notices");
    let lang = args.lang()?;
    let imported = match args.option("--docker-run")? {
        Some(path) => {
            args.none()?;
            let text = read_input(path, stdin)?;
            let mut imported = import::docker_run::import(path, &text)
                .map_err(|e| CliError::input(e.to_string()))?;
            name_after_folder(&mut imported, path);
            imported
        }
        None => import_files(&args.positionals()?, stdin)?,
    };
    writeln!(out, "{}", imported.design.to_json())?;
    let mut err = std::io::stderr();
    // Notices are advice: a closed stderr must not fail the import.
    let _ = write_notices(&mut err, &imported.notices, json_notices, lang);
    Ok(())
}

/// Read `paths` (and what they reference) and import them.
pub fn import_files(paths: &[&str], stdin: &mut dyn Read) -> Result<Imported, CliError> {
    import_files_with_texts(paths, stdin).map(|(imported, _)| imported)
}

/// [`import_files`], and every file read as `(path, text)`: the given ones in order, then the
/// referenced ones (`check FILE.yml` locates findings in them).
pub fn import_files_with_texts(
    paths: &[&str],
    stdin: &mut dyn Read,
) -> Result<(Imported, Vec<(String, String)>), CliError> {
    if paths.is_empty() {
        return Err(CliError::input(
            "FILE is missing: give one or more compose files",
        ));
    }
    let mut files = Vec::new();
    for path in paths {
        files.push((path.to_string(), read_input(path, stdin)?));
    }
    let referenced = read_referenced(&files);
    let mut imported =
        import::compose_with(&files, &referenced).map_err(|e| CliError::input(e.to_string()))?;
    name_after_folder(&mut imported, paths[0]);
    files.extend(referenced);
    Ok((imported, files))
}

/// `tierboard import compose.yaml` in the project's folder: the importer saw no folder, the
/// design is named after the one the file sits in.
fn name_after_folder(imported: &mut Imported, path: &str) {
    if let Some(name) = folder_name(path).filter(|_| imported.design.name == "imported") {
        imported.design.name = name;
    }
}

/// The name of the folder `path` sits in, when the path itself names none (`compose.yaml`).
fn folder_name(path: &str) -> Option<String> {
    if path == "-" || path.contains(['/', '\\']) {
        return None;
    }
    let absolute = std::fs::canonicalize(path).ok()?;
    let name = absolute.parent()?.file_name()?.to_str()?.trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// Follow `include:` and `extends: {file}` on disk, breadth first, each file once.
fn read_referenced(files: &[(String, String)]) -> Vec<(String, String)> {
    let mut queue: Vec<String> = files
        .iter()
        .flat_map(|(n, t)| import::referenced_files(n, t))
        .collect();
    let mut read: Vec<(String, String)> = Vec::new();
    while let Some(path) = queue.pop() {
        if read.len() >= MAX_REFERENCED || read.iter().any(|(p, _)| *p == path) {
            continue;
        }
        // Only regular files: a FIFO or a device (`include: [/dev/stdin]`) would block the
        // import forever. An included "-" is a file named "-", never standard input.
        if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let mut stdin = std::io::empty();
        let Ok(text) = read_input(&path, &mut stdin) else {
            continue;
        };
        queue.extend(import::referenced_files(&path, &text));
        read.push((path, text));
    }
    read
}

/// A notice as scripts read it: kind, service, key, and the message in `--lang`.
#[derive(Serialize)]
struct NoticeRow<'a> {
    #[serde(flatten)]
    notice: &'a Notice,
    message: String,
}

fn write_notices(
    err: &mut dyn Write,
    notices: &[Notice],
    json: bool,
    lang: Lang,
) -> std::io::Result<()> {
    if json {
        let rows: Vec<NoticeRow> = notices
            .iter()
            .map(|notice| NoticeRow {
                notice,
                message: notice.message(lang),
            })
            .collect();
        return writeln!(err, "{}", super::to_json(&rows));
    }
    for n in notices {
        writeln!(err, "tierboard import: {}", n.render(lang))?;
    }
    Ok(())
}

//! `docker run` commands → a design: one or more commands pasted (or a shell script holding
//! them, with its `set -e`, `docker network create` and comments) become the services of a
//! compose file, which is then imported like any other ([`super::compose`]): kinds, tiers,
//! links and notices come from the one importer.
//!
//! Each option is read by its row in [`flags::FLAGS`] (`--flag=value`, `--flag value`, `-p80:80`,
//! `-dit`, repeated options appended); the first word that is not an option is the image and
//! the words after it the command. Nothing is dropped in silence: an option with no compose
//! counterpart, an option no row knows, a run-time option (`-d`, `--rm`) and a line that is not
//! a `docker run` command each get a notice.

mod flags;
mod shell;

pub use flags::FLAGS;

use super::{ImportError, Imported, Notice, NoticeKind};
use crate::i18n::Message;
use serde_yaml::{Mapping, Value};

/// Whether `text` holds a `docker run` command (the import dialog routes pasted text by it).
pub fn looks_like_docker_run(text: &str) -> bool {
    text.len() <= super::MAX_FILE_BYTES
        && shell::commands(text)
            .iter()
            .any(|c| run_args(&c.words).is_some())
}

/// The words after `docker run` (or `docker container run`, `podman run`, with `sudo` or
/// variable assignments in front), if `words` is such a command.
fn run_args(words: &[String]) -> Option<&[String]> {
    let mut i = 0;
    while i < words.len() && (words[i] == "sudo" || words[i] == "exec" || is_assignment(&words[i]))
    {
        i += 1;
    }
    let program = words.get(i)?.rsplit('/').next()?;
    if !matches!(program, "docker" | "podman" | "nerdctl") {
        return None;
    }
    match (
        words.get(i + 1).map(String::as_str),
        words.get(i + 2).map(String::as_str),
    ) {
        (Some("run"), _) => Some(&words[i + 2..]),
        (Some("container"), Some("run")) => Some(&words[i + 3..]),
        _ => None,
    }
}

fn is_assignment(word: &str) -> bool {
    word.split_once('=')
        .is_some_and(|(k, _)| crate::model::interpolation::is_name(k))
}

/// One parsed command: its service and what to report.
struct Parsed {
    name: Option<String>,
    image: Option<String>,
    service: Mapping,
    notices: Vec<(NoticeKind, String, Message)>,
}

/// A word with the shell's command substitutions made compose text: `$(pwd)` is the folder the
/// compose file will sit in (`.`); any other `$(…)` cannot run there and is kept as literal
/// text (`$$(`), with a notice.
fn substituted(word: &str, notices: &mut Vec<(NoticeKind, String, Message)>) -> String {
    let mut w = word.replace("$(pwd)", ".").replace("`pwd`", ".");
    if w.contains("$(") && !w.contains("$$(") {
        notices.push((
            NoticeKind::Changed,
            word.to_string(),
            Message::plain(SUBSTITUTION).arg("word", word),
        ));
        w = w.replace("$(", "$$(");
    }
    w
}

/// Parse one command's arguments (after `run`).
fn parse(args: &[String], networks: &mut Vec<String>) -> Parsed {
    let mut p = Parsed {
        name: None,
        image: None,
        service: Mapping::new(),
        notices: Vec::new(),
    };
    let args: Vec<String> = args
        .iter()
        .map(|a| substituted(a, &mut p.notices))
        .collect();
    let args = args.as_slice();
    let mut i = 0;
    // `(flag, value)` pairs to apply, in order.
    let mut options: Vec<(Result<&'static flags::Flag, String>, String)> = Vec::new();
    while i < args.len() {
        let arg = &args[i];
        if arg == "--" {
            i += 1;
            break;
        }
        if let Some(body) = arg.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            match flags::long(name) {
                Some(f) if f.takes_value => {
                    let value = inline.or_else(|| {
                        i += 1;
                        args.get(i).cloned()
                    });
                    options.push((Ok(f), value.unwrap_or_default()));
                }
                Some(f) => {
                    // `--read-only=false` turns a switch off.
                    if inline.as_deref().is_none_or(|v| v != "false") {
                        options.push((Ok(f), String::new()));
                    }
                }
                None => {
                    // Unknown: take the next word as its value when one is left for the image.
                    let value = inline.or_else(|| {
                        let next = args.get(i + 1)?;
                        (!next.starts_with('-') && i + 2 < args.len()).then(|| {
                            i += 1;
                            next.clone()
                        })
                    });
                    options.push((Err(format!("--{name}")), value.unwrap_or_default()));
                }
            }
            i += 1;
            continue;
        }
        if let Some(shorts) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
            let chars: Vec<char> = shorts.chars().collect();
            let mut k = 0;
            while k < chars.len() {
                let c = chars[k];
                match flags::short(c) {
                    Some(f) if f.takes_value => {
                        let rest: String = chars[k + 1..].iter().collect();
                        let value = if !rest.is_empty() {
                            rest.strip_prefix('=').unwrap_or(&rest).to_string()
                        } else {
                            i += 1;
                            args.get(i).cloned().unwrap_or_default()
                        };
                        options.push((Ok(f), value));
                        break;
                    }
                    Some(f) => options.push((Ok(f), String::new())),
                    None => options.push((Err(format!("-{c}")), String::new())),
                }
                k += 1;
            }
            i += 1;
            continue;
        }
        p.image = Some(arg.clone());
        i += 1;
        break;
    }
    if p.image.is_none() && i < args.len() {
        p.image = Some(args[i].clone());
        i += 1;
    }
    let command: Vec<Value> = args[i.min(args.len())..]
        .iter()
        .map(|w| Value::String(w.clone()))
        .collect();
    for (flag, value) in options {
        match flag {
            Ok(f) => {
                let shown = if value.is_empty() {
                    format!("--{}", f.long)
                } else {
                    format!("--{} {value}", f.long)
                };
                match flags::apply(f, &value, &mut p.service, &mut p.name, networks) {
                    flags::Leftover::None => {}
                    flags::Leftover::RunOnly => p.notices.push((
                        NoticeKind::Ignored,
                        format!("--{}", f.long),
                        Message::plain(RUN_ONLY).arg("flag", shown),
                    )),
                    flags::Leftover::Unsupported(what) => p.notices.push((
                        NoticeKind::Ignored,
                        format!("--{}", f.long),
                        Message::plain(UNSUPPORTED)
                            .arg("flag", format!("--{}", f.long))
                            .arg("value", what),
                    )),
                }
            }
            Err(name) => p.notices.push((
                NoticeKind::Ignored,
                name.clone(),
                Message::plain(UNKNOWN).arg(
                    "flag",
                    if value.is_empty() {
                        name
                    } else {
                        format!("{name} {value}")
                    },
                ),
            )),
        }
    }
    if !command.is_empty() {
        p.service.insert("command".into(), Value::Sequence(command));
    }
    p
}

/// The service name a command gets: `--name`, else the image's last path component.
fn service_name(parsed: &Parsed, taken: &[String]) -> String {
    let base = parsed.name.clone().unwrap_or_else(|| {
        let image = parsed.image.as_deref().unwrap_or("service");
        let repo = crate::catalog::aliases::repository(image).unwrap_or_else(|| "service".into());
        repo.rsplit('/').next().unwrap_or("service").to_string()
    });
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}

/// The compose file the commands in `text` amount to, and what the reading had to say.
pub fn to_compose(file: &str, text: &str) -> Result<(String, Vec<Notice>), ImportError> {
    if text.len() > super::MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_string(),
            message: format!("over {} bytes", super::MAX_FILE_BYTES),
        });
    }
    let mut services = Mapping::new();
    let mut names: Vec<String> = Vec::new();
    let mut networks: Vec<String> = Vec::new();
    let mut notices = Vec::new();
    for command in shell::commands(text) {
        let Some(args) = run_args(&command.words) else {
            notices.push(Notice::new(
                NoticeKind::Ignored,
                None,
                None,
                Message::plain(NOT_RUN)
                    .arg("line", command.line)
                    .arg("command", command.words.join(" ")),
            ));
            continue;
        };
        if names.len() >= super::MAX_SERVICES {
            return Err(ImportError::TooLarge {
                file: file.to_string(),
                message: format!("more than {} services", super::MAX_SERVICES),
            });
        }
        let mut parsed = parse(args, &mut networks);
        let Some(image) = parsed.image.clone() else {
            notices.push(Notice::new(
                NoticeKind::Ignored,
                None,
                None,
                Message::plain(NO_IMAGE).arg("line", command.line),
            ));
            continue;
        };
        let name = service_name(&parsed, &names);
        let mut service = Mapping::new();
        service.insert("image".into(), Value::String(image));
        service.extend(std::mem::take(&mut parsed.service));
        for (kind, key, message) in parsed.notices {
            notices.push(Notice::new(kind, Some(&name), Some(&key), message));
        }
        services.insert(Value::String(name.clone()), Value::Mapping(service));
        names.push(name);
    }
    if services.is_empty() {
        return Err(ImportError::NotCompose {
            file: file.to_string(),
            message: "no `docker run` command with an image was found".into(),
        });
    }
    let mut doc = Mapping::new();
    doc.insert("services".into(), Value::Mapping(services));
    if !networks.is_empty() {
        let declared: Mapping = networks
            .into_iter()
            .map(|n| (Value::String(n), Value::Mapping(Mapping::new())))
            .collect();
        doc.insert("networks".into(), Value::Mapping(declared));
    }
    let yaml = serde_yaml::to_string(&doc).map_err(|e| ImportError::NotCompose {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    Ok((yaml, notices))
}

/// Import `docker run` commands (see the module docs). `file` names the source in messages and,
/// like a compose file's, names the design after its folder.
pub fn import(file: &str, text: &str) -> Result<Imported, ImportError> {
    let (yaml, mut notices) = to_compose(file, text)?;
    let mut imported = super::compose(&[(file.to_string(), yaml)])?;
    notices.append(&mut imported.notices);
    imported.notices = notices;
    Ok(imported)
}

crate::texts! {
    RUN_ONLY {
        en: "{flag} only matters to `docker run` itself: not needed in a compose file",
        de: "{flag} betrifft nur `docker run` selbst: in einer Compose-Datei nicht nötig",
        fr: "{flag} ne concerne que `docker run` lui-même : inutile dans un fichier Compose",
    }
    UNSUPPORTED {
        en: "{flag} {value} has no counterpart in the generated compose files: not imported",
        de: "{flag} {value} hat keine Entsprechung in den generierten Compose-Dateien: nicht importiert",
        fr: "{flag} {value} n'a pas d'équivalent dans les fichiers Compose générés : non importé",
    }
    UNKNOWN {
        en: "unknown `docker run` option {flag}: not imported",
        de: "unbekannte `docker run`-Option {flag}: nicht importiert",
        fr: "option `docker run` inconnue {flag} : non importée",
    }
    NOT_RUN {
        en: "line {line} is not a `docker run` command: {command}",
        de: "Zeile {line} ist kein `docker run`-Befehl: {command}",
        fr: "la ligne {line} n'est pas une commande `docker run` : {command}",
    }
    SUBSTITUTION {
        en: "{word} runs a command, which a compose file cannot: kept as literal text",
        de: "{word} führt einen Befehl aus, was eine Compose-Datei nicht kann: als wörtlicher Text übernommen",
        fr: "{word} exécute une commande, ce qu'un fichier Compose ne peut pas : conservé comme texte littéral",
    }
    NO_IMAGE {
        en: "line {line}: `docker run` without an image: skipped",
        de: "Zeile {line}: `docker run` ohne Image: übersprungen",
        fr: "ligne {line} : `docker run` sans image : ignorée",
    }
}

#[cfg(test)]
mod tests;

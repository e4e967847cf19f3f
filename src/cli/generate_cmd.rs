//! `tierboard generate DESIGN.json|COMPOSE.yml... --out DIR [--force] [--zip FILE] [--lang en|de|fr]
//! [--deploy none|compose-ssh|helm|swarm]` (`--deploy` overrides the design's deploy target):
//! write the generated project into a directory (scripts executable) and/or a zip. Refuses a
//! non-empty `--out` directory unless `--force`, so an existing project is never overwritten by
//! accident.
//!
//! The documentation language: `--lang` when given; else a design file's own
//! `settings.docs_lang` (the design carries it, so the same file generates the same project
//! everywhere); else, for compose files imported on the way, the reader's locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`).

use super::{check_cmd, Args, CliError};
use crate::export::zip::project_zip;
use crate::generate::{layout, project, GeneratedFile};
use crate::i18n::Lang;
use crate::model::DeployTarget;
use std::io::{Read, Write};
use std::path::{Component, Path};

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let dir = args.option("--out")?;
    let zip = args.option("--zip")?;
    let force = args.flag("--force");
    let lang = lang_option(&mut args)?;
    let deploy = match args.option("--deploy")? {
        None => None,
        Some(id) => Some(DeployTarget::parse(id).ok_or_else(|| {
            CliError::input(format!(
                "--deploy needs none, compose-ssh, helm or swarm, not {id:?}"
            ))
        })?),
    };
    let paths = args.positionals()?;
    if dir.is_none() && zip.is_none() {
        return Err(CliError::input(
            "generate needs --out DIR and/or --zip FILE",
        ));
    }
    let (mut design, source) = check_cmd::read_design_or_compose(&paths, stdin, args.error_lang())?;
    let origin = match source {
        check_cmd::Source::Compose(_) => Origin::Compose,
        check_cmd::Source::DesignFile { .. } => Origin::DesignFile,
    };
    design.settings.docs_lang = docs_lang(lang, origin, design.settings.docs_lang, |name| {
        std::env::var(name).ok()
    });
    if let Some(target) = deploy {
        design.settings.deploy = target;
    }
    let files = project(&design);
    if let Some(dir) = dir {
        write_dir(Path::new(dir), &files, force)?;
        writeln!(out, "wrote {} files to {dir}", files.len())?;
    }
    if let Some(zip_path) = zip {
        let bytes = project_zip(&layout::project_name(&design), &files)
            .map_err(|e| CliError::input(format!("cannot build the zip: {e}")))?;
        std::fs::write(zip_path, &bytes)
            .map_err(|e| CliError::input(format!("cannot write {zip_path}: {e}")))?;
        writeln!(
            out,
            "wrote {zip_path} ({} bytes, {} files)",
            bytes.len(),
            files.len()
        )?;
    }
    Ok(())
}

/// `--lang en|de|fr`, refused when it names another language.
fn lang_option(args: &mut Args) -> Result<Option<Lang>, CliError> {
    match args.option("--lang")? {
        None => Ok(None),
        Some(tag) => super::parse_lang(tag, args.error_lang()).map(Some),
    }
}

/// Where the design came from: what decides the documentation language without `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    DesignFile,
    Compose,
}

/// The documentation language of the generated project (see the module docs).
fn docs_lang(
    flag: Option<Lang>,
    origin: Origin,
    design: Lang,
    env: impl Fn(&str) -> Option<String>,
) -> Lang {
    match (flag, origin) {
        (Some(lang), _) => lang,
        (None, Origin::DesignFile) => design,
        (None, Origin::Compose) => Lang::from_locale_env(
            env("LC_ALL").as_deref(),
            env("LC_MESSAGES").as_deref(),
            env("LANG").as_deref(),
        ),
    }
}

fn write_dir(dir: &Path, files: &[GeneratedFile], force: bool) -> Result<(), CliError> {
    let fail = |what: &str, p: &Path, e: std::io::Error| {
        CliError::input(format!("cannot {what} {}: {e}", p.display()))
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| fail("read", dir, e))?;
        if entries.next().is_some() && !force {
            return Err(CliError::input(format!(
                "{} is not empty; use --force to write into it",
                dir.display()
            )));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| fail("create", dir, e))?;
    for f in files {
        let rel = Path::new(&f.path);
        // Paths come from `layout` and are safe; refuse anything else rather than trust it.
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(CliError::input(format!(
                "refusing unsafe path {:?}",
                f.path
            )));
        }
        let target = safe_target(dir, rel)?;
        std::fs::write(&target, &f.contents).map_err(|e| fail("write", &target, e))?;
        set_mode(&target, f.executable).map_err(|e| fail("chmod", &target, e))?;
    }
    Ok(())
}

/// `dir/rel`, its missing parent directories created one by one. Refuses a symbolic link
/// anywhere below `dir` on the way, the file itself included: `--force` writes into DIR and
/// never through a link out of it.
fn safe_target(dir: &Path, rel: &Path) -> Result<std::path::PathBuf, CliError> {
    let mut at = dir.to_path_buf();
    let parts: Vec<Component> = rel.components().collect();
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        let last = i + 1 == parts.len();
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(CliError::input(format!(
                    "{} is a symbolic link; refusing to write through it",
                    at.display()
                )))
            }
            Ok(m) if !last && !m.is_dir() => {
                return Err(CliError::input(format!(
                    "{} is in the way of a generated directory",
                    at.display()
                )))
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !last => {
                std::fs::create_dir(&at)
                    .map_err(|e| CliError::input(format!("cannot create {}: {e}", at.display())))?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(CliError::input(format!(
                    "cannot inspect {}: {e}",
                    at.display()
                )))
            }
        }
    }
    Ok(at)
}

#[cfg(unix)]
fn set_mode(path: &Path, executable: bool) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        path,
        std::fs::Permissions::from_mode(if executable { 0o755 } else { 0o644 }),
    )
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _executable: bool) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_the_design_then_the_locale_for_compose() {
        let german = [("LANG", "de_DE.UTF-8")];
        assert_eq!(
            docs_lang(Some(Lang::Fr), Origin::DesignFile, Lang::De, env(&german)),
            Lang::Fr
        );
        assert_eq!(
            docs_lang(None, Origin::DesignFile, Lang::En, env(&german)),
            Lang::En,
            "a design file keeps its own language"
        );
        assert_eq!(
            docs_lang(None, Origin::Compose, Lang::En, env(&german)),
            Lang::De
        );
        assert_eq!(
            docs_lang(
                None,
                Origin::Compose,
                Lang::En,
                env(&[("LC_ALL", "fr_FR"), ("LANG", "de_DE")])
            ),
            Lang::Fr
        );
        assert_eq!(
            docs_lang(None, Origin::Compose, Lang::De, env(&[])),
            Lang::En
        );
    }

    #[test]
    fn an_unknown_language_is_refused() {
        let items: Vec<String> = ["x.json", "--lang", "it"].map(String::from).to_vec();
        let mut args = Args::new(&items);
        assert!(lang_option(&mut args).is_err());
        let items: Vec<String> = ["--lang", "de-CH"].map(String::from).to_vec();
        assert_eq!(lang_option(&mut Args::new(&items)).unwrap(), Some(Lang::De));
    }
}

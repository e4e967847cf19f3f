//! `tierboard generate DESIGN.json --out DIR [--force] [--zip FILE]`: write the generated project
//! into a directory (scripts executable) and/or a zip. Refuses a non-empty `--out` directory
//! unless `--force`, so an existing project is never overwritten by accident.

use super::{read_design, Args, CliError};
use crate::export::zip::project_zip;
use crate::generate::{layout, project, GeneratedFile};
use std::io::{Read, Write};
use std::path::{Component, Path};

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let dir = args.option("--out")?;
    let zip = args.option("--zip")?;
    let force = args.flag("--force");
    let path = args.one("DESIGN.json")?;
    if dir.is_none() && zip.is_none() {
        return Err(CliError::input(
            "generate needs --out DIR and/or --zip FILE",
        ));
    }
    let design = read_design(path, stdin)?;
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

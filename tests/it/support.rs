//! What the test modules share: running the CLI binary with arguments and standard input, and
//! comparing generated files with a golden tree.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tierboard::generate::GeneratedFile;

/// `tierboard ARGS` with `stdin` on its standard input, in the current directory.
pub fn tierboard(args: &[&str], stdin: &str) -> Output {
    tierboard_in(None, args, stdin)
}

/// The same, run in `dir` when given.
pub fn tierboard_in(dir: Option<&Path>, args: &[&str], stdin: &str) -> Output {
    tierboard_with(dir, &[], args, stdin)
}

/// `tierboard ARGS` with the locale variables given (`LANG=fr_FR.UTF-8`). The locale of the
/// machine running the tests never leaks in: without `locale`, the CLI sees none (English).
pub fn tierboard_with(
    dir: Option<&Path>,
    locale: &[(&str, &str)],
    args: &[&str],
    stdin: &str,
) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tierboard"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    command.envs(locale.iter().copied());
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command.spawn().expect("the binary runs");
    // A command that fails on its arguments exits before reading: a closed pipe is fine then.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("the binary finishes")
}

/// `tests/fixtures/<tree>/<name>`.
fn golden_dir(tree: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(tree)
        .join(name)
}

pub fn read_tree(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if let (Ok(rel), Ok(text)) = (p.strip_prefix(root), fs::read_to_string(&p)) {
                out.insert(rel.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

pub fn write_tree(root: &Path, files: &[GeneratedFile]) {
    let _ = fs::remove_dir_all(root);
    for f in files {
        let path = root.join(&f.path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &f.contents).unwrap();
        #[cfg(unix)]
        if f.executable {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
}

/// Compare `files` with the golden tree `tests/fixtures/<tree>/<name>` (file names and contents;
/// a stale golden file fails too), or rewrite it under UPDATE_GOLDEN=1.
pub fn check_golden(tree: &str, name: &str, files: &[GeneratedFile]) {
    let dir = golden_dir(tree, name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        write_tree(&dir, files);
        return;
    }
    let expected = read_tree(&dir);
    let actual: BTreeMap<String, String> = files
        .iter()
        .map(|f| (f.path.clone(), f.contents.clone()))
        .collect();
    let missing: Vec<&String> = expected
        .keys()
        .filter(|k| !actual.contains_key(*k))
        .collect();
    let extra: Vec<&String> = actual
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{name}: files differ; missing {missing:?}, new {extra:?} (UPDATE_GOLDEN=1 to accept)"
    );
    for (path, text) in &actual {
        if expected[path] != *text {
            let (old, new) = (expected[path].lines(), text.lines());
            let first = old.clone().zip(new.clone()).position(|(a, b)| a != b);
            let line = first.unwrap_or(old.count().min(new.count())) + 1;
            panic!("{name}/{path} differs from its golden file near line {line} (UPDATE_GOLDEN=1 to accept)");
        }
    }
}

//! What the test modules share: running the CLI binary with arguments and standard input.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

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

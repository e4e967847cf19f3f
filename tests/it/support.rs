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
    let mut command = Command::new(env!("CARGO_BIN_EXE_tierboard"));
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

//! `tierboard generate`: writes the project into a directory and/or a zip, never over an
//! existing project by accident.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tierboard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tierboard"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tierboard-gen-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn design_file(dir: &Path) -> String {
    let out = tierboard(&["new", "monolith"]);
    assert!(out.status.success());
    let path = dir.join("monolith.json");
    std::fs::write(&path, &out.stdout).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn generate_writes_the_project_into_a_new_directory() {
    let dir = scratch("out");
    let design = design_file(&dir);
    let target = dir.join("project");
    let out = tierboard(&["generate", &design, "--out", target.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let compose = std::fs::read_to_string(target.join("docker-compose.yml")).unwrap();
    assert!(compose.contains("name: monolith"));
    assert!(target.join(".env.example").is_file() && target.join("secrets/README.md").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generate_refuses_a_non_empty_directory_unless_forced() {
    let dir = scratch("force");
    let design = design_file(&dir);
    let out = tierboard(&["generate", &design, "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert!(!dir.join("docker-compose.yml").exists());
    let out = tierboard(&[
        "generate",
        &design,
        "--out",
        dir.to_str().unwrap(),
        "--force",
    ]);
    assert!(out.status.success());
    assert!(dir.join("docker-compose.yml").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generate_zip_is_deterministic() {
    let dir = scratch("zip");
    let design = design_file(&dir);
    let a = dir.join("a.zip");
    let b = dir.join("b.zip");
    assert!(
        tierboard(&["generate", &design, "--zip", a.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        tierboard(&["generate", &design, "--zip", b.to_str().unwrap()])
            .status
            .success()
    );
    let bytes = std::fs::read(&a).unwrap();
    assert!(bytes.starts_with(b"PK"));
    assert_eq!(bytes, std::fs::read(&b).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generate_needs_a_destination() {
    let dir = scratch("none");
    let design = design_file(&dir);
    let out = tierboard(&["generate", &design]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--force` writes into DIR, never through a symbolic link already in it (a link to a file
/// outside was overwritten and chmodded; a linked directory received backup.sh).
#[cfg(unix)]
#[test]
fn generate_force_never_writes_through_a_symbolic_link() {
    let dir = scratch("symlink");
    let design = design_file(&dir);
    let outside = dir.join("outside.txt");
    std::fs::write(&outside, "keep me").unwrap();
    let out_dir = dir.join("project");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::os::unix::fs::symlink(&outside, out_dir.join("docker-compose.yml")).unwrap();
    let out = tierboard(&[
        "generate",
        &design,
        "--out",
        out_dir.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("symbolic link"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me");

    // A linked directory is refused too.
    std::fs::remove_file(out_dir.join("docker-compose.yml")).unwrap();
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out_dir.join("docs")).unwrap();
    let out = tierboard(&[
        "generate",
        &design,
        "--out",
        out_dir.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

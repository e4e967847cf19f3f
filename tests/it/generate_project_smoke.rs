//! The generated smoke test (`tests/smoke/smoke.sh`) run for real against a fake `docker` on
//! PATH, so its verdicts are checked without a daemon: healthy stacks pass, a crashed container
//! fails fast, a service that never becomes healthy fails at the timeout, one-shot jobs that
//! exited 0 pass. Unix only (the script is POSIX sh).
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use tierboard::generate;
use tierboard::model::Design;

/// A `docker` that answers the three calls smoke.sh makes from files in its directory:
/// `services` (one per line), `state-<service>` (`status health exitcode`) and optionally
/// `next-<service>`, which replaces the state after it was read once (a container starting up).
const FAKE_DOCKER: &str = r#"#!/bin/sh
dir=$(dirname "$0")
for arg in "$@"; do last="$arg"; done
case " $* " in
  *" config --services "*) cat "$dir/services" ;;
  *" ps --all --quiet "*) if [ -f "$dir/state-$last" ]; then echo "id-$last"; fi ;;
  " inspect "*)
    service=${last#id-}
    cat "$dir/state-$service"
    if [ -f "$dir/next-$service" ]; then mv "$dir/next-$service" "$dir/state-$service"; fi
    ;;
  *) echo "fake docker: unexpected call: $*" >&2; exit 99 ;;
esac
"#;

fn setup(name: &str, states: &[(&str, &str)], next: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tierboard-smoke-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("bin")).unwrap();
    let write_exec = |path: &Path, text: &str| {
        fs::write(path, text).unwrap();
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
    };
    write_exec(&dir.join("bin/docker"), FAKE_DOCKER);
    let services: Vec<&str> = states.iter().map(|(s, _)| *s).collect();
    fs::write(dir.join("bin/services"), services.join("\n") + "\n").unwrap();
    for (service, state) in states {
        if !state.is_empty() {
            fs::write(
                dir.join(format!("bin/state-{service}")),
                format!("{state}\n"),
            )
            .unwrap();
        }
    }
    for (service, state) in next {
        fs::write(
            dir.join(format!("bin/next-{service}")),
            format!("{state}\n"),
        )
        .unwrap();
    }
    let smoke = generate::project(&Design::new("shop"))
        .into_iter()
        .find(|f| f.path == "tests/smoke/smoke.sh")
        .expect("smoke.sh");
    write_exec(&dir.join("smoke.sh"), &smoke.contents);
    dir
}

/// Run smoke.sh with compose options, as the workflow does; (exit code, stdout + stderr).
fn run(dir: &Path, timeout: &str) -> (i32, String) {
    let path = format!(
        "{}:{}",
        dir.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg(dir.join("smoke.sh"))
        .args(["-f", "docker-compose.yml", "-f", "docker-compose.ci.yml"])
        .env("PATH", path)
        .env("SMOKE_TIMEOUT", timeout)
        .output()
        .expect("sh runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let _ = fs::remove_dir_all(dir);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn a_healthy_stack_passes() {
    let dir = setup(
        "healthy",
        &[
            ("api", "running healthy 0"),
            ("db", "running healthy 0"),
            ("proxy", "running none 0"),
        ],
        &[],
    );
    let (code, text) = run(&dir, "5");
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("smoke: OK"), "{text}");
}

#[test]
fn a_starting_service_is_waited_for() {
    let dir = setup(
        "starting",
        &[("api", "running starting 0")],
        &[("api", "running healthy 0")],
    );
    let (code, text) = run(&dir, "30");
    assert_eq!(code, 0, "{text}");
}

#[test]
fn a_crashed_container_fails_at_once() {
    let dir = setup(
        "crashed",
        &[("api", "exited none 1"), ("db", "running healthy 0")],
        &[],
    );
    let (code, text) = run(&dir, "300");
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("stopped containers: api(exited none 1)"),
        "{text}"
    );
}

#[test]
fn an_unhealthy_service_fails_at_the_timeout() {
    let dir = setup(
        "unhealthy",
        &[("api", "running unhealthy 0"), ("db", "running healthy 0")],
        &[],
    );
    let (code, text) = run(&dir, "1");
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("not healthy: api(running unhealthy 0)"),
        "{text}"
    );
}

#[test]
fn a_finished_one_shot_job_passes_and_a_missing_container_does_not() {
    let dir = setup(
        "oneshot",
        &[("migrate", "exited none 0"), ("api", "running healthy 0")],
        &[],
    );
    assert_eq!(run(&dir, "5").0, 0);
    let dir = setup(
        "missing",
        &[("api", "running healthy 0"), ("worker", "")],
        &[],
    );
    let (code, text) = run(&dir, "1");
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("worker(not created)"), "{text}");
}

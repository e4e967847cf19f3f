//! `tierboard import` as a user sees it: design JSON on stdout, notices on stderr, exit 2 on
//! bad input, extends/include files read from disk.

use std::process::{Command, Output, Stdio};
use tierboard::model::{validate, Design};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

fn tierboard(args: &[&str], stdin: &str) -> Output {
    crate::support::tierboard_in(Some(std::path::Path::new(FIXTURES)), args, stdin)
}

fn design(o: &Output) -> Design {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d =
        Design::from_json(&String::from_utf8_lossy(&o.stdout)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(validate(&d), vec![]);
    d
}

#[test]
fn import_prints_a_valid_design_and_notices_on_stderr() {
    let o = tierboard(&["import", "forms.yaml"], "");
    let d = design(&o);
    assert_eq!(d.services.len(), 8);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("ignored: `version`"), "{err}");
    assert!(
        err.contains("kept verbatim: service \"proxy\": kept as written: labels"),
        "{err}"
    );
}

#[test]
fn json_notices_are_one_array() {
    let o = tierboard(&["import", "--json-notices", "forms.yaml"], "");
    design(&o);
    let notices: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
    assert!(
        notices
            .as_array()
            .is_some_and(|n| n.iter().any(|n| n["kind"] == "inferred")),
        "{notices}"
    );
}

#[test]
fn overrides_merge_in_the_order_given() {
    let d = design(&tierboard(
        &[
            "import",
            "overrides/compose.yaml",
            "overrides/compose.prod.yaml",
        ],
        "",
    ));
    assert_eq!(
        d.service_by_name("api")
            .and_then(|s| s.image.as_ref())
            .map(|i| i.tag.as_str()),
        Some("1.1")
    );
}

#[test]
fn extends_and_include_files_are_read_from_disk() {
    let d = design(&tierboard(&["import", "extends/compose.yaml"], ""));
    assert_eq!(
        d.service_by_name("web")
            .and_then(|s| s.image.as_ref())
            .map(|i| i.name.as_str()),
        Some("acme/web")
    );
    let d = design(&tierboard(&["import", "include/compose.yaml"], ""));
    assert!(d.service_by_name("included").is_some());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let d = design(&tierboard(
        &["import", "-"],
        "services:\n  db:\n    image: postgres:16\n",
    ));
    assert_eq!(d.services[0].kind, "postgres");
}

#[test]
fn bad_input_exits_2_with_the_position() {
    let o = tierboard(&["import", "-"], "services:\n  web:\n    image: [nginx\n");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line") && err.contains("column"), "{err}");
    assert!(o.stdout.is_empty());
    for args in [
        vec!["import"],
        vec!["import", "missing.yaml"],
        vec!["import", "--bogus", "forms.yaml"],
    ] {
        assert_eq!(tierboard(&args, "").status.code(), Some(2), "{args:?}");
    }
    let o = tierboard(
        &["import", "overrides/compose.prod.yaml", "-"],
        "services:\n  x:\n    user: me\n",
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "a service with neither image nor build"
    );
}

/// An `include:` of a FIFO or a device is not read: it would block the import forever.
#[cfg(unix)]
#[test]
fn including_a_fifo_does_not_block() {
    let dir = std::env::temp_dir().join(format!("tierboard-fifo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe.yaml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let compose = dir.join("compose.yaml");
    std::fs::write(
        &compose,
        format!(
            "include: [{}, /dev/stdin]\nservices:\n  a: {{image: 'nginx:1.27'}}\n",
            fifo.display()
        ),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tierboard"))
        .args(["import", compose.to_str().unwrap()])
        .stdin(Stdio::piped()) // kept open: /dev/stdin never ends
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let _ = std::fs::remove_dir_all(&dir);
    assert!(status.is_some(), "the import blocked on the FIFO");
}

#[test]
fn a_file_given_by_its_bare_name_names_the_design_after_its_folder() {
    let dir = std::env::temp_dir().join(format!("tierboard-shop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("compose.yaml"),
        "services:\n  db:\n    image: valkey/valkey:8\n",
    )
    .unwrap();
    let o = crate::support::tierboard_in(Some(&dir), &["import", "compose.yaml"], "");
    let d = design(&o);
    assert_eq!(d.name, dir.file_name().unwrap().to_str().unwrap());
    // Valkey is a Redis-compatible cache: the redis kind, in the data tier.
    assert_eq!(d.services[0].kind, "redis");
    assert_eq!(d.services[0].tier, tierboard::model::Tier::Data);
    let o = crate::support::tierboard_in(
        Some(&dir),
        &["import", "-"],
        "services:\n  a:\n    image: nginx:1\n",
    );
    assert_eq!(design(&o).name, "imported", "standard input has no folder");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn docker_run_commands_import_from_a_file_or_stdin() {
    let script = "docker run -d --name cache -p 127.0.0.1:6379:6379 --restart always \\\n  valkey/valkey:8.0-alpine\ndocker run --gpus all --name api ghcr.io/acme/api:1.2\n";
    let o = crate::support::tierboard(&["import", "--docker-run", "-", "--json-notices"], script);
    let d = design(&o);
    assert_eq!(d.services.len(), 2);
    let cache = d.service_by_name("cache").unwrap();
    assert_eq!(
        (cache.kind.as_str(), cache.tier),
        ("redis", tierboard::model::Tier::Data)
    );
    let notices: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&o.stderr).trim()).unwrap();
    let text = notices.to_string();
    assert!(text.contains("--gpus"), "{text}");
    assert!(text.contains("--detach"), "{text}");
    let o = crate::support::tierboard(&["import", "--docker-run", "-"], "echo nothing here\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("docker run"));
}

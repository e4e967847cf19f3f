//! The generated app stubs and their unit tests are real programs: each one is compiled or
//! syntax-checked with its language's own tool when that tool is installed on the test machine
//! (rustc always is; a missing python3, node, go or JDK 21 skips that language with a note on
//! stderr). `scripts/run-generated-tests.sh` goes further and runs them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use tierboard::generate;
use tierboard::model::{Build, Design, Language, Port, Service, ServiceId, Tier};

fn design() -> Design {
    let mut d = Design::new("stubs");
    for (i, language) in Language::ALL.iter().enumerate() {
        for (j, command) in [None, Some("worker")].iter().enumerate() {
            let id = (i * 2 + j + 1) as u32;
            let mut s = Service::new(
                ServiceId(id),
                format!("{}-{}", language.id(), j),
                "custom",
                Tier::Backend,
            );
            s.build = Some(Build::scaffold(*language));
            s.ports = vec![Port::internal(8000 + id as u16)];
            s.metrics_path = Some("/metrics".into());
            s.command = command.iter().map(|c| c.to_string()).collect();
            d.services.push(s);
        }
    }
    d
}

fn write(dir: &Path) {
    let _ = fs::remove_dir_all(dir);
    for f in generate::project(&design()) {
        let path = dir.join(&f.path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, f.contents).unwrap();
    }
}

fn tool_ok(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn check(dir: &Path, program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("tool runs");
    assert!(
        out.status.success(),
        "{program} {args:?} in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn dirs(root: &Path, language: Language) -> Vec<PathBuf> {
    (0..2)
        .map(|j| root.join(format!("docker/{}-{j}", language.id())))
        .collect()
}

#[test]
fn every_stub_compiles_or_parses() {
    let root = std::env::temp_dir().join(format!("tierboard-stubs-{}", std::process::id()));
    write(&root);
    for dir in dirs(&root, Language::Rust) {
        check(
            &dir,
            "rustc",
            &[
                "--edition",
                "2021",
                "--crate-type",
                "bin",
                "-o",
                "server",
                "src/main.rs",
            ],
        );
        // The unit tests (src/tests.rs) compile into the test harness.
        check(
            &dir,
            "rustc",
            &[
                "--edition",
                "2021",
                "--test",
                "-o",
                "server-tests",
                "src/main.rs",
            ],
        );
    }
    if tool_ok("python3", &["--version"]) {
        for dir in dirs(&root, Language::Python) {
            check(
                &dir,
                "python3",
                &[
                    "-m",
                    "py_compile",
                    "app/__init__.py",
                    "app/__main__.py",
                    "app/main.py",
                    "tests/conftest.py",
                    "tests/test_app.py",
                    "tests/test_worker.py",
                ],
            );
        }
    } else {
        eprintln!("python3 not installed: Python stubs not checked");
    }
    if tool_ok("node", &["--version"]) {
        for dir in dirs(&root, Language::Node) {
            check(&dir, "node", &["--check", "server.js"]);
            check(&dir, "node", &["--check", "test/server.test.js"]);
        }
        for dir in dirs(&root, Language::Static) {
            check(&dir, "node", &["--check", "build.mjs"]);
            check(&dir, "node", &["--check", "dev-server.mjs"]);
            check(&dir, "node", &["--check", "src/assets/app.js"]);
            check(&dir, "node", &["--check", "test/site.test.mjs"]);
        }
    } else {
        eprintln!("node not installed: Node stubs not checked");
    }
    if tool_ok("go", &["version"]) {
        for dir in dirs(&root, Language::Go) {
            check(&dir, "go", &["vet", "."]);
        }
    } else {
        eprintln!("go not installed: Go stubs not checked");
    }
    // The stub uses Java 21 APIs (virtual threads): older compilers are skipped.
    if tool_ok("javac", &["--release", "21", "-version"]) {
        for dir in dirs(&root, Language::Java) {
            check(
                &dir,
                "javac",
                &["--release", "21", "-d", "classes", "App.java"],
            );
        }
    } else {
        eprintln!("no JDK 21: Java stubs not checked");
    }
    let _ = fs::remove_dir_all(&root);
}

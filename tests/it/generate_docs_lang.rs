//! The generated project in German and French (`Settings::docs_lang`): golden docs for two
//! patterns per language, no English heading left in the operations doc, the same non-doc files
//! in every language apart from comment lines, and the language kept by share links and by the
//! design file the project carries.
//!
//! `UPDATE_GOLDEN=1 cargo test --test it generate_docs_lang::` rewrites the golden files under
//! tests/fixtures/golden/docs/<pattern>-<lang>/ (review the diff before committing).

use std::fs;
use tierboard::catalog;
use tierboard::generate::{self, GeneratedFile, OPS_DOC_ENGLISH_HEADINGS};
use tierboard::i18n::Lang;
use tierboard::model::Design;

/// The patterns with golden docs: the web app (proxy, worker, two data stores) and the
/// microservices (the most services and networks).
const GOLDEN_PATTERNS: &[&str] = &["web-app", "microservices"];

fn pattern(id: &str, lang: Lang) -> Design {
    let p = catalog::PATTERNS
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no pattern {id}"));
    let mut d = catalog::instantiate(p);
    d.settings.docs_lang = lang;
    d
}

/// Every pattern with every ops switch on, so the optional runbook sections are written too.
fn all_patterns(lang: Lang) -> Vec<(String, Design)> {
    catalog::PATTERNS
        .iter()
        .map(|p| {
            let mut d = pattern(p.id, lang);
            d.settings.ops.image_scan = true;
            d.settings.ops.rollback_docs = true;
            for s in &mut d.services {
                s.backup = true;
            }
            (p.id.to_string(), d)
        })
        .collect()
}

/// The files a person reads as documentation (all of their text follows the language).
fn is_doc(path: &str) -> bool {
    path.ends_with(".md") || path == ".env.example" || path.ends_with("templates/NOTES.txt")
}

fn docs(design: &Design) -> Vec<GeneratedFile> {
    generate::project(design)
        .into_iter()
        .filter(|f| is_doc(&f.path))
        .collect()
}

#[test]
fn german_and_french_docs_match_the_golden_files() {
    for id in GOLDEN_PATTERNS {
        for lang in [Lang::De, Lang::Fr] {
            let name = format!("{id}-{}", lang.code());
            crate::support::check_golden("golden/docs", &name, &docs(&pattern(id, lang)));
        }
    }
}

// ---------------------------------------------------------------- no English left

/// The Markdown headings of `text`, outside fenced code blocks.
fn headings(text: &str) -> Vec<&str> {
    let mut fenced = false;
    text.lines()
        .filter(|l| {
            if l.starts_with("```") {
                fenced = !fenced;
            }
            !fenced && l.starts_with('#')
        })
        .collect()
}

#[test]
fn german_and_french_ops_docs_keep_no_english_heading() {
    // The list is the English doc's: make sure it names headings that are really written.
    let english = generate::project(&all_patterns(Lang::En)[0].1);
    let ops = |files: &[GeneratedFile]| {
        files
            .iter()
            .find(|f| f.path == "docs/docker-operations.md")
            .map(|f| f.contents.clone())
            .expect("ops doc")
    };
    let en = ops(&english);
    let present = OPS_DOC_ENGLISH_HEADINGS
        .iter()
        .filter(|h| headings(&en).iter().any(|l| l.starts_with(*h)))
        .count();
    assert!(present >= 6, "only {present} listed headings in:\n{en}");
    for lang in [Lang::De, Lang::Fr] {
        for (id, design) in all_patterns(lang) {
            let text = ops(&generate::project(&design));
            for line in headings(&text) {
                for english in OPS_DOC_ENGLISH_HEADINGS {
                    assert!(
                        !line.starts_with(english),
                        "{id} in {lang:?} keeps the English heading {line:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_ops_doc_follows_the_seed_templates_in_order() {
    let expected = [
        (
            Lang::De,
            "# Docker-Architektur - ",
            [
                "Übersicht",
                "Services",
                "Netzwerke",
                "Volumes",
                "Befehle",
                "Ressourcen",
            ],
        ),
        (
            Lang::Fr,
            "# Architecture Docker - ",
            [
                "Vue d'ensemble",
                "Services",
                "Réseaux",
                "Volumes",
                "Commandes",
                "Ressources",
            ],
        ),
    ];
    for (lang, title, sections) in expected {
        for (id, design) in all_patterns(lang) {
            let files = generate::project(&design);
            let text = &files
                .iter()
                .find(|f| f.path == "docs/docker-operations.md")
                .unwrap()
                .contents;
            let h = headings(text);
            assert!(h[0].starts_with(title), "{id}: {}", h[0]);
            let seconds: Vec<&str> = h[1..7]
                .iter()
                .map(|l| l.trim_start_matches("## "))
                .collect();
            assert_eq!(seconds, sections, "{id} in {lang:?}");
        }
    }
}

// ---------------------------------------------------------------- the rest is the same

/// `text` without comment lines (`#` YAML/shell/Dockerfile/dotenv comments, `//` in code) and
/// without trailing comments after ` # `, so only what a tool reads remains.
fn without_comments(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with('#') || t.starts_with("//"))
        })
        .map(|l| match l.find(" # ") {
            Some(i) => l[..i].trim_end(),
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn non_doc_files_are_the_same_in_every_language_but_for_comments() {
    for (id, en_design) in all_patterns(Lang::En) {
        let en = generate::project(&en_design);
        for lang in [Lang::De, Lang::Fr] {
            let mut design = en_design.clone();
            design.settings.docs_lang = lang;
            let other = generate::project(&design);
            let paths =
                |files: &[GeneratedFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
            assert_eq!(
                paths(&en),
                paths(&other),
                "{id}: file names changed in {lang:?}"
            );
            for (a, b) in en.iter().zip(&other) {
                if is_doc(&a.path)
                    || a.path.ends_with(".tierboard.json")
                    || a.path.ends_with(".svg")
                {
                    continue;
                }
                assert_eq!(
                    without_comments(&a.contents),
                    without_comments(&b.contents),
                    "{id}/{} differs in {lang:?} beyond comments",
                    a.path
                );
                assert_eq!(a.executable, b.executable);
            }
        }
    }
}

// ---------------------------------------------------------------- the design keeps its language

#[test]
fn share_links_and_design_files_keep_the_documentation_language() {
    for lang in Lang::ALL {
        let design = pattern("web-app", lang);
        let link = tierboard::share::encode(&design);
        let back = tierboard::share::open(&link).unwrap();
        assert_eq!(back.settings.docs_lang, lang, "link {link}");
        assert_eq!(back, design);

        let files = generate::project(&design);
        let file = files
            .iter()
            .find(|f| f.path.ends_with(".tierboard.json"))
            .expect("design file");
        let reopened = tierboard::share::open(&file.contents).unwrap();
        assert_eq!(reopened.settings.docs_lang, lang);
        // The reopened design generates the same project, docs included.
        assert_eq!(generate::project(&reopened), files);

        let svg = files
            .iter()
            .find(|f| f.path == "docs/architecture.svg")
            .expect("architecture.svg");
        assert_eq!(
            tierboard::share::open(&svg.contents)
                .unwrap()
                .settings
                .docs_lang,
            lang
        );
    }
}

// ---------------------------------------------------------------- the CLI

/// `tierboard generate ARGS` with the locale variables given (and the others unset), in a fresh
/// directory; the operations doc's first line, or the exit code and stderr.
fn generate_cli(
    args: &[&str],
    input: (&str, &str),
    locale: &[(&str, &str)],
) -> Result<String, (i32, String)> {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("tierboard-docs-lang-{}-{run}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(input.0), input.1).unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_tierboard"));
    command
        .current_dir(&dir)
        .arg("generate")
        .arg(input.0)
        .args(["--out", "out"])
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in locale {
        command.env(k, v);
    }
    let output = command.output().expect("the binary runs");
    let result = if output.status.success() {
        let doc = fs::read_to_string(dir.join("out/docs/docker-operations.md")).unwrap();
        Ok(doc.lines().next().unwrap_or_default().to_string())
    } else {
        Err((
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ))
    };
    let _ = fs::remove_dir_all(&dir);
    result
}

#[test]
fn cli_lang_overrides_the_design_which_keeps_its_own_otherwise() {
    let german = pattern("monolith", Lang::De).to_json();
    let file = ("monolith.json", german.as_str());
    let de_locale = [("LANG", "de_DE.UTF-8")];
    assert_eq!(
        generate_cli(&["--lang", "fr"], file, &de_locale).unwrap(),
        "# Architecture Docker - monolith"
    );
    assert_eq!(
        generate_cli(&[], file, &[("LC_ALL", "fr_FR.UTF-8")]).unwrap(),
        "# Docker-Architektur - monolith",
        "a design file keeps its docs_lang whatever the locale"
    );
    let english = pattern("monolith", Lang::En).to_json();
    assert_eq!(
        generate_cli(&[], ("monolith.json", &english), &de_locale).unwrap(),
        "# Docker architecture - monolith"
    );
    let (code, err) = generate_cli(&["--lang", "it"], file, &[]).unwrap_err();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--lang"), "{err}");
}

#[test]
fn cli_compose_input_takes_the_locale_unless_lang_is_given() {
    let compose = "services:\n  web:\n    image: nginx:1.27\n";
    let file = ("compose.yml", compose);
    let title = |lang: Lang| match lang {
        Lang::En => "# Docker architecture - ",
        Lang::De => "# Docker-Architektur - ",
        Lang::Fr => "# Architecture Docker - ",
    };
    let first = generate_cli(&[], file, &[("LANG", "de_DE.UTF-8")]).unwrap();
    assert!(first.starts_with(title(Lang::De)), "{first}");
    let first = generate_cli(
        &[],
        file,
        &[("LC_ALL", "fr_CA.UTF-8"), ("LANG", "de_DE.UTF-8")],
    )
    .unwrap();
    assert!(first.starts_with(title(Lang::Fr)), "{first}");
    let first = generate_cli(&[], file, &[("LANG", "C.UTF-8")]).unwrap();
    assert!(first.starts_with(title(Lang::En)), "{first}");
    let first = generate_cli(&["--lang", "en"], file, &[("LANG", "de_DE")]).unwrap();
    assert!(first.starts_with(title(Lang::En)), "{first}");
}

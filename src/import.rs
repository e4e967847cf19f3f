//! Compose YAML → [`Design`], keeping everything the model cannot say.
//!
//! [`compose`] takes one or more compose files (a base plus overrides, merged in order as
//! `docker compose -f a -f b` does) and returns the design with a list of [`Notice`]s: what was
//! ignored, kept verbatim or inferred. It is pure: no file I/O. Files that `extends:` or
//! `include:` refer to are passed in by the caller ([`compose_with`]); [`referenced_files`] says
//! which ones a file wants, so a shell can read them and call again.
//!
//! Architecture invariants:
//! - **Nothing is silently lost.** A compose key is either represented exactly by the model, or
//!   its original value is kept verbatim in `Service::extra` / `Design::extra` (as JSON) and a
//!   [`NoticeKind::Verbatim`] notice says so. When the model can hold an approximation (a
//!   healthcheck whose interval is `$HEALTHCHECK_INTERVAL`), the model gets the approximation —
//!   so rules and the planner see it — *and* the key is kept verbatim. The generator's contract is therefore: a key present in `extra` is written as it
//!   stands, in place of whatever the model would render for that key.
//! - Interpolation (`${VAR}`, `${VAR:-default}`, `${VAR:?err}`, `$$`) is never performed: values
//!   are compose-level text in the model too. Only kind detection peeks at `${VAR:-default}`,
//!   and a port's container side written as a variable is resolved through the project `.env`
//!   (the model's container port is a number; a notice says so).
//! - Hostile input cannot hang or crash the importer: file size, alias expansion, nesting and
//!   service count are capped and reported as [`ImportError`]s; nothing here panics.
//! - Output is deterministic: services keep the file order, notices come in a stable order.
//! - Whatever the importer accepts is a valid design (`model::validate` finds nothing); a file
//!   compose itself would refuse as it stands (a service with neither image nor build — an
//!   override given without its base) is an [`ImportError::Incomplete`].
//!
//! Round trip (tests/import_roundtrip.rs): every corpus file is imported, generated with the
//! real generator and its base file compared with the original by `docker compose config`, key
//! by key; the generator's deliberate changes are normalised there and its remaining gaps are
//! listed in that test's baseline. What the import itself changes on purpose, each with a
//! notice where it matters:
//! - literal values of secret-looking variables are marked secret, so generated files reference
//!   them from `.env` instead of holding them (the value is kept in the design);
//! - links inferred from connection strings are marked `inferred`; they are not `depends_on`;
//! - the model's own defaults are not imposed: no `restart:` is `RestartPolicy::No`; a port
//!   range is expanded into single ports as compose expands it, a port without an address is
//!   bound to `0.0.0.0` explicitly, a host port given by a variable (`"${PORT:-8080}:80"`) is a
//!   port with `published_var` (its default from the project `.env` when the file gives none,
//!   a container port variable resolved through it, each with a notice), a healthcheck's
//!   missing timings are compose's defaults;
//!   an override's `command: []` (a reset) is kept verbatim, not read as "no command".

mod carried;
mod convert;
mod depends;
pub mod docker_run;
mod env_files;
mod environment;
mod fields;
mod kinds;
mod merge;
mod ports;
mod references;
mod service;
mod undefined_networks;
mod units;
mod volumes;
mod yaml;

pub use kinds::{detect_kind, Detected, GENERIC as GENERIC_KIND};
pub use references::referenced_files;
pub use yaml::{MAX_EXPANDED_NODES, MAX_FILE_BYTES};

use crate::i18n::{Lang, Message, Text};
use crate::model::Design;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Most services an import accepts (the model's own limit).
pub const MAX_SERVICES: usize = 1000;

/// A design made from compose files, with what the import had to say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub design: Design,
    pub notices: Vec<Notice>,
    /// The design came back from the one a generated file carries (`x-tierboard`): its board
    /// order is the user's, so the board shows it as it is instead of tidying it.
    pub carried: bool,
}

/// What kind of remark a [`Notice`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoticeKind {
    /// Dropped on purpose because it has no effect (the obsolete `version:`).
    Ignored,
    /// Kept as written in `extra` and written back by the generator.
    Verbatim,
    /// Guessed: a kind from an image, a link from a connection URL.
    Inferred,
    /// Changed on import; says how (a renamed service, a resolved `extends`).
    Changed,
    /// Two things that cannot both hold: a host port published twice, a `container_name` used
    /// twice, a variable with two values in two env files.
    Conflict,
}

/// One remark about the import, for the app's "kept verbatim" list and the CLI's stderr.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The service concerned (its design name), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The compose key concerned (`healthcheck`, `x-defaults`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The remark in no language yet: [`Notice::message`] renders it.
    #[serde(skip)]
    pub text: Message,
}

impl Notice {
    pub(crate) fn new(
        kind: NoticeKind,
        service: Option<&str>,
        key: Option<&str>,
        message: impl Into<Message>,
    ) -> Self {
        Notice {
            kind,
            service: service.map(str::to_string),
            key: key.map(str::to_string),
            text: message.into(),
        }
    }

    /// The remark in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.text.render(lang)
    }

    /// The whole line in `lang`: "kept verbatim: service \"api\": `ports`: …".
    pub fn render(&self, lang: Lang) -> String {
        let kind = match self.kind {
            NoticeKind::Ignored => notice_text::IGNORED,
            NoticeKind::Verbatim => notice_text::VERBATIM,
            NoticeKind::Inferred => notice_text::INFERRED,
            NoticeKind::Changed => notice_text::CHANGED,
            NoticeKind::Conflict => notice_text::CONFLICT,
        };
        let mut out = Message::plain(notice_text::PREFIX)
            .arg("kind", kind)
            .render(lang);
        if let Some(s) = &self.service {
            let service = Message::plain(notice_text::SERVICE).arg("name", format!("{s:?}"));
            out.push_str(&service.render(lang));
        }
        if let Some(k) = &self.key {
            let key = Message::plain(notice_text::KEY).arg("key", k.as_str());
            out.push_str(&key.render(lang));
        }
        out.push_str(&self.message(lang));
        out
    }
}

impl NoticeKind {
    /// The kind's name, as the import dialog groups notices ("Kept verbatim").
    pub fn text(self) -> Text {
        match self {
            NoticeKind::Ignored => notice_text::IGNORED_TITLE,
            NoticeKind::Verbatim => notice_text::VERBATIM_TITLE,
            NoticeKind::Inferred => notice_text::INFERRED_TITLE,
            NoticeKind::Changed => notice_text::CHANGED_TITLE,
            NoticeKind::Conflict => notice_text::CONFLICT_TITLE,
        }
    }
}

/// English, as the CLI printed notices before it spoke other languages.
impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// The words around a notice.
pub mod notice_text {
    crate::texts! {
        PREFIX { en: "{kind}: ", de: "{kind}: ", fr: "{kind} : " }
        SERVICE { en: "service {name}: ", de: "Service {name}: ", fr: "service {name} : " }
        KEY { en: "`{key}`: ", de: "`{key}`: ", fr: "`{key}` : " }
        IGNORED { en: "ignored", de: "ignoriert", fr: "ignoré" }
        VERBATIM { en: "kept verbatim", de: "unverändert übernommen", fr: "conservé tel quel" }
        INFERRED { en: "inferred", de: "abgeleitet", fr: "déduit" }
        CHANGED { en: "changed", de: "geändert", fr: "modifié" }
        IGNORED_TITLE { en: "Ignored", de: "Ignoriert", fr: "Ignoré" }
        VERBATIM_TITLE { en: "Kept verbatim", de: "Unverändert übernommen", fr: "Conservé tel quel" }
        INFERRED_TITLE { en: "Inferred", de: "Abgeleitet", fr: "Déduit" }
        CHANGED_TITLE { en: "Changed", de: "Geändert", fr: "Modifié" }
        CONFLICT { en: "conflict", de: "Konflikt", fr: "conflit" }
        CONFLICT_TITLE { en: "Conflicts", de: "Konflikte", fr: "Conflits" }
        CONFLICT_RULE { en: "{rule}: {services}", de: "{rule}: {services}", fr: "{rule} : {services}" }
    }
}

/// Why a set of files could not be imported. Every variant names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not YAML; line and column are 1-based.
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Over a cap (file size, alias expansion, nesting, service count).
    TooLarge { file: String, message: String },
    /// YAML, but not a compose file (no `services:` mapping, a service that is not a mapping...).
    NotCompose { file: String, message: String },
    /// A compose file that compose itself would refuse as it stands (a service with neither an
    /// image nor a build: usually an override file given without its base).
    Incomplete { file: String, message: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Syntax {
                file,
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "{file}: invalid YAML at line {line}, column {column}: {message}"
                )
            }
            ImportError::TooLarge { file, message } => write!(f, "{file}: {message}"),
            ImportError::NotCompose { file, message } => {
                write!(f, "{file}: not a compose file: {message}")
            }
            ImportError::Incomplete { file, message } => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Import compose files merged in order (base first, then overrides). `files` are
/// `(name, text)` pairs; the name is used in messages, to resolve relative `extends`/`include`
/// paths and, when the file has no `name:`, to name the design after its directory.
pub fn compose(files: &[(String, String)]) -> Result<Imported, ImportError> {
    compose_with(files, &[])
}

/// [`compose`], with the files that `extends: {file: ...}` and `include:` refer to. Their names
/// are paths as the referring file would resolve them (see [`referenced_files`]).
pub fn compose_with(
    files: &[(String, String)],
    referenced: &[(String, String)],
) -> Result<Imported, ImportError> {
    if let Some(restored) = carried::restore(files, referenced) {
        return restored;
    }
    plain(files, referenced)
}

/// [`compose_with`] without looking for a carried design (`x-tierboard`).
fn plain(
    files: &[(String, String)],
    referenced: &[(String, String)],
) -> Result<Imported, ImportError> {
    let mut notices = Vec::new();
    // By normalised path: how includes, extends and env files look them up.
    let refs = crate::sorting::btree_map(
        referenced
            .iter()
            .map(|(n, t)| (references::join("", n), t.as_str())),
    );
    let (merged, first_name) = merge::load(files, &refs, &mut notices)?;
    let lenient = !files.iter().any(|(name, _)| looks_like_override(name));
    // The project's `.env`: port variables take their defaults from it.
    let env: ports::ProjectEnv = refs
        .get(&references::join(&first_name, ".env"))
        .map(|text| crate::sorting::btree_map(env_files::parse_dotenv(text)))
        .unwrap_or_default();
    let mut design = service::design(&merged, &first_name, lenient, &env, &mut notices)?;
    // Variables the ports were written with: a port read through `.env` no longer names its
    // container variable, but the project still needs its value (the app listens on it).
    let port_variables = crate::sorting::btree_set(
        merged
            .get("services")
            .and_then(serde_yaml::Value::as_mapping)
            .into_iter()
            .flat_map(|services| services.values())
            .filter_map(|s| s.get("ports"))
            .flat_map(|ports| {
                let text = convert::to_json(ports).to_string();
                crate::model::interpolation::references(&text)
                    .into_iter()
                    .map(|r| r.name.to_string())
                    .collect::<Vec<_>>()
            }),
    );
    env_files::apply(
        &mut design,
        &first_name,
        &refs,
        &port_variables,
        &mut notices,
    );
    service::reclassify(&mut design, &mut notices);
    undefined_networks::declare(&mut design, &mut notices);
    if files.len() > 1 {
        conflicts(&design, &mut notices);
    }
    Ok(Imported {
        design,
        notices,
        carried: false,
    })
}

/// Whether a file name says "override" (`docker-compose.override.yml`, `compose.prod.yaml`,
/// `overrides/compose.mariadb.yaml`): a service without an image there is one its base file
/// defines, so the import asks for the base instead of taking the service as it is.
pub fn looks_like_override(path: &str) -> bool {
    let name = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    let name = name.strip_suffix(".example").unwrap_or(&name);
    if name.contains("override") {
        return true;
    }
    let Some(stem) = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
    else {
        return false;
    };
    ["docker-compose.", "compose."]
        .iter()
        .any(|base| stem.strip_prefix(base).is_some_and(|rest| !rest.is_empty()))
}

/// The checklist rules about things that cannot both hold, reported when several files were
/// merged (where one file's port or name meets another's).
pub const CONFLICT_RULES: &[&str] = &[
    "compose-up-works",
    "unique-container-names",
    "no-shared-writable-binds",
];

fn conflicts(design: &Design, notices: &mut Vec<Notice>) {
    let report = crate::rules::check(design);
    for id in CONFLICT_RULES {
        let Some(result) = report.result(id).filter(|r| !r.services.is_empty()) else {
            continue;
        };
        let Some(rule) = result.descriptor() else {
            continue;
        };
        let names: Vec<&str> = result.services.iter().map(|s| &*s.name).collect();
        notices.push(Notice::new(
            NoticeKind::Conflict,
            None,
            Some(id),
            Message::plain(notice_text::CONFLICT_RULE)
                .arg("rule", rule.title)
                .arg("services", names.join(", ")),
        ));
    }
}

/// Whether `text` reads like a compose file rather than a design file: YAML (not JSON) with a
/// top-level `services:` (or `include:`) key. Cheap and forgiving — it only routes input, the
/// importer still reports real errors. Meant for `tierboard check FILE`.
pub fn looks_like_compose(text: &str) -> bool {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        // A design file is JSON. (JSON is also YAML, but compose files written as JSON are rare
        // and a design never has a top-level `services` *mapping*; the JSON parser decides.)
        return serde_json::from_str::<serde_json::Value>(trimmed)
            .ok()
            .and_then(|v| v.get("services").map(|s| s.is_object()))
            .unwrap_or(false);
    }
    text.lines().any(|line| {
        let line = line.trim_end();
        ["services:", "include:"]
            .iter()
            .any(|k| line == *k || line.starts_with(&format!("{k} ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_files_are_told_apart_from_design_files() {
        assert!(looks_like_compose("services:\n  web:\n    image: nginx\n"));
        assert!(looks_like_compose(
            "# c\nversion: '3'\nservices: # x\n  a: {image: b}\n"
        ));
        assert!(looks_like_compose(r#"{"services": {"a": {"image": "b"}}}"#));
        assert!(!looks_like_compose(r#"{"name": "shop", "services": []}"#));
        assert!(!looks_like_compose("name: x\n"));
    }

    #[test]
    fn every_notice_text_is_well_formed_and_translated() {
        let modules: [&[(&str, Text)]; 12] = [
            notice_text::ALL,
            carried::ALL,
            carried::edits::ALL,
            service::ALL,
            merge::ALL,
            merge::extends::ALL,
            merge::include::ALL,
            depends::ALL,
            environment::ALL,
            fields::ALL,
            ports::ALL,
            volumes::ALL,
        ];
        for all in modules {
            crate::i18n::assert_well_formed(all);
            for (name, t) in all {
                // Punctuation-only frames ("{kind}: ") may read alike.
                let frame = [
                    "{kind}: ",
                    "`{key}`: ",
                    "{key}: {field}: {value}",
                    "{rule}: {services}",
                ]
                .contains(&t.en);
                assert!(frame || t.de != t.en, "{name} untranslated in de");
                assert!(frame || t.fr != t.en, "{name} untranslated in fr");
            }
        }
    }

    #[test]
    fn override_files_are_told_by_their_names() {
        for name in [
            "docker-compose.override.yml",
            "p/compose.prod.yaml",
            "overrides/compose.mariadb.yaml",
            "docker-compose.override.yml.example",
        ] {
            assert!(looks_like_override(name), "{name}");
        }
        for name in [
            "compose.yaml",
            "p/docker-compose.yml",
            "common-services.yml",
            "pasted YAML",
        ] {
            assert!(!looks_like_override(name), "{name}");
        }
    }

    #[test]
    fn a_service_without_image_or_build_imports_leniently_unless_the_file_is_an_override() {
        let text =
            "services:\n  app:\n    image: nginx:1.27\n  worker:\n    command: [run]\n".to_string();
        let imported =
            compose(&[("common-services.yml".to_string(), text.clone())]).expect("lenient");
        let worker = imported.design.service_by_name("worker").expect("imported");
        assert_eq!(worker.kind, "custom");
        assert_eq!(
            worker.image.as_ref().map(|i| i.reference()).as_deref(),
            Some("${WORKER_IMAGE}")
        );
        assert!(crate::model::validate(&imported.design).is_empty());
        assert!(imported
            .notices
            .iter()
            .any(|n| n.service.as_deref() == Some("worker")
                && n.render(Lang::En).contains("${WORKER_IMAGE}")));
        let report = crate::rules::check(&imported.design);
        let flagged = report.result("image-or-build").expect("the rule ran");
        assert_eq!(flagged.services.len(), 1);
        let refused = compose(&[("docker-compose.override.yml".to_string(), text)]);
        assert!(
            matches!(&refused, Err(ImportError::Incomplete { message, .. }) if message.contains("override")),
            "{refused:?}"
        );
    }

    #[test]
    fn conflicts_between_merged_files_are_reported() {
        let files = [
            (
                "compose.yaml".to_string(),
                "services:\n  web:\n    image: nginx:1.27\n    container_name: shop\n    ports: [\"8080:80\"]\n"
                    .to_string(),
            ),
            (
                "compose.admin.yaml".to_string(),
                "services:\n  admin:\n    image: adminer:4\n    container_name: shop\n    ports: [\"127.0.0.1:8080:8080\"]\n"
                    .to_string(),
            ),
        ];
        let imported = compose(&files).expect("imports");
        let conflicts: Vec<String> = imported
            .notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Conflict)
            .map(|n| n.render(Lang::De))
            .collect();
        assert_eq!(conflicts.len(), 2, "{conflicts:?}");
        assert!(
            conflicts[0].starts_with("Konflikt: `compose-up-works`: "),
            "{conflicts:?}"
        );
        assert!(conflicts[0].ends_with("web, admin"), "{conflicts:?}");
        assert!(conflicts[1].contains("`unique-container-names`"));
        // One file alone is the checklist's business.
        let one = compose(&files[..1]).expect("imports");
        assert!(one.notices.iter().all(|n| n.kind != NoticeKind::Conflict));
    }

    #[test]
    fn a_notice_reads_in_every_language() {
        let files = [(
            "compose.yml".to_string(),
            "version: '3'\nservices:\n  api:\n    image: nginx:1.27\n".to_string(),
        )];
        let imported = compose(&files).expect("imports");
        let version = imported
            .notices
            .iter()
            .find(|n| n.key.as_deref() == Some("version"))
            .expect("the version notice");
        assert_eq!(
            version.render(Lang::En),
            "ignored: `version`: the top-level `version` is obsolete and ignored by compose"
        );
        assert_eq!(
            version.render(Lang::De),
            "ignoriert: `version`: das `version` auf oberster Ebene ist veraltet und wird von \
             Compose ignoriert"
        );
        assert!(version
            .render(Lang::Fr)
            .starts_with("ignoré : `version` : "));
        assert_eq!(version.to_string(), version.render(Lang::En));
        let files = [(
            "compose.yml".to_string(),
            "services:\n  api:\n    image: nginx:1.27\n    ports: [\"${IP}:8080:80\"]\n"
                .to_string(),
        )];
        let imported = compose(&files).expect("imports");
        let ports = imported
            .notices
            .iter()
            .find(|n| n.key.as_deref() == Some("ports"))
            .expect("the ports notice");
        assert_eq!(
            ports.message(Lang::En),
            "kept as written (\"${IP}:8080:80\": the interface is a variable)"
        );
        assert_eq!(
            ports.message(Lang::De),
            "unverändert übernommen (\"${IP}:8080:80\": die Schnittstelle ist eine Variable)"
        );
    }
}

//! Compose family: `docker-compose.yml` (base), `docker-compose.override.yml` (dev),
//! `docker-compose.prod.yml`, `docker-compose.ci.yml`, `.env.example`, `.gitignore`,
//! `.dockerignore` files and `secrets/README.md`.
//!
//! Shape (Spring Initializr's model/writer split): [`plan`] works out the facts every file shares
//! (networks, dependencies, ports and their variables, secrets); one module per file builds a
//! typed [`model::ComposeFile`]; [`writer`] turns it into YAML through serde_yaml. No YAML is
//! glued from strings, so user text (names, values, commands, labels) is quoted by construction.
//!
//! Invariants: output is deterministic (maps are sorted, the plan iterates in a fixed order);
//! every `${VAR}` in a compose file has a default or a line in `.env.example`; no secret value
//! appears in any file.

mod base;
mod ci;
mod dev_override;
mod env_example;
mod ignore_files;
pub mod model;
pub mod order;
mod plan;
mod prod;
mod secrets_readme;
mod verbatim;
pub mod writer;

use super::GeneratedFile;
use crate::generate::layout::Facts;
use crate::generate::{headers, layout};
use crate::i18n::Lang;
use crate::model::Design;
use model::ComposeFile;
use plan::ComposePlan;

/// Paths of the compose files (the CI workflow and docs refer to the same names).
pub const BASE: &str = "docker-compose.yml";
pub const OVERRIDE: &str = "docker-compose.override.yml";
pub const PROD: &str = "docker-compose.prod.yml";
pub const CI: &str = "docker-compose.ci.yml";

pub fn files(design: &Design, facts: &Facts) -> Vec<GeneratedFile> {
    let plan = ComposePlan::new(design, facts.version_var);
    let lang = design.settings.docs_lang;
    let models = [
        (BASE, base::file(&plan), headers::COMPOSE_BASE.fill(lang, &[("cmd", "docker compose up -d")])),
        (OVERRIDE, dev_override::file(&plan), headers::COMPOSE_OVERRIDE.fill(lang, &[("cmd", "docker compose up")])),
        (PROD, prod::file(&plan), headers::COMPOSE_PROD.fill(lang, &[("cmd", &format!("{}=1.2.3 docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d", plan.version_var))])),
        (CI, ci::file(&plan), headers::COMPOSE_CI.fill(lang, &[("cmd", "docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait")])),
    ];
    let mut files: Vec<GeneratedFile> = models
        .iter()
        .map(|(path, file, usage)| compose(path, file, lang, usage))
        .collect();
    let compose_strings = |visit: &mut dyn FnMut(&str)| {
        models
            .iter()
            .for_each(|(_, file, _)| each_string(file, visit))
    };
    let env = env_example::text(&plan, &compose_strings, &design.variables);
    files.push(GeneratedFile::text(".env.example", env));
    files.push(GeneratedFile::text(".gitignore", ignore_files::gitignore()));
    files.push(GeneratedFile::text(
        format!("{}/README.md", layout::SECRETS_DIR),
        secrets_readme::text(&plan),
    ));
    files.extend(ignore_files::dockerignore_files(&plan));
    files
}

/// Every string of a compose model as it is written (pass-through keys included), for the
/// variables `.env.example` lists.
fn each_string(file: &ComposeFile, visit: &mut dyn FnMut(&str)) {
    if file.has_verbatim() {
        if let Ok(mut value) = serde_yaml::to_value(file) {
            verbatim::apply(&mut value, file);
            crate::model::strings::each_string(&value, visit);
        }
    } else {
        crate::model::strings::each_string(file, visit);
    }
}

/// One compose file with its usage line as a header comment. Serialising the typed model cannot
/// fail in practice; should it, the file says so instead of panicking.
fn compose(path: &str, file: &ComposeFile, lang: Lang, usage: &str) -> GeneratedFile {
    let header = format!(
        "# {}\n# {usage}\n",
        headers::GENERATED.fill(lang, &[("path", path)])
    );
    let body = if file.has_verbatim() {
        // Pass-through keys are merged into the value tree (`verbatim::apply`).
        serde_yaml::to_value(file)
            .map_err(|e| e.to_string())
            .and_then(|mut value| {
                verbatim::apply(&mut value, file);
                writer::to_yaml(&value)
            })
    } else {
        writer::to_yaml(file)
    };
    let text = body
        .map(|body| format!("{header}{body}"))
        .unwrap_or_else(|e| format!("{header}# generation failed: {}\n", e.replace('\n', " ")));
    GeneratedFile::text(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, PATTERNS};

    /// Files without pass-through keys are written straight from the typed model, files with
    /// them from its value tree: both paths must give the same text for the same file.
    #[test]
    fn the_typed_model_and_its_value_tree_give_the_same_text() {
        let stress = include_str!("../../tests/fixtures/stress-30.json");
        let mut designs: Vec<Design> = PATTERNS.iter().map(instantiate).collect();
        designs.push(Design::from_json(stress).expect("the stress fixture is valid"));
        for design in &designs {
            let plan = ComposePlan::new(design, "VERSION");
            for file in [
                base::file(&plan),
                dev_override::file(&plan),
                prod::file(&plan),
                ci::file(&plan),
            ] {
                let value = serde_yaml::to_value(&file).expect("a compose model serialises");
                assert_eq!(
                    writer::to_yaml(&file),
                    writer::to_yaml(&value),
                    "{}",
                    design.name
                );
            }
        }
    }
}

//! `secrets/README.md`: how to create the secret files `docker-compose.prod.yml` reads. The
//! directory is git-ignored except for this file, so real secrets are never committed. Written in
//! the design's documentation language (`texts`).

pub mod texts;

use super::plan::ComposePlan;
use crate::generate::layout;

pub fn text(plan: &ComposePlan) -> String {
    let lang = plan.design.settings.docs_lang;
    let dir = layout::SECRETS_DIR;
    let mut out = format!(
        "# {}\n\n{}\n\n",
        texts::TITLE.get(lang),
        texts::INTRO.fill(lang, &[("dir", dir)])
    );
    if plan.secret_files.is_empty() {
        out.push_str(texts::NONE.get(lang));
        out.push('\n');
    } else {
        out.push_str(texts::TABLE_HEADER.get(lang));
        out.push_str("\n| --- | --- |\n");
        for (name, key) in &plan.secret_files {
            let file_key = plan
                .services
                .iter()
                .flat_map(|s| &s.secrets)
                .find(|u| &u.key == key)
                .and_then(|u| u.file_env.clone())
                .unwrap_or_default();
            out.push_str(&format!(
                "| `{dir}/{name}.txt` | `{file_key}` {} |\n",
                texts::INSTEAD_OF.fill(lang, &[("key", &format!("`{key}`"))])
            ));
        }
        out.push_str(&format!(
            "\n{}\n\n\
             ```sh\n\
             umask 077\n\
             printf '%s' '{}' > {dir}/<name>.txt\n\
             ```\n",
            texts::CREATE.get(lang),
            texts::SECRET_VALUE.get(lang)
        ));
    }
    let from_env: Vec<String> = plan
        .services
        .iter()
        .flat_map(|s| {
            s.secrets
                .iter()
                .filter(|u| u.file_env.is_none())
                .map(move |u| format!("`{}` ({})", u.key, s.service.name))
        })
        .collect();
    if !from_env.is_empty() {
        out.push('\n');
        out.push_str(&texts::FROM_ENV.fill(lang, &[("list", &from_env.join(", "))]));
        out.push('\n');
    }
    out
}

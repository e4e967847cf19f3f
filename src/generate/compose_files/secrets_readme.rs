//! `secrets/README.md`: how to create the secret files `docker-compose.prod.yml` reads. The
//! directory is git-ignored except for this file, so real secrets are never committed.

use super::plan::Plan;
use crate::generate::layout;

pub fn text(plan: &Plan) -> String {
    let dir = layout::SECRETS_DIR;
    let mut out = format!(
        "# Secrets\n\n\
         `docker-compose.prod.yml` mounts each file below as a Docker secret\n\
         (`/run/secrets/<name>` in the container). Everything in `{dir}/` except this README is\n\
         ignored by git: create the files on the deployment host, never commit them.\n\n"
    );
    if plan.secret_files.is_empty() {
        out.push_str("This design has no secret that an image reads from a file.\n");
    } else {
        out.push_str("| File | Environment variable in the container |\n| --- | --- |\n");
        for (name, key) in &plan.secret_files {
            let file_key = plan
                .services
                .iter()
                .flat_map(|s| &s.secrets)
                .find(|u| &u.key == key)
                .and_then(|u| u.file_env.clone())
                .unwrap_or_default();
            out.push_str(&format!(
                "| `{dir}/{name}.txt` | `{file_key}` (instead of `{key}`) |\n"
            ));
        }
        out.push_str(&format!(
            "\nCreate them without a trailing newline and readable only by you:\n\n\
             ```sh\n\
             umask 077\n\
             printf '%s' 'the-secret-value' > {dir}/<name>.txt\n\
             ```\n"
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
        out.push_str(&format!(
            "\nThese images do not read secrets from files, so prod passes them from `.env` like the\n\
             other environments: {}. Keep `.env` on the host with mode 600.\n",
            from_env.join(", ")
        ));
    }
    out
}

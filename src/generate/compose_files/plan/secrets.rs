//! How a secret variable reaches its service in the prod file: as a Docker secret file when the
//! image reads `<KEY>_FILE`, else from `.env` like the other environments.

use crate::model::{EnvVar, Service};

/// How a service receives one secret in the prod file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretUse {
    /// The environment key (`POSTGRES_PASSWORD`), also the `.env` variable.
    pub key: String,
    /// Docker secret name (`postgres_password`).
    pub name: String,
    /// `Some("POSTGRES_PASSWORD_FILE")` when the image reads the secret from a file.
    pub file_env: Option<String>,
}

/// The `_FILE` variant of a secret key when the image reads secrets from files (official images
/// of postgres, mysql, mariadb and mongo; grafana uses `__FILE`). Others get the value from `.env`.
pub fn file_env_key(s: &Service, e: &EnvVar) -> Option<String> {
    let image = s.image.as_ref()?;
    let repo = image.name.rsplit('/').next().unwrap_or(&image.name);
    match repo {
        "postgres" | "mysql" | "mariadb" | "mongo" => Some(format!("{}_FILE", e.key)),
        "grafana" | "grafana-oss" | "grafana-enterprise" if e.key.starts_with("GF_") => {
            Some(format!("{}__FILE", e.key))
        }
        _ => None,
    }
}

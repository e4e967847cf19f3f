//! Secret environment variables as files (Helm chart and Swarm stack alike).
//!
//! A secret value never appears in a generated file. In the cluster each service with secrets
//! mounts one existing Kubernetes Secret (`existingSecretName`, created by the operator from the
//! files under `secrets/`) read-only at `/run/secrets`, one file per key, named like the Docker
//! secret (`postgres_password`). Environment variables holding secrets (`secretKeyRef`) are
//! avoided: they leak into `kubectl describe`, crash dumps and child processes (checkov
//! CKV_K8S_35). Where the image reads `<KEY>_FILE` that variable points at the file; where it
//! does not, the file is mounted and the chart README says the image must be told to read it.

use crate::model::{EnvVar, Service};

/// The file name of a secret key: lower case, `-` and `.` as `_` (`POSTGRES_PASSWORD` → `postgres_password`).
pub fn file_name(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The variable that makes the image read `e` from a file, if the image supports one: the
/// official postgres, mysql, mariadb and mongo images (and Supabase's postgres) read `<KEY>_FILE`;
/// MinIO and Elasticsearch read `<KEY>_FILE` for their passwords; Grafana reads `GF_..__FILE`.
pub fn file_env(service: &Service, e: &EnvVar) -> Option<String> {
    let repo = service
        .image
        .as_ref()
        .map(|i| i.name.rsplit('/').next().unwrap_or(&i.name).to_string());
    match repo.as_deref().unwrap_or("") {
        "postgres" | "mysql" | "mariadb" | "mongo" => Some(format!("{}_FILE", e.key)),
        "grafana" | "grafana-oss" | "grafana-enterprise" if e.key.starts_with("GF_") => {
            Some(format!("{}__FILE", e.key))
        }
        "minio" if e.key.starts_with("MINIO_ROOT_") => Some(format!("{}_FILE", e.key)),
        "elasticsearch" if e.key == "ELASTIC_PASSWORD" => Some(format!("{}_FILE", e.key)),
        _ => None,
    }
}

/// The secret variables of a service, in design order.
pub fn secret_vars(service: &Service) -> impl Iterator<Item = &EnvVar> {
    service.environment.iter().filter(|e| e.secret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Image, ServiceId, Tier};

    fn with_image(name: &str) -> Service {
        let mut s = Service::new(ServiceId(1), "x", "custom", Tier::Data);
        s.image = Some(Image::new(name, "1"));
        s
    }

    #[test]
    fn images_that_read_files_get_the_file_variable() {
        let e = EnvVar::secret("POSTGRES_PASSWORD");
        assert_eq!(
            file_env(&with_image("postgres"), &e).as_deref(),
            Some("POSTGRES_PASSWORD_FILE")
        );
        assert_eq!(
            file_env(&with_image("supabase/postgres"), &e).as_deref(),
            Some("POSTGRES_PASSWORD_FILE")
        );
        let g = EnvVar::secret("GF_SECURITY_ADMIN_PASSWORD");
        assert_eq!(
            file_env(&with_image("grafana/grafana"), &g).as_deref(),
            Some("GF_SECURITY_ADMIN_PASSWORD__FILE")
        );
    }

    #[test]
    fn other_images_get_no_file_variable() {
        assert_eq!(
            file_env(
                &with_image("ngrok/ngrok"),
                &EnvVar::secret("NGROK_AUTHTOKEN")
            ),
            None
        );
    }

    #[test]
    fn file_names_are_lower_case() {
        assert_eq!(
            file_name("QDRANT__SERVICE__API_KEY"),
            "qdrant__service__api_key"
        );
    }
}

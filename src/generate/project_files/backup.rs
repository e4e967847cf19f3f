//! `scripts/backup.sh` and the backup knowledge the docs share: how each kind of data service is
//! dumped and restored. Written when a service is marked `backup: true`.
//!
//! Methods by image (so imported designs are covered too): PostgreSQL family → `pg_dump`
//! (custom format), MySQL → `mysqldump`, MariaDB → `mariadb-dump`, MongoDB → `mongodump`,
//! Redis/Valkey → `BGSAVE` then copy `dump.rdb`; anything else with named volumes → a copy of
//! each volume's directory (`docker compose cp`), consistent only when the service is idle.
//! Credentials are read inside the container from the variables the official images use, or
//! from their `*_FILE` variants (Docker secrets in the prod compose file).

use super::app::host;
use super::template::fill;
use crate::generate::{headers, layout, GeneratedFile};
use crate::model::{Design, MountKind, Service};

pub const PATH: &str = "scripts/backup.sh";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Postgres,
    Mysql,
    Mariadb,
    Mongo,
    Redis,
    /// Copy of the named volumes' directories.
    Volumes,
}

impl Method {
    pub fn label(self) -> &'static str {
        match self {
            Method::Postgres => "PostgreSQL (pg_dump)",
            Method::Mysql => "MySQL (mysqldump)",
            Method::Mariadb => "MariaDB (mariadb-dump)",
            Method::Mongo => "MongoDB (mongodump)",
            Method::Redis => "Redis (BGSAVE + dump.rdb)",
            Method::Volumes => "volume copy (docker compose cp)",
        }
    }
}

/// How `service` is backed up, if it holds data Tierboard knows how to save.
pub fn method(service: &Service) -> Option<Method> {
    let image = service
        .image
        .as_ref()
        .map(|i| i.name.rsplit('/').next().unwrap_or("").to_ascii_lowercase())
        .unwrap_or_default();
    let kind = service.kind.to_ascii_lowercase();
    let is = |word: &str| image.contains(word) || kind.contains(word);
    if is("postgres") || is("postgis") || is("timescale") || kind == "supabase-db" {
        Some(Method::Postgres)
    } else if is("mariadb") {
        Some(Method::Mariadb)
    } else if is("mysql") {
        Some(Method::Mysql)
    } else if is("mongo") {
        Some(Method::Mongo)
    } else if is("redis") || is("valkey") {
        Some(Method::Redis)
    } else if service.volumes.iter().any(|m| m.kind == MountKind::Named) {
        Some(Method::Volumes)
    } else {
        None
    }
}

/// Where a `Volumes`-method service keeps its data: the target of its first named volume, else
/// `/data`.
fn volume_target(service: &Service) -> &str {
    service
        .volumes
        .iter()
        .find(|m| m.kind == MountKind::Named)
        .map_or("/data", |m| m.target.as_str())
}

/// The one-line backup command shown in the docs (writes to `backups/`).
pub fn command(service: &Service, method: Method) -> String {
    let h = host(service);
    match method {
        Method::Postgres => format!("docker compose exec -T {h} sh -c 'pg_dump -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\" --format=custom' > backups/{h}.dump"),
        Method::Mysql => format!("docker compose exec -T {h} sh -c 'exec mysqldump --all-databases --single-transaction -uroot -p\"$MYSQL_ROOT_PASSWORD\"' > backups/{h}.sql"),
        Method::Mariadb => format!("docker compose exec -T {h} sh -c 'exec mariadb-dump --all-databases --single-transaction -uroot -p\"$MARIADB_ROOT_PASSWORD\"' > backups/{h}.sql"),
        Method::Mongo => format!("docker compose exec -T {h} sh -c 'mongodump --archive --gzip ${{MONGO_INITDB_ROOT_USERNAME:+--username \"$MONGO_INITDB_ROOT_USERNAME\" --password \"$MONGO_INITDB_ROOT_PASSWORD\" --authenticationDatabase admin}}' > backups/{h}.archive.gz"),
        Method::Redis => format!("docker compose exec -T {h} redis-cli BGSAVE && docker compose cp {h}:/data/dump.rdb backups/{h}.rdb"),
        Method::Volumes => {
            let target = volume_target(service);
            format!("docker compose cp {h}:{target} backups/{h}")
        }
    }
}

/// The matching restore command for the docs.
pub fn restore(service: &Service, method: Method) -> String {
    let h = host(service);
    match method {
        Method::Postgres => format!("docker compose exec -T {h} sh -c 'pg_restore -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\" --clean --if-exists' < backups/<stamp>/{h}.dump"),
        Method::Mysql => format!("docker compose exec -T {h} sh -c 'exec mysql -uroot -p\"$MYSQL_ROOT_PASSWORD\"' < backups/<stamp>/{h}.sql"),
        Method::Mariadb => format!("docker compose exec -T {h} sh -c 'exec mariadb -uroot -p\"$MARIADB_ROOT_PASSWORD\"' < backups/<stamp>/{h}.sql"),
        Method::Mongo => format!("docker compose exec -T {h} sh -c 'mongorestore --archive --gzip --drop ${{MONGO_INITDB_ROOT_USERNAME:+--username \"$MONGO_INITDB_ROOT_USERNAME\" --password \"$MONGO_INITDB_ROOT_PASSWORD\" --authenticationDatabase admin}}' < backups/<stamp>/{h}.archive.gz"),
        Method::Redis => format!("docker compose stop {h} && docker compose cp backups/<stamp>/{h}.rdb {h}:/data/dump.rdb && docker compose start {h}"),
        Method::Volumes => {
            let target = volume_target(service);
            format!("docker compose stop {h} && docker compose cp backups/<stamp>/{h}/. {h}:{target} && docker compose start {h}")
        }
    }
}

/// Services marked for backup, with their method.
pub fn targets(design: &Design) -> Vec<(&Service, Method)> {
    design
        .services
        .iter()
        .filter(|s| s.backup)
        .filter_map(|s| method(s).map(|m| (s, m)))
        .collect()
}

const HEAD: &str = r#"#!/bin/sh
# @TITLE@
#
# @USAGE@ scripts/backup.sh @OPTIONS@
#   @EG@ scripts/backup.sh -f docker-compose.yml -f docker-compose.prod.yml
# @CREDENTIALS@
set -eu
umask 077

stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="backups/${stamp}"
mkdir -p "$dir"
"#;

const TAIL: &str = r#"
echo "backup: done, files in ${dir}"
"#;

/// Reads a secret inside the container from `VAR`, else from the file named by `VAR_FILE`
/// (the prod compose file passes database passwords as Docker secrets through `*_FILE`).
fn secret(var: &str) -> String {
    format!("${{{var}:-$(cat \"${{{var}_FILE:-/dev/null}}\")}}")
}

/// The script run inside the container (fed to `sh -s` through a quoted here-document, so the
/// host shell expands nothing in it).
fn inner(service: &Service, method: Method) -> Option<String> {
    let data_dir = named_target(service);
    Some(match method {
        // The official image trusts local socket connections: no password needed.
        Method::Postgres => "exec pg_dump -U \"$POSTGRES_USER\" -d \"${POSTGRES_DB:-$POSTGRES_USER}\" --format=custom\n".to_string(),
        Method::Mysql => format!(
            "MYSQL_PWD=\"{}\"\nexport MYSQL_PWD\nexec mysqldump --all-databases --single-transaction -uroot\n",
            secret("MYSQL_ROOT_PASSWORD")
        ),
        Method::Mariadb => format!(
            "MYSQL_PWD=\"{}\"\nexport MYSQL_PWD\nexec mariadb-dump --all-databases --single-transaction -uroot\n",
            secret("MARIADB_ROOT_PASSWORD")
        ),
        Method::Mongo => format!(
            "user=\"{}\"\npass=\"{}\"\nif [ -n \"$user\" ]; then\n  exec mongodump --archive --gzip --username \"$user\" --password \"$pass\" --authenticationDatabase admin\nfi\nexec mongodump --archive --gzip\n",
            secret("MONGO_INITDB_ROOT_USERNAME"),
            secret("MONGO_INITDB_ROOT_PASSWORD")
        ),
        Method::Redis => format!(
            "if [ -n \"${{REDIS_PASSWORD:-}}\" ]; then\n  REDISCLI_AUTH=\"$REDIS_PASSWORD\"\n  export REDISCLI_AUTH\nfi\n\
             # BGSAVE returns at once: wait until LASTSAVE moves.\n\
             before=$(redis-cli LASTSAVE)\n\
             redis-cli BGSAVE > /dev/null\n\
             tries=0\n\
             while [ \"$(redis-cli LASTSAVE)\" = \"$before\" ]; do\n\
             \x20 tries=$((tries + 1))\n\
             \x20 if [ \"$tries\" -gt 120 ]; then\n\
             \x20   echo \"BGSAVE did not finish in 120s\" >&2\n\
             \x20   exit 1\n\
             \x20 fi\n\
             \x20 sleep 1\n\
             done\n\
             test -f {data_dir}/dump.rdb\n"
        ),
        Method::Volumes => return None,
    })
}

fn named_target(service: &Service) -> String {
    shell_safe_path(volume_target(service))
}

/// The shell lines that back up one service into `$dir`.
fn section(service: &Service, method: Method) -> String {
    let h = host(service);
    let heredoc = |script: String, output: &str| {
        format!("docker compose \"$@\" exec -T {h} sh -s{output} <<'IN_CONTAINER'\n{script}IN_CONTAINER\n")
    };
    let body = match (method, inner(service, method)) {
        (Method::Postgres, Some(script)) => heredoc(script, &format!(" > \"$dir/{h}.dump\"")),
        (Method::Mysql | Method::Mariadb, Some(script)) => {
            heredoc(script, &format!(" > \"$dir/{h}.sql\""))
        }
        (Method::Mongo, Some(script)) => heredoc(script, &format!(" > \"$dir/{h}.archive.gz\"")),
        (Method::Redis, Some(script)) => {
            heredoc(script, "")
                + &format!(
                    "docker compose \"$@\" cp {h}:{}/dump.rdb \"$dir/{h}.rdb\"\n",
                    named_target(service)
                )
        }
        _ => {
            let mut lines = String::from("# Plain copy: consistent only while the service is idle (stop it for a cold copy).\n");
            for m in service
                .volumes
                .iter()
                .filter(|m| m.kind == MountKind::Named)
            {
                let name = layout::slug(&m.source);
                let target = shell_safe_path(&m.target);
                lines.push_str(&format!(
                    "docker compose \"$@\" cp {h}:{target} \"$dir/{h}-{name}\"\n"
                ));
            }
            lines
        }
    };
    format!("\necho \"backup: {h}, {}\"\n{body}", method.label())
}

/// A container path for the script: only `[A-Za-z0-9_./-]`, so it needs no quoting.
fn shell_safe_path(path: &str) -> String {
    let kept: String = path
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'))
        .collect();
    if kept.starts_with('/') {
        kept
    } else {
        format!("/{kept}")
    }
}

pub fn file(design: &Design) -> Option<GeneratedFile> {
    let targets = targets(design);
    if targets.is_empty() {
        return None;
    }
    let lang = design.settings.docs_lang;
    let title = headers::BACKUP.fill(
        lang,
        &[
            ("name", &layout::project_name(design)),
            ("dir", headers::UTC_DIR.get(lang)),
            ("doc", layout::OPS_DOC),
            ("section", super::ops_doc::texts::H_BACKUP.get(lang)),
        ],
    );
    let mut text = fill(
        HEAD,
        &[
            ("TITLE", &title),
            ("USAGE", headers::USAGE.get(lang)),
            ("OPTIONS", headers::COMPOSE_OPTIONS.get(lang)),
            ("EG", headers::EXAMPLE.get(lang)),
            ("CREDENTIALS", headers::BACKUP_CREDENTIALS.get(lang)),
        ],
    );
    for (service, method) in targets {
        text.push_str(&section(service, method));
    }
    text.push_str(TAIL);
    Some(GeneratedFile::script(PATH, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Image, Mount, ServiceId, Tier};

    fn data(name: &str, image: &str) -> Service {
        let mut s = Service::new(ServiceId(1), name, "custom", Tier::Data);
        s.image = Some(Image::parse(image));
        s.backup = true;
        s
    }

    #[test]
    fn the_method_follows_the_image() {
        assert_eq!(
            method(&data("db", "postgres:16-alpine")),
            Some(Method::Postgres)
        );
        assert_eq!(method(&data("db", "mysql:8.4")), Some(Method::Mysql));
        assert_eq!(method(&data("db", "mariadb:11")), Some(Method::Mariadb));
        assert_eq!(method(&data("db", "mongo:7")), Some(Method::Mongo));
        assert_eq!(
            method(&data("cache", "valkey/valkey:8")),
            Some(Method::Redis)
        );
        assert_eq!(method(&data("x", "minio/minio:RELEASE.2024")), None);
        let mut minio = data("files", "minio/minio:RELEASE.2024");
        minio.volumes.push(Mount::named("files_data", "/data"));
        assert_eq!(method(&minio), Some(Method::Volumes));
    }

    #[test]
    fn no_service_marked_no_script() {
        let mut d = Design::new("x");
        let mut db = data("db", "postgres:16");
        db.backup = false;
        d.services.push(db);
        assert!(file(&d).is_none());
        d.services[0].backup = true;
        let script = file(&d).unwrap();
        assert!(script.executable);
        assert!(script.contents.contains("pg_dump"), "{}", script.contents);
    }
}

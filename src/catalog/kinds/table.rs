//! The catalog rows, in palette order (frontend, backend, data, then the generic kind).
//!
//! Every row names only what differs from `BASE`. Each choice that is not obvious from the image
//! carries a comment: why this hardening fit, why this healthcheck works in this image.

use super::{env, secret, HardeningFit, Kind, KindCategory, KindSource, BASE};
use crate::i18n::Text;
use crate::model::{Language, Tier};

/// The four services seed 000 builds from source share their healthcheck by language.
const PYTHON_HEALTH: &[&str] = &[
    "CMD",
    "python",
    "-c",
    "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/health', timeout=3)",
];
const NODE_HEALTH: &[&str] = &[
    "CMD",
    "node",
    "-e",
    "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))",
];
/// Distroless runtime: no shell, so the binary checks itself.
const BINARY_HEALTH: &[&str] = &["CMD", "/app/server", "healthcheck"];
/// Workers have no port; they touch the heartbeat file while their loop is alive.
const HEARTBEAT_HEALTH: &[&str] = &[
    "CMD",
    "python",
    "-c",
    "import os, sys, time; sys.exit(0 if time.time() - os.path.getmtime('/tmp/heartbeat') < 60 else 1)",
];

pub static KINDS: &[Kind] = &[
    // ── Frontend ──────────────────────────────────────────────────────────────────────────────
    Kind {
        id: "nginx",
        name: "Nginx",
        monogram: "Nx",
        category: KindCategory::Proxy,
        tier: Tier::Frontend,
        // The unprivileged image listens on 8080, keeps its pid and temp files in /tmp: it runs
        // with a read-only root and no capabilities.
        source: KindSource::Image { name: "nginxinc/nginx-unprivileged", tag: "1.27-alpine" },
        default_name: "nginx",
        ports: &[8080],
        publish: &[(8080, 8080)],
        // The generated nginx.conf answers /healthz itself (never proxied), so the check does not
        // depend on the upstream being up.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:8080/healthz"],
        hardening: HardeningFit::Full,
        user: "101:101",
        summary: Text {
            en: "Reverse proxy and static file server (unprivileged image, port 8080).",
            de: "Reverse Proxy und Server für statische Dateien (unprivilegiertes Image, Port 8080).",
            fr: "Reverse proxy et serveur de fichiers statiques (image non privilégiée, port 8080).",
        },
        ..BASE
    },
    Kind {
        id: "traefik",
        name: "Traefik",
        monogram: "Tf",
        category: KindCategory::Proxy,
        tier: Tier::Frontend,
        source: KindSource::Image { name: "traefik", tag: "v3.1" },
        default_name: "traefik",
        ports: &[80, 8080],
        publish: &[(80, 80), (8080, 8080)],
        // `--ping` serves /ping on the traefik entry point (8080) for `traefik healthcheck`.
        healthcheck: &["CMD", "traefik", "healthcheck", "--ping"],
        // Seed 002's template: routes come from container labels through the Docker socket.
        binds: &[("/var/run/docker.sock", "/var/run/docker.sock")],
        // Reading the Docker socket needs root (or the host's docker group id): no fixed user.
        hardening: HardeningFit::Minimal,
        command: &[
            "--providers.docker=true",
            "--providers.docker.exposedbydefault=false",
            "--entrypoints.web.address=:80",
            "--api.insecure=true",
            "--ping=true",
        ],
        summary: Text {
            en: "Edge router and load balancer; dashboard on 8080 (seed 002/003).",
            de: "Edge-Router und Load Balancer; Dashboard auf 8080 (Seed 002/003).",
            fr: "Routeur edge et load balancer ; dashboard sur 8080 (seed 002/003).",
        },
        ..BASE
    },
    Kind {
        id: "react-spa",
        name: "React / static SPA",
        names: Some(Text { en: "React / static SPA", de: "React / statische SPA", fr: "React / SPA statique" }),
        monogram: "Re",
        category: KindCategory::Web,
        tier: Tier::Frontend,
        // Built with Node, served by nginx-unprivileged (Alpine: busybox wget exists).
        source: KindSource::Build { language: Language::Static },
        default_name: "web",
        ports: &[8080],
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:8080/"],
        cpu_m: 250,
        memory_mb: 128,
        hardening: HardeningFit::Full,
        user: "10001:10001",
        summary: Text {
            en: "Single-page app built with Node and served as static files by nginx.",
            de: "Single-Page-App, mit Node gebaut und von nginx als statische Dateien ausgeliefert.",
            fr: "Application monopage construite avec Node et servie en fichiers statiques par nginx.",
        },
        ..BASE
    },
    Kind {
        id: "kong",
        name: "Kong API gateway",
        names: Some(Text { en: "Kong API gateway", de: "Kong API-Gateway", fr: "Kong API gateway" }),
        monogram: "Kg",
        category: KindCategory::Gateway,
        tier: Tier::Frontend,
        source: KindSource::Image { name: "kong", tag: "3.7" },
        default_name: "gateway",
        // The admin API listens on loopback only, so only the proxy port is listed.
        ports: &[8000],
        publish: &[(8000, 8000)],
        healthcheck: &["CMD", "kong", "health"],
        memory_mb: 512,
        env: &[
            env("KONG_DATABASE", "off"),
            env("KONG_PROXY_LISTEN", "0.0.0.0:8000"),
            env("KONG_ADMIN_LISTEN", "127.0.0.1:8001"),
            env("KONG_NGINX_WORKER_PROCESSES", "2"),
            env("KONG_PROXY_ACCESS_LOG", "/dev/stdout"),
            env("KONG_PROXY_ERROR_LOG", "/dev/stderr"),
            env("KONG_ADMIN_ACCESS_LOG", "/dev/stdout"),
            env("KONG_ADMIN_ERROR_LOG", "/dev/stderr"),
        ],
        // Runs as its own `kong` user but writes its nginx prefix under /usr/local/kong at start.
        hardening: HardeningFit::NoReadOnly,
        summary: Text {
            en: "API gateway in DB-less mode (seed 000's microservices pattern).",
            de: "API-Gateway im DB-losen Modus (Microservices-Pattern aus Seed 000).",
            fr: "API gateway en mode sans DB (pattern microservices du seed 000).",
        },
        ..BASE
    },
    Kind {
        id: "ngrok",
        name: "ngrok tunnel",
        names: Some(Text { en: "ngrok tunnel", de: "ngrok-Tunnel", fr: "Tunnel ngrok" }),
        monogram: "Ng",
        category: KindCategory::Tunnel,
        tier: Tier::Frontend,
        source: KindSource::Image { name: "ngrok/ngrok", tag: "3-alpine" },
        default_name: "ngrok",
        ports: &[4040],
        // Seed 003: only ngrok and Traefik are reachable from outside; 4040 is the inspector.
        publish: &[(4040, 4040)],
        // The agent API lists tunnels only once the tunnel is up; Alpine has busybox wget.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:4040/api/tunnels"],
        env: &[secret("NGROK_AUTHTOKEN")],
        // Runs as its own `ngrok` user; keeps state in its home directory.
        hardening: HardeningFit::NoReadOnly,
        command: &["http", "http://traefik:80"],
        summary: Text {
            en: "Public tunnel to the edge router; edit the target in the command (seed 003).",
            de: "Öffentlicher Tunnel zum Edge-Router; das Ziel im Befehl anpassen (Seed 003).",
            fr: "Tunnel public vers le routeur edge ; modifiez la cible dans la commande (seed 003).",
        },
        ..BASE
    },
    // ── Backend ───────────────────────────────────────────────────────────────────────────────
    Kind {
        id: "python-api",
        name: "Python API (FastAPI)",
        names: Some(Text { en: "Python API (FastAPI)", de: "Python-API (FastAPI)", fr: "API Python (FastAPI)" }),
        monogram: "Py",
        category: KindCategory::Api,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Python },
        default_name: "api",
        ports: &[8000],
        debug_port: Some(5678),
        healthcheck: PYTHON_HEALTH,
        cpu_m: 1000,
        memory_mb: 512,
        env: &[env("PORT", "8000"), env("LOG_LEVEL", "info")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "HTTP API built from source: FastAPI on Python 3.12.",
            de: "HTTP-API aus dem Quellcode gebaut: FastAPI auf Python 3.12.",
            fr: "API HTTP construite depuis les sources : FastAPI sur Python 3.12.",
        },
        ..BASE
    },
    Kind {
        id: "node-api",
        name: "Node.js API",
        names: Some(Text { en: "Node.js API", de: "Node.js-API", fr: "API Node.js" }),
        monogram: "No",
        category: KindCategory::Api,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Node },
        default_name: "api",
        ports: &[3000],
        debug_port: Some(9229),
        healthcheck: NODE_HEALTH,
        cpu_m: 1000,
        memory_mb: 512,
        env: &[env("PORT", "3000"), env("NODE_ENV", "production")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "HTTP API built from source: Node.js 20 (seed 002's app on port 3000).",
            de: "HTTP-API aus dem Quellcode gebaut: Node.js 20 (die App aus Seed 002 auf Port 3000).",
            fr: "API HTTP construite depuis les sources : Node.js 20 (l'app du seed 002 sur le port 3000).",
        },
        ..BASE
    },
    Kind {
        id: "go-api",
        name: "Go API",
        names: Some(Text { en: "Go API", de: "Go-API", fr: "API Go" }),
        monogram: "Go",
        category: KindCategory::Api,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Go },
        default_name: "api",
        ports: &[8080],
        debug_port: Some(2345),
        healthcheck: BINARY_HEALTH,
        cpu_m: 1000,
        memory_mb: 512,
        env: &[env("PORT", "8080")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "HTTP API built from source: a static Go binary on a distroless image.",
            de: "HTTP-API aus dem Quellcode gebaut: ein statisches Go-Binary auf einem Distroless-Image.",
            fr: "API HTTP construite depuis les sources : un binaire Go statique sur une image distroless.",
        },
        ..BASE
    },
    Kind {
        id: "rust-api",
        name: "Rust API",
        names: Some(Text { en: "Rust API", de: "Rust-API", fr: "API Rust" }),
        monogram: "Rs",
        category: KindCategory::Api,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Rust },
        default_name: "api",
        ports: &[8080],
        healthcheck: BINARY_HEALTH,
        cpu_m: 1000,
        memory_mb: 512,
        env: &[env("PORT", "8080"), env("RUST_LOG", "info")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "HTTP API built from source: a Rust binary on a distroless image.",
            de: "HTTP-API aus dem Quellcode gebaut: ein Rust-Binary auf einem Distroless-Image.",
            fr: "API HTTP construite depuis les sources : un binaire Rust sur une image distroless.",
        },
        ..BASE
    },
    Kind {
        id: "java-api",
        name: "Java API (Spring Boot)",
        names: Some(Text { en: "Java API (Spring Boot)", de: "Java-API (Spring Boot)", fr: "API Java (Spring Boot)" }),
        monogram: "Jv",
        category: KindCategory::Api,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Java },
        default_name: "api",
        ports: &[8080],
        debug_port: Some(5005),
        // The runtime image is eclipse-temurin's JRE on Alpine: busybox wget exists.
        healthcheck: &["CMD-SHELL", "wget -q --spider \"http://127.0.0.1:$${PORT:-8080}/health\" || exit 1"],
        slow_start: true,
        cpu_m: 1000,
        memory_mb: 512,
        env: &[env("PORT", "8080"), env("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75.0")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "HTTP API built from source: Spring Boot on Java 21.",
            de: "HTTP-API aus dem Quellcode gebaut: Spring Boot auf Java 21.",
            fr: "API HTTP construite depuis les sources : Spring Boot sur Java 21.",
        },
        ..BASE
    },
    Kind {
        id: "worker",
        name: "Worker",
        names: Some(Text { en: "Worker", de: "Worker", fr: "Worker" }),
        monogram: "Wk",
        category: KindCategory::Worker,
        tier: Tier::Backend,
        // Seed 000: the app's image with `command: worker`.
        source: KindSource::Build { language: Language::Python },
        default_name: "worker",
        healthcheck: HEARTBEAT_HEALTH,
        cpu_m: 1000,
        memory_mb: 512,
        env: &[env("LOG_LEVEL", "info")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        command: &["worker"],
        summary: Text {
            en: "Background job consumer (seed 000's worker: the app image, command `worker`).",
            de: "Verarbeitet Hintergrund-Jobs (der Worker aus Seed 000: das App-Image, Befehl `worker`).",
            fr: "Consommateur de jobs en arrière-plan (le worker du seed 000 : l'image de l'app, commande `worker`).",
        },
        ..BASE
    },
    Kind {
        id: "scheduler",
        name: "Scheduled jobs",
        names: Some(Text { en: "Scheduled jobs", de: "Geplante Jobs", fr: "Jobs planifiés" }),
        monogram: "Cr",
        category: KindCategory::Job,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Python },
        default_name: "jobs",
        healthcheck: HEARTBEAT_HEALTH,
        env: &[env("LOG_LEVEL", "info"), env("TZ", "UTC")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        command: &["scheduler"],
        summary: Text {
            en: "Runs periodic jobs in-process (cron-like), without a cron daemon or root.",
            de: "Führt periodische Jobs im Prozess aus (wie cron), ohne cron-Daemon und ohne root.",
            fr: "Exécute des jobs périodiques dans le processus (façon cron), sans démon cron ni root.",
        },
        ..BASE
    },
    Kind {
        id: "health-monitor",
        name: "Health monitor",
        names: Some(Text { en: "Health monitor", de: "Health-Monitor", fr: "Moniteur de santé" }),
        monogram: "Hm",
        category: KindCategory::Monitoring,
        tier: Tier::Backend,
        source: KindSource::Build { language: Language::Python },
        default_name: "health-monitor",
        ports: &[8888],
        healthcheck: PYTHON_HEALTH,
        env: &[env("PORT", "8888"), env("CHECK_INTERVAL_SECONDS", "30")],
        hardening: HardeningFit::Full,
        user: "10001:10001",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "Polls the services it links to and reports one status on :8888/health (seed 003).",
            de: "Fragt die verbundenen Services ab und meldet einen Gesamtstatus auf :8888/health (Seed 003).",
            fr: "Interroge les services auxquels il est lié et publie un statut unique sur :8888/health (seed 003).",
        },
        ..BASE
    },
    Kind {
        id: "jupyter",
        name: "Jupyter notebooks",
        names: Some(Text { en: "Jupyter notebooks", de: "Jupyter-Notebooks", fr: "Notebooks Jupyter" }),
        monogram: "Ju",
        category: KindCategory::Notebook,
        tier: Tier::Backend,
        // The last docker.io build of docker-stacks; newer builds are on quay.io/jupyter.
        source: KindSource::Image { name: "jupyter/scipy-notebook", tag: "2023-10-20" },
        default_name: "jupyter",
        ports: &[8888],
        publish: &[(8888, 8888)],
        // /api answers without the token; docker-stacks images ship wget.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:8888/api"],
        data_path: Some("/home/jovyan/work"),
        cpu_m: 1000,
        memory_mb: 1024,
        env: &[secret("JUPYTER_TOKEN")],
        // jovyan (1000:100) writes kernels and settings under its home directory.
        hardening: HardeningFit::NoReadOnly,
        user: "1000:100",
        summary: Text {
            en: "SciPy notebooks for exploration; usually in the `dev` profile (seed 000).",
            de: "SciPy-Notebooks zur Exploration; meist im Profil `dev` (Seed 000).",
            fr: "Notebooks SciPy pour l'exploration ; en général dans le profil `dev` (seed 000).",
        },
        ..BASE
    },
    Kind {
        id: "prometheus",
        name: "Prometheus",
        monogram: "Pr",
        category: KindCategory::Monitoring,
        tier: Tier::Backend,
        source: KindSource::Image { name: "prom/prometheus", tag: "v2.54.1" },
        default_name: "prometheus",
        ports: &[9090],
        // Busybox-based image: wget exists.
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:9090/-/healthy"],
        data_path: Some("/prometheus"),
        memory_mb: 512,
        // Runs as nobody and writes only its TSDB volume.
        hardening: HardeningFit::Full,
        user: "65534:65534",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "Metrics collection; scrapes every service with a metrics path (seed 004).",
            de: "Metrik-Erfassung; scrapt jeden Service mit Metrik-Pfad (Seed 004).",
            fr: "Collecte de métriques ; scrape chaque service qui a un chemin de métriques (seed 004).",
        },
        ..BASE
    },
    Kind {
        id: "grafana",
        name: "Grafana",
        monogram: "Gf",
        category: KindCategory::Monitoring,
        tier: Tier::Backend,
        source: KindSource::Image { name: "grafana/grafana", tag: "11.2.2" },
        default_name: "grafana",
        ports: &[3000],
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:3000/api/health"],
        data_path: Some("/var/lib/grafana"),
        env: &[
            env("GF_SECURITY_ADMIN_USER", "admin"),
            secret("GF_SECURITY_ADMIN_PASSWORD"),
            env("GF_USERS_ALLOW_SIGN_UP", "false"),
        ],
        // Its own uid 472 (group 0); provisioning and plugin paths are written outside the volume.
        hardening: HardeningFit::NoReadOnly,
        user: "472:0",
        metrics_path: Some("/metrics"),
        summary: Text {
            en: "Dashboards over Prometheus (seed 004's monitoring block).",
            de: "Dashboards über Prometheus (der Monitoring-Block aus Seed 004).",
            fr: "Dashboards sur Prometheus (le bloc monitoring du seed 004).",
        },
        ..BASE
    },
    Kind {
        id: "ollama",
        name: "Ollama (local LLM)",
        names: Some(Text { en: "Ollama (local LLM)", de: "Ollama (lokales LLM)", fr: "Ollama (LLM local)" }),
        monogram: "Ol",
        category: KindCategory::Llm,
        tier: Tier::Backend,
        source: KindSource::Image { name: "ollama/ollama", tag: "0.3.14" },
        default_name: "local-llm",
        ports: &[11434],
        // No curl or wget in the image; `ollama list` asks the running server.
        healthcheck: &["CMD", "ollama", "list"],
        slow_start: true,
        data_path: Some("/root/.ollama"),
        cpu_m: 2000,
        memory_mb: 4096,
        // Runs as root and keeps its models under /root.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Local model server (seed 003's local LLM, 2 CPU / 4 GB).",
            de: "Lokaler Modell-Server (das lokale LLM aus Seed 003, 2 CPU / 4 GB).",
            fr: "Serveur de modèles local (le LLM local du seed 003, 2 CPU / 4 Go).",
        },
        ..BASE
    },
    // ── Data ──────────────────────────────────────────────────────────────────────────────────
    Kind {
        id: "postgres",
        name: "PostgreSQL",
        monogram: "Pg",
        category: KindCategory::Database,
        tier: Tier::Data,
        source: KindSource::Image { name: "postgres", tag: "16-alpine" },
        default_name: "db",
        ports: &[5432],
        healthcheck: &["CMD-SHELL", "pg_isready -U \"$${POSTGRES_USER}\" -d \"$${POSTGRES_DB}\""],
        data_path: Some("/var/lib/postgresql/data"),
        env: &[env("POSTGRES_USER", "app"), env("POSTGRES_DB", "app"), secret("POSTGRES_PASSWORD")],
        // The entrypoint chowns the data directory as root, then drops to `postgres`.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Relational database (seed 000: postgres:16-alpine).",
            de: "Relationale Datenbank (Seed 000: postgres:16-alpine).",
            fr: "Base de données relationnelle (seed 000 : postgres:16-alpine).",
        },
        ..BASE
    },
    Kind {
        id: "mysql",
        name: "MySQL",
        monogram: "My",
        category: KindCategory::Database,
        tier: Tier::Data,
        source: KindSource::Image { name: "mysql", tag: "8.4" },
        default_name: "mysql",
        ports: &[3306],
        // Over TCP, so the temporary init server (no networking) does not count as ready.
        healthcheck: &["CMD", "mysqladmin", "ping", "-h", "127.0.0.1", "--silent"],
        slow_start: true,
        data_path: Some("/var/lib/mysql"),
        memory_mb: 512,
        env: &[
            env("MYSQL_DATABASE", "app"),
            env("MYSQL_USER", "app"),
            secret("MYSQL_PASSWORD"),
            secret("MYSQL_ROOT_PASSWORD"),
        ],
        // The entrypoint chowns the data directory as root, then drops to `mysql`.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Relational database, MySQL 8.4 LTS.",
            de: "Relationale Datenbank, MySQL 8.4 LTS.",
            fr: "Base de données relationnelle, MySQL 8.4 LTS.",
        },
        ..BASE
    },
    Kind {
        id: "mongodb",
        name: "MongoDB",
        monogram: "Mg",
        category: KindCategory::Database,
        tier: Tier::Data,
        source: KindSource::Image { name: "mongo", tag: "7.0" },
        default_name: "mongo",
        ports: &[27017],
        // `ping` needs no authentication; mongosh exits non-zero when it cannot connect.
        healthcheck: &["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"],
        slow_start: true,
        data_path: Some("/data/db"),
        memory_mb: 512,
        env: &[
            env("MONGO_INITDB_ROOT_USERNAME", "app"),
            secret("MONGO_INITDB_ROOT_PASSWORD"),
            env("MONGO_INITDB_DATABASE", "app"),
        ],
        // The entrypoint chowns the data directory as root, then drops to `mongodb`.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Document database, MongoDB 7.0.",
            de: "Dokumentdatenbank, MongoDB 7.0.",
            fr: "Base de données orientée documents, MongoDB 7.0.",
        },
        ..BASE
    },
    Kind {
        id: "supabase-postgres",
        name: "Supabase Postgres",
        monogram: "Sb",
        category: KindCategory::Database,
        tier: Tier::Data,
        source: KindSource::Image { name: "supabase/postgres", tag: "15.8.1.085" },
        default_name: "supabase-db",
        ports: &[5432],
        healthcheck: &["CMD", "pg_isready", "-U", "postgres", "-h", "localhost"],
        slow_start: true,
        data_path: Some("/var/lib/postgresql/data"),
        memory_mb: 512,
        env: &[env("POSTGRES_DB", "postgres"), secret("POSTGRES_PASSWORD")],
        // Same entrypoint model as postgres: root first, then `postgres`.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "PostgreSQL with Supabase's extensions (seed 003's local Supabase DB).",
            de: "PostgreSQL mit den Erweiterungen von Supabase (die lokale Supabase-DB aus Seed 003).",
            fr: "PostgreSQL avec les extensions de Supabase (la DB Supabase locale du seed 003).",
        },
        ..BASE
    },
    Kind {
        id: "redis",
        name: "Redis",
        monogram: "Rd",
        category: KindCategory::Cache,
        tier: Tier::Data,
        source: KindSource::Image { name: "redis", tag: "7-alpine" },
        default_name: "redis",
        ports: &[6379],
        healthcheck: &["CMD", "redis-cli", "ping"],
        data_path: Some("/data"),
        cpu_m: 250,
        memory_mb: 128,
        // Started as `redis` the entrypoint skips its chown; it writes only /data (owned by redis
        // in the image, so a fresh named volume is too).
        hardening: HardeningFit::Full,
        user: "999:1000",
        command: &["redis-server", "--appendonly", "yes"],
        summary: Text {
            en: "Cache and light queue, persisted with AOF (seed 000: redis:7-alpine).",
            de: "Cache und leichte Queue, mit AOF persistiert (Seed 000: redis:7-alpine).",
            fr: "Cache et file d'attente légère, persistés avec AOF (seed 000 : redis:7-alpine).",
        },
        ..BASE
    },
    Kind {
        id: "memcached",
        name: "Memcached",
        monogram: "Mc",
        category: KindCategory::Cache,
        tier: Tier::Data,
        source: KindSource::Image { name: "memcached", tag: "1.6-alpine" },
        default_name: "memcached",
        ports: &[11211],
        // Busybox nc; `stats` answers with `STAT uptime` once the server accepts connections.
        healthcheck: &["CMD-SHELL", "echo stats | nc -w 1 127.0.0.1 11211 | grep -q uptime"],
        cpu_m: 250,
        memory_mb: 128,
        // Runs as `memcache` (11211) and writes nothing.
        hardening: HardeningFit::Full,
        user: "11211:11211",
        summary: Text {
            en: "In-memory cache, nothing persisted.",
            de: "In-Memory-Cache, nichts wird persistiert.",
            fr: "Cache en mémoire, rien n'est persisté.",
        },
        ..BASE
    },
    Kind {
        id: "rabbitmq",
        name: "RabbitMQ",
        monogram: "Rb",
        category: KindCategory::Queue,
        tier: Tier::Data,
        source: KindSource::Image { name: "rabbitmq", tag: "3.13-management-alpine" },
        default_name: "rabbitmq",
        ports: &[5672, 15672],
        healthcheck: &["CMD", "rabbitmq-diagnostics", "-q", "ping"],
        slow_start: true,
        data_path: Some("/var/lib/rabbitmq"),
        memory_mb: 512,
        env: &[env("RABBITMQ_DEFAULT_USER", "app"), secret("RABBITMQ_DEFAULT_PASS")],
        // The entrypoint fixes ownership of /var/lib/rabbitmq as root, then drops to `rabbitmq`.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Message broker with the management UI (seed 000: rabbitmq:3-management).",
            de: "Message Broker mit Management-UI (Seed 000: rabbitmq:3-management).",
            fr: "Broker de messages avec l'interface de gestion (seed 000 : rabbitmq:3-management).",
        },
        ..BASE
    },
    Kind {
        id: "kafka",
        name: "Apache Kafka",
        monogram: "Kf",
        category: KindCategory::Queue,
        tier: Tier::Data,
        source: KindSource::Image { name: "apache/kafka", tag: "3.8.0" },
        default_name: "kafka",
        ports: &[9092],
        // The broker advertises `kafka:9092`, which the container resolves for itself.
        healthcheck: &["CMD", "/opt/kafka/bin/kafka-broker-api-versions.sh", "--bootstrap-server", "localhost:9092"],
        slow_start: true,
        data_path: Some("/var/lib/kafka/data"),
        cpu_m: 1000,
        memory_mb: 1024,
        // Single-node KRaft (no ZooKeeper). Once any KAFKA_ variable is set the image uses only
        // the environment, so the whole configuration is here. The advertised host is the
        // default service name: rename both together.
        env: &[
            env("KAFKA_NODE_ID", "1"),
            env("KAFKA_PROCESS_ROLES", "broker,controller"),
            env("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093"),
            env("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092"),
            env("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
            env("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
            env("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093"),
            env("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
            env("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
            env("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
            env("KAFKA_LOG_DIRS", "/var/lib/kafka/data"),
            env("KAFKA_HEAP_OPTS", "-Xms512m -Xmx512m"),
        ],
        // Runs as its own `appuser`, but writes the generated server.properties under /opt/kafka.
        hardening: HardeningFit::NoReadOnly,
        summary: Text {
            en: "Event streaming broker, single-node KRaft mode (no ZooKeeper).",
            de: "Event-Streaming-Broker, Single-Node im KRaft-Modus (ohne ZooKeeper).",
            fr: "Broker de streaming d'événements, nœud unique en mode KRaft (sans ZooKeeper).",
        },
        ..BASE
    },
    Kind {
        id: "elasticsearch",
        name: "Elasticsearch",
        monogram: "Es",
        category: KindCategory::Search,
        tier: Tier::Data,
        source: KindSource::Image { name: "docker.elastic.co/elasticsearch/elasticsearch", tag: "8.15.3" },
        default_name: "elasticsearch",
        ports: &[9200],
        // Security stays on (password auth); TLS on HTTP is off because the port never leaves
        // the data network. The image ships curl.
        healthcheck: &[
            "CMD-SHELL",
            "curl -fsS -u \"elastic:$${ELASTIC_PASSWORD}\" \"http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=5s\" > /dev/null",
        ],
        slow_start: true,
        data_path: Some("/usr/share/elasticsearch/data"),
        cpu_m: 1000,
        memory_mb: 1024,
        env: &[
            env("ES_SETTING_DISCOVERY_TYPE", "single-node"),
            env("ES_SETTING_XPACK_SECURITY_HTTP_SSL_ENABLED", "false"),
            env("ES_JAVA_OPTS", "-Xms512m -Xmx512m"),
            secret("ELASTIC_PASSWORD"),
        ],
        // Its own uid 1000 (group 0); creates the keystore under config/ at first start.
        hardening: HardeningFit::NoReadOnly,
        user: "1000:0",
        summary: Text {
            en: "Full-text search engine, single node, 512 MB heap.",
            de: "Volltext-Suchmaschine, ein Node, 512 MB Heap.",
            fr: "Moteur de recherche plein texte, nœud unique, heap de 512 Mo.",
        },
        ..BASE
    },
    Kind {
        id: "meilisearch",
        name: "Meilisearch",
        monogram: "Ms",
        category: KindCategory::Search,
        tier: Tier::Data,
        source: KindSource::Image { name: "getmeili/meilisearch", tag: "v1.10" },
        default_name: "meilisearch",
        ports: &[7700],
        healthcheck: &["CMD", "wget", "-q", "--spider", "http://127.0.0.1:7700/health"],
        data_path: Some("/meili_data"),
        memory_mb: 512,
        env: &[env("MEILI_ENV", "production"), secret("MEILI_MASTER_KEY"), env("MEILI_NO_ANALYTICS", "true")],
        // Runs as root; /meili_data is root-owned in the image, so a fixed user cannot write it.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Lightweight search engine; production mode needs the master key.",
            de: "Schlanke Suchmaschine; der Produktionsmodus braucht den Master Key.",
            fr: "Moteur de recherche léger ; le mode production exige la master key.",
        },
        ..BASE
    },
    Kind {
        id: "minio",
        name: "MinIO",
        monogram: "Mn",
        category: KindCategory::Storage,
        tier: Tier::Data,
        source: KindSource::Image { name: "minio/minio", tag: "RELEASE.2024-12-18T13-15-44Z" },
        default_name: "minio",
        ports: &[9000, 9001],
        // The image bundles the `mc` client; no curl.
        healthcheck: &["CMD", "mc", "ready", "local"],
        data_path: Some("/data"),
        memory_mb: 512,
        env: &[env("MINIO_ROOT_USER", "app"), secret("MINIO_ROOT_PASSWORD")],
        // Runs as root; the /data volume is root-owned in the image.
        hardening: HardeningFit::Minimal,
        command: &["server", "/data", "--console-address", ":9001"],
        summary: Text {
            en: "S3-compatible object storage with its console on 9001 (seed 000's data/ML pattern).",
            de: "S3-kompatibler Object Storage mit Konsole auf 9001 (Daten/ML-Pattern aus Seed 000).",
            fr: "Stockage objet compatible S3 avec sa console sur 9001 (pattern data/ML du seed 000).",
        },
        ..BASE
    },
    Kind {
        id: "qdrant",
        name: "Qdrant",
        monogram: "Qd",
        category: KindCategory::Vector,
        tier: Tier::Data,
        source: KindSource::Image { name: "qdrant/qdrant", tag: "v1.11.3" },
        default_name: "qdrant",
        ports: &[6333, 6334],
        // The image has no curl or wget (qdrant/qdrant#3491) but has bash: ask /readyz over
        // /dev/tcp. Health endpoints need no API key.
        healthcheck: &[
            "CMD",
            "bash",
            "-c",
            "exec 3<>/dev/tcp/127.0.0.1/6333 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3",
        ],
        data_path: Some("/qdrant/storage"),
        memory_mb: 512,
        env: &[secret("QDRANT__SERVICE__API_KEY")],
        // Runs as root; storage is root-owned in the image.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Vector database for embeddings: HTTP 6333, gRPC 6334 (seed 000's data/ML pattern).",
            de: "Vektordatenbank für Embeddings: HTTP 6333, gRPC 6334 (Daten/ML-Pattern aus Seed 000).",
            fr: "Base de données vectorielle pour les embeddings : HTTP 6333, gRPC 6334 (pattern data/ML du seed 000).",
        },
        ..BASE
    },
    Kind {
        id: "azurite",
        name: "Azurite",
        monogram: "Az",
        category: KindCategory::Storage,
        tier: Tier::Data,
        source: KindSource::Image { name: "mcr.microsoft.com/azure-storage/azurite", tag: "3.32.0" },
        default_name: "azurite",
        // Blob, queue, table.
        ports: &[10000, 10001, 10002],
        // A Node image: Node itself checks that the blob endpoint accepts connections.
        healthcheck: &[
            "CMD",
            "node",
            "-e",
            "require('net').connect(10000, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))",
        ],
        data_path: Some("/data"),
        // Runs as root; /data is root-owned in the image.
        hardening: HardeningFit::Minimal,
        summary: Text {
            en: "Azure Storage emulator: blob 10000, queue 10001, table 10002 (seed 003).",
            de: "Azure-Storage-Emulator: Blob 10000, Queue 10001, Table 10002 (Seed 003).",
            fr: "Émulateur Azure Storage : blob 10000, queue 10001, table 10002 (seed 003).",
        },
        ..BASE
    },
    // ── Generic ───────────────────────────────────────────────────────────────────────────────
    Kind {
        id: "custom",
        name: "Custom service",
        names: Some(Text { en: "Custom service", de: "Eigener Service", fr: "Service personnalisé" }),
        monogram: "Cu",
        category: KindCategory::Custom,
        tier: Tier::Backend,
        // A placeholder the user replaces: image, tag, command and ports are all theirs. No
        // healthcheck: no command is known to work in an image not yet chosen.
        source: KindSource::Image { name: "busybox", tag: "1.36.1" },
        default_name: "service",
        cpu_m: 250,
        memory_mb: 128,
        hardening: HardeningFit::Full,
        user: "65534:65534",
        command: &["tail", "-f", "/dev/null"],
        summary: Text {
            en: "Any image: set the image, tag, command and ports yourself.",
            de: "Beliebiges Image: Image, Tag, Befehl und Ports selbst festlegen.",
            fr: "N'importe quelle image : choisissez vous-même l'image, le tag, la commande et les ports.",
        },
        ..BASE
    },
];

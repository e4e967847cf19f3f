//! `no-docker-socket`: no service mounts the Docker (or Podman) socket.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use crate::model::{Mount, MountKind};

pub static RULE: Rule = Rule {
    id: "no-docker-socket",
    category: Category::Security,
    severity: Severity::High,
    title: Text {
        en: "The Docker socket is not mounted",
        de: "Der Docker-Socket ist nicht gemountet",
        fr: "Le socket Docker n'est pas monté",
    },
    why: Text {
        en: "Whoever talks to the Docker socket can start a privileged container and own the host, read-only mount \
          or not. Use a file-based provider (Traefik's file provider, static nginx upstreams) or a socket proxy \
          that allows only read calls.",
        de: "Wer mit dem Docker-Socket spricht, kann einen privilegierten Container starten und den \
              Host übernehmen, ob schreibgeschützt gemountet oder nicht. Nutzen Sie einen \
              dateibasierten Provider (den File Provider von Traefik, statische nginx-Upstreams) \
              oder einen Socket-Proxy, der nur lesende Aufrufe erlaubt.",
        fr: "Quiconque parle au socket Docker peut démarrer un container privilégié et prendre le \
              contrôle de l'hôte, monté en lecture seule ou non. Utilisez un provider basé sur des \
              fichiers (le file provider de Traefik, des upstreams nginx statiques) ou un proxy de \
              socket qui n'autorise que les appels en lecture.",
    },
    source: "KICS docker-compose \"Docker Socket Mounted In Container\"; CIS Docker 5.31",
    problem: Text {
        en: "mounts the Docker socket",
        de: "mountet den Docker-Socket",
        fr: "monte le socket Docker",
    },
    check,
    fix: None,
    safe_fix: false,
};

pub(crate) fn is_socket(m: &Mount) -> bool {
    m.kind == MountKind::Bind && {
        let src = m.source.trim_end_matches('/');
        src.ends_with("/docker.sock") || src.ends_with("/podman.sock") || src == "docker.sock"
    }
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| s.volumes.iter().any(is_socket))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn config_binds_pass() {
        let mut d = good();
        edit(&mut d, "proxy", |s| {
            s.volumes.push(Mount {
                read_only: true,
                ..Mount::bind("./nginx.conf", "/etc/nginx/nginx.conf")
            })
        });
        assert_passes(&RULE, &d);
    }

    #[test]
    fn the_socket_fails_even_read_only() {
        let mut d = good();
        edit(&mut d, "proxy", |s| {
            s.volumes.push(Mount {
                read_only: true,
                ..Mount::bind("/var/run/docker.sock", "/var/run/docker.sock")
            })
        });
        assert_fails(&RULE, &d, &["proxy"]);
        assert_no_fix(&RULE, &d);
    }
}

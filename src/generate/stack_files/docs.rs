//! `docs/docker-swarm.md`: how to run the stack on Docker Swarm — prepare the nodes, create the
//! secrets, deploy, scale (`docker service scale`), update and roll back — with the names of this
//! design filled in, in the design's documentation language (`texts`).

pub mod texts;

use super::model::StackFile;
use crate::generate::layout;
use crate::model::Design;
use std::fmt::Write;

pub fn swarm_doc(design: &Design, stack: &StackFile, version: &str) -> String {
    let lang = design.settings.docs_lang;
    let p = layout::project_name(design);
    let file = layout::STACK_FILE;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", texts::TITLE.fill(lang, &[("name", &p)]));
    let _ = writeln!(
        out,
        "{}\n",
        texts::INTRO.fill(lang, &[("file", &format!("`{file}`"))])
    );
    let _ = writeln!(out, "## {}\n", texts::H_PREPARE.get(lang));
    let _ = writeln!(out, "```sh");
    let _ = writeln!(
        out,
        "docker swarm init                      {}",
        texts::ON_FIRST_MANAGER.get(lang)
    );
    let _ = writeln!(
        out,
        "docker swarm join --token <token> <manager-ip>:2377   {}",
        texts::ON_OTHER_NODES.get(lang)
    );
    let stateful: Vec<&String> = stack
        .services
        .iter()
        .filter(|(_, s)| {
            s.volumes
                .iter()
                .any(|v| v.kind == "volume" && v.source.is_some())
        })
        .map(|(n, _)| n)
        .collect();
    if !stateful.is_empty() {
        let _ = writeln!(out, "{}", texts::DATA_LABEL.get(lang));
        let _ = writeln!(out, "docker node update --label-add {p}.data=true <node>");
    }
    let _ = writeln!(out, "```\n");
    if !stack.secrets.is_empty() {
        let _ = writeln!(out, "## {}\n", texts::H_SECRETS.get(lang));
        let _ = writeln!(out, "{}\n", texts::SECRETS_INTRO.get(lang));
        let _ = writeln!(out, "```sh");
        for name in stack.secrets.keys() {
            let _ = writeln!(
                out,
                "printf '%s' \"$VALUE\" | docker secret create {name} -"
            );
        }
        let _ = writeln!(out, "```\n");
    }
    let _ = writeln!(out, "## {}\n", texts::H_DEPLOY.get(lang));
    let _ = writeln!(out, "{}\n", texts::DEPLOY_INTRO.get(lang));
    let _ = writeln!(out, "```sh");
    let _ = writeln!(
        out,
        "export {version}=1.2.3             {}",
        texts::TAG_REQUIRED.get(lang)
    );
    let _ = writeln!(
        out,
        "export REGISTRY=ghcr.io/{p}     {}",
        texts::REGISTRY_DEFAULT.get(lang)
    );
    let _ = writeln!(
        out,
        "docker stack deploy -c {file} --with-registry-auth {p}"
    );
    let _ = writeln!(out, "docker stack services {p}");
    let _ = writeln!(out, "docker service ps {p}_<service>");
    let _ = writeln!(out, "```\n");
    let _ = writeln!(out, "{}\n", texts::ROUTING_MESH.get(lang));
    let _ = writeln!(out, "## {}\n", texts::H_SCALE.get(lang));
    let _ = writeln!(out, "```sh");
    for (name, s) in stack
        .services
        .iter()
        .filter(|(_, s)| s.deploy.replicas > 1)
        .take(3)
    {
        let _ = writeln!(
            out,
            "docker service scale {p}_{name}={}",
            s.deploy.replicas + 1
        );
    }
    let off: Vec<&String> = stack
        .services
        .iter()
        .filter(|(_, s)| s.deploy.replicas == 0)
        .map(|(n, _)| n)
        .collect();
    for name in &off {
        let _ = writeln!(
            out,
            "docker service scale {p}_{name}=1    {}",
            texts::OPTIONAL_PROFILE.get(lang)
        );
    }
    let _ = writeln!(out, "docker service scale {p}_<service>=<replicas>");
    let _ = writeln!(out, "```\n");
    let _ = writeln!(
        out,
        "{}\n",
        texts::SCALE_NOTE.fill(lang, &[("file", &format!("`{file}`"))])
    );
    let _ = writeln!(out, "## {}\n", texts::H_UPDATE.get(lang));
    let _ = writeln!(
        out,
        "{}\n",
        texts::UPDATE_INTRO.fill(lang, &[("var", version)])
    );
    let _ = writeln!(out, "```sh");
    let _ = writeln!(
        out,
        "{version}=1.2.4 docker stack deploy -c {file} --with-registry-auth {p}"
    );
    let _ = writeln!(
        out,
        "docker service rollback {p}_<service>     {}",
        texts::ROLLBACK_BY_HAND.get(lang)
    );
    let _ = writeln!(
        out,
        "docker stack rm {p}                        {}",
        texts::REMOVE_STACK.get(lang)
    );
    let _ = writeln!(out, "```\n");
    let _ = writeln!(out, "## {}\n", texts::H_DIFFERENCES.get(lang));
    for line in [
        texts::DIFF_PROFILES,
        texts::DIFF_DEPENDS_ON,
        texts::DIFF_SECURITY_OPT,
        texts::DIFF_SECRET_VARS,
        texts::DIFF_TRAEFIK,
    ] {
        let _ = writeln!(out, "- {}", line.get(lang));
    }
    out
}

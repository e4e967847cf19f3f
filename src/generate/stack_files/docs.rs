//! `docs/docker-swarm.md`: how to run the stack on Docker Swarm — prepare the nodes, create the
//! secrets, deploy, scale (`docker service scale`), update and roll back — with the names of this
//! design filled in.

use super::model::StackFile;
use crate::generate::layout;
use crate::model::Design;
use std::fmt::Write;

pub fn swarm_doc(design: &Design, stack: &StackFile, version: &str) -> String {
    let p = layout::project_name(design);
    let file = layout::STACK_FILE;
    let mut out = String::new();
    let _ = writeln!(out, "# Docker Swarm: {p}\n");
    let _ = writeln!(
        out,
        "`{file}` runs the design on a Swarm cluster: the same services as the compose files, with \
         replicas, resources, rolling updates with automatic rollback and restart policies under \
         `deploy`, overlay networks per tier (the data network is internal) and external secrets.\n"
    );
    let _ = writeln!(out, "## Prepare the cluster\n");
    let _ = writeln!(out, "```sh");
    let _ = writeln!(
        out,
        "docker swarm init                      # on the first manager"
    );
    let _ = writeln!(
        out,
        "docker swarm join --token <token> <manager-ip>:2377   # on every other node"
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
        let _ = writeln!(out, "# services with volumes run only on nodes with this label (a local volume does not move):");
        let _ = writeln!(out, "docker node update --label-add {p}.data=true <node>");
    }
    let _ = writeln!(out, "```\n");
    if !stack.secrets.is_empty() {
        let _ = writeln!(out, "## Create the secrets\n");
        let _ = writeln!(
            out,
            "Secrets are external: created once per cluster, never in the stack file.\n"
        );
        let _ = writeln!(out, "```sh");
        for name in stack.secrets.keys() {
            let _ = writeln!(
                out,
                "printf '%s' \"$VALUE\" | docker secret create {name} -"
            );
        }
        let _ = writeln!(out, "```\n");
    }
    let _ = writeln!(out, "## Deploy\n");
    let _ = writeln!(out, "Images must be in a registry every node can pull from (`docker stack deploy` does not build).\n");
    let _ = writeln!(out, "```sh");
    let _ = writeln!(
        out,
        "export {version}=1.2.3             # the release tag; required"
    );
    let _ = writeln!(
        out,
        "export REGISTRY=ghcr.io/{p}     # optional, this is the default"
    );
    let _ = writeln!(
        out,
        "docker stack deploy -c {file} --with-registry-auth {p}"
    );
    let _ = writeln!(out, "docker stack services {p}");
    let _ = writeln!(out, "docker service ps {p}_<service>");
    let _ = writeln!(out, "```\n");
    let _ = writeln!(out, "Published ports go through the routing mesh and listen on every node: put a firewall or a load \
                          balancer in front, and TLS on the entry point.\n");
    let _ = writeln!(out, "## Scale\n");
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
            "docker service scale {p}_{name}=1    # optional profile, off by default"
        );
    }
    let _ = writeln!(out, "docker service scale {p}_<service>=<replicas>");
    let _ = writeln!(out, "```\n");
    let _ = writeln!(
        out,
        "`docker service scale` changes the running service only; the next `docker stack deploy` sets the \
         replicas of `{file}` again, so change the file for a lasting change. Swarm has no autoscaler: the \
         Helm chart's HorizontalPodAutoscaler is the way to scale on CPU.\n"
    );
    let _ = writeln!(out, "## Update and roll back\n");
    let _ = writeln!(
        out,
        "A new `{version}` and `docker stack deploy` roll each service one task at a time (new task first for \
         stateless services, old task first for those with volumes), watch it for 30 seconds and roll back \
         automatically when it fails.\n"
    );
    let _ = writeln!(out, "```sh");
    let _ = writeln!(
        out,
        "{version}=1.2.4 docker stack deploy -c {file} --with-registry-auth {p}"
    );
    let _ = writeln!(
        out,
        "docker service rollback {p}_<service>     # by hand, to the previous spec"
    );
    let _ = writeln!(
        out,
        "docker stack rm {p}                        # remove the stack (volumes stay)"
    );
    let _ = writeln!(out, "```\n");
    let _ = writeln!(out, "## What differs from the compose files\n");
    for line in [
        "Services in the `dev` and `ci` profiles are not in the stack; services in other profiles are, with 0 replicas.",
        "Swarm ignores `depends_on`: services start in any order and rely on their healthchecks and retries.",
        "Swarm does not apply `security_opt`: set `\"no-new-privileges\": true` in each node's `/etc/docker/daemon.json`.",
        "Secret variables whose image cannot read a file come from the shell that runs `docker stack deploy`.",
        "Traefik uses its Swarm provider and runs on a manager node; routes are service labels under `deploy`.",
    ] {
        let _ = writeln!(out, "- {line}");
    }
    out
}

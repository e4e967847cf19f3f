//! `bind-mounts-dev-only`: the shared files carry no writable bind mount.
//!
//! Bind mounts in the design are part of every environment. Read-only configuration files
//! (nginx.conf, prometheus.yml) are fine; a writable host directory belongs in the dev override,
//! which hot reload generates.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::model::{Mount, MountKind};

pub static RULE: Rule = Rule {
    id: "bind-mounts-dev-only",
    category: Category::Dx,
    severity: Severity::Low,
    title: "Bind mounts only in dev",
    why: "A writable host directory in the base file ties production to a path on one machine, breaks on other \
          hosts and lets the container change host files. Mount configuration read-only; let hot reload mount \
          code in the dev override.",
    source: "seed 002 checklist, Volumes: \"Bind mounts uniquement en dev\"; seed 000 Volume-Strategie \
             (Konfiguration: Bind Mounts oder Secrets)",
    problem: "writable bind mount in every environment",
    check,
    fix: Some(fix),
    // A service that writes there (uploads, generated files) would break.
    safe_fix: false,
};

fn writable_bind(m: &Mount) -> bool {
    m.kind == MountKind::Bind && !m.read_only
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| s.volumes.iter().any(writable_bind))
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        let volumes = s
            .volumes
            .iter()
            .map(|m| Mount {
                read_only: m.read_only || writable_bind(m),
                ..m.clone()
            })
            .collect();
        Some(ServiceChange::Volumes(volumes))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn read_only_config_passes() {
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
    fn a_writable_bind_fails_and_becomes_read_only() {
        let mut d = good();
        edit(&mut d, "api", |s| {
            s.volumes.push(Mount::bind("./src", "/app"))
        });
        assert_fails(&RULE, &d, &["api"]);
        let mut expected = good();
        edit(&mut expected, "api", |s| {
            s.volumes.push(Mount {
                read_only: true,
                ..Mount::bind("./src", "/app")
            })
        });
        assert_fix(&RULE, &d, &expected);
    }
}

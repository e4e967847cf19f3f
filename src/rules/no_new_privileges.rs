//! `no-new-privileges`: processes cannot gain privileges (setuid binaries) after start.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Hardening;

pub static RULE: Rule = Rule {
    id: "no-new-privileges",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "no-new-privileges is set",
        de: "no-new-privileges ist gesetzt",
        fr: "no-new-privileges est activé",
    },
    why: Text {
        en: "`security_opt: no-new-privileges:true` stops a compromised process from becoming root through a setuid \
          binary. It costs nothing for services that do not switch users after start.",
        de: "`security_opt: no-new-privileges:true` verhindert, dass ein kompromittierter Prozess \
              über ein setuid-Binary root wird. Für Services, die nach dem Start nicht den Benutzer \
              wechseln, kostet es nichts.",
        fr: "`security_opt: no-new-privileges:true` empêche un processus compromis de devenir root \
              par un binaire setuid. Cela ne coûte rien aux services qui ne changent pas \
              d'utilisateur après le démarrage.",
    },
    source: "seed 004 compose template (`security_opt: no-new-privileges:true`); KICS \"No New Privileges Not \
             Set\"; CIS Docker 5.25",
    problem: Text {
        en: "no-new-privileges not set",
        de: "no-new-privileges nicht gesetzt",
        fr: "no-new-privileges non activé",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| !s.hardening.no_new_privileges)
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |_, s| {
        Some(ServiceChange::Hardening(Hardening {
            no_new_privileges: true,
            ..s.hardening.clone()
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn set_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn unset_fails_and_is_set() {
        let mut d = good();
        edit(&mut d, "api", |s| s.hardening.no_new_privileges = false);
        assert_fails(&RULE, &d, &["api"]);
        assert_fix(&RULE, &d, &good());
    }
}

//! `unique-container-names`: no two services set the same `container_name`. Docker refuses the
//! second container ("name is already in use"); a fixed name also stops a service from scaling.
//! The fix drops the name from every service but the first (compose then names them itself),
//! which is safe: nothing in a compose project needs the name (services reach each other by
//! service name).

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Service;

pub static RULE: Rule = Rule {
    id: "unique-container-names",
    category: Category::Dx,
    severity: Severity::High,
    title: Text {
        en: "Container names are unique",
        de: "Container-Namen sind eindeutig",
        fr: "Les noms de container sont uniques",
    },
    why: Text {
        en: "Two services with the same `container_name` cannot run together: Docker refuses the second with \
          \"the container name is already in use\". Services find each other by service name; the fixed \
          name is rarely needed.",
        de: "Zwei Services mit demselben `container_name` laufen nicht zusammen: Docker lehnt den zweiten \
              ab (\"the container name is already in use\"). Services finden sich über den Service-Namen; \
              der feste Name wird selten gebraucht.",
        fr: "Deux services avec le même `container_name` ne peuvent pas tourner ensemble : Docker refuse le \
              second (« the container name is already in use »). Les services se trouvent par leur nom de \
              service ; le nom fixe est rarement utile.",
    },
    source: "docker run: \"Conflict. The container name is already in use\"; compose spec, container_name",
    problem: Text {
        en: "sets a `container_name` another service also sets",
        de: "setzt einen `container_name`, den auch ein anderer Service setzt",
        fr: "fixe un `container_name` qu'un autre service fixe aussi",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

/// The service's `container_name`, as the import kept it.
fn container_name(s: &Service) -> Option<&str> {
    s.extra.get("container_name")?.as_str()
}

fn duplicated(ctx: &Ctx, i: usize, name: &str, only_earlier: bool) -> bool {
    ctx.services()
        .any(|(j, o)| j != i && (!only_earlier || j < i) && container_name(o) == Some(name))
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| container_name(s).is_some(),
        |i, s| container_name(s).is_some_and(|n| duplicated(ctx, i, n, false)),
    )
}

fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |i, s| {
        let name = container_name(s)?;
        duplicated(ctx, i, name, true).then(|| {
            let mut extra = s.extra.clone();
            extra.remove("container_name");
            ServiceChange::Extra(extra)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    fn named(d: &mut crate::model::Design, service: &str, name: &str) {
        edit(d, service, |s| {
            s.extra.insert("container_name".into(), name.into());
        });
    }

    #[test]
    fn distinct_names_pass() {
        let mut d = good();
        named(&mut d, "api", "shop-api");
        named(&mut d, "db", "shop-db");
        assert_passes(&RULE, &d);
    }

    #[test]
    fn a_repeated_name_fails_and_the_later_one_is_dropped() {
        let mut d = good();
        named(&mut d, "api", "shop");
        named(&mut d, "db", "shop");
        assert_fails(&RULE, &d, &["api", "db"]);
        let mut expected = good();
        named(&mut expected, "api", "shop");
        assert_fix(&RULE, &d, &expected);
    }
}

//! `services-clearly-identified`: every service has a name that says what it is.
//!
//! "Clearly identified" is judgement; the rule measures its opposite: generic names (`service`,
//! `container`, `test`, a bare number) and numbered copies (`db-2` next to `db`, or the kind's
//! default name with a counter) that the editor makes up when a card is dropped twice.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    id: "services-clearly-identified",
    category: Category::Design,
    severity: Severity::Low,
    title: Text {
        en: "Services are clearly identified",
        de: "Services klar identifiziert",
        fr: "Services clairement identifiés",
    },
    why: Text {
        en: "A service name becomes its host name, its compose key and its row in the docs; `db-2` or `service` tells \
          the next reader nothing. Measured: generic names and numbered copies of another name.",
        de: "Ein Service-Name wird zu seinem Hostnamen, seinem Compose-Key und seiner Zeile in der \
              Dokumentation; `db-2` oder `service` sagt dem nächsten Leser nichts. Gemessen: \
              generische Namen und nummerierte Kopien eines anderen Namens.",
        fr: "Le nom d'un service devient son nom d'hôte, sa clé Compose et sa ligne dans la \
              documentation ; `db-2` ou `service` ne dit rien au lecteur suivant. Mesuré : noms \
              génériques et copies numérotées d'un autre nom.",
    },
    source: "seed 000/001 checklist, Design: \"Services klar identifiziert\"",
    problem: Text {
        en: "generic or numbered-copy name",
        de: "generischer oder nummerierter Name",
        fr: "nom générique ou copie numérotée",
    },
    check,
    fix: None,
    safe_fix: false,
};

const GENERIC: &[&str] = &[
    "service",
    "svc",
    "container",
    "app1",
    "test",
    "tmp",
    "temp",
    "foo",
    "bar",
    "baz",
    "new",
    "untitled",
    "unnamed",
    "default",
    "x",
    "my-service",
    "myservice",
    "copy",
];

fn check(ctx: &Ctx) -> Verdict {
    let names: HashSet<&str> = ctx
        .design
        .services
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    ctx.each(
        |_, _| true,
        |i, s| {
            if GENERIC.iter().any(|g| g.eq_ignore_ascii_case(&s.name))
                || s.name.chars().all(|c| c.is_ascii_digit())
            {
                return true;
            }
            match s.name.rsplit_once(['-', '_']) {
                Some((base, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                    names.contains(base) || ctx.kind(i).is_some_and(|k| k.default_name == base)
                }
                _ => false,
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;
    use crate::rules::fixtures::*;

    #[test]
    fn descriptive_names_pass() {
        let mut d = good();
        add(
            &mut d,
            svc(4, "orders-db", "postgres", Tier::Data),
            &[],
            &[],
        );
        add(
            &mut d,
            svc(5, "web2print", "custom", Tier::Backend),
            &[],
            &[],
        );
        assert_passes(&RULE, &d);
    }

    #[test]
    fn generic_names_and_numbered_copies_fail() {
        let mut d = good();
        add(&mut d, svc(4, "db-2", "postgres", Tier::Data), &[], &[]);
        add(&mut d, svc(5, "service", "custom", Tier::Backend), &[], &[]);
        add(&mut d, svc(6, "api_3", "custom", Tier::Backend), &[], &[]);
        assert_fails(&RULE, &d, &["db-2", "service", "api_3"]);
        assert_no_fix(&RULE, &d);
    }
}

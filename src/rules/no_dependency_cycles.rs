//! `no-dependency-cycles`: the dependency graph has no cycle.
//!
//! Generated `depends_on` follows the links, and Compose refuses to start a project whose
//! dependencies form a cycle. A cycle is also the least minimal set of dependencies there is.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;

pub static RULE: Rule = Rule {
    id: "no-dependency-cycles",
    category: Category::Design,
    severity: Severity::High,
    title: Text {
        en: "Dependencies are minimised: no cycles",
        de: "Abhängigkeiten minimiert: keine Zyklen",
        fr: "Dépendances minimisées : pas de cycles",
    },
    why: Text {
        en: "Links become `depends_on`; Compose refuses a project whose dependencies form a cycle, and services that \
          need each other to start cannot be deployed or scaled apart. Break the cycle with a queue or by merging.",
        de: "Verbindungen werden zu `depends_on`; Compose lehnt ein Projekt ab, dessen \
              Abhängigkeiten einen Zyklus bilden, und Services, die einander zum Starten brauchen, \
              lassen sich nicht getrennt deployen oder skalieren. Brechen Sie den Zyklus mit einer \
              Queue oder durch Zusammenlegen.",
        fr: "Les liens deviennent des `depends_on` ; Compose refuse un projet dont les dépendances \
              forment un cycle, et des services qui ont besoin l'un de l'autre pour démarrer ne \
              peuvent être ni déployés ni scalés séparément. Cassez le cycle avec une file d'attente \
              ou en les fusionnant.",
    },
    source: "seed 000/001 checklist, Design: \"Abhängigkeiten minimiert\"; Compose: dependency cycle error",
    problem: Text {
        en: "caught in a dependency cycle",
        de: "in einem Abhängigkeitszyklus",
        fr: "pris dans un cycle de dépendances",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    if ctx.design.services.is_empty() {
        return Verdict::not_applicable();
    }
    let n = ctx.design.services.len();
    // Peel off services with no incoming links, then (among the rest) those with no outgoing
    // links: what remains lies on a cycle or between two cycles.
    let mut alive = vec![true; n];
    for forward in [true, false] {
        let edges = ctx
            .links
            .iter()
            .filter(|&&(f, t, _)| alive[f] && alive[t])
            .map(|&(f, t, _)| if forward { (f, t) } else { (t, f) });
        let (offsets, targets) = adjacency(n, edges);
        let mut deg = vec![0usize; n];
        for &t in &targets {
            deg[t] += 1;
        }
        let mut stack: Vec<usize> = (0..n).filter(|&i| alive[i] && deg[i] == 0).collect();
        while let Some(i) = stack.pop() {
            alive[i] = false;
            for &t in &targets[offsets[i]..offsets[i + 1]] {
                deg[t] -= 1;
                if deg[t] == 0 {
                    stack.push(t);
                }
            }
        }
    }
    let on_cycle: Vec<usize> = (0..n).filter(|&i| alive[i]).collect();
    if on_cycle.is_empty() {
        return Verdict::design(true, Vec::new(), RULE.problem);
    }
    let detail = super::problem_of(
        &RULE,
        on_cycle
            .iter()
            .filter_map(|&i| ctx.service(i))
            .map(|s| s.name.as_str()),
    );
    Verdict::design(false, on_cycle, detail)
}

/// Compressed adjacency lists: the successors of `i` are `targets[offsets[i]..offsets[i + 1]]`.
fn adjacency(n: usize, edges: impl Iterator<Item = (usize, usize)>) -> (Vec<usize>, Vec<usize>) {
    let mut edges: Vec<(usize, usize)> = edges.collect();
    crate::sorting::sort(&mut edges);
    let mut offsets = vec![0usize; n + 1];
    for &(f, _) in &edges {
        offsets[f + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    (offsets, edges.into_iter().map(|(_, t)| t).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkKind, ServiceId, Tier};
    use crate::rules::fixtures::*;

    #[test]
    fn a_chain_passes() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn a_cycle_fails_naming_only_its_members() {
        let mut d = good();
        add(
            &mut d,
            svc(4, "billing", "custom", Tier::Backend),
            &["api"],
            &["api"],
        );
        add(
            &mut d,
            svc(5, "mailer", "custom", Tier::Backend),
            &["billing"],
            &[],
        );
        assert_fails(&RULE, &d, &["api", "billing"]);
        d.links
            .retain(|l| !(l.from == ServiceId(4) && l.to == ServiceId(2)));
        d.links
            .push(Link::new(ServiceId(5), ServiceId(5 - 1), LinkKind::Async));
        assert_fails(&RULE, &d, &["billing", "mailer"]);
        assert_no_fix(&RULE, &d);
    }
}

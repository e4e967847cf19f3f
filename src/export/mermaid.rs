//! The diagram as Mermaid flowchart text, for docs-as-code (GitHub, GitLab and most wikis render
//! a ```` ```mermaid ```` block): a `subgraph` per non-empty tier (named in the design's
//! `docs_lang`), top to bottom as on the board,
//! a node per service labelled with its name and kind, `-->` for a sync link and `-.->` (dotted)
//! for an async one.
//!
//! Invariants: every service is one node whose id is a valid Mermaid id (`s_` + ASCII letters,
//! digits and `_`, made unique: never a keyword such as `end`, never a leading digit, never
//! `o`/`x` glued to an arrow); every label is quoted with `"`, `<`, `>`, `&` and `#` written as
//! Mermaid entity codes, so no name or kind can close the label or inject syntax. Deterministic:
//! board order.

use crate::catalog;
use crate::model::{Design, LinkKind, Service, ServiceId, Tier};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The flowchart text (ends with a newline; without the ```` ``` ```` fence).
pub fn mermaid(design: &Design) -> String {
    let ids = node_ids(design);
    let id = |s: ServiceId| ids.get(&s).map(String::as_str);
    let mut out = String::from("flowchart TB\n");
    for tier in Tier::ALL {
        let mut services = design.tier_services(tier).peekable();
        if services.peek().is_none() {
            continue;
        }
        let _ = writeln!(
            out,
            "  subgraph tier_{}[\"{}\"]",
            tier.id(),
            label(tier.name().get(design.settings.docs_lang))
        );
        out.push_str("    direction LR\n");
        for s in services {
            let Some(node) = id(s.id) else { continue };
            let _ = writeln!(out, "    {node}[\"{}\"]", node_label(s));
        }
        out.push_str("  end\n");
    }
    for l in &design.links {
        let (Some(from), Some(to)) = (id(l.from), id(l.to)) else {
            continue;
        };
        let arrow = match l.kind {
            LinkKind::Sync => "-->",
            LinkKind::Async => "-.->",
        };
        let _ = writeln!(out, "  {from} {arrow} {to}");
    }
    out
}

/// `name<br/>Kind` (the kind's display name, or its id for kinds the catalog lacks).
fn node_label(s: &Service) -> String {
    let kind = catalog::kind(&s.kind).map_or(s.kind.as_str(), |k| k.name);
    format!("{}<br/>{}", label(&s.name), label(kind))
}

/// Text safe inside a quoted Mermaid label: entity codes for the characters Mermaid or its HTML
/// labels would read as syntax, a space for any control character (a line break would end the
/// statement).
fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A node id per service: `s_` and the name with every other character as `_`, then `_2`,
/// `_3`… where two names sanitise alike.
fn node_ids(design: &Design) -> BTreeMap<ServiceId, String> {
    let mut ids = BTreeMap::new();
    let mut taken = std::collections::BTreeSet::new();
    for s in &design.services {
        let base: String = std::iter::once('s')
            .chain(std::iter::once('_'))
            .chain(
                s.name
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }),
            )
            .collect();
        let mut id = base.clone();
        let mut n = 2u32;
        while taken.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        taken.insert(id.clone());
        ids.insert(s.id, id);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, PATTERNS};
    use crate::model::{Image, Link};

    fn valid_id(id: &str) -> bool {
        id.starts_with("s_") && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }

    /// The shape a Mermaid flowchart parser needs: the header, balanced `subgraph`/`end`, node
    /// lines `id["label"]` with a valid id and no raw quote or line break inside the label, edge
    /// lines `id --> id` / `id -.-> id` between declared nodes. Returns (node ids in order,
    /// edges).
    fn shape(text: &str) -> (Vec<String>, Vec<(String, &'static str, String)>) {
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("flowchart TB"));
        let (mut depth, mut nodes, mut edges) = (0, Vec::new(), Vec::new());
        for line in lines {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("subgraph ") {
                assert_eq!(depth, 0, "nested subgraph: {line}");
                depth += 1;
                assert!(rest.starts_with("tier_") && rest.ends_with("\"]"), "{line}");
            } else if line == "end" {
                assert_eq!(depth, 1, "end without subgraph");
                depth -= 1;
            } else if line == "direction LR" {
                assert_eq!(depth, 1);
            } else if let Some((id, rest)) = line.split_once("[\"") {
                assert!(valid_id(id), "{line}");
                let label = rest.strip_suffix("\"]").expect("label closed");
                assert!(!label.contains('"'), "{line}");
                assert_eq!(label.matches('<').count(), 1, "only <br/>: {line}");
                assert_eq!(label.matches("<br/>").count(), 1, "{line}");
                nodes.push(id.to_string());
            } else {
                let parts: Vec<&str> = line.split(' ').collect();
                let [from, arrow, to] = parts.as_slice() else {
                    panic!("unexpected line {line:?}");
                };
                let arrow = match *arrow {
                    "-->" => "-->",
                    "-.->" => "-.->",
                    other => panic!("unknown arrow {other}"),
                };
                assert!(
                    nodes.iter().any(|n| n == from) && nodes.iter().any(|n| n == to),
                    "{line}"
                );
                edges.push((from.to_string(), arrow, to.to_string()));
            }
        }
        assert_eq!(depth, 0, "unclosed subgraph");
        (nodes, edges)
    }

    #[test]
    fn every_pattern_has_a_node_per_service_and_an_edge_per_link() {
        for design in PATTERNS.iter().map(instantiate) {
            let text = mermaid(&design);
            let (nodes, edges) = shape(&text);
            assert_eq!(nodes.len(), design.services.len(), "{text}");
            let unique: std::collections::BTreeSet<_> = nodes.iter().collect();
            assert_eq!(unique.len(), nodes.len(), "{text}");
            assert_eq!(edges.len(), design.links.len(), "{text}");
            let tiers = Tier::ALL
                .iter()
                .filter(|t| design.tier_services(**t).next().is_some())
                .count();
            assert_eq!(text.matches("subgraph ").count(), tiers);
        }
    }

    #[test]
    fn hostile_names_stay_labels_and_ids_stay_valid() {
        let mut d = Design::new("x");
        let names = ["end", "graph", "a-b", "a.b", "a_b", "1st", "o", "x"];
        for (i, name) in names.iter().enumerate() {
            let mut s = Service::new(
                ServiceId(i as u32 + 1),
                *name,
                "x\"]; click s_end call alert(1) %%<b>#&\n",
                Tier::Backend,
            );
            s.image = Some(Image::new("busybox", "1.36"));
            d.services.push(s);
        }
        d.links = vec![
            Link::new(ServiceId(1), ServiceId(2), LinkKind::Sync),
            Link::new(ServiceId(7), ServiceId(8), LinkKind::Async),
        ];
        let text = mermaid(&d);
        let (nodes, edges) = shape(&text);
        assert_eq!(
            nodes,
            ["s_end", "s_graph", "s_a_b", "s_a_b_2", "s_a_b_3", "s_1st", "s_o", "s_x"]
        );
        assert_eq!(edges[1], ("s_o".to_string(), "-.->", "s_x".to_string()));
        assert!(
            text.contains("x#quot;]; click s_end call alert(1) %%#lt;b#gt;#35;#amp; "),
            "{text}"
        );
    }

    #[test]
    fn sync_links_are_solid_and_async_links_dotted() {
        let design = PATTERNS
            .iter()
            .map(instantiate)
            .find(|d| d.links.iter().any(|l| l.kind == LinkKind::Async))
            .expect("a pattern with a queue");
        let text = mermaid(&design);
        let (_, edges) = shape(&text);
        for (l, (_, arrow, _)) in design.links.iter().zip(&edges) {
            assert_eq!(
                *arrow,
                if l.kind == LinkKind::Async {
                    "-.->"
                } else {
                    "-->"
                }
            );
        }
    }
}

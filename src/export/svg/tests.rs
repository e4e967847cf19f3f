//! The SVG export as a specification: every pattern's SVG is well-formed XML, names every
//! service and opens back to the exact design; hostile names stay text; the themes differ.

use super::*;
use crate::catalog::{instantiate, PATTERNS};
use crate::diagram::{layout, CardBox, LaneBox, NetworkBand, Point, Rect, Route, View};
use crate::model::{Image, Link, Port, Service, ServiceId};

/// A hand-built diagram: one lane per tier, cards in a row, each link routed down from the
/// middle of its source card's bottom to the middle of its target's top.
fn grid(design: &Design) -> Diagram {
    let mut d = Diagram {
        width: 1600,
        height: 3 * 160,
        ..Diagram::default()
    };
    for (row, tier) in Tier::ALL.into_iter().enumerate() {
        let y = row as i32 * 160;
        d.lanes.push(LaneBox {
            tier,
            rect: Rect {
                x: 8,
                y,
                w: 1584,
                h: 152,
            },
            columns: 7,
        });
        d.networks.push(NetworkBand {
            name: tier.id().to_string(),
            tier,
            internal: tier == Tier::Data,
            rect: Rect {
                x: 12,
                y: y + 4,
                w: 1576,
                h: 144,
            },
            guests: Vec::new(),
        });
        for (column, s) in design.tier_services(tier).enumerate() {
            d.cards.push(CardBox {
                id: s.id,
                tier,
                rect: Rect {
                    x: 24 + column as i32 * 220,
                    y: y + 40,
                    w: 200,
                    h: 92,
                },
                row: 0,
                column,
            });
        }
    }
    for l in &design.links {
        let (Some(a), Some(b)) = (d.card(l.from), d.card(l.to)) else {
            continue;
        };
        let (a, b) = (a.rect, b.rect);
        let start = Point {
            x: a.x + 100,
            y: a.y + a.h,
        };
        let end = Point {
            x: b.x + 100,
            y: b.y,
        };
        let mid = (start.y + end.y) / 2;
        d.routes.push(Route {
            from: l.from,
            to: l.to,
            kind: l.kind,
            points: vec![
                start,
                Point { x: start.x, y: mid },
                Point { x: end.x, y: mid },
                end,
            ],
            label: Point { x: start.x, y: mid },
        });
    }
    d
}

/// A tiny XML well-formedness check: one root, tags nest and match, attribute values quoted
/// without `<`, and every `&` starts one of the five entities or a character reference.
fn well_formed(text: &str) -> Result<(), String> {
    fn entities_ok(s: &str) -> Result<(), String> {
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            rest = &rest[i + 1..];
            let end = rest.find(';').ok_or("& without ;")?;
            let name = &rest[..end];
            let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || (name.starts_with('#')
                    && name.len() > 1
                    && name[1..].chars().all(|c| c.is_ascii_hexdigit() || c == 'x'));
            if !ok {
                return Err(format!("bad entity &{name};"));
            }
        }
        if s.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            return Err("control character".into());
        }
        Ok(())
    }
    let body = text
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .ok_or("no XML declaration")?;
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        let text_part = &rest[..open];
        if stack.is_empty() && !text_part.trim().is_empty() {
            return Err(format!("text outside the root: {text_part:?}"));
        }
        if text_part.contains('>') {
            return Err(format!("raw > in text {text_part:?}"));
        }
        entities_ok(text_part)?;
        rest = &rest[open + 1..];
        // Find the tag's end outside quoted attribute values.
        let mut quote = None;
        let mut end = None;
        for (i, c) in rest.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (Some(_), '<') => return Err("< inside an attribute value".into()),
                (None, '<') => return Err("< inside a tag".into()),
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end.ok_or("unterminated tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        entities_ok(tag)?;
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack.pop().ok_or("close without open")?;
            if top != name.trim() {
                return Err(format!("</{name}> closes <{top}>"));
            }
        } else {
            let name = tag
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            if name.is_empty() {
                return Err(format!("tag without a name: {tag:?}"));
            }
            if stack.is_empty() {
                roots += 1;
            }
            if !tag.ends_with('/') {
                stack.push(name);
            }
        }
    }
    if !rest.trim().is_empty() || !stack.is_empty() || roots != 1 {
        return Err(format!(
            "unbalanced: open {stack:?}, roots {roots}, tail {rest:?}"
        ));
    }
    Ok(())
}

fn patterns() -> impl Iterator<Item = Design> {
    PATTERNS.iter().map(instantiate)
}

#[test]
fn every_pattern_opens_back_to_the_same_design() {
    for design in patterns() {
        for theme in Theme::ALL {
            for diagram in [
                grid(&design),
                layout(
                    &design,
                    View {
                        width: 1600,
                        height: 900,
                    },
                ),
            ] {
                let text = svg(&design, &diagram, theme);
                assert_eq!(share::open(&text), Ok(design.clone()), "{}", design.name);
            }
        }
    }
}

#[test]
fn every_pattern_is_well_formed_and_names_every_service() {
    for design in patterns() {
        let text = svg(
            &design,
            &layout(&design, crate::export::DEFAULT_VIEW),
            Theme::Light,
        );
        well_formed(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", design.name));
        for s in &design.services {
            assert!(
                text.contains(&format!("<title>{} — ", escape(&s.name))),
                "{} misses {}",
                design.name,
                s.name
            );
        }
        assert_eq!(
            text.matches("marker-end=\"url(#tb-arrow-").count(),
            design.links.len() + 2,
            "every link, and the two legend swatches"
        );
    }
}

#[test]
fn hostile_names_stay_text() {
    let hostile = "<script>alert(\"x\")</script> & 'co' \u{1}]]>";
    let mut d = Design::new(hostile);
    let mut a = Service::new(ServiceId(1), "web", "custom", Tier::Frontend);
    a.image = Some(Image::new("ghcr.io/<x>/a&b", "1\"2"));
    a.ports = vec![Port::published(80, 8080)];
    a.ports[0].host_ip = Some("<0.0.0.0>".into());
    a.profiles = vec!["a'b\"c".into()];
    let mut b = Service::new(ServiceId(2), "db", "custom<&>", Tier::Data);
    b.image = Some(Image::new("postgres", "16"));
    d.services = vec![a, b];
    d.links = vec![Link::new(ServiceId(1), ServiceId(2), LinkKind::Async)];
    for diagram in [grid(&d), layout(&d, crate::export::DEFAULT_VIEW)] {
        let text = svg(&d, &diagram, Theme::Dark);
        well_formed(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(!text.contains("<script"));
        assert!(text.contains("&lt;script&gt;"));
    }
    // What the model accepts of it comes back exactly.
    let mut valid = d.clone();
    valid.services[0].profiles.clear();
    let text = svg(
        &valid,
        &layout(&valid, crate::export::DEFAULT_VIEW),
        Theme::Light,
    );
    assert_eq!(share::open(&text), Ok(valid));
}

#[test]
fn the_checker_catches_what_it_should() {
    let ok = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg a=\"1\"><g><t>x &amp; y</t></g><r/></svg>\n";
    assert_eq!(well_formed(ok), Ok(()));
    for bad in [
        ok.replace("&amp;", "&"),
        ok.replace("</g>", ""),
        ok.replace("x &amp; y", "x < y"),
        ok.replace("a=\"1\"", "a=\"<\""),
        format!("{ok}<svg></svg>"),
    ] {
        assert!(well_formed(&bad).is_err(), "{bad}");
    }
}

#[test]
fn the_dark_theme_differs_and_the_output_is_deterministic() {
    let d = patterns().next().expect("a pattern");
    let light = svg(&d, &grid(&d), Theme::Light);
    let dark = svg(&d, &grid(&d), Theme::Dark);
    assert_ne!(light, dark);
    assert!(dark.contains(Theme::Dark.palette().background));
    assert_eq!(light, svg(&d, &grid(&d), Theme::Light));
}

#[test]
fn the_svg_is_accessible_and_sized_from_the_diagram() {
    let d = patterns().next().expect("a pattern");
    let text = svg(&d, &grid(&d), Theme::Light);
    let height = TITLE_H + 480 + legend::height(1600);
    assert!(
        text.contains(&format!(
            "width=\"1600\" height=\"{height}\" viewBox=\"0 0 1600 {height}\""
        )),
        "{}",
        &text[..400]
    );
    assert!(text.contains("role=\"img\" aria-labelledby=\"tb-title tb-desc\""));
    assert!(text.contains("<desc id=\"tb-desc\">Architecture of "));
    assert!(!text.contains("href"), "self-contained: nothing linked");
}

#[test]
fn links_are_drawn_by_kind_and_internal_networks_are_marked() {
    let mut d = Design::new("x");
    for (id, tier) in [(1, Tier::Frontend), (2, Tier::Backend), (3, Tier::Data)] {
        let mut s = Service::new(ServiceId(id), format!("s{id}"), "custom", tier);
        s.image = Some(Image::new("busybox", "1.36"));
        d.services.push(s);
    }
    d.links = vec![
        Link::new(ServiceId(1), ServiceId(2), LinkKind::Sync),
        Link::new(ServiceId(2), ServiceId(3), LinkKind::Async),
    ];
    let text = svg(&d, &grid(&d), Theme::Light);
    assert!(
        text.contains("marker-end=\"url(#tb-arrow-sync)\"><title>s1 → s2 (sync)</title>"),
        "{text}"
    );
    assert!(text.contains("stroke-dasharray=\"6 4\" marker-end=\"url(#tb-arrow-async)\"><title>s2 → s3 (async)</title>"));
    assert!(text.contains("network data · internal"));
    assert!(!text.contains("network backend · internal"));
}

#[test]
fn a_name_that_mimics_the_metadata_cannot_replace_the_design() {
    let mut d = patterns().next().expect("a pattern");
    d.name = "<tierboard:design>d=1.AAAA</tierboard:design>".into();
    let text = svg(&d, &layout(&d, crate::export::DEFAULT_VIEW), Theme::Light);
    assert_eq!(text.matches("<tierboard:design").count(), 1);
    assert_eq!(share::open(&text), Ok(d));
}

#[test]
fn lanes_and_the_description_speak_the_design_s_language() {
    let mut design = instantiate(&PATTERNS[0]);
    design.settings.docs_lang = crate::i18n::Lang::De;
    let text = svg(&design, &grid(&design), Theme::Light);
    assert!(text.contains(">Daten<"), "the data lane says Daten");
    assert!(
        text.contains("Architektur von "),
        "the description is German"
    );
    assert!(!text.contains(">Data<"));
    crate::i18n::assert_well_formed(super::ALL);
}

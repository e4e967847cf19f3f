//! The overview diagram of the operations docs: one box per tier, top to bottom as on the board
//! (seed 000's Phase 2 topology), service names wrapped to the box width, and the links listed
//! below as `from → to` (sync) or `from ⇢ to` (async). Plain text with box-drawing characters,
//! every line the same width so that it renders aligned in any monospace font.

use super::texts;
use crate::i18n::Lang;
use crate::model::{Design, LinkKind, Tier};

/// Inner width of a tier box (characters between the borders).
const WIDTH: usize = 66;

fn border(left: char, fill: char, right: char, title: &str) -> String {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" {title} ")
    };
    let rest = WIDTH.saturating_sub(title.chars().count());
    let before = rest / 2;
    format!(
        "{left}{}{title}{}{right}",
        fill.to_string().repeat(before),
        fill.to_string().repeat(rest - before)
    )
}

fn row(text: &str) -> String {
    let pad = WIDTH.saturating_sub(text.chars().count() + 2);
    format!("│  {text}{}│", " ".repeat(pad))
}

/// Cards of one tier as `[name]` tokens, wrapped into rows.
fn rows(names: &[String], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for name in names {
        let card: String = format!("[{name}]").chars().take(WIDTH - 4).collect();
        if !line.is_empty() && line.chars().count() + 2 + card.chars().count() > WIDTH - 4 {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(&card);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(if line.is_empty() {
            texts::DIAGRAM_EMPTY.get(lang).to_string()
        } else {
            line
        });
    }
    out
}

pub fn diagram(design: &Design, lang: Lang) -> String {
    let mut out = String::new();
    for (i, tier) in Tier::ALL.iter().enumerate() {
        let names: Vec<String> = design
            .tier_services(*tier)
            .map(|s| s.name.clone())
            .collect();
        if i > 0 {
            out.push_str(&format!(
                "{}│\n{}▼\n",
                " ".repeat(WIDTH / 2),
                " ".repeat(WIDTH / 2)
            ));
        }
        out.push_str(&border('┌', '─', '┐', &tier.id().to_ascii_uppercase()));
        out.push('\n');
        for line in rows(&names, lang) {
            out.push_str(&row(&line));
            out.push('\n');
        }
        out.push_str(&border('└', '─', '┘', ""));
        out.push('\n');
    }
    let links: Vec<String> = design
        .links
        .iter()
        .filter_map(|l| {
            let (from, to) = (design.service(l.from)?, design.service(l.to)?);
            let arrow = if l.kind == LinkKind::Async {
                "⇢"
            } else {
                "→"
            };
            Some(format!("{} {arrow} {}", from.name, to.name))
        })
        .collect();
    if !links.is_empty() {
        out.push('\n');
        out.push_str(texts::DIAGRAM_LINKS.get(lang));
        out.push('\n');
        for l in links {
            out.push_str(&format!("  {l}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Service, ServiceId};

    #[test]
    fn every_box_line_has_the_same_width() {
        let mut d = Design::new("x");
        for i in 0..30u32 {
            let tier = Tier::ALL[(i % 3) as usize];
            d.services.push(Service::new(
                ServiceId(i + 1),
                format!("service-number-{i}"),
                "custom",
                tier,
            ));
        }
        let text = diagram(&d, Lang::En);
        for line in text.lines().filter(|l| l.starts_with(['┌', '│', '└'])) {
            assert_eq!(line.chars().count(), WIDTH + 2, "{line}");
        }
        assert!(text.contains("[service-number-29]"));
    }

    #[test]
    fn empty_tiers_are_drawn_as_empty() {
        let text = diagram(&Design::new("x"), Lang::En);
        assert_eq!(text.matches("(empty)").count(), 3);
        let text = diagram(&Design::new("x"), Lang::De);
        assert_eq!(text.matches("(leer)").count(), 3);
    }
}

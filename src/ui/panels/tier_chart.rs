//! Stacked bars per tier: for CPU, memory and storage, one bar per environment, each split into
//! its frontend, backend and data shares, against a line at the host budget. Drawn with SVG
//! attributes (the page's CSP forbids inline styles); colours come from the tier classes.

use crate::i18n::{Lang, Text};
use crate::model::Tier;
use crate::planner::{cpus_in, memory_in, Environment, Plan, Totals};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use leptos::prelude::*;

/// Chart geometry, in SVG user units.
const LABEL_W: u64 = 44;
const BAR_W: u64 = 236;
const BAR_H: u64 = 14;
const ROW_GAP: u64 = 6;
const GROUP_GAP: u64 = 22;

/// One resource: its name, its figure in a tier's totals, its budget, and how to write it.
struct Measure {
    name: Text,
    of: fn(&Totals) -> u64,
    budget: fn(&Plan) -> u64,
    text: fn(Lang, u64) -> String,
}

const MEASURES: [Measure; 3] = [
    Measure {
        name: t::CPU_RESERVED,
        of: |t| t.cpu_reserved_m,
        budget: |p| u64::from(p.budget.cpu_m),
        text: |l, v| t::N_CPU.fill(l, &[("n", &cpus_in(l, v))]),
    },
    Measure {
        name: t::MEMORY_RESERVED,
        of: |t| t.memory_reserved_mb,
        budget: |p| u64::from(p.budget.memory_mb),
        text: memory_in,
    },
    Measure {
        name: t::STORAGE,
        of: |t| t.storage_gb,
        budget: |p| u64::from(p.budget.disk_gb),
        text: |l, v| t::N_GB.fill(l, &[("n", &v.to_string())]),
    },
];

/// A drawn segment or marker.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    Title {
        y: u64,
        text: String,
    },
    Label {
        y: u64,
        text: String,
    },
    Segment {
        x: u64,
        y: u64,
        w: u64,
        tier: Tier,
        title: String,
    },
    Budget {
        x: u64,
        y: u64,
        h: u64,
    },
}

fn shapes(plan: &Plan, lang: Lang) -> (Vec<Shape>, u64) {
    let mut out = Vec::new();
    let mut y = 0;
    for m in &MEASURES {
        let budget = (m.budget)(plan);
        let scale = Environment::ALL
            .iter()
            .map(|e| (m.of)(&plan.env(*e).total))
            .max()
            .unwrap_or(0)
            .max(budget)
            .max(1);
        out.push(Shape::Title {
            y: y + 12,
            text: t::CHART_TITLE.fill(
                lang,
                &[
                    ("name", m.name.get(lang)),
                    ("value", &(m.text)(lang, budget)),
                ],
            ),
        });
        y += 18;
        let top = y;
        for env in Environment::ALL {
            out.push(Shape::Label {
                y: y + BAR_H - 3,
                text: env.id().to_string(),
            });
            let mut x = LABEL_W;
            for (tier, totals) in &plan.env(env).tiers {
                let v = (m.of)(totals);
                let w = v * BAR_W / scale;
                if w > 0 {
                    let tier_name = tier.name().get(lang);
                    let title = format!("{} {tier_name}: {}", env.id(), (m.text)(lang, v));
                    out.push(Shape::Segment {
                        x,
                        y,
                        w,
                        tier: *tier,
                        title,
                    });
                }
                x += w;
            }
            y += BAR_H + ROW_GAP;
        }
        if budget > 0 {
            out.push(Shape::Budget {
                x: LABEL_W + budget * BAR_W / scale,
                y: top - 2,
                h: y - top,
            });
        }
        y += GROUP_GAP - ROW_GAP;
    }
    (out, y)
}

#[component]
pub fn TierChart(
    /// The plan to draw; the chart follows its changes.
    plan: Memo<Plan>,
) -> impl IntoView {
    let lang = use_lang();
    let drawing = Memo::new(move |_| {
        let lang = lang.get();
        plan.with(|p| shapes(p, lang))
    });
    let view_box = move || drawing.with(|(_, h)| format!("0 0 {} {h}", LABEL_W + BAR_W + 4));
    let shape = |s: Shape| {
        match s {
        Shape::Title { y, text } => view! { <text class="chart__title" x="0" y=y>{text}</text> }.into_any(),
        Shape::Label { y, text } => view! { <text class="chart__label" x="0" y=y>{text}</text> }.into_any(),
        Shape::Segment { x, y, w, tier, title } => view! {
            <rect class=format!("chart__segment tier-{}", tier.id()) x=x y=y width=w height=BAR_H>
                <title>{title}</title>
            </rect>
        }
        .into_any(),
        Shape::Budget { x, y, h } => {
            view! { <rect class="chart__budget" x=x.saturating_sub(1) y=y width="2" height=h + 4></rect> }.into_any()
        }
    }
    };

    view! {
        <figure class="chart">
            <svg class="chart__svg" viewBox=view_box role="img" aria-label=tr(t::CHART_LABEL)>
                {move || drawing.get().0.into_iter().map(shape).collect_view()}
            </svg>
            <figcaption class="chart__legend">
                {Tier::ALL.map(|t| view! {
                    <span class=format!("chart__key tier-{}", t.id())>{tr(t.name())}</span>
                })}
                <span class="chart__key chart__key--budget">{tr(t::BUDGET)}</span>
            </figcaption>
        </figure>
    }
}

//! The Checklist panel: `rules::check` of the board, once per change while the panel is open (the
//! panel is fetched on demand with the rules; the tab badge asks them for the score a moment
//! after each edit, `ui::side_panel`) — the 0-100 score overall and
//! per category, failing rules first in each category (passing ones folded away), "Fix" per rule
//! and "Fix all" for every safe fix, each one undoable command.

use super::ChecklistItem;
use crate::i18n::Lang;
use crate::rules::{self, Category, Outcome, Report};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use crate::ui::use_app;
use leptos::prelude::*;

#[component]
pub fn ChecklistPanel() -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let design = state.reader();
    // Follows the design a frame late: an edit's frame is not held by the rules.
    let report = design.memo_after_paint(rules::check);
    let safe_fixes =
        Memo::new(move |_| report.with(|r| r.findings().filter(|f| f.safe_fix).count()));
    let fix_all = move |_| {
        let command = state.reader().signal().with_untracked(rules::fix_all);
        match command {
            Some(command) => {
                let score = move || design.signal().with_untracked(|d| rules::check(d).score);
                let before = score();
                let lang = lang.get_untracked();
                match state.dispatch(command) {
                    Ok(_) => {
                        let after = score();
                        state.report_info(t::APPLIED_FIXES.fill(
                            lang,
                            &[
                                ("before", &before.to_string()),
                                ("after", &after.to_string()),
                            ],
                        ))
                    }
                    Err(e) => state
                        .report_error(t::FIXES_FAILED.fill(lang, &[("error", &e.message(lang))])),
                }
            }
            None => state.report_info(t::NO_SAFE_FIX.get(lang.get_untracked())),
        }
    };
    let category = move |c: Category| view! { <CategorySection category=c report=report /> };

    view! {
        <div class="panel checklist" aria-label=tr(t::CHECKLIST)>
            <div class="checklist__summary">
                <p class="checklist__score">
                    <span class="checklist__score-value">{move || report.with(|r| r.score)}</span>
                    <span class="checklist__score-max">" / 100"</span>
                </p>
                <button
                    type="button"
                    class="button button--primary"
                    disabled=move || safe_fixes.get() == 0
                    on:click=fix_all
                >
                    {move || t::FIX_ALL.fill(lang.get(), &[("n", &safe_fixes.get().to_string())])}
                </button>
            </div>
            <ul class="checklist__categories" role="list">
                {Category::ALL.map(|c| {
                    let score = move || report.with(|r| category_score(r, c, lang.get()));
                    view! {
                        <li class="checklist__category-score">
                            <span>{tr(c.text())}</span>
                            <strong>{score}</strong>
                        </li>
                    }
                })}
            </ul>
            {Category::ALL.map(category)}
        </div>
    }
}

fn category_score(report: &Report, category: Category, lang: Lang) -> String {
    report.category(category).and_then(|c| c.score).map_or_else(
        || t::NOT_APPLICABLE.get(lang).to_string(),
        |s| s.to_string(),
    )
}

/// One category: its failing rules, then its passing rules folded away.
#[component]
fn CategorySection(category: Category, report: Memo<Report>) -> impl IntoView {
    let lang = use_lang();
    let ids = move |outcome: Outcome| {
        move || {
            report.with(|r| {
                r.results
                    .iter()
                    .filter(|x| x.category == category && x.outcome == outcome)
                    .map(|x| x.rule)
                    .collect::<Vec<&'static str>>()
            })
        }
    };
    let item = move |id: &'static str| {
        let result = Memo::new(move |_| report.with(|r| r.result(id).cloned()));
        view! { <ChecklistItem result=result /> }
    };
    let passing = Memo::new(move |_| ids(Outcome::Pass)().len());
    let title_id = format!("checklist-{}", category.id());
    let labelled_by = title_id.clone();

    view! {
        <section class="checklist__category" aria-labelledby=labelled_by>
            <h3 class="panel__subtitle" id=title_id>
                {tr(category.text())}
                " "
                <span class="checklist__category-value">{move || report.with(|r| category_score(r, category, lang.get()))}</span>
            </h3>
            <ul class="checklist__list" role="list">
                <For each=ids(Outcome::Fail) key=|id| *id children=item />
            </ul>
            <Show when=move || { passing.get() > 0 }>
                <details class="checklist__passing">
                    <summary>{move || t::N_PASSING.fill(lang.get(), &[("n", &passing.get().to_string())])}</summary>
                    <ul class="checklist__list" role="list">
                        <For each=ids(Outcome::Pass) key=|id| *id children=item />
                    </ul>
                </details>
            </Show>
        </section>
    }
}

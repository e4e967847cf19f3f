//! One checklist rule in the panel: pass or fail, its title and severity, the services concerned
//! (each a button that selects the service on the canvas), why it matters, and "Fix" when the
//! rule knows a fix for this design (one undoable command).

use crate::rules::{self, Outcome, RuleResult};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use crate::ui::{use_app, PanelTab, Selection};
use leptos::prelude::*;

#[component]
pub fn ChecklistItem(
    /// The rule's result; the item follows its changes.
    result: Memo<Option<RuleResult>>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let fix = move |ev: leptos::ev::MouseEvent| {
        let used = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let Some(id) = result.with_untracked(|r| r.as_ref().map(|r| r.rule)) else {
            return;
        };
        let command = state
            .reader()
            .signal()
            .with_untracked(|d| rules::fix(d, id));
        match command {
            Some(command) => {
                state.dispatch_or_report(command);
                crate::ui::focus::after_fix(used);
            }
            None => state.report_info(t::NOTHING_TO_FIX.get(lang.get_untracked())),
        }
    };
    let select = move |id| {
        state.selection.set(Selection::Service(id));
        // Keep the checklist open: the canvas highlights the selected card.
        state.panel.set(PanelTab::Checklist);
    };

    move || {
        let r = result.get()?;
        let rule = r.descriptor();
        let failed = r.outcome == Outcome::Fail;
        let l = lang.get();
        let (status, status_class) = match r.outcome {
            Outcome::Pass => (t::PASS, "check__status check__status--pass"),
            Outcome::Fail => (t::FAIL, "check__status check__status--fail"),
            Outcome::NotApplicable => (t::NOT_APPLICABLE, "check__status"),
        };
        let status = status.get(l);
        let services = r
            .services
            .iter()
            .map(|s| {
                let id = s.id;
                let label = t::SELECT_SERVICE.fill(l, &[("name", &s.name)]);
                view! {
                    <button type="button" class="check__service" aria-label=label on:click=move |_| select(id)>
                        {s.name.to_string()}
                    </button>
                }
            })
            .collect_view();
        let first_service = r.services.first().map(|s| s.id);
        Some(view! {
            <li class=if failed { "check check--fail" } else { "check check--pass" }>
                <div class="check__head">
                    <span class=status_class>{status}</span>
                    <span class="check__title">{r.title(l)}</span>
                    <span class=format!("check__severity check__severity--{}", r.severity.id())>{r.severity.label(l)}</span>
                </div>
                {failed.then(|| view! {
                    <p
                        class="check__message"
                        on:click=move |_| {
                            if let Some(id) = first_service {
                                select(id);
                            }
                        }
                    >
                        {r.message(l)}
                    </p>
                    <div class="check__services">{services}</div>
                })}
                {rule.map(|d| view! {
                    <details class="check__why">
                        <summary>{tr(t::WHY)}</summary>
                        <p>{d.why.get(l)}</p>
                        <p class="check__source">{d.source}</p>
                    </details>
                })}
                {r.fixable.then(|| {
                    let label = t::FIX_RULE.fill(l, &[("title", r.title(l))]);
                    view! {
                        <button type="button" class="button button--small check__fix" aria-label=label on:click=fix>
                            {t::FIX.get(l)}
                        </button>
                    }
                })}
            </li>
        })
    }
}

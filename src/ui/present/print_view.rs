//! What paper gets: the design's name and the diagram, on one landscape page (see the print
//! rules in `style/present.css`). Hidden on screen.
//!
//! The diagram is the core's SVG (`export::svg` over `diagram::layout`, what the board and the
//! SVG export paint; its title strip carries the name), written into this element on
//! `beforeprint`, so what is printed is the design at that moment, and dropped on `afterprint`.
//! Until `beforeprint` has run (a print preview emulated by a test), the name and the live board
//! are printed instead. The SVG writer is a chunk of its own (`on_demand::print_svg`, fetched
//! once the board is idle): a print before that chunk has arrived gets the name and the live
//! board, and the drawing as soon as the chunk is there.

use crate::ui::on_demand;
use crate::ui::use_app;
use leptos::prelude::*;

#[component]
pub fn PrintView() -> impl IntoView {
    let app = use_app();
    let design = app.reader();
    let name = Memo::new(move |_| design.with(|d| d.name.clone()));
    let svg = RwSignal::new(None::<String>);
    // Between beforeprint and afterprint: a drawing that arrives later is dropped.
    let printing = StoredValue::new(false);
    let _ = window_event_listener_untyped("beforeprint", move |_| {
        let Some(now) = design.signal().try_get_untracked() else {
            return;
        };
        printing.try_set_value(true);
        on_demand::soon(on_demand::print_svg(now), move |drawing| {
            if printing.try_get_value() == Some(true) {
                svg.try_set(Some(drawing));
            }
        });
    });
    let _ = window_event_listener_untyped("afterprint", move |_| {
        printing.try_set_value(false);
        svg.try_set(None);
    });
    view! {
        <div class="print-view" class:print-view--diagram=move || svg.with(Option::is_some) aria-hidden="true">
            <h1 class="print-view__title">{move || name.get()}</h1>
            <div class="print-view__diagram" inner_html=move || svg.get().unwrap_or_default()></div>
        </div>
    }
}

//! What a drag draws over the page: the ghost under the pointer, the drop indicator and, for a
//! connection, the rubber band from the handle. A fixed SVG with `pointer-events: none`, so it
//! never hides a drop target from hit-testing. Drawn only while a drag lasts, so its picture
//! ([`DragPicture`]) is a split point (`on_demand::drag_picture`, issue 18), prefetched once the
//! board is idle.

use super::drag::{use_drag, DragSource, Rect};
use leptos::prelude::*;

/// Whole pixels (integer formatting keeps float printing out of the wasm binary).
fn px(v: f64) -> i64 {
    v.round() as i64
}

#[component]
pub fn DragOverlay() -> impl IntoView {
    let drag = use_drag().drag;
    let active = Memo::new(move |_| drag.with(|d| d.as_ref().is_some_and(|d| d.active)));
    view! {
        <Show when=move || active.get()>
            <super::on_demand::OnDemand load=super::on_demand::drag_picture quiet=true />
        </Show>
    }
}

/// The ghost, the drop indicator or the rubber band of the drag under way.
#[component]
pub fn DragPicture() -> impl IntoView {
    let drag = use_drag().drag;
    let at = move || drag.with(|d| d.as_ref().map(|d| d.at).unwrap_or_default());
    let indicator = move || drag.with(|d| d.as_ref().and_then(|d| d.indicator));
    let is_link = move || {
        drag.with(|d| {
            d.as_ref()
                .is_some_and(|d| matches!(d.source, DragSource::Link(_)))
        })
    };
    let label = move || drag.with(|d| d.as_ref().map(|d| d.label.clone()).unwrap_or_default());
    let start = move || drag.with(|d| d.as_ref().map(|d| d.start).unwrap_or_default());

    let rect_of = move |r: Option<Rect>| r.unwrap_or_default();
    view! {
        <svg class="drag-overlay" aria-hidden="true">
            <Show when=move || indicator().is_some()>
                <rect
                    class=move || if is_link() { "drag-overlay__target" } else { "drag-overlay__bar" }
                    x=move || px(rect_of(indicator()).x)
                    y=move || px(rect_of(indicator()).y)
                    width=move || px(rect_of(indicator()).w)
                    height=move || px(rect_of(indicator()).h)
                    rx="4"
                ></rect>
            </Show>
            <Show
                when=is_link
                fallback=move || view! {
                    <g class="drag-overlay__ghost" transform=move || format!("translate({} {})", px(at().0 + 12.0), px(at().1 + 12.0))>
                        <rect width="180" height="40" rx="8"></rect>
                        <text x="14" y="26">{label}</text>
                    </g>
                }
            >
                <line
                    class="drag-overlay__band"
                    x1=move || px(start().0)
                    y1=move || px(start().1)
                    x2=move || px(at().0)
                    y2=move || px(at().1)
                ></line>
            </Show>
        </svg>
    }
}

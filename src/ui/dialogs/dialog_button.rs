//! A toolbar button that opens a `Modal` dialog; closing the dialog focuses the button again.

use super::Modal;
use crate::i18n::Text;
use crate::ui::lang::tr;
use leptos::html;
use leptos::prelude::*;

/// The button (`label`) and its dialog (`title`, the dialog's accessible name) holding `children`.
#[component]
pub fn DialogButton(
    label: Text,
    title: Text,
    /// Unique id stem of the dialog.
    id: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    view! {
        <button
            type="button"
            class="toolbar__button"
            aria-haspopup="dialog"
            node_ref=opener
            on:click=move |_| open.set(true)
        >
            {tr(label)}
        </button>
        <Modal open=open title=title id=id opener=opener>
            {children()}
        </Modal>
    }
}

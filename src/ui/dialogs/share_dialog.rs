//! "Share": the dialog with the design's link, "Copy link", its QR code for phones in the room,
//! design files and recent designs.

use super::{DesignFiles, Modal, RecentDesigns, ShareLink};
use leptos::html;
use leptos::prelude::*;

/// The toolbar's "Share" button and its dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
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
            "Share"
        </button>
        <Modal open=open title="Share this design" id="share-dialog" opener=opener>
            <ShareLink />
            <DesignFiles />
            <RecentDesigns />
        </Modal>
    }
}

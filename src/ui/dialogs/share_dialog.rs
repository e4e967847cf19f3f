//! "Share": the dialog with the design's link, "Copy link", its QR code for phones in the room,
//! design files and recent designs.

use super::DialogButton;
use crate::ui::on_demand::{self, OnDemand};
use crate::ui::texts::dialogs as texts;
use leptos::prelude::*;

/// The toolbar's "Share" button and its dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    view! {
        <DialogButton label=texts::SHARE title=texts::SHARE_TITLE id="share-dialog">
            <OnDemand load=on_demand::share />
        </DialogButton>
    }
}

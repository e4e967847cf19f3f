//! "Share": the dialog with the design's link, "Copy link", its QR code for phones in the room,
//! design files and recent designs.

use super::{DesignFiles, DialogButton, RecentDesigns, ShareLink};
use leptos::prelude::*;

/// The toolbar's "Share" button and its dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    view! {
        <DialogButton label="Share" title="Share this design" id="share-dialog">
            <ShareLink />
            <DesignFiles />
            <RecentDesigns />
        </DialogButton>
    }
}

//! Toolbar actions that open dialogs or move designs in and out of the app: share, import,
//! download, design files and recent designs. The toolbar (owned by the canvas) renders these
//! buttons in its slots; each is one component per file.
//!
//! Placeholders until their issues' UI lands.

use leptos::prelude::*;

/// "Share": link, copy, QR code.
#[component]
pub fn ShareButton() -> impl IntoView {
    view! { <button type="button" class="toolbar__button" disabled=true>"Share"</button> }
}

/// "Import": paste or upload compose files.
#[component]
pub fn ImportButton() -> impl IntoView {
    view! { <button type="button" class="toolbar__button" disabled=true>"Import"</button> }
}

/// "Download zip" of the generated project.
#[component]
pub fn DownloadButton() -> impl IntoView {
    view! { <button type="button" class="toolbar__button" disabled=true>"Download zip"</button> }
}

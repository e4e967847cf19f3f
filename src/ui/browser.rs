//! Browser glue the UI shares: local storage, the clipboard, downloads, reading picked files
//! and the page's own URL. Every call here can fail in some browser or context (private mode,
//! insecure origin, quota): each returns a `Result` or an `Option` for the caller to report,
//! never a panic.

use crate::ui::lang::current;
use crate::ui::texts::dialogs as texts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The page's local storage, if the browser lets us have it (private modes may not).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The page URL without its fragment: the base of share links.
pub fn page_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_string(),
        None => href,
    }
}

/// The fragment of the page URL, with its `#` (empty when there is none).
pub fn page_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Drops the fragment from the address bar without reloading or adding a history entry, so a
/// reload does not open the same link again over later work.
pub fn clear_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = page_url();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Writes `text` to the clipboard. `Err` when the browser has no async clipboard (insecure
/// origin, old browser) or refuses (no permission): the caller then selects the text instead.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let navigator = window.navigator();
    // `navigator.clipboard` is undefined outside secure contexts; calling through it would throw.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map_err(|_| "no clipboard".to_string())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(texts::CLIPBOARD_UNAVAILABLE.get(current()).to_string());
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| texts::CLIPBOARD_REFUSED.get(current()).to_string())
}

/// Offers `bytes` as a download named `file_name`: the one download helper of the app.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| texts::DOWNLOAD_REFUSED.fill(current(), &[("file", file_name)]))?;
    download_blob(file_name, &blob)
}

/// Offers a blob (a canvas's PNG, a built file) as a download named `file_name`, through a
/// temporary link in the page. The object URL is revoked later, not at once: revoking before the
/// browser has handled the click can cancel the download.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let fail = |what: &str| format!("could not download {file_name}: {what}");
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let document = window.document().ok_or_else(|| fail("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| fail("no object URL"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link element"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    // In the page while clicked: some browsers ignore clicks on detached links.
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    anchor.remove();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(REVOKE_AFTER_S),
    );
    Ok(())
}

/// How long an object URL outlives its download link's click.
const REVOKE_AFTER_S: u64 = 30;

/// The files picked in an `<input type=file>` as (name, text), in the order picked. A file
/// larger than `max_bytes` is refused before it is read.
pub async fn read_files(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<Vec<(String, String)>, String> {
    let Some(list) = input.files() else {
        return Ok(Vec::new());
    };
    let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.item(i)).collect();
    read_file_texts(picked, max_bytes).await
}

/// Files (picked, dropped on the window or launched by the installed app) as (name, text), in
/// the order given. A file larger than `max_bytes` is refused before it is read.
pub async fn read_file_texts(
    list: Vec<web_sys::File>,
    max_bytes: usize,
) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for file in list {
        let name = file.name();
        if file.size() > max_bytes as f64 {
            let kib = (max_bytes / 1024).to_string();
            return Err(texts::FILE_TOO_LARGE.fill(current(), &[("name", &name), ("kib", &kib)]));
        }
        let text = JsFuture::from(file.text())
            .await
            .map_err(|_| texts::FILE_UNREADABLE.fill(current(), &[("name", &name)]))?;
        files.push((name, text.as_string().unwrap_or_default()));
    }
    Ok(files)
}

/// How long after its first paint the page leaves the board alone before fetching what the first
/// screen does not need: the first cards are drawn a few frames after the first paint, and the
/// first tap on them should not wait behind the compilation of the worker and the chunks.
const SETTLE_MS: u64 = 600;

/// The longest wait for an idle moment after that: Chromium may give a page that is still
/// fetching (chunks, under a slow network) no idle period for a long time.
const IDLE_TIMEOUT_MS: u32 = 1000;

/// Runs `f` once the board has been on screen for a moment ([`SETTLE_MS`]) and the page is idle,
/// or [`IDLE_TIMEOUT_MS`] later at the latest (what the first screen does not need: the worker,
/// the parts fetched on demand).
pub fn when_settled(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(
            move || when_idle(f, IDLE_TIMEOUT_MS),
            std::time::Duration::from_millis(SETTLE_MS),
        );
    });
}

/// Runs `f` when the page is idle, or `timeout_ms` later at the latest (work that must not hold
/// the frames of the edits around it: autosave, the tab badges).
pub fn when_idle(f: impl FnOnce() + 'static, timeout_ms: u32) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    let _ = leptos::prelude::window()
        .request_idle_callback_with_options(callback.unchecked_ref(), &options);
}

/// Resolves when the page is idle, or `timeout_ms` later at the latest ([`when_idle`] for async
/// code).
pub async fn idle(timeout_ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        when_idle(
            move || {
                let _ = resolve.call0(&JsValue::NULL);
            },
            timeout_ms,
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `f` once the next frame is painted, at the start of the frame after it: what changed
/// now is on screen first, and `f`'s work (and what it changes) goes into the following frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::request_animation_frame(f);
    });
}

/// Milliseconds since the epoch (recents' timestamps).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A timestamp as local "YYYY-MM-DD HH:MM".
pub fn local_time(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

//! Browser glue for pictures of the board: the core's SVG text rasterised to a PNG (an `Image`
//! from a Blob URL drawn on a canvas at a scale, `canvas.toBlob`), and a PNG put on the
//! clipboard (`ClipboardItem`). Every step can fail in some browser: each returns `Err` with a
//! sentence for the banner, never a panic.

use crate::ui::lang::current;
use crate::ui::texts::dialogs as texts;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A PNG of `svg` at `scale` times its own size, and that size in pixels.
pub async fn svg_to_png(svg: &str, scale: u32) -> Result<(web_sys::Blob, u32, u32), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::new();
    parts.push(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser refused the SVG")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no object URL")?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| "no image element")?;
    let loaded = load(&image, &url).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    loaded?;
    let (w, h) = (image.natural_width(), image.natural_height());
    if w == 0 || h == 0 {
        return Err(texts::DRAWING_EMPTY.get(current()).into());
    }
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .unchecked_into();
    canvas.set_width(w * scale);
    canvas.set_height(h * scale);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(|| texts::NO_CANVAS.get(current()))?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(w * scale),
            f64::from(h * scale),
        )
        .map_err(|_| texts::SVG_NOT_DRAWN.get(current()))?;
    let png = to_blob(&canvas).await?;
    Ok((png, w * scale, h * scale))
}

/// Waits for `image` to load `url`.
async fn load(image: &web_sys::HtmlImageElement, url: &str) -> Result<(), String> {
    let image = image.clone();
    let url = url.to_string();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        image.set_onload(Some(ok.unchecked_ref()));
        image.set_onerror(Some(failed.unchecked_ref()));
        image.set_src(&url);
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| texts::SVG_NOT_READ.get(current()).to_string())
}

/// The canvas as a PNG blob.
async fn to_blob(canvas: &web_sys::HtmlCanvasElement) -> Result<web_sys::Blob, String> {
    let canvas = canvas.clone();
    let mut refused = false;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        refused = canvas.to_blob(done.unchecked_ref()).is_err();
    });
    if refused {
        return Err(texts::PNG_REFUSED.get(current()).into());
    }
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|blob| blob.dyn_into::<web_sys::Blob>().ok())
        .ok_or_else(|| texts::PNG_NOT_ENCODED.get(current()).to_string())
}

/// Puts a PNG on the clipboard. `Err` where the browser has no image clipboard or refuses.
pub async fn copy_png(png: &web_sys::Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let navigator = window.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or_else(|| texts::CLIPBOARD_UNAVAILABLE.get(current()))?;
    let has_items = js_sys::Reflect::has(&window, &JsValue::from_str("ClipboardItem")) == Ok(true);
    if !has_items {
        return Err(texts::NO_IMAGE_CLIPBOARD.get(current()).into());
    }
    let record = js_sys::Object::new();
    js_sys::Reflect::set(&record, &JsValue::from_str("image/png"), png)
        .map_err(|_| "could not build the clipboard item")?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        .map_err(|_| "the browser refused the clipboard item")?;
    let items = js_sys::Array::of1(&item);
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write(&items))
        .await
        .map(|_| ())
        .map_err(|_| texts::CLIPBOARD_PERMISSION.get(current()).to_string())
}

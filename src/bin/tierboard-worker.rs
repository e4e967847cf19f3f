//! The web app's Web Worker: a second wasm binary that does the work the board's first screen
//! never needs (`tierboard::offload`: the generated project, the zip, the compose import, QR
//! codes). Keeping it out of the app's binary keeps the generator families, the importer,
//! serde_yaml, zip and QR out of the first download (issue 18); running it in a worker keeps
//! generation off the main thread, so an edit renders before the Files panel catches up.
//!
//! Trunk builds it (`index.html`: `data-type="worker"`, a loader shim that `importScripts` the
//! bindings and starts the wasm); `ui::offload` creates the worker once the board is idle.
//! Protocol: once ready the worker posts `{ ready: true }`; then each message
//! `{ id, request }` (a JSON `offload::Request`) is answered with `{ id, reply, bytes }` (the JSON
//! `offload::Reply`, and the zip's bytes as a transferred `Uint8Array`, else `null`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    shell::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tierboard-worker is the web app's Web Worker: Trunk builds it. The native CLI is `tierboard`.");
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
mod shell {
    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replier = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
            let request = Reflect::get(&data, &"request".into())
                .ok()
                .and_then(|r| r.as_string())
                .unwrap_or_default();
            let (reply, bytes) = tierboard::offload::handle_json(&request);
            let answer = Object::new();
            let _ = Reflect::set(&answer, &"id".into(), &id);
            let _ = Reflect::set(&answer, &"reply".into(), &reply.into());
            if bytes.is_empty() {
                let _ = Reflect::set(&answer, &"bytes".into(), &JsValue::NULL);
                let _ = replier.post_message(&answer);
            } else {
                let array = Uint8Array::from(bytes.as_slice());
                let _ = Reflect::set(&answer, &"bytes".into(), &array);
                let transfer = js_sys::Array::of1(&array.buffer());
                let _ = replier.post_message_with_transfer(&answer, &transfer);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page: its handler is never dropped.
        on_message.forget();
        let ready = Object::new();
        let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }
}

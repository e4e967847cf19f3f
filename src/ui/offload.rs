//! The page's side of `offload`: sends requests to the Web Worker (`src/bin/tierboard-worker.rs`)
//! and awaits its replies. The generator, the zip, the importer and QR codes live only in the
//! worker's wasm, so the app's own download stays small (issue 18) and generating a big project
//! never holds up an edit.
//!
//! The worker is created once: by [`prefetch_when_idle`] after the board's first paint (so the
//! Files panel, Download zip and Import are instant when first used, and the service worker has
//! cached its files for offline use), or by the first [`run`], whichever comes first. Requests
//! sent before it said it is ready wait in a queue. If it fails (its script cannot be fetched),
//! every waiting request gets [`Reply::Failed`] and the next request tries a new worker.
//!
//! Tests in a page without the worker's files (wasm-bindgen-test) install the core's handler
//! with [`run_in_page`]; the app never does, which keeps that code out of its binary.

use crate::offload::{Answer, Reply, Request};
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's script, Trunk's loader shim for the `tierboard-worker` binary (index.html), by
/// the name Trunk gives it; scripts/finish-site.mjs adds a content hash and names the file in
/// `data-worker` on `<meta name="tierboard-app">` ([`script`]).
const WORKER_SCRIPT: &str = "tierboard-worker_loader.js";

#[derive(Default)]
struct Client {
    worker: Option<Worker>,
    ready: bool,
    /// Requests (id, JSON) waiting for the worker to be ready.
    queue: Vec<(u32, String)>,
    /// The resolve and reject functions of each request's promise, by id.
    pending: HashMap<u32, (Function, Function)>,
    next: u32,
    in_page: Option<fn(Request) -> Answer>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Does the work in the page instead of a worker (browser tests only).
pub fn run_in_page(handler: fn(Request) -> Answer) {
    CLIENT.with(|c| c.borrow_mut().in_page = Some(handler));
}

/// Starts the worker once the board has settled on screen and the page is idle.
pub fn prefetch_when_idle() {
    super::browser::when_settled(|| CLIENT.with(|c| start(&mut c.borrow_mut())));
}

/// Has the worker do `request`; failures (no worker, a refused request) are [`Reply::Failed`].
pub async fn run(request: Request) -> Answer {
    if let Some(handler) = CLIENT.with(|c| c.borrow().in_page) {
        // As with the worker, the answer comes after the current task (a microtask later).
        let _ = JsFuture::from(Promise::resolve(&JsValue::NULL)).await;
        return handler(request);
    }
    // The messages are JSON, written and read in a chunk (`on_demand`): serde_json and the
    // model's serde code stay out of the app's first download.
    let json = match super::on_demand::to_worker(request).await {
        Ok(Ok(json)) => json,
        Ok(Err(why)) => return failed(why),
        Err(why) => return failed(why.to_string()),
    };
    let mut callbacks = None;
    let promise = Promise::new(&mut |resolve, reject| callbacks = Some((resolve, reject)));
    let Some(callbacks) = callbacks else {
        return failed("no promise".to_string());
    };
    CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        let id = client.next;
        client.next = client.next.wrapping_add(1);
        client.pending.insert(id, callbacks);
        start(&mut client);
        if client.ready {
            post(&client, id, &json);
        } else {
            client.queue.push((id, json));
        }
    });
    match JsFuture::from(promise).await {
        Ok(data) => answer(&data).await,
        Err(why) => failed(js_reason(&why)),
    }
}

/// Resolves after the next frame has been painted (an animation frame, then a task): a reply
/// applied then cannot lengthen the frame of the edit that asked for it. A hidden page paints no
/// frames, so it resolves after 100 ms at the latest.
pub async fn after_next_paint() {
    let promise = Promise::new(&mut |resolve, _| {
        let painted = resolve.clone();
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(
                move || {
                    let _ = painted.call0(&JsValue::NULL);
                },
                Duration::from_millis(0),
            );
        });
        leptos::prelude::set_timeout(
            move || {
                let _ = resolve.call0(&JsValue::NULL);
            },
            Duration::from_millis(100),
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// What a rejection or an exception from the browser says: its text, or an `Error`'s message
/// (not `JsValue`'s `Debug`, whose formatter in the JS glue the first download would carry).
fn js_reason(why: &JsValue) -> String {
    why.as_string()
        .or_else(|| {
            why.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the browser gave no reason".to_string())
}

fn failed(message: String) -> Answer {
    Answer {
        reply: Reply::Failed { message },
        bytes: Vec::new(),
    }
}

/// An answer from the worker's `{ id, reply, bytes }`.
async fn answer(data: &JsValue) -> Answer {
    let reply = Reflect::get(data, &"reply".into())
        .ok()
        .and_then(|r| r.as_string())
        .unwrap_or_default();
    let bytes = Reflect::get(data, &"bytes".into())
        .ok()
        .and_then(|b| b.dyn_into::<Uint8Array>().ok())
        .map(|b| b.to_vec())
        .unwrap_or_default();
    match super::on_demand::from_worker(reply).await {
        Ok(Ok(reply)) => Answer { reply, bytes },
        Ok(Err(why)) => failed(why),
        Err(why) => failed(why.to_string()),
    }
}

/// Where the app's files are: the directory of its JS (`<meta name="tierboard-app">`), so the
/// worker is found under a sub-path too.
fn base(app: Option<&web_sys::Element>) -> String {
    app.and_then(|m| m.get_attribute("data-js"))
        .and_then(|js| js.rfind('/').map(|i| js[..=i].to_string()))
        .unwrap_or_else(|| "./".to_string())
}

/// The worker's script: beside the app's JS, named by `data-worker` when the build hashed it.
fn script() -> String {
    let app = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector(r#"meta[name="tierboard-app"]"#)
            .ok()
            .flatten()
    });
    let name = app
        .as_ref()
        .and_then(|m| m.get_attribute("data-worker"))
        .filter(|n| !n.is_empty() && !n.contains('/'))
        .unwrap_or_else(|| WORKER_SCRIPT.to_string());
    format!("{}{name}", base(app.as_ref()))
}

/// Creates the worker unless there is one.
fn start(client: &mut Client) {
    if client.worker.is_some() || client.in_page.is_some() {
        return;
    }
    let worker = match Worker::new(&script()) {
        Ok(worker) => worker,
        Err(why) => {
            let why = js_reason(&why);
            reject_all(client, &why);
            return;
        }
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        CLIENT.with(|c| {
            let mut client = c.borrow_mut();
            if Reflect::get(&data, &"ready".into()).is_ok_and(|r| r.is_truthy()) {
                client.ready = true;
                for (id, json) in std::mem::take(&mut client.queue) {
                    post(&client, id, &json);
                }
                return;
            }
            let id = Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|id| id.as_f64())
                .map(|id| id as u32);
            if let Some((resolve, _)) = id.and_then(|id| client.pending.remove(&id)) {
                drop(client);
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|_| {
        CLIENT.with(|c| {
            let mut client = c.borrow_mut();
            if let Some(worker) = client.worker.take() {
                worker.terminate();
            }
            client.ready = false;
            reject_all(&mut client, "the worker stopped");
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page (a failed worker's are a few bytes, kept).
    on_message.forget();
    on_error.forget();
    client.worker = Some(worker);
}

fn post(client: &Client, id: u32, json: &str) {
    let Some(worker) = &client.worker else {
        return;
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &JsValue::from(id));
    let _ = Reflect::set(&message, &"request".into(), &JsValue::from_str(json));
    let _ = worker.post_message(&message);
}

/// Every waiting request fails with `why` (the page goes on; a later request retries).
fn reject_all(client: &mut Client, why: &str) {
    client.queue.clear();
    let pending: Vec<_> = client.pending.drain().collect();
    for (_, (_, reject)) in pending {
        let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(why));
    }
}

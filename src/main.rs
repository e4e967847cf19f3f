//! The web app's entry point: sets the panic hook and mounts the app — nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    tierboard::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tierboard-web is the browser app: build it with `make serve` (Trunk). The native CLI is `tierboard`.");
    std::process::exit(2);
}

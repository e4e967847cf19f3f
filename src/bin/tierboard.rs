//! The native CLI: forwards arguments to `tierboard::cli::run` and turns its result into an exit code.

/// Generation allocates many small strings; mimalloc makes that cheaper than glibc's malloc.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = tierboard::cli::run(&args, &mut std::io::stdin(), &mut out) {
        // A closed stderr is not worth a panic: the exit code still tells.
        let _ = writeln!(std::io::stderr(), "tierboard: {}", e.message);
        std::process::exit(e.code);
    }
}

/// The CLI is native only; the wasm build of the package (browser tests) compiles this stub.
#[cfg(target_arch = "wasm32")]
fn main() {}

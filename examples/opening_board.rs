//! Prints the design the web app opens with, as design-file JSON on standard output.
//!
//! The end-to-end test (tests/e2e/board.test.mjs) runs this to learn which services the built
//! board must show, so it follows the catalog without a copied list. It mirrors
//! `ui::opening_design`, which the browser tests check against the DOM (`ui` is wasm-only, so
//! this native program cannot call it): keep the two in step.

use tierboard::catalog;
use tierboard::model::Design;

fn main() {
    let design = catalog::pattern("web-app")
        .or_else(|| catalog::pattern("monolith"))
        .map_or_else(|| Design::new("untitled"), catalog::instantiate);
    println!("{}", design.to_json());
}

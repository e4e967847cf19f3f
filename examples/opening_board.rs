//! Prints the design the web app opens with (`catalog::starter`), as design-file JSON.
//!
//! The end-to-end test (tests/e2e/board.test.mjs) runs this to learn which services the built
//! board must show, so it follows the catalog without a copied list.

fn main() {
    println!("{}", tierboard::catalog::starter().to_json());
}

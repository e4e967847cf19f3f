//! What leaves Tierboard besides links: the generated project as a zip ([`zip::project_zip`]),
//! and the diagram as an SVG ([`svg::svg`], carrying the design) or as Mermaid flowchart text
//! ([`mermaid::mermaid`]). Pure (text and bytes in memory, no file system), deterministic, and
//! available to the web app, the CLI and the generated project alike.

pub mod mermaid;
pub mod svg;
pub mod theme;
pub mod zip;

pub use theme::Theme;

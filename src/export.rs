//! What leaves Tierboard besides links: the generated project as a zip ([`zip::project_zip`]),
//! and the diagram as an SVG ([`svg::svg`], carrying the design) or as Mermaid flowchart text
//! ([`mermaid::mermaid`]). Pure (text and bytes in memory, no file system), deterministic, and
//! available to the web app, the CLI and the generated project alike.

pub mod mermaid;
pub mod svg;
pub mod theme;
pub mod zip;

pub use theme::Theme;

/// The view an exported diagram is laid out for unless the caller says otherwise: the CLI's
/// `diagram` default and, always, the generated project's `docs/architecture.svg` (a fixed view
/// keeps that file deterministic).
pub const DEFAULT_VIEW: crate::diagram::View = crate::diagram::View {
    width: 1600,
    height: 900,
};

//! The picture print gets: the core's SVG writer (`export::svg`) over the core's layout, laid
//! out for a landscape page, in light colours (paper).

use crate::diagram::layout;
use crate::export::{svg::svg, Theme, DEFAULT_VIEW};
use crate::model::Design;

/// The design drawn for a landscape page, as an SVG document.
pub fn print_svg(design: &Design) -> String {
    svg(design, &layout(design, DEFAULT_VIEW), Theme::Light)
}

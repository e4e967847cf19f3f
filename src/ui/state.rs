//! The app's state and the handles components get to it.
//!
//! The design is plain data (`model::Design`) inside one signal; reactive state never enters the
//! model. [`DesignState`] owns the signal and is provided once by `App`; components take a
//! narrower handle: [`DesignReader`] to display (the interactive canvas adds a dispatcher that
//! applies `edit::Command`s, the one write path).

use crate::model::Design;
use leptos::prelude::*;

/// The design being drawn. Created once by `App` and provided through context.
#[derive(Clone, Copy)]
pub struct DesignState {
    design: RwSignal<Design>,
}

impl DesignState {
    pub fn new(design: Design) -> Self {
        DesignState {
            design: RwSignal::new(design),
        }
    }

    /// Read-only access, for components that only display the design.
    pub fn reader(self) -> DesignReader {
        DesignReader(self.design.read_only())
    }
}

/// Read-only handle to the current design. `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct DesignReader(ReadSignal<Design>);

impl DesignReader {
    /// Runs `f` on the current design, tracking it (use inside a `Memo` to derive a view).
    pub fn with<R>(self, f: impl FnOnce(&Design) -> R) -> R {
        self.0.with(f)
    }
}

/// The design provided by `App`. Outside `App` (a component mounted alone), an empty board
/// rather than a panic.
pub fn use_design() -> DesignReader {
    use_context::<DesignState>()
        .unwrap_or_else(|| {
            leptos::logging::warn!("tierboard: no DesignState in context; showing an empty board");
            DesignState::new(Design::new("untitled"))
        })
        .reader()
}

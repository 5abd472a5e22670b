//! [`dynamic`]: the one shape of a reactive part of a view.

use leptos::prelude::*;
use std::sync::Arc;

/// A part of a view rendered again whenever a signal `view` reads changes — what a bare
/// `move || …` in `view!` does. Every call returns the same closure type over the same `AnyView`,
/// so tachys's code for a reactive child (its render effect, build and rebuild) is generated once,
/// not once per call site (as [`crate::state::locale::tr`] does for texts).
pub fn dynamic(
    view: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    let view: Arc<dyn Fn() -> AnyView + Send + Sync> = Arc::new(view);
    move || view()
}

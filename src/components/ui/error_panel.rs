//! What a page shows instead of content that failed to load, and the one place that turns a
//! resource's state (loading, failed, loaded) into a view.

use crate::api::ApiError;
use crate::components::ui::Loading;
use crate::i18n::error_key;
use crate::state::locale::tr;
use leptos::prelude::*;

/// The translated reason `error` happened, announced to screen readers.
#[component]
pub fn ErrorPanel(
    /// What went wrong.
    error: ApiError,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert" data-testid="load-error" data-code=error_code(&error)>
            <p>{tr(error_key(&error))}</p>
        </div>
    }
}

/// The `data-code` of an error's message, so browser tests tell "not found" from "offline"
/// without reading text: the problem code, or `network` / `decode`.
pub fn error_code(error: &ApiError) -> String {
    match error {
        ApiError::Problem(p) => p.code.clone(),
        ApiError::Network(_) => "network".to_owned(),
        ApiError::Decode(_) => "decode".to_owned(),
    }
}

/// `Loading` until the first answer, then `show(value)` or the error.
///
/// A [`Load`](crate::state::load::Load) keeps its last value while it refetches, so a page updates in place
/// instead of flashing "Loading" (what `<Transition>` would do). This replaces
/// `<Transition>` + `<ErrorBoundary>` + `Suspend`, whose code measured ~10 KB gzip of wasm per
/// page using them.
pub fn loaded<T>(state: Option<Result<T, ApiError>>, show: impl FnOnce(T) -> AnyView) -> AnyView {
    match state {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(value)) => show(value),
        Some(Err(error)) => view! { <ErrorPanel error /> }.into_any(),
    }
}

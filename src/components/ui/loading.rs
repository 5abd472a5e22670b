//! The placeholder shown while data loads.

use crate::i18n::Key;
use crate::state::locale::tr;
use leptos::prelude::*;

/// A polite "Loading…" line.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{tr(Key::Loading)}</p> }
}

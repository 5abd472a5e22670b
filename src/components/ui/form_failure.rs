//! Why a form was refused, above its fields: the translated reason with its `{0}` filled (the
//! minutes `rate_limited` asks to wait, see `i18n::error_message`). Login, setting a password and
//! asking for a reset show it; what the user typed stays in the fields.

use crate::i18n::Key;
use crate::state::locale::trf;
use leptos::prelude::*;

/// `<p role="alert" class="form-error">` while `failure` holds a message (key and its `{0}`).
#[component]
pub fn FormFailure(
    /// The message, `None` for none.
    failure: RwSignal<Option<(Key, String)>>,
    /// The paragraph's `data-testid` (SELECTORS.md).
    testid: &'static str,
) -> impl IntoView {
    move || {
        failure.get().map(|(key, arg)| view! {
            <p class="form-error" data-testid=testid role="alert">{trf(key, vec![arg])}</p>
        })
    }
}

/// Shows why a form was refused: field errors next to their fields (`errors`), anything else above
/// the form (`failure`).
#[cfg(feature = "console")]
pub fn show_refusal(
    error: &crate::api::ApiError,
    fields: Vec<baton_core::FieldError>,
    errors: RwSignal<Vec<baton_core::FieldError>>,
    failure: RwSignal<Option<(Key, String)>>,
) {
    if fields.is_empty() {
        failure.set(Some(crate::i18n::error_message(error)));
    }
    errors.set(fields);
}

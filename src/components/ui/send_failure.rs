//! What a form shows when sending failed for a reason other than its fields (server down,
//! network, 5xx): the reason, that the text is kept, and a retry button where retrying can help.

use super::error_panel::error_code;
use crate::api::ApiError;
use crate::i18n::{error_key, Key};
use crate::state::locale::tr;
use leptos::prelude::*;

/// `<div role="alert" data-testid="send-error">` with a `retry` button, while `error` is set.
#[component]
pub fn SendFailure(
    /// Why the last attempt failed; `None` hides the message.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
    /// True while an attempt is running.
    #[prop(into)]
    pending: Signal<bool>,
    /// Sends the same content again (the page reuses its idempotency key).
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    move || {
        error.get().map(|error| {
            let transient = error.is_transient();
            view! {
                <div class="form-error send-error" role="alert" data-testid="send-error" data-code=error_code(&error)>
                    <p>{tr(error_key(&error))}</p>
                    {transient.then(|| view! {
                        <button type="button" class="button" data-testid="retry" disabled=pending
                            on:click=move |_| on_retry.run(())>
                            {tr(Key::Retry)}
                        </button>
                    })}
                </div>
            }
        })
    }
}

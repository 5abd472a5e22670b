//! The submit of a form that validates in the browser before sending: errors found here are
//! shown in place of the server's until the next attempt, and nothing is sent twice while
//! `pending`.

use baton_core::FieldError;
use leptos::prelude::*;

/// The errors a form shows: those its own check found while there are any, else what the server
/// said about the last attempt.
pub fn form_errors(
    own: RwSignal<Vec<FieldError>>,
    server: Signal<Vec<FieldError>>,
) -> Signal<Vec<FieldError>> {
    Signal::derive(move || {
        let mine = own.get();
        if mine.is_empty() {
            server.get()
        } else {
            mine
        }
    })
}

/// The errors to show (this form's own while it has any, else the server's) and the submit
/// handler: ignored while `pending`; runs `check` and either shows what it found or clears the
/// form's own errors and calls `send` with what passed.
pub fn checked_submit<T: 'static>(
    server_errors: Signal<Vec<FieldError>>,
    pending: Signal<bool>,
    check: impl Fn() -> Result<T, Vec<FieldError>> + Copy + 'static,
    send: Callback<T>,
) -> (
    Signal<Vec<FieldError>>,
    impl Fn(leptos::ev::SubmitEvent) + Copy + 'static,
) {
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    let errors = form_errors(client_errors, server_errors);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match check() {
            Ok(passed) => {
                client_errors.set(Vec::new());
                send.run(passed);
            }
            Err(found) => client_errors.set(found),
        }
    };
    (errors, submit)
}

//! Confidential info (机密信息) on a ticket page: masked ("••••••••") when set, never shown in
//! full; the requester can replace or remove it, typing into a masked input.

use crate::components::ui::{checked_submit, SecretField};
use crate::i18n::Key;
use crate::state::locale::{tr, tr_while};
use baton_core::problem::field_code;
use baton_core::validate::CONFIDENTIAL_MAX;
use baton_core::FieldError;
use leptos::either::Either;
use leptos::prelude::*;

/// The masked value and, for the requester, the form that replaces it.
#[component]
pub fn ConfidentialBox(
    /// Whether the ticket has confidential info stored.
    set: bool,
    /// Whether the viewer may replace it (the requester).
    can_edit: bool,
    /// The new value being typed; owned by the page.
    value: RwSignal<String>,
    /// Errors of the last attempt (`confidential`).
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// True while saving.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with the new value (empty: remove).
    #[prop(into)]
    on_save: Callback<String>,
) -> impl IntoView {
    let check = move || {
        let new = value.get_untracked();
        if new.chars().count() > CONFIDENTIAL_MAX {
            return Err(vec![FieldError::new("confidential", field_code::TOO_LONG)]);
        }
        Ok(new)
    };
    let (shown_errors, submit) = checked_submit(errors, pending, check, on_save);
    let current = if set {
        Either::Left(
            view! { <p class="masked" data-testid="confidential-masked" aria-label=tr(Key::ConfidentialStored)>"••••••••"</p> },
        )
    } else {
        Either::Right(
            view! { <p class="muted" data-testid="confidential-masked">{tr(Key::ConfidentialNone)}</p> },
        )
    };
    view! {
        <section class="card confidential" aria-labelledby="confidential-heading">
            <h2 id="confidential-heading">{tr(Key::ConfidentialHeading)}</h2>
            {current}
            <p class="muted">{tr(Key::ConfidentialNote)}</p>
            {can_edit.then(|| view! {
                <form novalidate on:submit=submit>
                    <SecretField id="confidential-edit" testid="confidential-edit" field="confidential"
                        label=Key::ConfidentialReplace hint=Some(Key::ConfidentialReplaceHint.into()) value errors=shown_errors />
                    <div class="form-actions">
                        <button type="submit" class="button" data-testid="confidential-save" disabled=pending>
                            {tr_while(pending, Key::ConfidentialSaving, Key::ConfidentialSave)}
                        </button>
                    </div>
                </form>
            })}
        </section>
    }
}

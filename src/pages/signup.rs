//! `/signup`: a customer gives a name, an email and, when known, the desk (`?tenant=` from the
//! login page's link) → `POST /signups`. The answer is the same whether or not the email has an
//! account, so the page says "check your inbox" and the mail says the rest; the link in it opens
//! `/set-password`, which confirms the address, sets the password and signs in. A desk closed to
//! sign-ups (403 `signup_closed`) and too many asks (429) are said above the form, a field's
//! refusal (an email outside the desk's domains) next to it; what was typed stays.
//!
//! In the console's bundle, like `/forgot-password` (`routes::bundle_of`): the help center is
//! size-budgeted, and the mailed link opens `/set-password`, which is here already.

use crate::api::{use_api, SignUpRequest};
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::{AdminKey, Key};
use leptos_router::hooks::use_query_map;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_page_title};
use baton_core::problem::{field_code, FieldError};
use baton_core::validate::is_email;
use leptos::prelude::*;

/// The server's own checks of the email and name, to answer at once.
fn check(request: &SignUpRequest) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if request.name.is_empty() {
        errors.push(FieldError::new("name", field_code::REQUIRED));
    }
    if request.email.is_empty() {
        errors.push(FieldError::new("email", field_code::REQUIRED));
    } else if !is_email(&request.email) {
        errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
    }
    errors
}

#[component]
pub fn SignUp() -> impl IntoView {
    let api = StoredValue::new(use_api());
    use_page_title(|i| i.t(AdminKey::SignupTitle.into()).to_owned());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let tenant = RwSignal::new(use_query_map().read_untracked().get("tenant").unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let sent = RwSignal::new(false);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = SignUpRequest {
            email: email.get_untracked().trim().to_owned(),
            name: name.get_untracked().trim().to_owned(),
            tenant: Some(tenant.get_untracked().trim().to_owned()).filter(|t| !t.is_empty()),
        };
        failure.set(None);
        errors.set(check(&request));
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        busy.run(async move {
            match api.get_value().sign_up(&request).await {
                Ok(()) => sent.set(true),
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    view! {
        <div class="narrow">
            <h1>{tr(AdminKey::SignupTitle.into())}</h1>
            {move || if sent.get() {
                view! {
                    <div class="card" role="status" data-testid="signup-sent">
                        <p>{tr(AdminKey::SignupSent.into())}</p>
                        <p><a href=Page::Login.path() data-testid="signup-login">{tr(AdminKey::BackToLogin.into())}</a></p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p class="muted">{tr(AdminKey::SignupIntro.into())}</p>
                    <form class="card form" novalidate on:submit=submit data-testid="signup-form">
                        <FormFailure failure testid="signup-error" />
                        <TextField id="signup-name" testid="signup-name" field="name" label=Key::from(AdminKey::SignupName)
                            value=name errors autocomplete="name" required=true />
                        <TextField id="signup-email" testid="signup-email" field="email" label=Key::Email value=email
                            errors input_type="email" autocomplete="email" required=true />
                        <TextField id="signup-tenant" testid="signup-tenant" field="tenant" label=Key::Desk
                            hint=Some(Key::from(AdminKey::SignupDeskHint).into()) value=tenant errors autocomplete="organization" />
                        <div class="form-actions">
                            <button type="submit" class="button primary" data-testid="signup-submit" disabled=pending>
                                {tr_while(pending, AdminKey::SignupSubmitting.into(), AdminKey::SignupSubmit.into())}
                            </button>
                            <a href=Page::Login.path() data-testid="signup-login">{tr(AdminKey::SignupHaveAccount.into())}</a>
                        </div>
                    </form>
                }.into_any()
            }}
        </div>
    }
}

//! `/forgot-password`: email and, when known, the desk (`?tenant=` from the login page's link)
//! → `POST /password-resets`. The answer is the same whether or not an account exists, so the page
//! says "if an account exists…" and never more. A malformed email is shown next to the field, too
//! many asks (429 `rate_limited`) above the form with the minutes to wait; what was typed stays.
//!
//! In the console's bundle, like `/set-password` (`routes::is_agent_path`): the help center is at
//! its size budget, and the link in the mail opens `/set-password`, which is here already.

use crate::api::{use_api, PasswordResetRequest};
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::{AdminKey, Key};
use leptos_router::hooks::use_query_map;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_page_title};
use baton_core::problem::{field_code, FieldError};
use baton_core::validate::is_email;
use leptos::prelude::*;

/// The server's own check of the email, to answer at once.
fn check(email: &str) -> Vec<FieldError> {
    if email.is_empty() {
        vec![FieldError::new("email", field_code::REQUIRED)]
    } else if !is_email(email) {
        vec![FieldError::new("email", field_code::INVALID_EMAIL)]
    } else {
        Vec::new()
    }
}

#[component]
pub fn ForgotPassword() -> impl IntoView {
    let api = StoredValue::new(use_api());
    use_page_title(|i| i.t(AdminKey::ForgotTitle.into()).to_owned());
    let email = RwSignal::new(String::new());
    let tenant = RwSignal::new(use_query_map().read_untracked().get("tenant").unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let sent = RwSignal::new(false);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = PasswordResetRequest {
            email: email.get_untracked().trim().to_owned(),
            tenant: Some(tenant.get_untracked().trim().to_owned()).filter(|t| !t.is_empty()),
        };
        let found = check(&request.email);
        failure.set(None);
        errors.set(found);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        busy.run(async move {
            match api.get_value().request_password_reset(&request).await {
                Ok(()) => sent.set(true),
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    view! {
        <div class="narrow">
            <h1>{tr(AdminKey::ForgotTitle.into())}</h1>
            {move || if sent.get() {
                view! {
                    <div class="card" role="status" data-testid="forgot-sent">
                        <p>{tr(AdminKey::ForgotSent.into())}</p>
                        <p><a href=Page::Login.path() data-testid="forgot-login">{tr(AdminKey::BackToLogin.into())}</a></p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p class="muted">{tr(AdminKey::ForgotIntro.into())}</p>
                    <form class="card form" novalidate on:submit=submit data-testid="forgot-form">
                        <FormFailure failure testid="forgot-error" />
                        <TextField id="forgot-email" testid="forgot-email" field="email" label=Key::Email value=email
                            errors input_type="email" autocomplete="username" required=true />
                        <TextField id="forgot-tenant" testid="forgot-tenant" field="tenant" label=Key::Desk
                            hint=Some(Key::from(AdminKey::ForgotDeskHint).into()) value=tenant errors autocomplete="organization" />
                        <div class="form-actions">
                            <button type="submit" class="button primary" data-testid="forgot-submit" disabled=pending>
                                {tr_while(pending, AdminKey::ForgotSubmitting.into(), AdminKey::ForgotSubmit.into())}
                            </button>
                            <a href=Page::Login.path() data-testid="forgot-login">{tr(AdminKey::BackToLogin.into())}</a>
                        </div>
                    </form>
                }.into_any()
            }}
        </div>
    }
}

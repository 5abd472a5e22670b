//! `/login`: email and password. On success the user goes back where they were headed (`next`),
//! else to their tickets; on failure the reason is shown and what they typed stays. An email with
//! accounts in several desks is answered `tenant_required`: the form then asks for the desk (its
//! slug) and sends it from then on. The desk can also come with the address (`/t/<slug>/login`,
//! or `?tenant=`); the last desk signed in to on this browser is remembered and offered again.
//! A backend with password resets (`password_reset` in
//! `GET /capabilities`) gets a "Forgot password?" link, one with sign-ups (`signup`) a "Create an
//! account" link, each carrying the desk when the form has one.

use crate::api::use_api;
use crate::components::ui::{FormFailure, TextField};
use crate::i18n::{error_message, problem_key, Key};
use crate::routes::{home_of, safe_next, FORGOT_PASSWORD_PATH, SIGNUP_PATH};
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_page_title};
use crate::state::session::use_session;
use baton_core::problem::{field_code, FieldError};
use baton_core::validate::is_email;
use baton_core::LoginRequest;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Where the last desk signed in to is kept (localStorage): a multi-desk installation's users
/// should not have to type it every time.
const DESK_KEY: &str = "baton.desk";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The same checks the server makes (empty or invalid email, empty password), to answer at once.
fn check(request: &LoginRequest) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if request.email.trim().is_empty() {
        errors.push(FieldError::new("email", field_code::REQUIRED));
    } else if !is_email(request.email.trim()) {
        errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
    }
    if request.password.is_empty() {
        errors.push(FieldError::new("password", field_code::REQUIRED));
    }
    errors
}

#[component]
pub fn Login() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    use_page_title(|i| i.t(Key::LoginTitle).to_owned());

    // Signed in, now or already: go where the user was headed.
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if session.signed_in() == Some(true) {
            let next = safe_next(query.read_untracked().get("next"))
                .unwrap_or_else(|| home_of(session.me_untracked().as_ref()));
            navigate(
                &next,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // The desk: from the address (`/t/<slug>/login`, `?tenant=`), else the one remembered.
    // Read from the path (not the route's params: the form is also mounted outside that route).
    let slug = use_location().pathname.read_untracked().strip_prefix("/t/").and_then(|r| r.strip_suffix("/login")).map(str::to_owned);
    let desk = slug
        .or_else(|| query.read_untracked().get("tenant"))
        .filter(|d| !d.trim().is_empty())
        .or_else(|| local_storage().and_then(|s| s.get_item(DESK_KEY).ok().flatten()));
    // Shown when the desk is known, or once the server said the email is in several desks.
    let ask_tenant = RwSignal::new(desk.is_some());
    let tenant = RwSignal::new(desk.unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // A host's single sign-on link that was refused lands here with its problem code.
    let sso_error = query.read_untracked().get("sso_error");
    let failure = RwSignal::new(sso_error.map(|code| (problem_key(&code), String::new())));
    // The links to `/forgot-password` and `/signup`, on a backend that has password resets and
    // sign-ups only; each carries the desk when the form has one.
    let resets = RwSignal::new(false);
    let signups = RwSignal::new(false);
    let ask = api.clone();
    leptos::task::spawn_local(async move {
        if let Ok(offered) = ask.offers("password_reset").await {
            resets.try_set(offered);
        }
        if let Ok(offered) = ask.offers("signup").await {
            signups.try_set(offered);
        }
    });
    let with_desk = move |path: &'static str| {
        let desk = tenant.get();
        let desk = desk.trim();
        if desk.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?tenant={}", js_sys::encode_uri_component(desk))
        }
    };
    let busy = Busy::new();
    let pending = busy.signal();
    let login = move |request: LoginRequest| {
        let api = api.clone();
        busy.run(async move {
            match api.login(&request).await {
                Ok(me) => {
                    if let (Some(desk), Some(storage)) = (&request.tenant, local_storage()) {
                        let _ = storage.set_item(DESK_KEY, desk);
                    }
                    session.signed_in_as(me)
                }
                Err(error) => {
                    if error.problem().is_some_and(|p| p.code == baton_core::problem::code::TENANT_REQUIRED) {
                        ask_tenant.set(true);
                    }
                    errors.set(error.field_errors());
                    failure.set(Some(error_message(&error)));
                }
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = LoginRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            tenant: Some(tenant.get_untracked().trim().to_owned())
                .filter(|t| ask_tenant.get_untracked() && !t.is_empty()),
        };
        let found = check(&request);
        failure.set(None);
        if found.is_empty() {
            errors.set(Vec::new());
            login(request);
        } else {
            errors.set(found);
        }
    };

    view! {
        <div class="narrow">
            <h1>{tr(Key::LoginTitle)}</h1>
            <p class="muted">{tr(Key::LoginIntro)}</p>
            <form class="card form" novalidate on:submit=submit>
                <FormFailure failure testid="login-error" />
                <TextField id="login-email" testid="login-email" field="email" label=Key::Email value=email
                    errors input_type="email" autocomplete="username" required=true />
                <TextField id="login-password" testid="login-password" field="password" label=Key::Password
                    value=password errors input_type="password" autocomplete="current-password" required=true />
                {move || ask_tenant.get().then(|| view! {
                    <TextField id="login-tenant" testid="login-tenant" field="tenant" label=Key::Desk
                        hint=Some(Key::DeskHint.into()) value=tenant errors autocomplete="organization" required=true />
                })}
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="login-submit" disabled=pending>
                        {tr_while(pending, Key::LoginSubmitting, Key::LoginSubmit)}
                    </button>
                    {move || resets.get().then(|| view! {
                        <a href=move || with_desk(FORGOT_PASSWORD_PATH) data-testid="login-forgot">{tr(Key::ForgotPasswordLink)}</a>
                    })}
                    {move || signups.get().then(|| view! {
                        <a href=move || with_desk(SIGNUP_PATH) data-testid="login-signup">{tr(Key::SignupLink)}</a>
                    })}
                </div>
            </form>
        </div>
    }
}

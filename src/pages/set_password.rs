//! `/set-password?token=…`: the page a single-use link opens (a new desk's owner, later invited
//! agents and password resets). It checks the password policy at once (baton-core's, the same as
//! the server's), sends the new password with the link's token, and lands the user signed in:
//! staff in the workspace, customers at their tickets. A refusal is shown next to the field or,
//! for a dead link, above the form; what was typed stays.
//!
//! Served with the workspace's bundle (`routes::is_agent_path`), not the help center's: the help
//! center is at its size budget, and the page's first users are a new desk's staff, who go on to
//! `/agent` without another load. A customer (later: password resets) goes on to their tickets with
//! one full page load.

use crate::api::use_api;
use crate::components::ui::{FormFailure, TextField};
use crate::i18n::{error_message, AgentKey, Key};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use crate::routes::home_of;
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_page_title};
use crate::state::session::use_session;
use baton_core::problem::FieldError;
use baton_core::validate;
use baton_core::SetPasswordRequest;
use leptos::prelude::*;

#[component]
pub fn SetPassword() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let navigate = use_navigate();
    use_page_title(|i| i.t(Key::Agent(AgentKey::SetPasswordTitle)).to_owned());
    let token = use_query_map()
        .read_untracked()
        .get("token")
        .filter(|t| !t.trim().is_empty());

    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(token.is_none().then(|| (Key::Agent(AgentKey::SetPasswordNoToken), String::new())));
    let busy = Busy::new();
    let pending = busy.signal();
    let send = move |token: String, request: SetPasswordRequest| {
        let api = api.clone();
        let navigate = navigate.clone();
        busy.run(async move {
            match api.set_password(&token, &request).await {
                Ok(me) => {
                    let home = home_of(Some(&me));
                    session.signed_in_as(me);
                    navigate(&home, NavigateOptions { replace: true, ..Default::default() });
                }
                Err(error) => {
                    errors.set(error.field_errors());
                    // `token_invalid` only happens here, so its words live with this page's (the
                    // workspace bundle's), not in the help center's shared error table.
                    let dead_link = error.is(baton_core::problem::code::TOKEN_INVALID);
                    failure.set(Some(if dead_link { (Key::Agent(AgentKey::ErrTokenInvalid), String::new()) } else { error_message(&error) }));
                }
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(token) = token.clone() else { return };
        let request = SetPasswordRequest { password: password.get_untracked() };
        let found = validate::password("password", &request.password);
        failure.set(None);
        if found.is_empty() {
            errors.set(Vec::new());
            send(token, request);
        } else {
            errors.set(found);
        }
    };

    view! {
        <div class="narrow">
            <h1>{tr(Key::Agent(AgentKey::SetPasswordTitle))}</h1>
            <p class="muted">{tr(Key::Agent(AgentKey::SetPasswordIntro))}</p>
            <form class="card form" novalidate on:submit=submit data-testid="set-password-form">
                <FormFailure failure testid="set-password-error" />
                <TextField id="set-password" testid="set-password" field="password" label=Key::Agent(AgentKey::NewPassword)
                    hint=Some(Key::Agent(AgentKey::NewPasswordHint).into()) value=password errors input_type="password"
                    autocomplete="new-password" required=true />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="set-password-submit" disabled=pending>
                        {tr_while(pending, Key::Agent(AgentKey::SetPasswordSubmitting), Key::Agent(AgentKey::SetPasswordSubmit))}
                    </button>
                </div>
            </form>
        </div>
    }
}

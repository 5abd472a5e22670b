//! The invitation form of `/admin/agents`: email, name, role and groups → `POST /admin/agents`.
//! The same checks as the server at once; the server's field errors next to their fields, an
//! email already in the desk (409) or a role the inviter may not grant (403) above the form; what
//! was typed stays until the invitation is sent.

use super::agent_row::role_request;
use super::agents::RoleChoice;
use crate::api::{use_api, NewAgent};
use crate::components::ui::{focus_id, FieldErrorText, FormFailure, TextField};
use crate::i18n::{error_message, fill, AdminKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_i18n};
use baton_core::problem::{code, field_code, FieldError};
use baton_core::validate::is_email;
use baton_core::AgentGroup;
use leptos::prelude::*;

/// What the server would refuse in the form's fields, found before sending.
pub fn check(email: &str, name: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if email.is_empty() {
        errors.push(FieldError::new("email", field_code::REQUIRED));
    } else if !is_email(email) {
        errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
    }
    if name.is_empty() {
        errors.push(FieldError::new("name", field_code::REQUIRED));
    }
    errors
}

#[component]
pub fn InviteForm(
    /// The desk's agent groups, offered as checkboxes.
    groups: Signal<Vec<AgentGroup>>,
    /// The roles offered.
    choices: Signal<Vec<RoleChoice>>,
    /// Called with the announcement once the invitation is sent.
    on_invited: Callback<String>,
    /// Closes the form without sending.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new("agent".to_owned());
    let chosen = RwSignal::new(Vec::<i64>::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    request_animation_frame(|| focus_id("invite-email"));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (to, who) = (email.get_untracked().trim().to_owned(), name.get_untracked().trim().to_owned());
        failure.set(None);
        errors.set(check(&to, &who));
        let Some(role) = role_request(&role.get_untracked()) else { return };
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        let request = NewAgent { email: to, name: who, role: role.role, role_id: role.role_id, group_ids: chosen.get_untracked() };
        busy.run(async move {
            match api.get_value().invite_agent(&request).await {
                Ok(invited) => on_invited.run(fill(i18n.t(AdminKey::Invited.into()), &[&invited.email])),
                Err(error) => {
                    let fields = error.field_errors();
                    if error.is(code::ALREADY_EXISTS) {
                        failure.set(Some((AdminKey::ErrAlreadyExists.into(), String::new())));
                        focus_id("invite-email");
                    } else if fields.is_empty() {
                        failure.set(Some(error_message(&error)));
                    }
                    errors.set(fields);
                }
            }
        });
    };
    let toggle = move |id: i64, on: bool| chosen.update(|c| {
        c.retain(|g| *g != id);
        if on {
            c.push(id);
        }
    });
    view! {
        <form class="card form admin-invite" novalidate on:submit=submit data-testid="invite-form" aria-labelledby="invite-title">
            <h2 id="invite-title">{tr(AdminKey::InviteTitle.into())}</h2>
            <FormFailure failure testid="invite-error" />
            <TextField id="invite-email" testid="invite-email" field="email" label=Key::Email value=email
                errors input_type="email" autocomplete="off" required=true />
            <TextField id="invite-name" testid="invite-name" field="name" label=Key::from(AdminKey::InviteName)
                value=name errors autocomplete="off" required=true />
            <div class="field">
                <label for="invite-role">{tr(AdminKey::InviteRole.into())}</label>
                <select id="invite-role" data-testid="invite-role" aria-describedby="invite-role-error"
                    on:change=move |ev| role.set(event_target_value(&ev))>
                    {move || choices.get().into_iter().map(|c| {
                        let label = c.name.clone();
                        let key: Key = if c.value == "admin" { AdminKey::RoleAdmin.into() } else { AdminKey::RoleAgent.into() };
                        let selected = c.value == role.get_untracked();
                        view! { <option value=c.value selected=selected>{move || label.clone().unwrap_or_else(|| i18n.t(key).to_owned())}</option> }
                    }).collect_view()}
                </select>
                <FieldErrorText input_id="invite-role" field="role_id" errors />
            </div>
            <fieldset class="field admin-groups" aria-describedby="invite-groups-error">
                <legend>{tr(AdminKey::InviteGroups.into())}</legend>
                {move || groups.get().into_iter().map(|g| {
                    let id = g.id;
                    view! {
                        <label class="admin-check">
                            <input type="checkbox" data-testid="invite-group" value=id
                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                            {g.name}
                        </label>
                    }
                }).collect_view()}
                <FieldErrorText input_id="invite-groups" field="group_ids" errors />
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button primary" data-testid="invite-submit" disabled=pending>
                    {tr_while(pending, AdminKey::InviteSubmitting.into(), AdminKey::InviteSubmit.into())}
                </button>
                <button type="button" class="button" data-testid="invite-cancel" on:click=move |_| on_cancel.run(())>
                    {tr(AdminKey::InviteCancel.into())}
                </button>
            </div>
        </form>
    }
}

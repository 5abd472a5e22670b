//! One staff user of `/admin/agents`: name and email, the role (a `<select>` except for the
//! owner), groups, the state badge and the actions its state allows — resend an invitation,
//! deactivate after a confirmation in the row, reactivate. A refusal is shown in the row.

use super::agents::RoleChoice;
use crate::api::{use_api, AdminAgent, AgentPatch, AgentState, ApiError};
use crate::components::ui::focus_id;
use crate::i18n::{error_message, fill, AdminKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, trf, use_i18n};
use baton_core::{AgentRole, Role};
use leptos::prelude::*;

/// The wire code of a state (`data-state`, the badge's class).
pub fn state_code(state: AgentState) -> &'static str {
    match state {
        AgentState::Invited => "invited",
        AgentState::Active => "active",
        AgentState::Deactivated => "deactivated",
    }
}

fn state_key(state: AgentState) -> Key {
    match state {
        AgentState::Invited => AdminKey::StateInvited.into(),
        AgentState::Active => AdminKey::StateActive.into(),
        AgentState::Deactivated => AdminKey::StateDeactivated.into(),
    }
}

/// The `<select>` value of an agent's role (see [`RoleChoice`]).
pub fn role_value(role: Role, role_id: Option<i64>) -> String {
    match (role, role_id) {
        (Role::Agent, Some(id)) => format!("agent:{id}"),
        (role, _) => role.code().to_owned(),
    }
}

/// The request for a `<select>` value; `None` for anything else.
pub fn role_request(value: &str) -> Option<AgentRole> {
    match value {
        "admin" => Some(AgentRole { role: Role::Admin, role_id: None }),
        "agent" => Some(AgentRole { role: Role::Agent, role_id: None }),
        _ => value.strip_prefix("agent:").and_then(|id| id.parse().ok()).map(|id| AgentRole { role: Role::Agent, role_id: Some(id) }),
    }
}

fn choice_label(choice: &RoleChoice) -> Key {
    match choice.value.as_str() {
        "admin" => AdminKey::RoleAdmin.into(),
        _ => AdminKey::RoleAgent.into(),
    }
}

/// The contract's 409 for resending to an agent who is no longer `invited` (baton-core names it
/// once the server's side is merged).
const CONFLICT: &str = "conflict";

/// A row's refusal: the row's own words for `conflict` (already accepted), else the shared ones.
fn refusal(error: &ApiError) -> (Key, String) {
    if error.is(CONFLICT) {
        (AdminKey::ErrConflict.into(), String::new())
    } else {
        error_message(error)
    }
}

#[component]
pub fn AgentRow(
    /// The staff user.
    agent: AdminAgent,
    /// Whether it is the signed-in user (who cannot deactivate themselves).
    me: bool,
    /// The roles offered.
    choices: Signal<Vec<RoleChoice>>,
    /// Called with what an action did once it succeeded (the page announces it and reloads).
    on_done: Callback<String>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let busy = Busy::new();
    let pending = busy.signal();
    let failure = RwSignal::new(None::<(Key, String)>);
    let confirming = RwSignal::new(false);
    let AdminAgent { id, name, email, role, role_id, groups, state, .. } = agent;
    let name = StoredValue::new(name);
    let email = StoredValue::new(email);
    let current = role_value(role, role_id);
    let done = move |key: AdminKey, arg: String| on_done.run(fill(i18n.t(key.into()), &[&arg]));
    let act = move |patch: AgentPatch, key: AdminKey| {
        busy.run(async move {
            match api.get_value().change_agent(id, &patch).await {
                Ok(_) => done(key, name.get_value()),
                Err(error) => failure.set(Some(refusal(&error))),
            }
        });
    };
    let resend = move |_| {
        failure.set(None);
        busy.run(async move {
            match api.get_value().resend_invitation(id).await {
                Ok(()) => done(AdminKey::Resent, email.get_value()),
                Err(error) => failure.set(Some(refusal(&error))),
            }
        });
    };
    let confirm_id = format!("agent-{id}-confirm");
    let ask = {
        let confirm_id = confirm_id.clone();
        move |_| {
            failure.set(None);
            confirming.set(true);
            let confirm_id = confirm_id.clone();
            request_animation_frame(move || focus_id(&confirm_id));
        }
    };
    let select_id = format!("agent-{id}-role");
    let change_role = move |ev: leptos::ev::Event| {
        let target = event_target::<web_sys::HtmlSelectElement>(&ev);
        let Some(request) = role_request(&target.value()) else { return };
        failure.set(None);
        let reset = current_value(&target);
        busy.run(async move {
            match api.get_value().set_agent_role(id, &request).await {
                Ok(()) => done(AdminKey::RoleChanged, name.get_value()),
                Err(error) => {
                    reset();
                    failure.set(Some(refusal(&error)));
                }
            }
        });
    };
    let current_for_select = current.clone();
    view! {
        <tr data-testid="agent-row" data-agent-id=id data-state=state_code(state)>
            <td><div class="admin-who">
                <span data-testid="agent-name">{name.get_value()}</span>
                <span class="muted" data-testid="agent-email">{email.get_value()}</span>
            </div></td>
            <td data-label=tr(AdminKey::ColRole.into())>
                {if role == Role::Owner {
                    view! { <span data-testid="agent-role" data-role="owner">{tr(AdminKey::RoleOwner.into())}</span> }.into_any()
                } else {
                    view! {
                        <label class="sr-only" for=select_id.clone()>{trf(AdminKey::RoleOf.into(), vec![name.get_value()])}</label>
                        <select id=select_id data-testid="agent-role" data-role=current.clone() disabled=pending on:change=change_role>
                            {move || choices.get().into_iter().map(|c| {
                                let selected = c.value == current_for_select;
                                let label = c.name.clone();
                                let key = choice_label(&c);
                                view! { <option value=c.value selected=selected>{move || label.clone().unwrap_or_else(|| i18n.t(key).to_owned())}</option> }
                            }).collect_view()}
                        </select>
                    }.into_any()
                }}
            </td>
            <td data-label=tr(AdminKey::ColGroups.into()) data-testid="agent-groups">
                {if groups.is_empty() {
                    view! { <span class="muted">{tr(AdminKey::NoGroups.into())}</span> }.into_any()
                } else {
                    groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>().join(", ").into_any()
                }}
            </td>
            <td data-label=tr(AdminKey::ColState.into())>
                <span class=format!("badge state-{}", state_code(state)) data-testid="agent-state">{tr(state_key(state))}</span>
            </td>
            <td><div class="admin-actions">
                {(state == AgentState::Invited).then(|| view! {
                    <button type="button" class="button small" data-testid="agent-resend" disabled=pending on:click=resend>
                        {tr(AdminKey::Resend.into())}
                    </button>
                })}
                {(state != AgentState::Deactivated && role != Role::Owner && !me).then(|| view! {
                    <button type="button" id=format!("agent-{id}-deactivate") class="button small danger" data-testid="agent-deactivate" disabled=pending
                        aria-expanded=move || confirming.get().to_string() on:click=ask.clone()>
                        {tr(AdminKey::Deactivate.into())}
                    </button>
                })}
                {(state == AgentState::Deactivated).then(|| view! {
                    <button type="button" class="button small" data-testid="agent-reactivate" disabled=pending
                        on:click=move |_| { failure.set(None); act(AgentPatch { active: Some(true), ..Default::default() }, AdminKey::Reactivated) }>
                        {tr(AdminKey::Reactivate.into())}
                    </button>
                })}
                {move || confirming.get().then(|| view! {
                    <div class="admin-confirm" role="group" aria-labelledby=format!("agent-{id}-confirm-q") data-testid="agent-confirm">
                        <p id=format!("agent-{id}-confirm-q")>{trf(AdminKey::DeactivateConfirm.into(), vec![name.get_value()])}</p>
                        <p class="muted">{tr(AdminKey::DeactivateHint.into())}</p>
                        <button type="button" id=confirm_id.clone() class="button small danger" data-testid="agent-confirm-yes" disabled=pending
                            on:click=move |_| { confirming.set(false); act(AgentPatch { active: Some(false), ..Default::default() }, AdminKey::Deactivated) }>
                            {tr(AdminKey::ConfirmYes.into())}
                        </button>
                        <button type="button" class="button small" data-testid="agent-confirm-no"
                            on:click=move |_| { confirming.set(false); focus_id(&format!("agent-{id}-deactivate")); }>
                            {tr(AdminKey::ConfirmNo.into())}
                        </button>
                    </div>
                })}
                {move || failure.get().map(|(key, arg)| view! {
                    <p class="form-error" role="alert" data-testid="agent-row-error">{trf(key, vec![arg])}</p>
                })}
            </div></td>
        </tr>
    }
}

/// Puts a `<select>` back to the value it had before the change being sent, if that is refused.
fn current_value(select: &web_sys::HtmlSelectElement) -> impl FnOnce() + 'static {
    let select = select.clone();
    let before = select.get_attribute("data-role").unwrap_or_default();
    move || select.set_value(&before)
}

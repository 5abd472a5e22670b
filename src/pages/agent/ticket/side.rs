//! The panels beside the thread: lifecycle actions and flags, and confidential info (revealed on
//! an explicit, recorded click). The customer and presence panels are in `components::agent`.

use super::Loaded;
use crate::api::use_api;
use crate::i18n::{format_time, AgentKey};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;
use baton_core::{Action, ConfidentialReveal, Permission, Ticket, TicketAction};
use leptos::prelude::*;

/// Complete / wait / reopen as `allowed_actions` says (nothing while the ticket is trashed or
/// suspended: restore or unsuspend are offered instead), star, and (with `tickets.delete`) trash or
/// restore, suspend or unsuspend.
#[component]
pub fn Actions(ticket: Ticket, state: Loaded) -> impl IntoView {
    let toasts = use_toasts();
    let busy = Busy::new();
    let id = ticket.id;
    let staff = ticket.staff.clone().unwrap_or_default();
    let starred = RwSignal::new(staff.starred);
    let act = move |action: Action| {
        let api = state.api.get_value();
        busy.run(async move {
            match api.act(id, &TicketAction { action, rating: None, comment: None }).await {
                Ok(t) => state.show(t),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let flag = move |name: &'static str, on: bool| {
        let api = state.api.get_value();
        busy.run(async move {
            match api.set_flag(id, name, on).await {
                Ok(t) => state.show(t),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let star = move |_| {
        let api = state.api.get_value();
        let on = !starred.get_untracked();
        busy.run(async move {
            match api.set_star(id, on).await {
                Ok(()) => starred.set(on),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let lifecycle = [(Action::Complete, "action-complete", AgentKey::ActComplete), (Action::SetPending, "action-pending", AgentKey::ActPending), (Action::Reopen, "action-reopen", AgentKey::ActReopen)];
    let pending = busy.signal();
    let (trashed, suspended) = (staff.trashed_at.is_some(), staff.suspended_at.is_some());
    let may_delete = use_session().can(Permission::TicketsDelete);
    view! {
        <section class="card actions" aria-labelledby="agent-actions-heading">
            <h2 id="agent-actions-heading">{tr(AgentKey::ActionsHeading.into())}</h2>
            <div class="action-buttons">
                {lifecycle.into_iter().filter(|(a, _, _)| ticket.allowed_actions.contains(a)).map(|(a, testid, label)| view! {
                    <button type="button" class="button primary" data-testid=testid disabled=pending on:click=move |_| act(a)>{tr(label.into())}</button>
                }).collect_view()}
                <button type="button" class="button" data-testid="action-star" aria-pressed=move || starred.get().to_string() disabled=pending on:click=star>
                    {move || tr(if starred.get() { AgentKey::Unstar } else { AgentKey::Star }.into())()}
                </button>
                {may_delete.then(|| view! {
                    {if trashed {
                        view! { <button type="button" class="button" data-testid="action-restore" disabled=pending on:click=move |_| flag("trash", false)>{tr(AgentKey::ActRestore.into())}</button> }.into_any()
                    } else {
                        view! { <button type="button" class="button" data-testid="action-trash" disabled=pending on:click=move |_| flag("trash", true)>{tr(AgentKey::ActTrash.into())}</button> }.into_any()
                    }}
                    {if suspended {
                        view! { <button type="button" class="button" data-testid="action-unsuspend" disabled=pending on:click=move |_| flag("suspend", false)>{tr(AgentKey::ActUnsuspend.into())}</button> }.into_any()
                    } else {
                        view! { <button type="button" class="button" data-testid="action-suspend" disabled=pending on:click=move |_| flag("suspend", true)>{tr(AgentKey::ActSuspend.into())}</button> }.into_any()
                    }}
                })}
            </div>
        </section>
    }
}

/// Confidential info: hidden until `confidential-reveal` (shown with `tickets.reveal_confidential`);
/// each reveal is recorded and listed.
#[component]
pub fn Confidential(ticket: Ticket) -> impl IntoView {
    let api = StoredValue::new_local(use_api());
    let toasts = use_toasts();
    let i18n = use_i18n();
    let value = RwSignal::new(None::<String>);
    let log = RwSignal::new(Vec::<ConfidentialReveal>::new());
    let id = ticket.id;
    let load_log = move || {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(l) = api.reveals(id).await { log.try_set(l); }
        });
    };
    if ticket.confidential_set { load_log(); }
    let may_reveal = use_session().can(Permission::TicketsRevealConfidential);
    let busy = Busy::new();
    let reveal = move |_| {
        let api = api.get_value();
        busy.run(async move {
            match api.reveal(id).await {
                Ok(v) => { value.set(Some(v.value)); load_log(); }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let body = if ticket.confidential_set {
        view! {
            {move || match value.get() {
                Some(v) => view! { <p class="secret" data-testid="confidential-value">{v}</p> }.into_any(),
                None => may_reveal.then(|| view! { <button type="button" class="button" data-testid="confidential-reveal" disabled=busy.signal() on:click=reveal>{tr(AgentKey::Reveal.into())}</button> }).into_any(),
            }}
            <h3>{tr(AgentKey::RevealLog.into())}</h3>
            <ul class="reveal-log" data-testid="reveal-log">
                {move || log.get().into_iter().map(|r| view! {
                    <li>{i18n.tf(AgentKey::RevealEntry.into(), &[&r.user.name, &format_time(&r.at, i18n.locale())])}</li>
                }).collect_view()}
            </ul>
        }.into_any()
    } else {
        view! { <p class="muted">{tr(AgentKey::ConfidentialNone.into())}</p> }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="confidential-heading">
            <h2 id="confidential-heading">{tr(AgentKey::ConfidentialHeading.into())}</h2>
            {body}
        </section>
    }
}

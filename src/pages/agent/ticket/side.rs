//! The panels beside the thread: lifecycle actions and flags, confidential info (revealed on an
//! explicit, recorded click), the customer with their other tickets, and who else is here.

use super::Loaded;
use crate::api::use_api;
use crate::i18n::{format_time, AgentKey, Key};
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, trf, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::{Action, ConfidentialReveal, CustomerPanel, Ticket, TicketAction, Viewer};
use leptos::prelude::*;
use std::time::Duration;

/// Complete / wait / reopen as `allowed_actions` says, star, trash or restore, suspend.
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
                {if trashed {
                    view! { <button type="button" class="button" data-testid="action-restore" disabled=pending on:click=move |_| flag("trash", false)>{tr(AgentKey::ActRestore.into())}</button> }.into_any()
                } else {
                    view! { <button type="button" class="button" data-testid="action-trash" disabled=pending on:click=move |_| flag("trash", true)>{tr(AgentKey::ActTrash.into())}</button> }.into_any()
                }}
                <button type="button" class="button" data-testid="action-suspend" disabled=pending on:click=move |_| flag("suspend", !suspended)>
                    {tr(if suspended { AgentKey::ActUnsuspend } else { AgentKey::ActSuspend }.into())}
                </button>
            </div>
        </section>
    }
}

/// Confidential info: hidden until `confidential-reveal`; each reveal is recorded and listed.
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
                None => view! { <button type="button" class="button" data-testid="confidential-reveal" disabled=busy.signal() on:click=reveal>{tr(AgentKey::Reveal.into())}</button> }.into_any(),
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

/// The requester, their customer group and their other tickets (one click to switch).
#[component]
pub fn Customer(requester: i64, current: i64) -> impl IntoView {
    let api = use_api();
    let panel = RwSignal::new(None::<CustomerPanel>);
    leptos::task::spawn_local(async move {
        if let Ok(p) = api.customer(requester).await { panel.try_set(Some(p)); }
    });
    view! {
        <section class="card customer" aria-labelledby="customer-heading" data-testid="customer-panel">
            <h2 id="customer-heading">{tr(AgentKey::CustomerHeading.into())}</h2>
            {move || panel.get().map(|p| {
                let others: Vec<_> = p.tickets.into_iter().filter(|t| t.id != current).collect();
                view! {
                    <p>{p.customer.name}" · "{p.customer.email}</p>
                    {p.customer.customer_group.map(|g| view! { <p>{trf(AgentKey::CustomerGroup.into(), vec![g.name])}</p> })}
                    <h3>{tr(AgentKey::OtherTickets.into())}</h3>
                    {if others.is_empty() {
                        view! { <p class="muted">{tr(AgentKey::NoOtherTickets.into())}</p> }.into_any()
                    } else {
                        view! { <ul>{others.into_iter().map(|t| view! {
                            <li><a href=Page::AgentTicket(t.id).path() data-testid="customer-ticket">{format!("#{} {}", t.number, t.title)}</a></li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                }
            })}
        </section>
    }
}

/// Who else is on this ticket: a heartbeat every 10 s, left on the way out, live via SSE
/// (`presence` events are refetched by the heartbeat's answer).
#[component]
pub fn Presence(ticket: i64) -> impl IntoView {
    let api = StoredValue::new_local(use_api());
    let i18n = use_i18n();
    let me = crate::state::session::use_session().me_untracked().map(|m| m.id);
    let viewers = RwSignal::new(Vec::<Viewer>::new());
    let beat = move || {
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(p) = api.presence(ticket, false).await {
                viewers.try_set(p.viewers.into_iter().filter(|v| Some(v.user.id) != me).collect());
            }
        });
    };
    beat();
    let timer = set_interval_with_handle(beat, Duration::from_secs(10)).ok();
    on_cleanup(move || {
        if let Some(t) = timer { t.clear(); }
        if let Some(api) = api.try_get_value() {
            leptos::task::spawn_local(async move { let _ = api.leave(ticket).await; });
        }
    });
    view! {
        <section class="card presence" data-testid="presence" aria-live="polite" aria-label=tr(AgentKey::PresenceLabel.into())>
            {move || {
                let list = viewers.get();
                if list.is_empty() {
                    return view! { <p class="muted">{tr(AgentKey::PresenceAlone.into())}</p> }.into_any();
                }
                view! { <ul>{list.into_iter().map(|v| {
                    let key = if v.typing { AgentKey::PresenceTyping } else { AgentKey::PresenceViewing };
                    view! { <li data-user-id=v.user.id data-typing=v.typing.to_string()>{i18n.tf(Key::Agent(key), &[&v.user.name])}</li> }
                }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

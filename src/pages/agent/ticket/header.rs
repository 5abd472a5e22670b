//! The top of the ticket page: number and title, status, requester, channel, flags and rating.

use crate::i18n::agent::agent_status_key;
use crate::i18n::agent_ticket::{channel_code, channel_key};
use crate::i18n::{AgentKey, TicketKey};
use crate::routes::Page;
use crate::state::locale::{tr, trf, use_i18n};
use baton_core::Ticket;
use leptos::prelude::*;

#[component]
pub fn Header(ticket: Ticket) -> impl IntoView {
    let i18n = use_i18n();
    let t = ticket;
    let flags = t.staff.as_ref().map(|s| (s.trashed_at.is_some(), s.suspended_at.is_some())).unwrap_or_default();
    let rating = t.rating.map(|r| view! {
        <p class="card" data-testid="ticket-rating" data-rating=r>
            {trf(AgentKey::RatedWith.into(), vec![r.to_string(), t.rating_comment.clone().unwrap_or_default()])}
        </p>
    });
    let channel = t.channel;
    view! {
        <p><a href=Page::Agent.path() data-testid="back-to-list">{tr(AgentKey::BackToList.into())}</a></p>
        <h1>{format!("#{} {}", t.number, t.title)}</h1>
        <p class="ticket-meta">
            <span class="status-pill" data-testid="ticket-status" data-status=t.status.code()>{tr(agent_status_key(t.status))}</span>" "
            <span data-testid="ticket-requester" data-user-id=t.requester.id>{trf(AgentKey::RequestedBy.into(), vec![t.requester.name.clone()])}</span>" · "
            <span data-testid="ticket-channel" data-channel=channel_code(channel)>
                {move || i18n.tf(TicketKey::Channel.into(), &[i18n.t(channel_key(channel))])}
            </span>
        </p>
        {flags.0.then(|| view! { <p class="notice card">{tr(AgentKey::Trashed.into())}</p> })}
        {flags.1.then(|| view! { <p class="notice card">{tr(AgentKey::Suspended.into())}</p> })}
        {rating}
    }
}

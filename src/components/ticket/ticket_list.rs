//! A list of tickets as cards, each one link to the ticket (the whole card is the click target).
//! Tickets of the customer's group that someone else asked say who.

use super::StatusPill;
use crate::i18n::Key;
use crate::routes::Page;
use crate::state::locale::{tr_time, trf};
use baton_core::TicketSummary;
use leptos::prelude::*;

/// `<ul>` of `ticket-row` links, in the order given (the API sends newest first).
#[component]
pub fn TicketList(
    /// The tickets to show.
    #[prop(into)]
    tickets: Signal<Vec<TicketSummary>>,
    /// The signed-in user's id: rows of other requesters say who asked.
    #[prop(optional_no_strip)]
    viewer: Option<i64>,
) -> impl IntoView {
    view! {
        <ul class="ticket-list">
            {move || tickets.get().into_iter().map(|ticket| view! {
                <li>
                    <a
                        class="ticket-card"
                        href=Page::Ticket(ticket.id).path()
                        data-testid="ticket-row"
                        data-ticket-id=ticket.id
                        data-status=ticket.status.code()
                    >
                        <span class="ticket-card-main">
                            <span class="ticket-number">
                                {trf(Key::TicketNumber, vec![ticket.number.to_string()])}
                            </span>
                            <span class="ticket-title">{ticket.title.clone()}</span>
                            {(viewer.is_some() && viewer != Some(ticket.requester.id)).then(|| view! {
                                <span class="asked-by" data-testid="ticket-requester">
                                    {trf(Key::AskedBy, vec![ticket.requester.name.clone()])}
                                </span>
                            })}
                        </span>
                        <span class="ticket-card-meta">
                            <StatusPill status=ticket.status />
                            <time class="ticket-updated" datetime=ticket.updated_at.clone()>
                                {tr_time(Key::UpdatedAt, ticket.updated_at.clone())}
                            </time>
                        </span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
}

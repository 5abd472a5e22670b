//! The top of a ticket page: number, title (the page's `<h1>`), status, when it was submitted,
//! and the description, all rendered as text.

use super::StatusPill;
use crate::i18n::Key;
use crate::state::locale::{tr, tr_time, trf};
use baton_core::Ticket;
use leptos::prelude::*;

/// Title block and description of `ticket`.
#[component]
pub fn TicketHeader(
    /// The ticket to show.
    ticket: Ticket,
) -> impl IntoView {
    let created = ticket.created_at.clone();
    view! {
        <div class="ticket-head">
            <p class="ticket-number">{trf(Key::TicketNumber, vec![ticket.number.to_string()])}</p>
            <h1>{ticket.title}</h1>
            <div class="ticket-meta">
                <StatusPill status=ticket.status />
                <time datetime=ticket.created_at>
                    {tr_time(Key::SubmittedOn, created)}
                </time>
            </div>
        </div>
        <section class="card" aria-labelledby="description-heading">
            <h2 id="description-heading">{tr(Key::DescriptionHeading)}</h2>
            <p class="description">{ticket.description}</p>
        </section>
    }
}

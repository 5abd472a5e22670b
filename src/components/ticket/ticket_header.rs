//! The top of a ticket page: number, title (the page's `<h1>`), status, when it was submitted,
//! who asked (when it was someone else of the group), when the desk promises to reply (its SLA's
//! `reply_by`, while still ahead, in the browser's time zone), and the description, all as text.

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
    /// The signed-in user's id: a ticket someone else asked says who.
    #[prop(optional_no_strip)]
    viewer: Option<i64>,
) -> impl IntoView {
    let created = ticket.created_at.clone();
    let asked_by = (viewer.is_some() && viewer != Some(ticket.requester.id)).then(|| {
        view! { <span class="asked-by" data-testid="ticket-requester">{trf(Key::AskedBy, vec![ticket.requester.name.clone()])}</span> }
    });
    // A promise already past is not repeated (the desk is late; the customer sees the thread).
    let reply_by = ticket
        .reply_by
        .filter(|at| crate::time::is_ahead(at, crate::time::now()))
        .map(|at| {
            let text = tr_time(Key::ReplyBy, at.clone());
            view! { <p class="notice" data-testid="ticket-reply-by"><time datetime=at>{text}</time></p> }
        });
    view! {
        <div class="ticket-head">
            <p class="ticket-number">{trf(Key::TicketNumber, vec![ticket.number.to_string()])}</p>
            <h1>{ticket.title}</h1>
            <div class="ticket-meta">
                <StatusPill status=ticket.status />
                <time datetime=ticket.created_at>
                    {tr_time(Key::SubmittedOn, created)}
                </time>
                {asked_by}
            </div>
            {reply_by}
        </div>
        <section class="card" aria-labelledby="description-heading">
            <h2 id="description-heading">{tr(Key::DescriptionHeading)}</h2>
            <p class="description">{ticket.description}</p>
        </section>
    }
}

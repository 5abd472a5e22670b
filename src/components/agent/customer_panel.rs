//! The customer panel beside a ticket (`customer-panel`): the requester — a customer, or a staff
//! member who asked the ticket themselves — their customer group and their other tickets
//! (`customer-ticket`), each one click away.

use crate::api::use_api;
use crate::i18n::agent::agent_status_key;
use crate::i18n::{AgentKey, TicketKey};
use crate::routes::Page;
use crate::state::locale::{tr, trf};
use baton_core::{CustomerPanel, Role};
use leptos::prelude::*;

#[component]
pub fn CustomerCard(
    /// The ticket on screen: its requester is shown, and it is left out of their history.
    current: i64,
) -> impl IntoView {
    let api = use_api();
    let panel = RwSignal::new(None::<CustomerPanel>);
    leptos::task::spawn_local(async move {
        if let Ok(p) = api.requester_panel(current).await {
            panel.try_set(Some(p));
        }
    });
    let show = move |p: CustomerPanel| {
        let others: Vec<_> = p.tickets.into_iter().filter(|t| t.id != current).collect();
        let c = p.customer;
        let history = if others.is_empty() {
            view! { <p class="muted">{tr(AgentKey::NoOtherTickets.into())}</p> }.into_any()
        } else {
            view! {
                <ul class="customer-tickets">
                    {others.into_iter().map(|t| view! {
                        <li>
                            <a href=Page::AgentTicket(t.id).path() data-testid="customer-ticket" data-ticket-id=t.id>
                                {format!("#{} {}", t.number, t.title)}
                            </a>" "
                            <span class="status-pill">{tr(agent_status_key(t.status))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <p data-testid="customer-requester" data-customer-id=c.id><strong>{c.name}</strong></p>
            <p>{trf(TicketKey::CustomerEmail.into(), vec![c.email])}</p>
            {c.phone.map(|phone| view! { <p>{trf(TicketKey::CustomerPhone.into(), vec![phone])}</p> })}
            <p data-testid="customer-group">
                {match (c.role, c.customer_group) {
                    (Role::Customer, Some(g)) => trf(AgentKey::CustomerGroup.into(), vec![g.name]).into_any(),
                    (Role::Customer, None) => tr(TicketKey::NoCustomerGroup.into()).into_any(),
                    (_, _) => tr(TicketKey::StaffRequester.into()).into_any(),
                }}
            </p>
            <h3>{tr(AgentKey::OtherTickets.into())}</h3>
            {history}
        }
    };
    view! {
        <section class="card customer" aria-labelledby="customer-heading" data-testid="customer-panel">
            <h2 id="customer-heading">{tr(AgentKey::CustomerHeading.into())}</h2>
            {move || panel.get().map(show)}
        </section>
    }
}

//! Ticket lists: rows, links, status.

use crate::support::*;
use baton::components::ticket::TicketList;
use baton::i18n::Locale;
use baton_core::{Priority, Status, TicketSummary, UserRef};
use leptos::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn ticket_list_rows_link_to_tickets_with_their_status() {
    let row = |id, number, status| TicketSummary {
        id,
        number,
        title: format!("Ticket {number}"),
        status,
        priority: Priority::Normal,
        requester: UserRef {
            id: 7,
            name: "Alice".into(),
        },
        created_at: "2026-11-25T10:00:00Z".into(),
        updated_at: "2026-11-25T11:00:00Z".into(),
        type_name: None,
    };
    let tickets = vec![row(31, 12, Status::Open), row(30, 11, Status::Rated)];
    let list = mount(
        Locale::ZhCn,
        move || view! { <TicketList tickets=Signal::stored(tickets) /> },
    );
    until("rows", || list.all("[data-testid='ticket-row']").len() == 2).await;
    let rows = list.all("[data-testid='ticket-row']");
    let attr = |i: usize, name: &str| rows[i].get_attribute(name).unwrap_or_default();
    assert_eq!(
        (
            attr(0, "data-ticket-id"),
            attr(0, "data-status"),
            attr(0, "href")
        ),
        ("31".into(), "open".into(), "/tickets/31".into())
    );
    assert_eq!(
        (attr(1, "data-ticket-id"), attr(1, "data-status")),
        ("30".into(), "rated".into())
    );
    let text = rows[0].text_content().unwrap_or_default();
    assert!(
        text.contains("#12") && text.contains("Ticket 12") && text.contains("处理中"),
        "{text}"
    );
}

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

/// "Load more" appends the next page's items and asks for the cursor it shows; without a next
/// page there is no button.
#[wasm_bindgen_test]
async fn load_more_appends_pages_and_hides_at_the_end() {
    use baton::components::ui::{paged, LoadMore};
    use baton_core::Page as ListPage;
    use wasm_bindgen::JsCast;
    let more = RwSignal::new(Vec::<ListPage<u32>>::new());
    let asked = RwSignal::new(Vec::<String>::new());
    let list = mount(Locale::En, move || {
        let first = ListPage {
            items: vec![1, 2],
            next_cursor: Some("c1".to_owned()),
        };
        let (shown, next) = paged(first, more);
        let load = Callback::new(move |cursor: String| asked.update(|a| a.push(cursor)));
        view! {
            <ul>{move || shown.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            <LoadMore next busy=Signal::stored(false) load />
        }
    });
    until("button", || list.find(".load-more button").is_some()).await;
    assert_eq!(list.text_of_all("li"), vec!["1", "2"]);
    list.get(".load-more button")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until("asked", || !asked.get_untracked().is_empty()).await;
    assert_eq!(asked.get_untracked(), vec!["c1".to_owned()]);
    more.update(|m| {
        m.push(ListPage {
            items: vec![3],
            next_cursor: None,
        })
    });
    until("no button", || list.find(".load-more button").is_none()).await;
    assert_eq!(list.text_of_all("li"), vec!["1", "2", "3"]);
}

//! The workspace's list side: the table's chosen columns and bulk selection checkboxes.

use crate::support::*;
use baton::components::agent::TicketTable;
use baton::i18n::Locale;
use baton_core::{Channel, Column, Priority, SortField, Status, TicketRow, UserRef, ViewSort};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn row(i: i64) -> TicketRow {
    TicketRow {
        id: i + 1,
        number: 100 + i,
        title: format!("Ticket {i}"),
        status: Status::Open,
        priority: Priority::High,
        channel: Channel::Phone,
        requester: UserRef { id: 7, name: "Alice".into() },
        assignee: None,
        group: None,
        type_name: None,
        tags: vec!["vip".into(), "refund".into()],
        starred: false,
        created_at: "2026-11-25T10:00:00Z".into(),
        updated_at: "2026-11-25T11:00:00Z".into(),
        version: 1,
        sla_due_at: None,
        sla_breached: false,
    }
}

fn click(el: web_sys::Element) {
    el.unchecked_into::<web_sys::HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn table_shows_the_views_columns_and_ticks_rows_for_bulk_actions() {
    let rows = RwSignal::new((0..3).map(row).collect::<Vec<_>>());
    let columns = RwSignal::new(vec![Column::Number, Column::Channel, Column::Tags]);
    let checked = RwSignal::new(Vec::<i64>::new());
    let table = mount(Locale::ZhCn, move || {
        view! {
            <div style="height: 400px; display: flex; flex-direction: column">
                <TicketTable rows columns sort=Signal::stored(ViewSort::default())
                    on_sort=move |_: SortField| {} on_near_end=move |()| {} selected=Signal::stored(None) checked />
            </div>
        }
    });
    until("rows", || table.all("[data-testid='ticket-row']").len() == 3).await;
    let first = table.get("[data-testid='ticket-row']");
    let cells: Vec<String> = {
        let list = first.query_selector_all("td").expect("cells");
        (0..list.length()).filter_map(|i| list.item(i)?.text_content()).map(|t| t.trim().to_owned()).collect()
    };
    assert_eq!(cells, ["", "#100", "电话", "vip, refund"]);
    let headers = table.all("thead th").len();
    assert_eq!(headers, 4, "the select column and three chosen columns");

    click(table.get("[data-ticket-id='2'] [data-testid='row-select']"));
    assert_eq!(checked.get_untracked(), vec![2]);
    click(table.get("[data-testid='select-all']"));
    assert_eq!(checked.get_untracked(), vec![1, 2, 3]);
    click(table.get("[data-testid='select-all']"));
    assert!(checked.get_untracked().is_empty());

    // Another view's columns: the table follows.
    columns.set(vec![Column::Title, Column::Priority]);
    until("new columns", || table.all("thead th").len() == 3).await;
    assert!(table.find("[data-sort='priority']").is_some(), "priority stays sortable");
}

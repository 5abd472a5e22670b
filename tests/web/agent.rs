//! The agent workspace's pieces: the view list with counts, the virtualized ticket table, the
//! edit-conflict panel.

use crate::support::*;
use baton::components::agent::{ConflictPanel, ConflictRow, TicketTable, ViewList};
use baton::i18n::{AgentKey, Locale};
use baton_core::{
    BuiltinView, Channel, Priority, SortField, Status, TicketRow, UserRef, View, ViewCount,
    ViewSort, Visibility,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn view(id: &str, builtin: Option<BuiltinView>, name: &str) -> View {
    View {
        id: id.into(),
        builtin,
        name: name.into(),
        visibility: if builtin.is_some() { Visibility::Builtin } else { Visibility::Private },
        owner: None,
        conditions: Vec::new(),
        sort: ViewSort::default(),
        columns: Vec::new(),
        hidden: false,
        editable: builtin.is_none(),
    }
}

fn row(i: i64) -> TicketRow {
    TicketRow {
        id: i + 1,
        number: i + 1,
        title: format!("Ticket {i}"),
        status: Status::New,
        priority: Priority::Normal,
        channel: Channel::Web,
        requester: UserRef { id: 7, name: "Alice".into() },
        assignee: None,
        group: None,
        type_name: None,
        tags: Vec::new(),
        starred: false,
        created_at: "2026-11-25T10:00:00Z".into(),
        updated_at: "2026-11-25T11:00:00Z".into(),
        version: 1,
        sla_due_at: None,
        sla_breached: false,
    }
}

#[wasm_bindgen_test]
async fn view_list_shows_translated_names_and_live_counts() {
    let views = vec![
        view("mine", Some(BuiltinView::Mine), "My tickets"),
        view("unassigned", Some(BuiltinView::Unassigned), "Unassigned in my groups"),
        view("17", None, "urgent Acme"),
    ];
    let counts = RwSignal::new(vec![ViewCount { view_id: "mine".into(), count: 3 }]);
    let list = mount(Locale::ZhCn, move || {
        view! { <ViewList views=Signal::stored(views) counts selected=Signal::stored(Some("mine".to_owned())) /> }
    });
    until("three views", || list.all("[data-testid='view-item']").len() == 3).await;
    let ids: Vec<_> = list
        .all("[data-testid='view-item']")
        .iter()
        .map(|e| e.get_attribute("data-view-id").unwrap_or_default())
        .collect();
    assert_eq!(ids, ["mine", "unassigned", "17"]);
    assert_eq!(list.text_of_all("[data-testid='view-count']"), ["3", "", ""]);
    let names = list.text_of_all(".view-name");
    assert_eq!(names, ["我的工单", "待分配", "urgent Acme"]);
    assert_eq!(
        list.get("[data-view-id='mine']").get_attribute("aria-current").as_deref(),
        Some("page")
    );
    // A live event refetched the counts: the numbers follow.
    counts.set(vec![
        ViewCount { view_id: "mine".into(), count: 4 },
        ViewCount { view_id: "unassigned".into(), count: 1 },
        ViewCount { view_id: "17".into(), count: 0 },
    ]);
    until("new counts", || list.text_of_all("[data-testid='view-count']") == ["4", "1", "0"]).await;
}

#[wasm_bindgen_test]
async fn virtual_table_keeps_few_rows_for_ten_thousand_tickets() {
    let rows = RwSignal::new((0..10_000).map(row).collect::<Vec<_>>());
    let near_end = RwSignal::new(0);
    let selected = RwSignal::new(None::<usize>);
    let sorted = RwSignal::new(None::<SortField>);
    let table = mount(Locale::En, move || {
        view! {
            <div style="height: 600px; display: flex; flex-direction: column">
                <TicketTable rows sort=Signal::stored(ViewSort::default())
                    on_sort=move |f| sorted.set(Some(f)) on_near_end=move |()| near_end.update(|n| *n += 1)
                    selected />
            </div>
        }
    });
    until("rows", || !table.all("[data-testid='ticket-row']").is_empty()).await;
    let count = table.all("[data-testid='ticket-row']").len();
    assert!(count < 100, "{count} rows in the DOM for 10,000 tickets");
    assert_eq!(near_end.get_untracked(), 0, "the first screen is far from the end");
    let first = table.get("[data-testid='ticket-row']");
    assert_eq!(first.get_attribute("data-ticket-id").as_deref(), Some("1"));
    assert_eq!(first.get_attribute("data-status").as_deref(), Some("new"));

    // j/k selection far down: the table scrolls there, still with few rows.
    selected.set(Some(9_998));
    until("row 9999 rendered", || table.find("[data-ticket-id='9999']").is_some()).await;
    let count = table.all("[data-testid='ticket-row']").len();
    assert!(count < 100, "{count} rows after scrolling to the end");
    until("asked for the next page", || near_end.get_untracked() > 0).await;

    table.get("[data-sort='priority']").unchecked_into::<web_sys::HtmlElement>().click();
    assert_eq!(sorted.get_untracked(), Some(SortField::Priority));
}

#[wasm_bindgen_test]
async fn conflict_panel_shows_theirs_and_mine_and_offers_both_choices() {
    let chosen = RwSignal::new("");
    let rows = vec![ConflictRow {
        field: "priority".into(),
        label: baton::components::ui::Label::Key(AgentKey::Priority.into()),
        theirs: "Urgent".into(),
        mine: "Low".into(),
    }];
    let panel = mount(Locale::En, move || {
        view! { <ConflictPanel rows on_reapply=move |()| chosen.set("mine") on_keep=move |()| chosen.set("theirs") /> }
    });
    until("panel", || panel.find("[data-testid='conflict-panel']").is_some()).await;
    assert_eq!(panel.text("conflict-theirs"), "Urgent");
    assert_eq!(panel.text("conflict-mine"), "Low");
    panel.click("conflict-reapply");
    assert_eq!(chosen.get_untracked(), "mine");
    panel.click("conflict-keep");
    assert_eq!(chosen.get_untracked(), "theirs");
}

/// Property changes come as values (`{field, from, to}`); the agent reads sentences in their own
/// language, with priorities translated and "—" for none.
#[wasm_bindgen_test]
async fn property_changes_read_as_sentences_in_the_agents_language() {
    use baton::components::agent::{describe_in_context, ChangeCatalog};
    use baton::components::ticket::Thread;
    use baton_core::{FieldValue, Message, MessageKind, SystemChange};
    use std::collections::BTreeMap;
    let s = |v: &str| Some(FieldValue::String(v.into()));
    let changes = [
        SystemChange::new("priority", s("normal"), s("high")),
        SystemChange::new("tags", Some(FieldValue::List(vec!["vip".into()])), None),
        SystemChange::new("group", s("Support"), s("Billing")),
        SystemChange::new("trashed", Some(FieldValue::Bool(false)), Some(FieldValue::Bool(true))),
        SystemChange::new("fields.order_no", None, s("A-2")),
    ];
    let messages: Vec<Message> = (0..changes.len() as i64)
        .map(|id| Message {
            id,
            ticket_id: 1,
            kind: MessageKind::System,
            author: None,
            body: String::new(),
            status_change: None,
            created_at: "2026-11-25T23:40:00Z".into(),
            attachments: Vec::new(),
        })
        .collect();
    let by_id: BTreeMap<i64, SystemChange> = (0..).zip(changes).collect();
    let describe: fn(i64) -> Option<String> = describe_in_context;
    let thread = mount(Locale::ZhCn, move || {
        provide_context(ChangeCatalog { changes: RwSignal::new(by_id), types: RwSignal::new(Vec::new()) });
        view! { <Thread messages describe=Some(describe) /> }
    });
    until("entries", || thread.all("[data-testid='message-body']").len() == 5).await;
    assert_eq!(
        thread.text_of_all("[data-testid='message-body']"),
        ["优先级：普通 → 高", "标签：vip → —", "客服组：Support → Billing", "已移入回收站", "order_no：— → A-2"]
    );
}

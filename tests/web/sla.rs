//! SLA in the console: the view column's countdown (due in / overdue / breached, in words and a
//! state for the colour) and the ticket page's timers panel.

use crate::support::*;
use baton::components::agent::{SlaPanel, TicketTable};
use baton::i18n::Locale;
use baton_core::sla::{PolicyRef, SlaTimer, TicketSla, TimerName};
use baton_core::{Channel, Column, Priority, SortField, Status, TicketRow, UserRef, ViewSort};
use leptos::prelude::*;
use wasm_bindgen_test::*;

/// An RFC 3339 time `minutes` from now.
fn in_minutes(minutes: f64) -> String {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(js_sys::Date::now() + minutes * 60_000.0));
    String::from(at.to_iso_string())
}

fn row(id: i64, sla_due_at: Option<String>, sla_breached: bool) -> TicketRow {
    TicketRow {
        id,
        number: id,
        title: format!("Ticket {id}"),
        status: Status::Open,
        priority: Priority::High,
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
        sla_due_at,
        sla_breached,
    }
}

#[wasm_bindgen_test]
async fn the_sla_column_counts_down_in_words_and_marks_its_state() {
    // (due in minutes, breached) → (the cell's words in en and zh-CN, its state).
    let cases: [(Option<f64>, bool, &str, &str, &str); 5] = [
        (Some(150.5), false, "due in 2 h", "2 小时后到期", "ok"),
        (Some(30.5), false, "due in 30 min", "30 分钟后到期", "soon"),
        (Some(-34.5), false, "overdue 35 min", "已超时 35 分钟", "overdue"),
        (Some(-34.5), true, "overdue 35 min · breached", "已超时 35 分钟 · 已违约", "overdue"),
        (None, false, "", "", "none"),
    ];
    for (locale, en) in [(Locale::En, true), (Locale::ZhCn, false)] {
        let rows = RwSignal::new(
            cases.iter().enumerate().map(|(i, (due, breached, ..))| row(i as i64 + 1, due.map(in_minutes), *breached)).collect::<Vec<_>>(),
        );
        let columns = RwSignal::new(vec![Column::Number, Column::Sla]);
        let table = mount(locale, move || {
            view! {
                <div style="height: 400px; display: flex; flex-direction: column">
                    <TicketTable rows columns sort=Signal::stored(ViewSort::default())
                        on_sort=move |_: SortField| {} on_near_end=move |()| {} selected=Signal::stored(None)
                        checked=RwSignal::new(Vec::new()) />
                </div>
            }
        });
        until("rows", || table.all("[data-testid='ticket-row']").len() == cases.len()).await;
        assert!(table.find("th[data-column='sla']").is_some(), "the column has its header");
        for (i, (_, _, en_text, zh_text, state)) in cases.iter().enumerate() {
            let cell = table.get(&format!("[data-ticket-id='{}'] [data-testid='sla-due']", i + 1));
            let text = cell.text_content().unwrap_or_default();
            assert_eq!(text.trim(), if en { *en_text } else { *zh_text }, "case {i}");
            assert_eq!(cell.get_attribute("data-sla").as_deref(), Some(*state), "case {i}");
        }
    }
}

#[wasm_bindgen_test]
async fn the_ticket_sla_panel_shows_the_policy_and_each_timer() {
    let timer = |kind, due_at: Option<String>, stopped_at: Option<&str>, breached, paused| SlaTimer {
        kind,
        due_at,
        stopped_at: stopped_at.map(str::to_owned),
        breached,
        paused,
    };
    let sla = TicketSla {
        policy: PolicyRef { id: 3, name: "VIP".into() },
        timers: vec![
            timer(TimerName::FirstReply, Some("2026-11-25T10:30:00Z".into()), Some("2026-11-25T10:10:00Z"), false, false),
            timer(TimerName::NextReply, Some(in_minutes(-10.5)), None, true, false),
            timer(TimerName::Resolution, None, None, false, true),
        ],
    };
    let panel = mount(Locale::En, move || view! { <SlaPanel sla /> });
    until("timers", || panel.all("[data-testid='sla-timer']").len() == 3).await;
    assert_eq!(panel.text("sla-policy"), "Policy: VIP");
    let states: Vec<(String, String)> = panel
        .all("[data-testid='sla-timer']")
        .iter()
        .map(|t| (t.get_attribute("data-kind").unwrap_or_default(), t.get_attribute("data-state").unwrap_or_default()))
        .collect();
    let expected = [("first_reply", "met"), ("next_reply", "breached"), ("resolution", "paused")];
    assert_eq!(states, expected.map(|(k, s)| (k.to_owned(), s.to_owned())));
    let texts = panel.text_of_all("[data-testid='sla-timer']");
    assert!(texts[0].starts_with("First reply") && texts[0].contains("Met"), "{}", texts[0]);
    assert!(texts[1].contains("overdue 11 min") && texts[1].contains("Breached"), "{}", texts[1]);
    assert!(texts[2].contains("Paused while pending"), "{}", texts[2]);
}

#[wasm_bindgen_test]
async fn the_view_editor_offers_the_sla_column_and_conditions() {
    use crate::fake_server::{provide_app, staff, FakeServer};
    use baton::components::agent::ViewEditor;
    let _server = FakeServer::start(Vec::new());
    let editor = mount(Locale::En, || {
        provide_app(Some(staff(1, baton_core::Role::Agent, &[])));
        view! { <ViewEditor existing=None may_publish=false on_saved=|_| {} on_deleted=|_| {} on_cancel=|()| {} /> }
    });
    until("the editor", || editor.find("[data-testid='condition-add']").is_some()).await;
    assert!(editor.find("[data-testid='view-column'][value='sla']").is_some(), "the sla column can be chosen");
    editor.click("condition-add");
    until("a condition row", || editor.find("[data-testid='condition-field']").is_some()).await;
    let fields = option_values(&editor.testid("condition-field"));
    assert!(fields.iter().any(|f| f == "sla") && fields.iter().any(|f| f == "sla_due_at"), "{fields:?}");

    choose(&editor.testid("condition-field"), "sla");
    until("the sla values", || {
        editor.find("select[data-testid='condition-value']").is_some_and(|s| option_values(&s) == ["", "breached", "on_time", "none"])
    })
    .await;

    choose(&editor.testid("condition-field"), "sla_due_at");
    until("the time operators", || option_values(&editor.testid("condition-op")) == ["before", "after"]).await;
    until("a text value", || editor.find("input[data-testid='condition-value']").is_some()).await;
}

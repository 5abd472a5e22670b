//! /agent/reports against a fake backend: the SLA attainment (shares as percentages, met and
//! breached counts) is shown when the backend has SLA, and not at all when it has not; the
//! workload per group and the ratings' comments (as text, never markup) are shown (session 9).

use crate::fake_server::answered as until;
use crate::fake_server::{answer, provide_app, staff, FakeServer};
use crate::support::mount;
use baton::i18n::Locale;
use baton::pages::agent::Reports;
use baton_core::Role;
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

fn backend(sla: bool) -> FakeServer {
    let stats = json!({"count": 0, "median": null, "p90": null, "average": null});
    FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"reports": true, "sla": sla})),
        answer("GET", "/reports/summary", 200, json!({
            "created": 10, "solved": 6, "backlog": 4, "resolution_rate": 0.6, "reopen_rate": null,
            "first_reply": stats, "first_resolution": stats, "full_resolution": stats,
            "csat": {"count": 0, "satisfied_share": null, "average": null, "distribution": [0, 0, 0, 0, 0], "response_rate": null},
            "sla": {"first_reply": {"met": 9, "breached": 3, "share": 0.75}, "resolution": {"met": 0, "breached": 0, "share": null}},
            "interval": "day", "series": []
        })),
        answer("GET", "/reports/agents", 200, json!([])),
        // Session 9: the workload per group, the ratings' comments.
        answer("GET", "/reports/groups", 200, json!([
            {"group_id": 3, "name": "Support", "assigned": 2, "solved": 2, "open_now": 1, "public_replies": 2, "internal_notes": 0}
        ])),
        answer("GET", "/reports/comments", 200, json!({"items": [
            {"ticket_id": 7, "number": 7, "rating": 5, "comment": "<b>谢谢</b> & thanks", "rated_at": "2030-03-02T09:00:00Z"}
        ], "next_cursor": null})),
        answer("GET", "/agents", 200, json!([])),
        answer("GET", "/ticket-types", 200, json!([])),
    ])
}

#[wasm_bindgen_test]
async fn sla_attainment_is_shown_only_when_the_backend_has_sla() {
    let server = backend(true);
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["reports.view"])));
        view! { <Reports /> }
    });
    until("the SLA table", || page.find("[data-testid='report-sla']").is_some()).await;
    let rows: Vec<Vec<String>> = page
        .all("[data-testid='report-sla-target']")
        .iter()
        .map(|r| {
            let cells = r.query_selector_all("th, td").expect("cells");
            (0..cells.length()).filter_map(|i| cells.item(i)?.text_content()).map(|t| t.trim().to_owned()).collect()
        })
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], "First reply");
    assert!(rows[0][1].starts_with("75"), "a percentage: {}", rows[0][1]);
    assert_eq!(rows[0][2..], ["9", "3"]);
    assert_eq!(rows[1][2..], ["0", "0"]);
    drop(page);
    drop(server);

    let _server = backend(false);
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["reports.view"])));
        view! { <Reports /> }
    });
    until("the report", || page.find("[data-testid='report-durations']").is_some()).await;
    assert!(page.find("[data-testid='report-sla']").is_none(), "no SLA without the capability");
}

#[wasm_bindgen_test]
async fn groups_and_rating_comments_are_shown_as_text() {
    let _server = backend(false);
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["reports.view"])));
        view! { <Reports /> }
    });
    until("the comments", || page.find("[data-testid='report-comment-text']").is_some()).await;
    let text = page.find("[data-testid='report-comment-text']").expect("comment");
    assert_eq!(text.text_content().as_deref(), Some("<b>谢谢</b> & thanks"), "the customer's words, as typed");
    assert!(text.query_selector("b").expect("query").is_none(), "never markup");
    until("the group table", || page.find("[data-testid='report-group-row']").is_some()).await;
    let row = page.find("[data-testid='report-group-row']").expect("row");
    assert_eq!(row.get_attribute("data-group-id").as_deref(), Some("3"));
    let open = row.query_selector("[data-column='open_now']").expect("query").expect("cell");
    assert_eq!(open.text_content().as_deref(), Some("1"));
}

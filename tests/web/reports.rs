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
use wasm_bindgen::JsCast;
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
        // Session 10: SLA attainment per policy, the breaches, a group's drill-down.
        answer("GET", "/reports/sla/breaches", 200, json!({"items": [
            {"id": 4, "ticket_id": 9, "number": 9, "title": "<i>Slow</i>", "policy_id": 2, "policy_name": "Everyone",
             "target": "resolution", "due_at": "2030-03-02T06:00:00Z", "stopped_at": null, "breached_by_secs": 1800,
             "assignee_name": null, "group_name": "Support"}
        ], "next_cursor": null})),
        answer("GET", "/reports/sla", 200, json!([
            {"policy_id": 2, "name": "Everyone", "first_reply": {"met": 1, "breached": 1, "share": 0.5},
             "next_reply": {"met": 0, "breached": 0, "share": null}, "resolution": {"met": 1, "breached": 1, "share": 0.5}},
            {"policy_id": null, "name": null, "first_reply": {"met": 2, "breached": 0, "share": 1.0},
             "next_reply": {"met": 0, "breached": 0, "share": null}, "resolution": {"met": 0, "breached": 0, "share": null}}
        ])),
        answer("GET", "/reports/tickets", 200, json!({"items": [], "next_cursor": null})),
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

// Session 10: SLA attainment per policy and the breaches, a group row's drill-down.
#[wasm_bindgen_test]
async fn sla_per_policy_and_breaches_link_to_their_tickets() {
    let _server = backend(true);
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["reports.view"])));
        view! { <Reports /> }
    });
    until("the breaches", || page.find("[data-testid='report-sla-breach']").is_some()).await;
    let policies = page.all("[data-testid='report-sla-policy']");
    assert_eq!(policies.len(), 2);
    let first = policies[0].query_selector("[data-column='first_reply']").expect("query").expect("cell");
    assert!(first.text_content().unwrap_or_default().contains("(1/2)"), "{:?}", first.text_content());
    let deleted = policies[1].query_selector("th").expect("query").expect("name");
    assert_eq!(deleted.text_content().as_deref(), Some("(deleted policy)"));
    let link = page.find("[data-testid='report-sla-breach-link']").expect("link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/agent/tickets/9"));
    assert_eq!(link.text_content().as_deref(), Some("<i>Slow</i>"), "the title as text");
    assert!(link.query_selector("i").expect("query").is_none(), "never markup");
    let row = page.find("[data-testid='report-sla-breach']").expect("row");
    assert!(row.text_content().unwrap_or_default().contains("still running"), "{:?}", row.text_content());

    // A group's solved count opens the tickets behind it.
    until("the group table", || page.find("[data-testid='report-group-drill']").is_some()).await;
    let solved = page.find("[data-testid='report-group-drill'][data-metric='solved']").expect("solved button");
    solved.unchecked_into::<web_sys::HtmlElement>().click();
    until("the drill-down", || page.find("[data-testid='report-drill'][data-metric='solved']").is_some()).await;
    let heading = page.find("#report-drill-h").expect("heading");
    assert!(heading.text_content().unwrap_or_default().contains("Support"), "{:?}", heading.text_content());
}

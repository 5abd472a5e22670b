//! The audit log page (issue 12, `/admin/audit`) against a fake backend: the entries with their
//! translated change (an unknown code as the server sends it), the changed fields as text — a
//! value with markup stays text —, "load more" with the cursor, and a filter that asks the
//! server again and starts the list over.

use crate::fake_server::answered as until;
use crate::fake_server::{answer, provide_app, staff, FakeServer};
use crate::support::{choose, mount};
use baton::i18n::Locale;
use baton::pages::admin::AdminAudit;
use baton_core::Role;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

fn entry(id: i64, action: &str, kind: &str, changes: Value) -> Value {
    json!({"id": id, "at": "2026-12-07T10:00:00Z", "actor_id": 6, "actor_name": "Ada Admin", "action": action,
        "target_kind": kind, "target_id": 3, "target_label": format!("Target {id}"), "changes": changes})
}

#[wasm_bindgen_test]
async fn the_log_shows_changes_as_text_loads_more_and_filters() {
    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"audit_log": true})),
        answer("GET", "/agents", 200, json!([{"id": 6, "name": "Ada Admin", "email": "admin@acme.test", "role": "admin", "role_id": null, "groups": []}])),
        answer("GET", "/admin/audit", 200, json!({"items": [
            entry(9, "settings.updated", "settings", json!({"name": {"old": "Acme", "new": "<b>Acme</b>"}, "auto_close_days": {"old": 3, "new": 5}})),
            entry(8, "gadget.polished", "gadget", json!({})),
        ], "next_cursor": "c2"})),
    ]);
    let original = window().location().pathname().unwrap_or_default();
    let page = mount(Locale::En, || {
        provide_app(Some(staff(6, Role::Admin, &["settings.manage"])));
        view! { <AdminAudit /> }
    });
    until("the table", || page.find("[data-testid='audit-table']").is_some()).await;
    assert_eq!(page.text_of_all("[data-testid='audit-action']"), ["Desk settings · changed", "gadget.polished"]);
    assert_eq!(page.text_of_all("[data-testid='audit-changes'] li"), ["auto_close_days: 3 → 5", "name: Acme → <b>Acme</b>"]);
    assert!(page.find("[data-testid='audit-changes'] b").is_none(), "markup became HTML");
    assert_eq!(page.text_of_all("[data-testid='audit-actor-name']"), ["Ada Admin", "Ada Admin"]);

    page.click("load-more");
    until("the next page", || page.all("[data-testid='audit-row']").len() == 4).await;
    let queries = || server.requests().into_iter().filter(|r| r.1 == "/admin/audit").map(|r| r.2).collect::<Vec<String>>();
    assert_eq!(queries(), ["", "?cursor=c2"]);

    choose(&page.testid("audit-kind"), "sla_policy");
    until("asked again", || queries().len() == 3).await;
    assert_eq!(queries().last().map(String::as_str), Some("?kind=sla_policy"));
    until("the list started over", || page.all("[data-testid='audit-row']").len() == 2).await;
    drop(page);
    crate::fake_server::visit(&original);
}

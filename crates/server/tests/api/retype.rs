//! Issue 19, point 3: changing a ticket's type. The new type and sub-type are checked as at
//! creation; the old type's values its fields do not take are dropped, each recorded
//! (`fields.<key>: value → none`), before the whole set is checked — so a strict check never
//! refuses the change for the old type's values, and the new type's required fields are asked.

use crate::catalog::returns_ticket;
use crate::support::{pairs, Response, TestApp, AGENT, ALICE};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

async fn patch(app: &TestApp, token: &str, id: i64, body: Value) -> Response {
    let path = format!("/api/v1/tickets/{id}");
    let etag = app.get(&path).token(token).send().await.header(header::ETAG).unwrap_or_default().to_owned();
    app.call(Method::PATCH, &path).token(token).header("if-match", &etag).json(&body).send().await
}

fn keys(t: &Value) -> Vec<String> {
    t["fields"].as_array().into_iter().flatten().filter_map(|f| f["key"].as_str().map(str::to_owned)).collect()
}

#[tokio::test]
async fn a_new_type_drops_and_records_the_old_types_values_and_asks_for_its_own() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let body = returns_ticket(&app, &alice).await;
    let id = app.post("/api/v1/tickets").token(&alice).json(&body).send().await.json()["id"].as_i64().expect("id");
    let (billing, invoice) = app.type_ids(&agent, "Billing", "Invoice").await;
    let (_, exchange) = app.type_ids(&agent, "Returns", "Exchange").await;
    let (returns, return_of_goods) = app.type_ids(&agent, "Returns", "Return of goods").await;

    // Refused as at creation: a type with sub-types needs one, and it must be the type's own.
    let refusals = [
        (json!({"type_id": billing}), "subtype_id", "required"),
        (json!({"type_id": billing, "subtype_id": exchange}), "subtype_id", "invalid_value"),
        (json!({"type_id": 999_999, "subtype_id": invoice}), "type_id", "invalid_value"),
    ];
    for (edit, field, code) in refusals {
        assert_eq!(patch(&app, &agent, id, edit.clone()).await.field_errors(), pairs(&[(field, code)]), "{edit}");
    }
    // What the SPA sends: the new type and sub-type, with the new type's fields only.
    let res = patch(&app, &agent, id, json!({"type_id": billing, "subtype_id": invoice, "fields": {"invoice_title": "Acme Ltd"}})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(keys(&res.json()), ["invoice_title"]);
    let changes = app.changes(&agent, id).await;
    assert_eq!(changes, [
        json!({"field": "type", "from": returns.to_string(), "to": billing.to_string()}),
        json!({"field": "subtype", "from": return_of_goods.to_string(), "to": invoice.to_string()}),
        // The demo's returns workflow: Billing has none, so the ticket leaves its first step.
        json!({"field": "workflow_step", "from": "客服受理 · Intake", "to": null}),
        json!({"field": "fields.agree", "from": true, "to": null}),
        json!({"field": "fields.order_no", "from": "A-1001", "to": null}),
        json!({"field": "fields.invoice_title", "from": null, "to": "Acme Ltd"}),
    ]);
    // Back to a type with a required field: asked for, as at creation; given, it saves.
    let back = json!({"type_id": returns, "subtype_id": return_of_goods});
    assert_eq!(patch(&app, &agent, id, back.clone()).await.field_errors(), pairs(&[("fields.order_no", "required"), ("fields.agree", "required")]));
    let mut with_fields = back;
    with_fields["fields"] = json!({"order_no": "A-2002", "agree": true});
    let res = patch(&app, &agent, id, with_fields).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let mut got = keys(&res.json());
    got.sort();
    assert_eq!(got, ["agree", "order_no"]);
}

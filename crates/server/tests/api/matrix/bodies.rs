//! The matrix's other half: ids in request bodies. The demo desk's admin, agent and customer
//! each name another desk's group, agent, role, type, customer or unsent upload where a body
//! takes one; every request must be refused — 422 naming that field, or 404 for a customer to
//! merge into — without echoing what it named.

use super::world::{other_admin, OTHER_ADMIN};
use crate::support::{Response, TestApp, ADMIN, AGENT, ALICE, DAVE, OTHER_AGENT};
use crate::workspace::{route_to, user_id};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

/// What the other desk holds, named with markers where it has a name.
struct Foreign {
    group: i64,
    agent: i64,
    role: i64,
    type_id: i64,
    subtype: i64,
    customer: i64,
    upload: i64,
}

async fn made(res: Response) -> Value {
    assert!(res.status.is_success(), "{} {}", res.status, res.text());
    res.json()
}

async fn foreign(app: &TestApp) -> Foreign {
    other_admin(app).await;
    let other = app.login(OTHER_ADMIN).await;
    let post = |path: &str, body: Value| app.post(path).token(&other).json(&body).send();
    let group = made(post("/api/v1/admin/groups", json!({ "name": "mx-tenant-group" })).await).await["id"].as_i64().expect("group");
    let role = made(post("/api/v1/admin/roles", json!({ "name": "mx-tenant-role", "permissions": [] })).await).await["id"].as_i64().expect("role");
    let ty = made(post("/api/v1/admin/ticket-types", json!({ "name": { "en": "mx-tenant-type" } })).await).await;
    let type_id = ty["id"].as_i64().expect("type");
    let sub = made(post(&format!("/api/v1/admin/ticket-types/{type_id}/subtypes"), json!({ "name": { "en": "mx-tenant-sub" } })).await).await;
    let dave = app.login(DAVE).await;
    let upload = crate::attachments::uploaded(app, &dave, "mx-tenant-file.txt", "text/plain", b"mx-tenant-file").await;
    Foreign {
        group,
        agent: user_id(app, OTHER_AGENT).await,
        role,
        type_id,
        subtype: sub["subtypes"][0]["id"].as_i64().expect("sub-type"),
        customer: user_id(app, DAVE).await,
        upload: upload["id"].as_i64().expect("upload"),
    }
}

#[tokio::test]
async fn another_desks_ids_in_bodies_are_refused() {
    let app = TestApp::new().await;
    let f = foreign(&app).await;
    let (admin, agent, alice) = (app.login(ADMIN).await, app.login(AGENT).await, app.login(ALICE).await);
    let ticket = app.create_ticket(&alice, "Bodies").await["id"].as_i64().expect("ticket");
    route_to(&app, ticket, "Support").await;
    let me = user_id(&app, AGENT).await;
    let alice_id = user_id(&app, ALICE).await;
    let support: i64 = sqlx::query_scalar("SELECT id FROM agent_groups WHERE name = 'Support'").fetch_one(&app.sql).await.expect("Support");
    let path = format!("/api/v1/tickets/{ticket}");
    let mut new_ticket = app.new_ticket(&alice, "Bodies").await;
    new_ticket["attachment_ids"] = json!([f.upload]);
    // Who asks, the request, and the field its refusal names ("" for 404).
    let cases: Vec<(&str, Method, String, Value, &str)> = vec![
        (admin.as_str(), Method::PATCH, path.clone(), json!({ "group_id": f.group }), "group_id"),
        (admin.as_str(), Method::PATCH, path.clone(), json!({ "assignee_id": f.agent }), "assignee_id"),
        (admin.as_str(), Method::PATCH, path.clone(), json!({ "cc": [f.agent] }), "cc"),
        (admin.as_str(), Method::PATCH, path.clone(), json!({ "type_id": f.type_id, "subtype_id": f.subtype }), "type_id"),
        (agent.as_str(), Method::POST, format!("{path}/messages"), json!({ "body": "b", "attachment_ids": [f.upload] }), "attachment_ids"),
        (alice.as_str(), Method::POST, "/api/v1/tickets".into(), new_ticket, "attachment_ids"),
        (admin.as_str(), Method::POST, "/api/v1/admin/routing/rules".into(), json!({ "name": "r", "conditions": {}, "group_id": f.group }), "group_id"),
        (admin.as_str(), Method::POST, "/api/v1/admin/workflows".into(), json!({ "name": "w", "type_id": f.type_id, "steps": [{ "key": "a", "name": "A", "group_id": support }] }), "type_id"),
        (admin.as_str(), Method::PUT, format!("/api/v1/admin/agents/{me}/role"), json!({ "role": "agent", "role_id": f.role }), "role_id"),
        (admin.as_str(), Method::PATCH, format!("/api/v1/admin/agents/{me}"), json!({ "group_ids": [f.group] }), "group_ids"),
        (admin.as_str(), Method::POST, "/api/v1/admin/agents".into(), json!({ "email": "mx@baton.test", "name": "Mx", "role": "agent", "group_ids": [f.group] }), "group_ids"),
        (admin.as_str(), Method::POST, "/api/v1/admin/agents".into(), json!({ "email": "mx2@baton.test", "name": "Mx", "role": "agent", "role_id": f.role }), "role_id"),
        (admin.as_str(), Method::POST, format!("/api/v1/admin/customers/{alice_id}/merge"), json!({ "into": f.customer }), ""),
    ];
    let mut failures = Vec::new();
    for (token, method, url, body, field) in &cases {
        let mut call = app.call(method.clone(), url).token(token).json(body);
        if *method == Method::PATCH && url.starts_with("/api/v1/tickets/") {
            let etag = app.get(url).token(token).send().await.header(header::ETAG).unwrap_or_default().to_owned();
            call = call.header("if-match", &etag);
        }
        let res = call.send().await;
        let refused = match *field {
            "" => res.status == StatusCode::NOT_FOUND,
            field => res.status == StatusCode::UNPROCESSABLE_ENTITY && res.field_errors().iter().any(|(f, _)| f == field),
        };
        if !refused || res.text().contains("mx-tenant") {
            failures.push(format!("{method} {url} {body}: {} {}", res.status, res.text()));
        }
    }
    println!("ids of another desk in bodies: {} requests, {} accepted", cases.len(), failures.len());
    assert!(failures.is_empty(), "another desk's ids accepted:\n{}", failures.join("\n"));
}

//! spec/openapi.yaml against the running router: the served JSON is the committed YAML, and the
//! document's operations and the router's routes are the same set, each answering for real.

use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use baton_server::demo;
use axum::http::{Method, StatusCode};
use baton_server::http::route_table;
use serde_json::{json, Value};
use std::collections::BTreeSet;

mod document;
mod lifecycle;
mod minimum;

const YAML: &str = include_str!("../../../../spec/openapi.yaml");

fn committed() -> Value {
    serde_norway::from_str(YAML).expect("spec/openapi.yaml parses")
}

#[tokio::test]
async fn the_served_document_is_the_committed_one() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/openapi.json").send().await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        res.header(axum::http::header::CONTENT_TYPE),
        Some("application/json")
    );
    assert_eq!(res.json(), committed());
}

/// The human-readable page lists every operation and every schema of the same document.
#[tokio::test]
async fn the_docs_page_shows_every_operation_and_schema() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/docs").send().await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header(axum::http::header::CONTENT_TYPE), Some("text/html; charset=utf-8"));
    let html = res.text();
    assert!(!html.contains("<script"), "the page runs no script");
    let doc = committed();
    for (method, path) in documented() {
        let heading = format!("<code>{method} {}</code>", path.replace('&', "&amp;"));
        assert!(html.contains(&heading), "{heading} is missing from /docs");
    }
    for name in doc["components"]["schemas"].as_object().expect("schemas").keys() {
        assert!(html.contains(&format!("id=\"schema-{name}\"")), "schema {name} is missing from /docs");
    }
}

/// (METHOD, path) of every operation in the document.
fn documented() -> BTreeSet<(String, String)> {
    let doc = committed();
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                ops.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    ops
}

#[test]
fn the_document_and_the_router_list_the_same_operations() {
    let routed: BTreeSet<(String, String)> = route_table()
        .into_iter()
        .map(|(m, p)| (m.to_string(), p.to_owned()))
        .collect();
    assert_eq!(routed, documented());
}

#[tokio::test]
async fn every_documented_operation_answers() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let admin = app.login(ADMIN).await;
    // The walk's ticket has confidential info, so that staff can reveal it.
    let mut new = app.new_ticket(&alice, "Spec walk").await;
    new["confidential"] = "walk secret".into();
    let res = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&new)
        .send()
        .await;
    let id = res.json()["id"].as_i64().unwrap_or_default();
    let upload = app.post("/api/v1/attachments").token(&agent);
    let attachment = upload
        .multipart("file", "walk.txt", "text/plain", b"walk")
        .send()
        .await
        .json()["id"]
        .as_i64()
        .unwrap_or_default();
    let new_ticket = app.new_ticket(&agent, "t").await;
    let article = app.get("/api/v1/kb/articles?limit=1").send().await.json()["items"][0]["id"]
        .as_i64()
        .unwrap_or_default();
    let walk_view = json!({ "name": "Spec walk", "visibility": "private" });
    let new_view = async || {
        let res = app.post("/api/v1/views").token(&agent).json(&walk_view).send().await;
        res.json()["id"].as_str().and_then(|id| id.parse::<i64>().ok()).unwrap_or_default()
    };
    let view = new_view().await;
    let new_reply = async || {
        let res = app.post("/api/v1/quick-replies").token(&agent).json(&json!({ "title": "Walk", "body": "b" })).send().await;
        res.json()["id"].as_i64().unwrap_or_default()
    };
    let reply = new_reply().await;
    let me = app.get("/api/v1/me").token(&alice).send().await.json();
    let customer = me["id"].as_i64().unwrap_or_default();
    let staff = app.get("/api/v1/me").token(&agent).send().await.json()["id"].as_i64().unwrap_or_default();
    let roles = std::cell::Cell::new(0);
    let new_role = async || {
        roles.set(roles.get() + 1);
        let body = json!({ "name": format!("Walk {}", roles.get()), "permissions": [] });
        let res = app.post("/api/v1/admin/roles").token(&admin).json(&body).send().await;
        res.json()["id"].as_i64().unwrap_or_default()
    };
    let role = new_role().await;
    let sla = std::cell::Cell::new(0);
    let new_sla = async |what: &str| {
        sla.set(sla.get() + 1);
        let body = if what == "calendars" {
            let day = json!([{ "start": "09:00", "end": "17:00" }]);
            json!({ "name": format!("Walk {}", sla.get()), "time_zone": "UTC", "week": [day, day, day, day, day, [], []] })
        } else {
            json!({ "name": format!("Walk {}", sla.get()), "targets": [{ "priority": "normal", "first_reply": 60 }] })
        };
        let res = app.post(&format!("/api/v1/admin/sla/{what}")).token(&admin).json(&body).send().await;
        res.json()["id"].as_i64().unwrap_or_default()
    };
    let (calendar, policy) = (new_sla("calendars").await, new_sla("policies").await);
    let made = std::cell::Cell::new(0);
    let new_routing = async |what: &str, group: i64| {
        made.set(made.get() + 1);
        let body = if what == "groups" {
            json!({ "name": format!("Walk {}", made.get()), "mode": "round_robin" })
        } else {
            // Phone tickets only: the walk's own tickets must stay where the agent sees them.
            json!({ "name": format!("Walk {}", made.get()), "conditions": { "channels": ["phone"] }, "group_id": group })
        };
        let path = if what == "groups" { "/api/v1/admin/groups" } else { "/api/v1/admin/routing/rules" };
        app.post(path).token(&admin).json(&body).send().await.json()["id"].as_i64().unwrap_or_default()
    };
    let group = new_routing("groups", 0).await;
    let rule = new_routing("rules", group).await;
    // Automations (issue 13): rules the walk's tickets never meet (a tag none of them has).
    let automation_body = |name: String| {
        json!({ "name": name, "trigger": { "kind": "event", "event": "created" },
                "conditions": [{ "field": "tags", "op": "in", "value": ["walk-never"] }],
                "actions": [{ "kind": "add_tags", "tags": ["walked"] }] })
    };
    let new_automation = async || {
        made.set(made.get() + 1);
        let body = automation_body(format!("Walk {}", made.get()));
        app.post("/api/v1/admin/automations").token(&admin).json(&body).send().await.json()["id"].as_i64().unwrap_or_default()
    };
    let automation = new_automation().await;
    // Workflows (issue 13): each on a fresh type of the demo desk, two steps in Support (the
    // agent's group); a ticket of `workflow`'s type, open, to pass on and return.
    let new_type = async || -> i64 {
        sqlx::query_scalar(
            "INSERT INTO ticket_types (tenant_id, name, created_at)
             SELECT id, '{\"en\": \"Walk\"}', '2026-01-01T00:00:00Z' FROM tenants WHERE slug = $1 RETURNING id",
        )
        .bind(demo::TENANT_SLUG)
        .fetch_one(&app.sql)
        .await
        .unwrap_or_default()
    };
    let support: i64 = sqlx::query_scalar("SELECT id FROM agent_groups WHERE name = 'Support'").fetch_one(&app.sql).await.unwrap_or_default();
    let workflow_body = |type_id: i64| {
        json!({ "name": "Walk", "type_id": type_id, "steps": [
            { "key": "a", "name": "A", "group_id": support, "next": ["b"] },
            { "key": "b", "name": "B", "group_id": support }
        ] })
    };
    let new_workflow = async || {
        let body = workflow_body(new_type().await);
        app.post("/api/v1/admin/workflows").token(&admin).json(&body).send().await.json()
    };
    let workflow = new_workflow().await;
    let workflow_type = workflow["type_id"].as_i64().unwrap_or_default();
    let second_step = workflow["steps"][1]["id"].clone();
    let walked = json!({ "title": "Walk", "description": "d", "type_id": workflow_type });
    let walked = app.post("/api/v1/tickets").token(&alice).json(&walked).send().await.json()["id"].as_i64().unwrap_or_default();
    app.act(&agent, walked, json!({ "action": "open" })).await;
    let invite = json!({ "email": "walk-resend@baton.test", "name": "Walk", "role": "agent" });
    let invitee = app.post("/api/v1/admin/agents").token(&admin).json(&invite).send().await.json()["id"].as_i64().unwrap_or_default();
    // A type of its own with a sub-type, a field and a dictionary, for the catalog's setup.
    let created = |res: crate::support::Response| res.json();
    let walk_type = created(app.post("/api/v1/admin/ticket-types").token(&admin).json(&json!({ "name": { "en": "Walk" } })).send().await);
    let walk_type = walk_type["id"].as_i64().unwrap_or_default();
    let with_subtype = created(app.post(&format!("/api/v1/admin/ticket-types/{walk_type}/subtypes")).token(&admin).json(&json!({ "name": { "en": "Walk" } })).send().await);
    let walk_subtype = with_subtype["subtypes"][0]["id"].as_i64().unwrap_or_default();
    let field = json!({ "key": "walk", "label": { "en": "Walk" }, "kind": "text" });
    let with_field = created(app.post(&format!("/api/v1/admin/ticket-types/{walk_type}/fields")).token(&admin).json(&field).send().await);
    let walk_field = with_field["fields"][0]["id"].as_i64().unwrap_or_default();
    let dictionary = json!({ "name": "Walk", "options": [{ "value": "a", "label": { "en": "A" } }] });
    let walk_dictionary = created(app.post("/api/v1/admin/dictionaries").token(&admin).json(&dictionary).send().await)["id"].as_i64().unwrap_or_default();
    // customers administration (issue 12): customers registered for the walk (one to edit and
    // merge into, a fresh one for each merge) and a customer group.
    let new_customer = async || -> i64 {
        let n = app.count("SELECT COUNT(*) FROM users").await;
        let body = json!({ "name": "Walk", "email": format!("walk-customer{n}@caller.test") });
        app.post("/api/v1/customers").token(&admin).json(&body).send().await.json()["id"].as_i64().unwrap_or_default()
    };
    let walk_customer = new_customer().await;
    let walk_customer_group = created(app.post("/api/v1/admin/customer-groups").token(&admin).json(&json!({ "name": "Walk" })).send().await)["id"].as_i64().unwrap_or_default();
    // A setup link of a new desk, for `/password-tokens/{token}`.
    let walk_desk = baton_server::accounts::NewTenant { slug: "walk", name: "Walk", owner_email: "owner@walk.test" };
    let setup = baton_server::accounts::create_tenant(&app.db, app.services.clock.now(), &walk_desk)
        .await
        .expect("walk desk")
        .token;
    for (method, path) in documented() {
        // Knowledge-base paths take an article id, views a view id, the others a ticket id.
        let target = if path.starts_with("/views/") {
            // Deleting comes first in the walk's order: it gets a view of its own.
            if method == "DELETE" { new_view().await } else { view }
        } else if path.starts_with("/quick-replies/") {
            if method == "DELETE" { new_reply().await } else { reply }
        } else if path.starts_with("/customers/") {
            customer
        } else if path.starts_with("/admin/roles/") {
            if method == "DELETE" { new_role().await } else { role }
        } else if path == "/admin/agents/{id}/invitation" {
            // Only someone who has not joined yet gets an invitation again.
            invitee
        } else if path.starts_with("/admin/agents/") {
            staff
        } else if path.starts_with("/admin/sla/calendars/") {
            if method == "DELETE" { new_sla("calendars").await } else { calendar }
        } else if path.starts_with("/admin/sla/policies/") {
            if method == "DELETE" { new_sla("policies").await } else { policy }
        } else if path.starts_with("/admin/groups/") {
            if method == "DELETE" { new_routing("groups", 0).await } else { group }
        } else if path.starts_with("/admin/routing/rules/") {
            if method == "DELETE" { new_routing("rules", group).await } else { rule }
        } else if path.starts_with("/admin/automations/") {
            if method == "DELETE" { new_automation().await } else { automation }
        } else if path.starts_with("/admin/ticket-types/") {
            walk_type
        } else if path.starts_with("/admin/subtypes/") {
            walk_subtype
        } else if path.starts_with("/admin/fields/") {
            walk_field
        } else if path.starts_with("/admin/dictionaries/") {
            walk_dictionary
        } else if path == "/admin/customers/{id}/merge" {
            new_customer().await
        } else if path.starts_with("/admin/customers/") {
            walk_customer
        } else if path.starts_with("/admin/customer-groups/") {
            walk_customer_group
        } else if path.starts_with("/admin/workflows/") {
            let fresh = if method == "DELETE" { new_workflow().await } else { workflow.clone() };
            fresh["id"].as_i64().unwrap_or_default()
        } else if path.starts_with("/tickets/{id}/workflow/") {
            walked
        } else if path == "/kb/articles/{id}" && method == "DELETE" {
            // The knowledge-base editor (issue 12): deleting gets an article of its own.
            let res = app.post("/api/v1/kb/articles").token(&admin).json(&json!({ "title": "Spec walk delete" })).send().await;
            res.json()["id"].as_i64().unwrap_or_default()
        } else if path == "/kb/categories/{id}" {
            // Categories renamed and deleted (issue 12): each call gets a category of its own.
            let res = app.post("/api/v1/kb/categories").token(&admin).json(&json!({ "name": format!("Spec walk {method}") })).send().await;
            res.json()["id"].as_i64().unwrap_or_default()
        } else if path.starts_with("/kb/") {
            article
        } else if path.starts_with("/attachments/") {
            attachment
        } else if method == "POST" && (path.ends_with("/trash") || path.ends_with("/suspend")) {
            // A flagged ticket is out of its customer's sight: flag one of its own, so the
            // requester's own calls later in the walk still find theirs.
            app.create_ticket(&alice, "Spec walk flag").await["id"].as_i64().unwrap_or_default()
        } else {
            id
        };
        let url = format!(
            "/api/v1{}",
            path.replace("{id}", &target.to_string())
                .replace("{tenant}", demo::TENANT_SLUG)
                .replace("{token}", &setup)
        );
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let kb_write = path.starts_with("/kb/") && method != Method::GET;
        // Logout last would end the session the walk uses: give it its own.
        let token = if (method.clone(), path.as_str()) == (Method::DELETE, "/session") {
            app.login(AGENT).await
        } else if (method.clone(), path.as_str()) == (Method::DELETE, "/sessions") {
            // Signing out everywhere ends every session of its user: someone the walk never uses.
            app.login(crate::support::CAROL).await
        } else if path.starts_with("/admin/") || path.starts_with("/reports/") || kb_write {
            admin.clone()
        } else if path == "/tickets/{id}/confidential" {
            // Only the requester sets confidential info.
            alice.clone()
        } else {
            agent.clone()
        };
        let policies = if path == "/admin/sla/policies/order" || path == "/admin/routing/rules/order" || path == "/admin/automations/order" {
            let list = if path.starts_with("/admin/sla/") {
                "/api/v1/admin/sla/policies"
            } else if path.starts_with("/admin/automations") {
                "/api/v1/admin/automations"
            } else {
                "/api/v1/admin/routing/rules"
            };
            let all = app.get(list).token(&admin).send().await.json();
            all.as_array().into_iter().flatten().map(|p| p["id"].clone()).collect()
        } else {
            Vec::new()
        };
        // A catalog order names every part of its list as it is now.
        let catalog = app.get("/api/v1/admin/ticket-types").token(&admin).send().await.json();
        let ids_of = |list: &Value| -> Vec<Value> { list.as_array().into_iter().flatten().map(|p| p["id"].clone()).collect() };
        let walk_part = catalog.as_array().into_iter().flatten().find(|t| t["id"] == walk_type).cloned().unwrap_or_default();
        let day = json!([{ "start": "08:00", "end": "20:00" }]);
        let body = match path.as_str() {
            "/session" => json!({ "email": AGENT, "password": baton_server::demo::PASSWORD }),
            "/admin/sla/calendars" | "/admin/sla/calendars/{id}" => json!({ "name": format!("Walk {method}"), "time_zone": "Asia/Shanghai", "week": [day, day, day, day, day, day, []] }),
            "/admin/sla/policies" | "/admin/sla/policies/{id}" => json!({ "name": format!("Walk {method}"), "calendar_id": calendar, "targets": [{ "priority": "urgent", "resolution": 120 }] }),
            "/admin/sla/policies/order" | "/admin/routing/rules/order" | "/admin/automations/order" => json!({ "ids": policies }),
            // Automations (issue 13).
            "/admin/automations" | "/admin/automations/{id}" => automation_body(format!("Walk {method}")),
            "/admin/groups" => json!({ "name": "Walk group", "mode": "least_loaded", "members": [staff], "managers": [staff] }),
            "/admin/groups/{id}" => json!({ "name": "Walked group", "mode": "manual" }),
            "/admin/routing/rules" | "/admin/routing/rules/{id}" => {
                json!({ "name": format!("Walk {method}"), "conditions": { "priorities": ["urgent"], "channels": ["phone"] }, "group_id": group })
            }
            "/admin/ticket-types" | "/admin/ticket-types/{id}" | "/admin/ticket-types/{id}/subtypes" | "/admin/subtypes/{id}" => json!({ "name": { "en": format!("Walk {method}") } }),
            "/admin/ticket-types/order" => json!({ "ids": ids_of(&catalog) }),
            "/admin/ticket-types/{id}/subtypes/order" => json!({ "ids": ids_of(&walk_part["subtypes"]) }),
            "/admin/ticket-types/{id}/fields" => json!({ "key": "walked", "label": { "en": "Walked" }, "kind": "date" }),
            "/admin/fields/order" => json!({ "ids": ids_of(&walk_part["fields"]) }),
            "/admin/fields/{id}" => json!({ "label": { "en": "Walked" }, "required": false }),
            "/admin/dictionaries" => json!({ "name": "Walked", "options": [] }),
            "/admin/dictionaries/{id}" => json!({ "name": "Walk", "options": [{ "value": "b", "label": { "en": "B" } }] }),
            "/admin/workflows" => workflow_body(new_type().await),
            "/admin/workflows/{id}" => workflow_body(workflow_type),
            "/tickets/{id}/workflow/pass" => json!({ "step_id": second_step, "assignee_id": staff }),
            "/tickets/{id}/workflow/return" => json!({ "reason": "walk" }),
            "/me/availability" => json!({ "available": true }),
            "/password-tokens/{token}" => json!({ "password": "a walk password" }),
            "/password-resets" => json!({ "email": "walk@nowhere.test" }),
            "/signups" => json!({ "email": "walk@nowhere.test", "name": "Walk", "tenant": demo::TENANT_SLUG }),
            "/tickets" => new_ticket.clone(),
            "/tickets/{id}/confidential" => json!({ "value": "walk secret 2" }),
            "/tickets/{id}/messages" => json!({ "body": "b", "kind": "internal" }),
            "/tickets/{id}/actions" => json!({ "action": "open" }),
            // The other tenant's secret: the walk rotates the demo tenant's before it gets here.
            "/session/jwt" => json!({
                "tenant": demo::OTHER_TENANT_SLUG,
                "token": crate::sso::sign(
                    &crate::sso::claims("walk", "walk@host.test"),
                    demo::OTHER_SSO_SECRET
                ),
            }),
            "/admin/sso/origins" => json!({ "origins": ["https://shop.test"] }),
            "/kb/categories" => json!({ "name": "Spec walk" }),
            "/kb/categories/{id}" => json!({ "name": "Spec walk renamed" }),
            "/admin/roles" => json!({ "name": "Spec walk", "permissions": ["reports.view"] }),
            "/admin/roles/{id}" => json!({ "permissions": ["tickets.see_all", "reports.view"] }),
            "/admin/agents/{id}/role" => json!({ "role": "agent", "role_id": null }),
            "/admin/agents" => json!({ "email": "walk-invitee@baton.test", "name": "Walk", "role": "agent" }),
            "/admin/agents/{id}" => json!({ "name": "Walked" }),
            // customers administration (issue 12)
            "/admin/customers/{id}" => json!({ "name": "Walked", "phone": "+86 138 0000 0000" }),
            "/admin/customers/{id}/merge" => json!({ "into": walk_customer }),
            "/admin/customer-groups" => json!({ "name": "Walked", "shares_tickets": true }),
            "/admin/customer-groups/{id}" => json!({ "name": "Walk renamed" }),
            "/views" | "/views/{id}" => walk_view.clone(),
            "/views/order" => json!({ "ids": ["mine", "all"] }),
            "/views/{id}/hidden" => json!({ "hidden": false }),
            "/quick-replies" | "/quick-replies/{id}" => json!({ "title": "Walk", "body": "b" }),
            "/me/settings" => json!({ "shortcuts": { "reply": "R" } }),
            "/customers" => json!({ "name": "Walk", "email": "walk@caller.test" }),
            "/customers/{id}/tickets" => new_ticket.clone(),
            "/tickets/{id}/presence" => json!({ "typing": false }),
            "/tickets/bulk" => json!({ "ids": [id], "op": { "kind": "priority", "priority": "high" } }),
            "/kb/articles" | "/kb/articles/{id}" => json!({ "title": "Spec walk" }),
            // notifications (issue 13)
            "/notifications/read" => json!({ "all": true }),
            "/me/notification-preferences" => json!({ "events": [] }),
            _ => json!({}),
        };
        let mut call = app.call(method.clone(), &url).token(&token);
        if (method.clone(), path.as_str()) == (Method::PATCH, "/tickets/{id}") {
            // Edits name the version they were made on: the ticket's current ETag.
            let current = app.get(&url).token(&token).send().await;
            let etag = current.header(axum::http::header::ETAG).unwrap_or_default().to_owned();
            call = call.header("if-match", &etag);
        }
        if path == "/events" {
            // A stream that stays open: its status is all there is to check.
            let status = call.open().await.status();
            assert!(status.is_success(), "{method} {path}: {status}");
            continue;
        } else if path == "/attachments" {
            call = call.multipart("file", "walk.txt", "text/plain", b"walk");
        } else if path == "/admin/customers/import" {
            // customers administration (issue 12): the body is the CSV file.
            call = call.raw("text/csv", b"email,name\nwalk-import@caller.test,Walk\n".to_vec());
        } else if [Method::POST, Method::PATCH, Method::PUT].contains(&method) {
            call = call.json(&body);
        }
        let res = call.send().await;
        assert!(
            res.status.is_success(),
            "{method} {path}: {} {}",
            res.status,
            res.text()
        );
    }
}

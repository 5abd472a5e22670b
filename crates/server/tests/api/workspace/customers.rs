//! Customers for agents: search by name/email/phone part, register a caller (409 for a known
//! email), the customer panel with only the tickets the agent may see, and phone registration
//! through the help center's own ticket creation (validation, idempotency, channel).

use super::{route_to, ticket, user_id, AGENT2};
use crate::support::{pairs, TestApp, AGENT, ALICE, BOB, DAVE, OTHER_AGENT};
use axum::http::{header, StatusCode};
use serde_json::{json, Value};

fn emails(list: &Value) -> Vec<String> {
    list.as_array().expect("array").iter().map(|c| c["email"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn search_and_register_callers() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    let search = |q: &str| app.get(&format!("/api/v1/customers?q={q}")).token(&agent).send();
    assert_eq!(emails(&search("ali").await.json()), [ALICE]);
    assert_eq!(emails(&search("0013%208001").await.json()), [ALICE]); // the demo's phone numbers
    assert_eq!(emails(&search("%25").await.json()), Vec::<String>::new()); // LIKE wildcards are literal
    assert_eq!(emails(&search("customer.test").await.json()), [ALICE, BOB, "carol@customer.test"]);
    // Staff and the other tenant's customers are never listed.
    assert_eq!(search("dave").await.json(), json!([]));
    assert_eq!(search("baton.test").await.json(), json!([]));
    assert_eq!(app.get("/api/v1/customers?q=test&limit=2").token(&agent).send().await.json().as_array().map(Vec::len), Some(2));
    let res = app.get("/api/v1/customers?limit=21").token(&agent).send().await;
    assert_eq!(res.field_errors(), pairs(&[("limit", "invalid_value")]));
    let acme: i64 = sqlx::query_scalar("SELECT id FROM customer_groups WHERE name = 'Acme'").fetch_one(&app.sql).await.expect("acme");
    let new = json!({"name": "Zhang San", "email": "ZhangSan@Example.com", "phone": "+86 138 0013 8000", "customer_group_id": acme});
    let res = app.post("/api/v1/customers").token(&agent).json(&new).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let c = res.json();
    assert_eq!((c["email"].as_str(), c["phone"].as_str(), c["customer_group"]["name"].as_str()), (Some("zhangsan@example.com"), Some("+86 138 0013 8000"), Some("Acme")));
    assert_eq!(res.header(header::LOCATION), Some(format!("/api/v1/customers/{}", c["id"]).as_str()));
    assert_eq!(emails(&search("0013%208000").await.json()), ["zhangsan@example.com"]);
    // A registered caller has no password anyone could guess.
    let login = app.post("/api/v1/session").json(&json!({"email": "zhangsan@example.com", "password": baton_server::demo::PASSWORD})).send().await;
    assert_eq!(login.status, StatusCode::UNAUTHORIZED);
    for email in [" zhangsan@EXAMPLE.com", ALICE, AGENT] {
        let res = app.post("/api/v1/customers").token(&agent).json(&json!({"name": "Dup", "email": email})).send().await;
        res.problem(StatusCode::CONFLICT, "already_exists");
    }
    let res = app.post("/api/v1/customers").token(&agent).json(&json!({"name": "", "email": "x", "phone": "abc", "customer_group_id": 999_999})).send().await;
    assert_eq!(res.field_errors(), pairs(&[("name", "required"), ("email", "invalid_email"), ("phone", "invalid_phone")]));
    let res = app.post("/api/v1/customers").token(&agent).json(&json!({"name": "N", "email": "n@example.com", "customer_group_id": 999_999})).send().await;
    assert_eq!(res.field_errors(), pairs(&[("customer_group_id", "invalid_value")]));
}

#[tokio::test]
async fn the_panel_shows_only_tickets_the_agent_may_see() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let (agent, agent2) = (app.login(AGENT).await, app.login(AGENT2).await);
    let (open, billing) = (ticket(&app, &alice, "Mine").await, ticket(&app, &alice, "Billing one").await);
    route_to(&app, billing, "Billing").await;
    route_to(&app, open, "Support").await;
    let alice_id = user_id(&app, ALICE).await;
    let ids = |panel: &Value| panel["tickets"].as_array().expect("tickets").iter().map(|t| t["id"].as_i64().unwrap_or_default()).collect::<Vec<_>>();
    let res = app.get(&format!("/api/v1/customers/{alice_id}")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let panel = res.json();
    // The demo's own tickets of Alice (routed to no group) are everyone's; newest first.
    let (mine, theirs) = (ids(&panel), ids(&app.get(&format!("/api/v1/customers/{alice_id}")).token(&agent2).send().await.json()));
    assert_eq!((panel["customer"]["email"].as_str(), mine.first()), (Some(ALICE), Some(&open)));
    assert!(mine.contains(&open) && !mine.contains(&billing), "{mine:?}");
    assert!(theirs.contains(&billing) && !theirs.contains(&open), "{theirs:?}");
    // Staff and the other tenant's customers are nobody's panel.
    for id in [user_id(&app, AGENT).await, user_id(&app, DAVE).await, 999_999] {
        app.get(&format!("/api/v1/customers/{id}")).token(&agent).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    }
    let other = app.login(OTHER_AGENT).await;
    app.get(&format!("/api/v1/customers/{alice_id}")).token(&other).send().await.problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn phone_registration_reuses_ticket_creation() {
    let app = TestApp::new().await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let alice_id = user_id(&app, ALICE).await;
    let path = format!("/api/v1/customers/{alice_id}/tickets");
    let body = app.new_ticket(&agent, "Called about the invoice").await;
    let call = || app.post(&path).token(&agent).header("idempotency-key", "call-1").json(&body).send();
    let res = call().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let t = res.json();
    let id = t["id"].as_i64().expect("id");
    assert_eq!((t["channel"].as_str(), t["requester"]["id"].as_i64()), (Some("phone"), Some(alice_id)));
    assert_eq!(res.header(header::LOCATION), Some(format!("/api/v1/tickets/{id}").as_str()));
    let again = call().await;
    assert_eq!((again.status, again.json()["id"].as_i64()), (StatusCode::OK, Some(id)));
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tickets WHERE requester_id = {alice_id} AND channel = 'phone'")).await, 1);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM events WHERE ticket_id = {id} AND type = 'ticket.created'")).await, 1);
    // The customer sees it as hers.
    assert_eq!(app.get(&format!("/api/v1/tickets/{id}")).token(&alice).send().await.status, StatusCode::OK);
    let res = app.post(&path).token(&agent).header("baton-channel", "email").json(&body).send().await;
    assert_eq!(res.json()["channel"], "email", "{}", res.text());
    let res = app.post(&path).token(&agent).header("baton-channel", "fax").json(&body).send().await;
    assert_eq!(res.field_errors(), pairs(&[("Baton-Channel", "invalid_value")]));
    // The help center's validation, field by field.
    let mut bad = body.clone();
    bad["title"] = json!(" ");
    let res = app.post(&path).token(&agent).json(&bad).send().await;
    assert!(res.field_errors().contains(&("title".to_owned(), "required".to_owned())), "{}", res.text());
    // The requester must be a customer of this tenant.
    for id in [user_id(&app, AGENT).await, user_id(&app, DAVE).await] {
        let res = app.post(&format!("/api/v1/customers/{id}/tickets")).token(&agent).json(&body).send().await;
        res.problem(StatusCode::NOT_FOUND, "not_found");
    }
}

#[tokio::test]
async fn customers_and_sessionless_callers_get_nothing() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let alice_id = user_id(&app, ALICE).await;
    let body = app.new_ticket(&alice, "Self-registered").await;
    let before = app.count("SELECT COUNT(*) FROM tickets").await;
    let gets = ["/api/v1/customers".to_owned(), format!("/api/v1/customers/{alice_id}")];
    for path in &gets {
        app.get(path).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
        app.get(path).token(&alice).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    let posts = [("/api/v1/customers".to_owned(), json!({"name": "X", "email": "x@example.com"})), (format!("/api/v1/customers/{alice_id}/tickets"), body)];
    for (path, body) in &posts {
        app.post(path).json(body).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
        app.post(path).token(&alice).json(body).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, before);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'x@example.com'").await, 0);
}

/// Issue 19, point 6: a ticket's requester panel has a shape for any requester — a customer, or a
/// staff member who asked the ticket themselves (`role` says which; no customer group).
#[tokio::test]
async fn every_ticket_has_a_requester_panel_whoever_asked_it() {
    let app = TestApp::new().await;
    let (alice, agent, agent2) = (app.login(ALICE).await, app.login(AGENT).await, app.login(AGENT2).await);
    let hers = ticket(&app, &alice, "Asked by a customer").await;
    let staffs = ticket(&app, &agent2, "Asked by Li Lei").await;
    let res = app.get(&format!("/api/v1/tickets/{hers}/requester")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let panel = res.json();
    assert_eq!((panel["customer"]["email"].as_str(), panel["customer"]["role"].as_str()), (Some(ALICE), Some("customer")));
    assert_eq!(panel["customer"]["customer_group"]["name"], "Acme");
    let res = app.get(&format!("/api/v1/tickets/{staffs}/requester")).token(&agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let panel = res.json();
    assert_eq!((panel["customer"]["email"].as_str(), panel["customer"]["role"].as_str()), (Some(AGENT2), Some("agent")));
    assert!(panel["customer"]["customer_group"].is_null());
    assert!(panel["tickets"].as_array().into_iter().flatten().any(|t| t["id"] == staffs), "{panel}");
    // Ticket-scoped: customers and the other tenant get 404, as for the ticket itself.
    app.get(&format!("/api/v1/tickets/{hers}/requester")).token(&alice).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    let other = app.login(OTHER_AGENT).await;
    app.get(&format!("/api/v1/tickets/{hers}/requester")).token(&other).send().await.problem(StatusCode::NOT_FOUND, "not_found");
}

//! The audit log (issue 12, `GET /admin/audit`): every audited change to the desk's setup leaves
//! exactly its entry, in the change's transaction (a refused change leaves none); the log is the
//! desk's own and needs `settings.manage`; filters and paging; no secret ever gets in; a year's
//! retention.

use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;

async fn id_of(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.sql).await.expect(sql)
}

async fn entries(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM audit_log").await
}

async fn page(app: &TestApp, token: &str, query: &str) -> Value {
    let res = app.get(&format!("/api/v1/admin/audit{query}")).token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{query}: {}", res.text());
    res.json()
}

fn actions(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().map(|e| e["action"].as_str().unwrap_or_default().to_owned()).collect()
}

/// One audited call: method, path and body (`{name}` stands for an id saved earlier), the
/// action it must leave, one field its changes must hold (with the value they hold), and the
/// name to save the answer's id under.
struct Step {
    method: Method,
    path: &'static str,
    body: Value,
    action: &'static str,
    change: Option<(&'static str, Value)>,
    save_as: Option<&'static str>,
}

fn step(method: Method, path: &'static str, body: Value, action: &'static str) -> Step {
    Step { method, path, body, action, change: None, save_as: None }
}

impl Step {
    fn change(mut self, field: &'static str, value: Value) -> Step {
        self.change = Some((field, value));
        self
    }
    fn save_as(mut self, name: &'static str) -> Step {
        self.save_as = Some(name);
        self
    }
}

fn fill(text: &str, ids: &HashMap<&str, i64>) -> String {
    ids.iter().fold(text.to_owned(), |t, (name, id)| t.replace(&format!("\"{{{name}}}\""), &id.to_string()).replace(&format!("{{{name}}}"), &id.to_string()))
}

#[tokio::test]
async fn every_audited_change_leaves_exactly_its_entry() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let admin_id = id_of(&app, &format!("SELECT id FROM users WHERE email = '{ADMIN}'")).await;
    let mut ids: HashMap<&str, i64> = HashMap::new();
    ids.insert("agent", id_of(&app, &format!("SELECT id FROM users WHERE email = '{AGENT}'")).await);
    ids.insert("alice", id_of(&app, &format!("SELECT id FROM users WHERE email = '{ALICE}'")).await);
    ids.insert("bob", id_of(&app, &format!("SELECT id FROM users WHERE email = '{BOB}'")).await);
    ids.insert("automation", id_of(&app, "SELECT MIN(a.id) FROM automations a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'demo'").await);
    ids.insert("workflow", id_of(&app, "SELECT MIN(w.id) FROM workflows w JOIN tenants t ON t.id = w.tenant_id WHERE t.slug = 'demo'").await);
    assert_eq!(entries(&app).await, 0, "the demo is seeded without entries");
    let day = json!([{ "start": "08:00", "end": "20:00" }]);
    let calendar = json!({ "name": "Audited", "time_zone": "Asia/Shanghai", "week": [day, day, day, day, day, day, []] });
    let targets = json!([{ "priority": "urgent", "resolution": 120 }]);
    let (get, post, put, patch, delete) = (Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE);
    let _ = get;
    let steps = vec![
        step(patch.clone(), "/admin/settings", json!({ "auto_close_days": 5 }), "settings.updated").change("auto_close_days", json!({ "old": 3, "new": 5 })),
        step(put.clone(), "/admin/sso/origins", json!({ "origins": ["https://shop.test"] }), "sso.origins_updated").change("allowed_origins", json!({ "old": ["http://127.0.0.1:8000", "http://localhost:8000"], "new": ["https://shop.test"] })),
        step(post.clone(), "/admin/sso/secret", Value::Null, "sso.secret_rotated"),
        step(post.clone(), "/admin/roles", json!({ "name": "Audited", "permissions": ["reports.view"] }), "role.created").save_as("role"),
        step(patch.clone(), "/admin/roles/{role}", json!({ "name": "Audited 2" }), "role.updated").change("name", json!({ "old": "Audited", "new": "Audited 2" })),
        step(delete.clone(), "/admin/roles/{role}", Value::Null, "role.deleted"),
        step(post.clone(), "/admin/agents", json!({ "email": "audited@baton.test", "name": "Audited", "role": "agent" }), "agent.invited")
            .change("email", json!({ "new": "audited@baton.test" }))
            .save_as("invitee"),
        step(post.clone(), "/admin/agents/{invitee}/invitation", Value::Null, "agent.invitation_resent"),
        step(patch.clone(), "/admin/agents/{invitee}", json!({ "name": "Audited 2" }), "agent.updated").change("name", json!({ "old": "Audited", "new": "Audited 2" })),
        step(patch.clone(), "/admin/agents/{invitee}", json!({ "active": false }), "agent.deactivated"),
        step(put.clone(), "/admin/agents/{agent}/role", json!({ "role": "admin" }), "agent.role_changed").change("role", json!({ "old": "agent", "new": "admin" })),
        step(post.clone(), "/admin/groups", json!({ "name": "Audited", "mode": "manual" }), "agent_group.created").change("name", json!({ "new": "Audited" })).save_as("group"),
        step(patch.clone(), "/admin/groups/{group}", json!({ "mode": "round_robin" }), "agent_group.updated").change("mode", json!({ "old": "manual", "new": "round_robin" })),
        step(post.clone(), "/admin/routing/rules", json!({ "name": "Audited", "conditions": { "priorities": ["urgent"] }, "group_id": "{group}" }), "routing_rule.created").save_as("rule"),
        step(delete.clone(), "/admin/routing/rules/{rule}", Value::Null, "routing_rule.deleted"),
        step(delete.clone(), "/admin/groups/{group}", Value::Null, "agent_group.deleted"),
        step(post.clone(), "/customers", json!({ "name": "Caller", "email": "caller@customer.test" }), "customer.created").change("email", json!({ "new": "caller@customer.test" })).save_as("caller"),
        step(patch.clone(), "/admin/customers/{caller}", json!({ "name": "Caller 2" }), "customer.updated").change("name", json!({ "old": "Caller", "new": "Caller 2" })),
        step(patch.clone(), "/admin/customers/{caller}", json!({ "active": false }), "customer.deactivated"),
        step(post.clone(), "/admin/customers/{bob}/merge", json!({ "into": "{alice}" }), "customer.merged").change("email", json!({ "old": BOB })),
        step(post.clone(), "/admin/customer-groups", json!({ "name": "Audited" }), "customer_group.created").save_as("customer_group"),
        step(patch.clone(), "/admin/customer-groups/{customer_group}", json!({ "shares_tickets": true }), "customer_group.updated").change("shares_tickets", json!({ "old": false, "new": true })),
        step(post.clone(), "/admin/ticket-types", json!({ "name": { "en": "Audited" } }), "ticket_type.created").save_as("type"),
        step(put.clone(), "/admin/ticket-types/{type}", json!({ "name": { "en": "Audited" }, "active": false }), "ticket_type.updated").change("active", json!({ "old": true, "new": false })),
        step(post.clone(), "/admin/ticket-types/{type}/subtypes", json!({ "name": { "en": "Sub" } }), "subtype.created"),
        step(post.clone(), "/admin/ticket-types/{type}/fields", json!({ "key": "audited", "label": { "en": "Audited" }, "kind": "date" }), "field.created").change("key", json!({ "new": "audited" })),
        step(post.clone(), "/admin/dictionaries", json!({ "name": "Audited", "options": [] }), "dictionary.created").save_as("dictionary"),
        step(put.clone(), "/admin/dictionaries/{dictionary}", json!({ "name": "Audited 2", "options": [] }), "dictionary.updated").change("name", json!({ "old": "Audited", "new": "Audited 2" })),
        step(post.clone(), "/admin/sla/calendars", calendar.clone(), "sla_calendar.created").save_as("calendar"),
        step(post.clone(), "/admin/sla/policies", json!({ "name": "Audited", "calendar_id": "{calendar}", "targets": targets }), "sla_policy.created").save_as("policy"),
        step(put.clone(), "/admin/sla/policies/{policy}", json!({ "name": "Audited 2", "calendar_id": "{calendar}", "targets": targets }), "sla_policy.updated").change("name", json!({ "old": "Audited", "new": "Audited 2" })),
        step(delete.clone(), "/admin/sla/policies/{policy}", Value::Null, "sla_policy.deleted"),
        step(delete.clone(), "/admin/sla/calendars/{calendar}", Value::Null, "sla_calendar.deleted"),
        step(delete.clone(), "/admin/automations/{automation}", Value::Null, "automation.deleted"),
        step(delete.clone(), "/admin/workflows/{workflow}", Value::Null, "workflow.deleted"),
    ];
    for s in steps {
        let before = entries(&app).await;
        let url = format!("/api/v1{}", fill(s.path, &ids));
        let mut call = app.call(s.method.clone(), &url).token(&admin);
        if !s.body.is_null() {
            let body: Value = serde_json::from_str(&fill(&s.body.to_string(), &ids)).expect("body");
            call = call.json(&body);
        }
        let res = call.send().await;
        assert!(res.status.is_success(), "{} {url}: {} {}", s.method, res.status, res.text());
        if let Some(name) = s.save_as {
            ids.insert(name, res.json()["id"].as_i64().expect("id"));
        }
        assert_eq!(entries(&app).await, before + 1, "{}: exactly one entry", s.action);
        let newest = page(&app, &admin, "?limit=1").await["items"][0].clone();
        assert_eq!(newest["action"], s.action, "{newest}");
        assert_eq!(newest["target_kind"].as_str(), s.action.split('.').next(), "{newest}");
        assert_eq!((newest["actor_id"].as_i64(), newest["actor_name"].as_str()), (Some(admin_id), Some("Ada Admin")), "{newest}");
        if let Some((field, value)) = &s.change {
            assert_eq!(&newest["changes"][field], value, "{}: {newest}", s.action);
        }
    }
    // The import leaves one entry, its summary (never the rows).
    let before = entries(&app).await;
    let csv = "email,name\nimported@customer.test,Imported\n,nobody\n".as_bytes().to_vec();
    let res = app.post("/api/v1/admin/customers/import").token(&admin).raw("text/csv", csv).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(entries(&app).await, before + 1);
    let newest = page(&app, &admin, "?limit=1").await["items"][0].clone();
    assert_eq!((newest["action"].as_str(), &newest["changes"]["created"]), (Some("customer.imported"), &json!({ "new": 1 })), "{newest}");
    assert!(!newest.to_string().contains("imported@customer.test"), "{newest}");
    // A dry run changes nothing and leaves nothing.
    let csv = "email,name\nimported2@customer.test,Imported\n".as_bytes().to_vec();
    app.post("/api/v1/admin/customers/import?dry_run=true").token(&admin).raw("text/csv", csv).send().await;
    assert_eq!(entries(&app).await, before + 1);
}

#[tokio::test]
async fn a_refused_change_leaves_no_entry() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let cases: Vec<(Method, &str, Value, StatusCode)> = vec![
        (Method::PATCH, "/admin/settings", json!({ "auto_close_days": -1 }), StatusCode::UNPROCESSABLE_ENTITY),
        (Method::POST, "/admin/groups", json!({ "name": " " }), StatusCode::UNPROCESSABLE_ENTITY),
        (Method::POST, "/admin/agents", json!({ "email": "not an email", "name": "X", "role": "agent" }), StatusCode::UNPROCESSABLE_ENTITY),
        (Method::PUT, "/admin/sso/origins", json!({ "origins": ["not a url"] }), StatusCode::UNPROCESSABLE_ENTITY),
        (Method::POST, "/admin/customer-groups", json!({ "name": "Acme" }), StatusCode::CONFLICT),
        (Method::DELETE, "/admin/sla/policies/987654", Value::Null, StatusCode::NOT_FOUND),
    ];
    for (method, path, body, status) in cases {
        let mut call = app.call(method.clone(), &format!("/api/v1{path}")).token(&admin);
        if !body.is_null() {
            call = call.json(&body);
        }
        let res = call.send().await;
        assert_eq!(res.status, status, "{method} {path}: {}", res.text());
        assert_eq!(entries(&app).await, 0, "{method} {path}");
    }
}

#[tokio::test]
async fn the_log_is_the_desks_own_and_needs_settings_manage() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let res = app.call(Method::PATCH, "/api/v1/admin/settings").token(&admin).json(&json!({ "name": "Audited desk" })).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(actions(&page(&app, &admin, "").await), ["settings.updated"]);
    // An agent without settings.manage: 403; a customer too.
    for who in [AGENT, ALICE] {
        let token = app.login(who).await;
        app.get("/api/v1/admin/audit").token(&token).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    // Another desk's admin sees their own (empty) log.
    sqlx::query("UPDATE users SET role = 'admin' WHERE email = $1").bind(OTHER_AGENT).execute(&app.sql).await.expect("promote");
    let other = app.login(OTHER_AGENT).await;
    assert_eq!(actions(&page(&app, &other, "").await), Vec::<String>::new());
}

#[tokio::test]
async fn filters_and_pages_newest_first() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let owner = app.login(crate::support::OWNER).await;
    let owner_id = id_of(&app, "SELECT id FROM users WHERE email = 'owner@baton.test'").await;
    let start = app.services.clock.now();
    app.services.clock.pin(start);
    for (token, days) in [(&admin, 1), (&owner, 2), (&admin, 3)] {
        let res = app.call(Method::PATCH, "/api/v1/admin/settings").token(token).json(&json!({ "auto_close_days": days })).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        app.services.clock.advance(time::Duration::hours(1));
    }
    let res = app.post("/api/v1/admin/customer-groups").token(&admin).json(&json!({ "name": "Filtered" })).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let at = |hours: i64| baton_server::storage::timestamp(start + time::Duration::hours(hours)).replace('Z', "%2B00:00");
    // Table: query → the actions found, newest first.
    let cases: Vec<(String, Vec<&str>)> = vec![
        (String::new(), vec!["customer_group.created", "settings.updated", "settings.updated", "settings.updated"]),
        (format!("?actor={owner_id}"), vec!["settings.updated"]),
        ("?kind=customer_group".into(), vec!["customer_group.created"]),
        ("?action=settings.updated".into(), vec!["settings.updated"; 3]),
        (format!("?from={}", at(1)), vec!["customer_group.created", "settings.updated", "settings.updated"]),
        (format!("?from={}&to={}", at(1), at(2)), vec!["settings.updated"]),
        ("?kind=sla_policy".into(), vec![]),
    ];
    for (query, expected) in cases {
        assert_eq!(actions(&page(&app, &admin, &query).await), expected, "{query}");
    }
    // Paging: two at a time, no entry twice or missed, in order.
    let mut seen = Vec::new();
    let mut query = "?limit=2".to_owned();
    loop {
        let p = page(&app, &admin, &query).await;
        seen.extend(p["items"].as_array().into_iter().flatten().map(|e| e["id"].as_i64().unwrap_or_default()));
        match p["next_cursor"].as_str() {
            Some(c) => query = format!("?limit=2&cursor={c}"),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!((seen.len(), &seen), (4, &sorted));
    for bad in ["?actor=x", "?from=yesterday", "?kind=DROP%20TABLE", "?cursor=zz", "?limit=0"] {
        let res = app.get(&format!("/api/v1/admin/audit{bad}")).token(&admin).send().await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", res.text());
    }
}

#[tokio::test]
async fn no_secret_ever_gets_in() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let res = app.post("/api/v1/admin/sso/secret").token(&admin).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let secret = res.json()["secret"].as_str().expect("secret").to_owned();
    let invite = json!({ "email": "secretive@baton.test", "name": "Secretive", "role": "agent" });
    let res = app.post("/api/v1/admin/agents").token(&admin).json(&invite).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    // The invitation's link carries its token (in the outbox until sent).
    let body: String = sqlx::query_scalar("SELECT body_text FROM mail_outbox WHERE to_address = 'secretive@baton.test'").fetch_one(&app.sql).await.expect("mail");
    let token = body.split("token=").nth(1).map(|t| t.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>()).expect("token");
    assert!(token.len() >= 32, "{token}");
    let log = page(&app, &admin, "").await.to_string();
    let stored: Vec<String> = sqlx::query_scalar("SELECT changes || target_label || actor_name FROM audit_log").fetch_all(&app.sql).await.expect("rows");
    assert_eq!(actions(&page(&app, &admin, "").await), ["agent.invited", "sso.secret_rotated"]);
    for text in stored.iter().chain([&log]) {
        for secret_part in [&secret, &token] {
            assert!(!text.contains(secret_part.as_str()), "a secret in the log: {text}");
        }
        assert!(!text.to_lowercase().contains("password") && !text.contains("token="), "{text}");
    }
}

#[tokio::test]
async fn entries_are_kept_a_year() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    app.call(Method::PATCH, "/api/v1/admin/settings").token(&admin).json(&json!({ "auto_close_days": 4 })).send().await;
    app.services.clock.advance(time::Duration::days(364));
    assert_eq!(baton_server::audit::purge(&app.services).await.expect("purge"), 0);
    app.services.clock.advance(time::Duration::days(2));
    assert_eq!(baton_server::audit::purge(&app.services).await.expect("purge"), 1);
    assert_eq!(entries(&app).await, 0);
}

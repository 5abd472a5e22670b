//! Customers administration (`/admin/customers`, issue 12): the list with search, filters, sort
//! and paging; the edit with its 409 on a taken email; deactivation ending sessions at once; the
//! merge moving everything to the target; customer groups; who may do any of it. The CSV import
//! is `customers_admin_import`.

use crate::support::{TestApp, ADMIN, AGENT, ALICE, AUDITOR, BOB, CAROL, DAVE, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

pub async fn id_of(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&app.sql).await.expect("user")
}

async fn group_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM customer_groups WHERE name = $1").bind(name).fetch_one(&app.sql).await.expect("group")
}

async fn patch(app: &TestApp, token: &str, id: i64, body: Value) -> crate::support::Response {
    app.call(Method::PATCH, &format!("/api/v1/admin/customers/{id}")).token(token).json(&body).send().await
}

async fn merge(app: &TestApp, token: &str, id: i64, into: i64) -> crate::support::Response {
    app.post(&format!("/api/v1/admin/customers/{id}/merge")).token(token).json(&json!({ "into": into })).send().await
}

fn emails(list: &Value) -> Vec<String> {
    list["items"].as_array().into_iter().flatten().map(|c| c["email"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn the_list_searches_filters_sorts_and_pages() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let acme = group_id(&app, "Acme").await;
    let list = |query: String| {
        let (app, admin) = (&app, &admin);
        async move { app.get(&format!("/api/v1/admin/customers{query}")).token(admin).send().await }
    };
    let all = list(String::new()).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text());
    let customers = app.count("SELECT COUNT(*) FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.role = 'customer' AND t.slug = 'demo'").await;
    assert_eq!(all.json()["total"].as_i64(), Some(customers));
    assert!(emails(&all.json()).iter().all(|e| !e.ends_with("@baton.test") && e != DAVE), "{}", all.text());
    let alice = all.json()["items"].as_array().into_iter().flatten().find(|c| c["email"] == ALICE).cloned().expect("alice");
    assert_eq!((alice["active"].as_bool(), alice["customer_group"]["name"].as_str()), (Some(true), Some("Acme")));
    // Table: query → the emails it finds (in order).
    let cases: Vec<(String, Vec<&str>)> = vec![
        ("?q=alice".into(), vec![ALICE]),
        ("?q=CHEN".into(), vec![ALICE]),
        ("?q=0013%208002".into(), vec![BOB]),
        (format!("?group={acme}&sort=-name"), vec![BOB, ALICE]),
        (format!("?group={acme}&sort=email"), vec![ALICE, BOB]),
        ("?q=customer.test&group=none".into(), vec![]),
        ("?q=baton.test".into(), vec![]),
        ("?q=customer.test&state=deactivated".into(), vec![]),
        ("?q=customer.test&state=active&sort=name".into(), vec![ALICE, BOB, CAROL]),
    ];
    for (query, expected) in cases {
        let res = list(query.clone()).await;
        assert_eq!(res.status, StatusCode::OK, "{query}: {}", res.text());
        assert_eq!(emails(&res.json()), expected, "{query}");
    }
    // Pages of one: every customer once, in order, then no cursor.
    let (mut seen, mut cursor) = (Vec::new(), String::new());
    loop {
        let page = list(format!("?q=customer.test&limit=1&cursor={cursor}")).await.json();
        assert_eq!(page["total"].as_i64(), Some(3));
        seen.extend(emails(&page));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(seen, [ALICE, BOB, CAROL]);
    for bad in ["?sort=age", "?state=gone", "?cursor=zz", "?limit=0", "?group=acme"] {
        list(bad.to_owned()).await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    }
}

#[tokio::test]
async fn an_edit_changes_the_customer_and_a_taken_email_is_a_409() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let (alice, globex) = (id_of(&app, ALICE).await, group_id(&app, "Globex").await);
    let res = patch(&app, &admin, alice, json!({ "name": " Alice Zhang ", "email": "Alice.Z@Customer.test", "phone": "+86 138 0000 0001", "customer_group_id": globex })).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let c = res.json();
    assert_eq!((c["name"].as_str(), c["email"].as_str(), c["phone"].as_str()), (Some("Alice Zhang"), Some("alice.z@customer.test"), Some("+86 138 0000 0001")));
    assert_eq!(c["customer_group"]["id"].as_i64(), Some(globex));
    // null clears; absent keeps.
    let c = patch(&app, &admin, alice, json!({ "phone": null, "customer_group_id": null })).await.json();
    assert!(c["phone"].is_null() && c["customer_group"].is_null() && c["name"] == "Alice Zhang", "{c}");
    assert_eq!(app.get(&format!("/api/v1/admin/customers/{alice}")).token(&admin).send().await.json(), c);
    for taken in [BOB, AGENT] {
        patch(&app, &admin, alice, json!({ "email": taken })).await.problem(StatusCode::CONFLICT, "already_exists");
    }
    let cases = [
        (json!({ "name": " " }), "name", "required"),
        (json!({ "email": "nope" }), "email", "invalid_email"),
        (json!({ "phone": "call me" }), "phone", "invalid_phone"),
        (json!({ "customer_group_id": 987654 }), "customer_group_id", "invalid_value"),
    ];
    for (body, field, code) in cases {
        let res = patch(&app, &admin, alice, body.clone()).await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.field_errors(), crate::support::pairs(&[(field, code)]), "{body}");
    }
    // Staff and another desk's customers are no customers here.
    for other in [id_of(&app, AGENT).await, id_of(&app, DAVE).await] {
        patch(&app, &admin, other, json!({ "name": "X" })).await.problem(StatusCode::NOT_FOUND, "not_found");
        app.get(&format!("/api/v1/admin/customers/{other}")).token(&admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    }
}

#[tokio::test]
async fn deactivation_ends_the_customers_sessions_at_once_and_reactivation_lets_them_back() {
    let app = TestApp::new().await;
    let (admin, session) = (app.login(ADMIN).await, app.login(ALICE).await);
    let alice = id_of(&app, ALICE).await;
    assert_eq!(app.get("/api/v1/me").token(&session).send().await.status, StatusCode::OK);
    let res = patch(&app, &admin, alice, json!({ "active": false })).await;
    assert_eq!(res.json()["active"], false, "{}", res.text());
    app.get("/api/v1/me").token(&session).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM sessions WHERE user_id = {alice}")).await, 0);
    let login = json!({ "email": ALICE, "password": baton_server::demo::PASSWORD });
    app.post("/api/v1/session").json(&login).send().await.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let listed = app.get("/api/v1/admin/customers?state=deactivated").token(&admin).send().await.json();
    assert_eq!(emails(&listed), [ALICE]);
    assert_eq!(patch(&app, &admin, alice, json!({ "active": true })).await.json()["active"], true);
    assert_eq!(app.post("/api/v1/session").json(&login).send().await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_merge_moves_tickets_and_messages_to_the_target_and_retires_the_source() {
    let app = TestApp::new().await;
    let (admin, alice_session, carol_session) = (app.login(ADMIN).await, app.login(ALICE).await, app.login(CAROL).await);
    let (alice, carol) = (id_of(&app, ALICE).await, id_of(&app, CAROL).await);
    let ticket = app.create_ticket(&alice_session, "Merge me").await["id"].as_i64().expect("ticket");
    let reply = app.post(&format!("/api/v1/tickets/{ticket}/messages")).token(&alice_session).json(&json!({ "body": "more" })).send().await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    sqlx::query("UPDATE tickets SET rating = 4 WHERE id = $1").bind(ticket).execute(&app.sql).await.expect("rating");
    let before = app.count(&format!("SELECT COUNT(*) FROM tickets WHERE requester_id = {alice}")).await;
    assert!(before >= 1);
    let res = merge(&app, &admin, alice, carol).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let report = res.json();
    assert_eq!(report["customer"]["id"].as_i64(), Some(carol));
    assert_eq!(report["tickets"].as_array().map(Vec::len), usize::try_from(before).ok());
    for sql in [
        format!("SELECT COUNT(*) FROM tickets WHERE requester_id = {alice}"),
        format!("SELECT COUNT(*) FROM messages WHERE author_id = {alice}"),
        format!("SELECT COUNT(*) FROM events WHERE requester_id = {alice}"),
        format!("SELECT COUNT(*) FROM sessions WHERE user_id = {alice}"),
    ] {
        assert_eq!(app.count(&sql).await, 0, "{sql}");
    }
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tickets WHERE requester_id = {carol} AND rating = 4")).await, 1);
    // The target sees the tickets as hers; the source is out.
    let carols = app.get("/api/v1/tickets").token(&carol_session).send().await.json();
    assert!(carols["items"].as_array().into_iter().flatten().any(|t| t["id"] == ticket), "{carols}");
    app.get("/api/v1/me").token(&alice_session).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    let source = app.get(&format!("/api/v1/admin/customers/{alice}")).token(&admin).send().await.json();
    assert_eq!((source["active"].as_bool(), source["merged_into"].as_i64()), (Some(false), Some(carol)));
    // The thread says who asked before (staff only).
    let changes = app.changes(&admin, ticket).await;
    let entry = changes.iter().find(|c| c["field"] == "requester").expect("requester entry");
    assert_eq!((entry["from"].as_str(), entry["to"].as_str()), (Some("Alice Chen <alice@customer.test>"), Some("Carol Wu <carol@customer.test>")));
    // Refusals: itself, again, into the merged one, reactivating it.
    merge(&app, &admin, carol, carol).await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    merge(&app, &admin, alice, carol).await.problem(StatusCode::CONFLICT, "conflict");
    merge(&app, &admin, id_of(&app, BOB).await, alice).await.problem(StatusCode::CONFLICT, "conflict");
    patch(&app, &admin, alice, json!({ "active": true })).await.problem(StatusCode::CONFLICT, "conflict");
}

#[tokio::test]
async fn another_desks_customer_is_a_404_either_side_of_a_merge() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let (bob, dave) = (id_of(&app, BOB).await, id_of(&app, DAVE).await);
    merge(&app, &admin, bob, dave).await.problem(StatusCode::NOT_FOUND, "not_found");
    merge(&app, &admin, dave, bob).await.problem(StatusCode::NOT_FOUND, "not_found");
    // The other desk's staff (customers.manage by the built-in agent role) cannot see ours.
    let other = app.login(OTHER_AGENT).await;
    app.get(&format!("/api/v1/admin/customers/{bob}")).token(&other).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    merge(&app, &other, bob, dave).await.problem(StatusCode::NOT_FOUND, "not_found");
    let theirs = app.get("/api/v1/admin/customers").token(&other).send().await.json();
    assert_eq!(emails(&theirs), [DAVE]);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM users WHERE id = {bob} AND merged_into IS NULL AND deactivated_at IS NULL")).await, 1);
}

#[tokio::test]
async fn who_may_manage_customers() {
    let app = TestApp::new().await;
    let (auditor, alice_session) = (app.login(AUDITOR).await, app.login(ALICE).await);
    let bob = id_of(&app, BOB).await;
    for token in [&auditor, &alice_session] {
        let calls = [
            app.get("/api/v1/admin/customers").token(token).send().await,
            app.get(&format!("/api/v1/admin/customers/{bob}")).token(token).send().await,
            patch(&app, token, bob, json!({ "name": "X" })).await,
            merge(&app, token, bob, bob).await,
            app.get("/api/v1/admin/customer-groups").token(token).send().await,
            app.post("/api/v1/admin/customer-groups").token(token).json(&json!({ "name": "X" })).send().await,
        ];
        for res in calls {
            res.problem(StatusCode::FORBIDDEN, "forbidden");
        }
    }
    // The built-in agent role registers callers (customers.manage) but does not import.
    let agent = app.login(AGENT).await;
    assert_eq!(app.get("/api/v1/admin/customers").token(&agent).send().await.status, StatusCode::OK);
    app.post("/api/v1/admin/customers/import").token(&agent).raw("text/csv", b"email\na@b.test\n".to_vec()).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn customer_groups_are_created_renamed_and_unique_by_name() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let listed = app.get("/api/v1/admin/customer-groups").token(&admin).send().await.json();
    let acme = listed.as_array().into_iter().flatten().find(|g| g["name"] == "Acme").cloned().expect("acme");
    assert_eq!((acme["shares_tickets"].as_bool(), acme["members"].as_i64()), (Some(true), Some(2)));
    let res = app.post("/api/v1/admin/customer-groups").token(&admin).json(&json!({ "name": " 大客户 " })).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().expect("id");
    assert_eq!((res.json()["name"].as_str(), res.json()["shares_tickets"].as_bool()), (Some("大客户"), Some(false)));
    app.post("/api/v1/admin/customer-groups").token(&admin).json(&json!({ "name": "Acme" })).send().await.problem(StatusCode::CONFLICT, "already_exists");
    app.post("/api/v1/admin/customer-groups").token(&admin).json(&json!({})).send().await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let url = format!("/api/v1/admin/customer-groups/{id}");
    let res = app.call(Method::PATCH, &url).token(&admin).json(&json!({ "name": "VIP", "shares_tickets": true })).send().await;
    assert_eq!((res.json()["name"].as_str(), res.json()["shares_tickets"].as_bool()), (Some("VIP"), Some(true)), "{}", res.text());
    app.call(Method::PATCH, &url).token(&admin).json(&json!({ "name": "Globex" })).send().await.problem(StatusCode::CONFLICT, "already_exists");
    let other = app.login(OTHER_AGENT).await;
    app.call(Method::PATCH, &url).token(&other).json(&json!({ "name": "Mine" })).send().await.problem(StatusCode::NOT_FOUND, "not_found");
}

// The agents' customer search (issue 12, audit branch): deactivated and merged customers are
// left out.
#[tokio::test]
async fn the_agents_search_leaves_out_deactivated_and_merged_customers() {
    let app = TestApp::new().await;
    let (admin, agent) = (app.login(ADMIN).await, app.login(AGENT).await);
    let search = |q: &'static str| {
        let (app, agent) = (&app, &agent);
        async move {
            let res = app.get(&format!("/api/v1/customers?q={q}")).token(agent).send().await;
            assert_eq!(res.status, StatusCode::OK, "{q}: {}", res.text());
            let mut found: Vec<String> = res.json().as_array().into_iter().flatten().map(|c| c["email"].as_str().unwrap_or_default().to_owned()).collect();
            found.sort();
            found
        }
    };
    assert_eq!(search("customer.test").await, [ALICE, BOB, CAROL]);
    let (alice, bob, carol) = (id_of(&app, ALICE).await, id_of(&app, BOB).await, id_of(&app, CAROL).await);
    assert_eq!(patch(&app, &admin, carol, json!({ "active": false })).await.status, StatusCode::OK);
    assert_eq!(merge(&app, &admin, bob, alice).await.status, StatusCode::OK);
    // Table: what is searched → who is found.
    let cases: [(&'static str, &[&str]); 4] = [("customer.test", &[ALICE]), ("carol", &[]), ("bob", &[]), ("", &[ALICE])];
    for (q, expected) in cases {
        let found = search(q).await;
        let found: Vec<&str> = found.iter().map(String::as_str).filter(|e| e.ends_with("@customer.test")).collect();
        assert_eq!(found, expected, "{q}");
    }
    // Reactivated, Carol is found again (the merged Bob never is).
    assert_eq!(patch(&app, &admin, carol, json!({ "active": true })).await.status, StatusCode::OK);
    assert_eq!(search("customer.test").await, [ALICE, CAROL]);
}

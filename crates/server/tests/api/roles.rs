//! Roles and permissions (DOMAIN.md "Permissions"): what `Me.permissions` says for each kind of
//! user, the roles admin API (built-in and custom roles, giving staff a role) and its rules —
//! `agents.manage`, nobody grants what they lack, the owner stays, the desk keeps an admin, a
//! held role is not deleted, another desk's roles and staff do not exist — and `/capabilities`.
//! Which route needs which permission is `permissions.rs`' table.

use crate::support::{Response, TestApp, ADMIN, AGENT, ALICE, AUDITOR, OTHER_AGENT, OWNER};
use crate::workspace::{route_to, ticket, user_id, AGENT2};
use axum::http::{Method, StatusCode};
use baton_core::{Capabilities, Permission, Permissions};
use serde_json::{json, Value};

/// Every permission code, in the fixed order.
fn all_codes() -> Vec<String> {
    Permissions::ALL.codes()
}

fn codes(value: &Value) -> Vec<String> {
    value.as_array().expect("array").iter().map(|c| c.as_str().unwrap_or_default().to_owned()).collect()
}

pub async fn create_role(app: &TestApp, token: &str, name: &str, permissions: &[Permission]) -> Response {
    let body = json!({ "name": name, "permissions": Permissions::of(permissions) });
    app.post("/api/v1/admin/roles").token(token).json(&body).send().await
}

pub async fn put_role(app: &TestApp, token: &str, user: i64, body: Value) -> Response {
    app.call(Method::PUT, &format!("/api/v1/admin/agents/{user}/role")).token(token).json(&body).send().await
}

async fn me(app: &TestApp, token: &str) -> Value {
    app.get("/api/v1/me").token(token).send().await.json()
}

/// The count of view `id` (custom views' counts are cached until something changes).
async fn view_count(app: &TestApp, token: &str, id: &Value) -> i64 {
    let counts = app.get("/api/v1/views/counts").token(token).send().await.json();
    let view = counts.as_array().expect("counts").iter().find(|c| c["view_id"] == *id).expect("view");
    view["count"].as_i64().expect("count")
}

#[tokio::test]
async fn me_lists_the_effective_permissions() {
    let app = TestApp::new().await;
    let agent_set = Permissions::AGENT.codes();
    let table: [(&str, Vec<String>); 5] = [
        (ALICE, Vec::new()),
        (AGENT, agent_set),
        (ADMIN, all_codes()),
        (OWNER, all_codes()),
        (AUDITOR, vec!["tickets.see_all".into(), "reports.view".into()]),
    ];
    for (email, expected) in table {
        let token = app.login(email).await;
        assert_eq!(codes(&me(&app, &token).await["permissions"]), expected, "{email}");
    }
    // Managers (组长) of a group are marked in Me.groups.
    let agent = app.login(AGENT).await;
    let groups = me(&app, &agent).await["groups"].clone();
    assert_eq!((groups[0]["name"].clone(), groups[0]["is_manager"].clone()), (json!("Support"), json!(false)), "{groups}");
    sqlx::query("UPDATE agent_group_members SET is_manager = TRUE WHERE user_id = $1")
        .bind(user_id(&app, AGENT).await)
        .execute(&app.sql)
        .await
        .expect("manager");
    assert_eq!(me(&app, &agent).await["groups"][0]["is_manager"], true);
}

#[tokio::test]
async fn built_ins_come_first_then_custom_roles_with_their_holders() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let res = app.get("/api/v1/admin/roles").token(&admin).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let roles = res.json();
    let rows: Vec<(Value, Value, Value, i64)> = roles
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| (r["builtin"].clone(), r["name"].clone(), r["permissions"].clone(), r["members"].as_i64().unwrap_or(-1)))
        .collect();
    let auditor = json!(["tickets.see_all", "reports.view"]);
    assert_eq!(rows, [
        (json!("owner"), json!("Owner"), json!(all_codes()), 1),
        (json!("admin"), json!("Admin"), json!(all_codes()), 1),
        // Agent Smith, Li Lei, the supervisor and the warehouse agent (the demo's workflow); the
        // auditor counts for their custom role.
        (json!("agent"), json!("Agent"), json!(Permissions::AGENT.codes()), 4),
        (Value::Null, json!("Auditor"), auditor, 1),
    ]);
    assert!(roles[0]["id"].is_null() && roles[3]["id"].is_i64(), "{roles}");
    // Only agents.manage lists them.
    for email in [AGENT, AUDITOR, ALICE] {
        let token = app.login(email).await;
        let p = app.get("/api/v1/admin/roles").token(&token).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
        assert_eq!(p.detail.as_deref(), Some("requires the permission agents.manage"), "{email}");
    }
    app.get("/api/v1/admin/roles").send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn a_role_change_applies_from_the_next_request() {
    let app = TestApp::new().await;
    let (admin, alice) = (app.login(ADMIN).await, app.login(ALICE).await);
    let reader = app.new_agent("reader@baton.test").await;
    let token = app.login("reader@baton.test").await;
    let billing = ticket(&app, &alice, "Invoice twice").await;
    route_to(&app, billing, "Billing").await;
    let path = format!("/api/v1/tickets/{billing}");
    app.get(&path).token(&token).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    let everything = json!({ "name": "Everything", "visibility": "private" });
    let view = app.post("/api/v1/views").token(&token).json(&everything).send().await.json()["id"].clone();
    let share = view_count(&app, &token, &view).await;
    let role = create_role(&app, &admin, "Reader", &[Permission::TicketsSeeAll]).await.json()["id"].clone();
    let res = put_role(&app, &admin, reader, json!({ "role": "agent", "role_id": role })).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!((res.json()["role"].clone(), res.json()["role_id"].clone()), (json!("agent"), role.clone()));
    // The same session, the next request: every group's tickets, and nothing of the agent set.
    assert_eq!(app.get(&path).token(&token).send().await.status, StatusCode::OK);
    assert_eq!(codes(&me(&app, &token).await["permissions"]), ["tickets.see_all"]);
    // The view counts too, though no event was written since they were counted.
    assert!(view_count(&app, &token, &view).await > share, "the counts kept the old scope");
    let trash = format!("{path}/trash");
    let p = app.post(&trash).token(&token).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(p.detail.as_deref(), Some("requires the permission tickets.delete"));
    // Changing the role changes its holders' rights at once.
    let patch = json!({ "permissions": ["tickets.see_all", "tickets.delete"] });
    let res = app.call(Method::PATCH, &format!("/api/v1/admin/roles/{role}")).token(&admin).json(&patch).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(app.post(&trash).token(&token).send().await.status, StatusCode::OK);
    // Back to the built-in agent set: the Billing ticket is out of sight again.
    let res = put_role(&app, &admin, reader, json!({ "role": "agent" })).await;
    assert_eq!((res.status, res.json()["role_id"].clone()), (StatusCode::OK, Value::Null));
    app.get(&path).token(&token).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(codes(&me(&app, &token).await["permissions"]), Permissions::AGENT.codes());
}

#[tokio::test]
async fn custom_roles_are_validated_and_deleted_only_when_unused() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let res = create_role(&app, &admin, " Night shift ", &[Permission::TicketsBulk]).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let role = res.json();
    assert_eq!((role["name"].clone(), role["builtin"].clone(), role["members"].clone()), (json!("Night shift"), Value::Null, json!(0)));
    let id = role["id"].as_i64().expect("id");
    // Duplicates collapse; names are unique per desk; bad names and unknown codes are 422.
    let body = json!({ "name": "Twice", "permissions": ["kb.write", "kb.write"] });
    let res = app.post("/api/v1/admin/roles").token(&admin).json(&body).send().await;
    assert_eq!(res.json()["permissions"], json!(["kb.write"]));
    create_role(&app, &admin, "Night shift", &[]).await.problem(StatusCode::CONFLICT, "already_exists");
    let bad = [
        (json!({ "name": " ", "permissions": [] }), "name", "required"),
        (json!({ "name": "x".repeat(51), "permissions": [] }), "name", "too_long"),
        (json!({ "name": "Odd", "permissions": ["kb.rewrite"] }), "permissions", "invalid_value"),
        (json!({ "name": "Odd" }), "permissions", "required"),
        (json!({ "name": "Odd", "permissions": [], "color": "red" }), "color", "invalid_value"),
    ];
    for (body, field, code) in bad {
        let errors = app.post("/api/v1/admin/roles").token(&admin).json(&body).send().await.field_errors();
        assert!(errors.iter().any(|(f, c)| f.starts_with(field) && c == code), "{body}: {errors:?}");
    }
    let path = format!("/api/v1/admin/roles/{id}");
    let rename = |name: &str| json!({ "name": name });
    let res = app.call(Method::PATCH, &path).token(&admin).json(&rename("Nights")).send().await;
    assert_eq!((res.status, res.json()["permissions"].clone()), (StatusCode::OK, json!(["tickets.bulk"])));
    let res = app.call(Method::PATCH, &path).token(&admin).json(&rename("Auditor")).send().await;
    res.problem(StatusCode::CONFLICT, "already_exists");
    // Held by someone: 409 until they have another role.
    let agent2 = user_id(&app, AGENT2).await;
    assert_eq!(put_role(&app, &admin, agent2, json!({ "role": "agent", "role_id": id })).await.status, StatusCode::OK);
    app.call(Method::DELETE, &path).token(&admin).send().await.problem(StatusCode::CONFLICT, "role_in_use");
    assert_eq!(put_role(&app, &admin, agent2, json!({ "role": "agent", "role_id": null })).await.status, StatusCode::OK);
    assert_eq!(app.call(Method::DELETE, &path).token(&admin).send().await.status, StatusCode::NO_CONTENT);
    app.call(Method::DELETE, &path).token(&admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM roles WHERE id = {id}")).await, 0);
}

#[tokio::test]
async fn another_desks_roles_and_staff_do_not_exist() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let theirs: i64 = sqlx::query_scalar(
        "INSERT INTO roles (tenant_id, name, permissions, created_at, updated_at)
         SELECT tenant_id, 'Theirs', '[]', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM users WHERE email = $1
         RETURNING id",
    )
    .bind(OTHER_AGENT)
    .fetch_one(&app.sql)
    .await
    .expect("their role");
    let path = format!("/api/v1/admin/roles/{theirs}");
    let patch = json!({ "name": "Mine now" });
    app.call(Method::PATCH, &path).token(&admin).json(&patch).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    app.call(Method::DELETE, &path).token(&admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    let listed = app.get("/api/v1/admin/roles").token(&admin).send().await.json();
    assert!(!listed.to_string().contains("Theirs"), "{listed}");
    // Their agent, our customer and a non-number are no staff of ours; their role is no role of ours.
    let body = json!({ "role": "agent" });
    for user in [user_id(&app, OTHER_AGENT).await.to_string(), user_id(&app, ALICE).await.to_string(), "me".into()] {
        let res = app.call(Method::PUT, &format!("/api/v1/admin/agents/{user}/role")).token(&admin).json(&body).send().await;
        res.problem(StatusCode::NOT_FOUND, "not_found");
    }
    let agent2 = user_id(&app, AGENT2).await;
    let errors = put_role(&app, &admin, agent2, json!({ "role": "agent", "role_id": theirs })).await.field_errors();
    assert_eq!(errors, crate::support::pairs(&[("role_id", "invalid_value")]));
}

#[tokio::test]
async fn the_owner_stays_and_the_desk_keeps_an_admin() {
    let app = TestApp::new().await;
    let (admin, owner) = (app.login(ADMIN).await, app.login(OWNER).await);
    let (owner_id, admin_id, agent2) = (user_id(&app, OWNER).await, user_id(&app, ADMIN).await, user_id(&app, AGENT2).await);
    for token in [&admin, &owner] {
        put_role(&app, token, owner_id, json!({ "role": "admin" })).await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    // (body, refused fields): nobody is made owner or customer; a custom role goes with `agent`.
    let table = [
        (json!({ "role": "owner" }), vec![("role", "invalid_value")]),
        (json!({ "role": "customer" }), vec![("role", "invalid_value")]),
        (json!({ "role": "admin", "role_id": 1 }), vec![("role_id", "invalid_value")]),
    ];
    for (body, refused) in table {
        assert_eq!(put_role(&app, &owner, agent2, body.clone()).await.field_errors(), crate::support::pairs(&refused), "{body}");
    }
    // A desk without its owner (say, an imported one) keeps its last admin.
    sqlx::query("UPDATE users SET role = 'agent' WHERE id = $1").bind(owner_id).execute(&app.sql).await.expect("no owner");
    let demote = json!({ "role": "agent" });
    put_role(&app, &admin, admin_id, demote.clone()).await.problem(StatusCode::CONFLICT, "last_admin");
    assert_eq!(put_role(&app, &admin, agent2, json!({ "role": "admin" })).await.status, StatusCode::OK);
    let res = put_role(&app, &admin, admin_id, demote).await;
    assert_eq!((res.status, res.json()["role"].clone()), (StatusCode::OK, json!("agent")));
    app.get("/api/v1/admin/roles").token(&admin).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn nobody_grants_what_they_do_not_hold() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let staffing = create_role(&app, &admin, "Staffing", &[Permission::AgentsManage]).await.json()["id"].clone();
    let empty = create_role(&app, &admin, "Trainee", &[]).await.json()["id"].clone();
    let hr = app.new_agent("hr@baton.test").await;
    let trainee = app.new_agent("trainee@baton.test").await;
    put_role(&app, &admin, hr, json!({ "role": "agent", "role_id": staffing })).await;
    put_role(&app, &admin, trainee, json!({ "role": "agent", "role_id": empty })).await;
    let token = app.login("hr@baton.test").await;
    assert_eq!(app.get("/api/v1/admin/roles").token(&token).send().await.status, StatusCode::OK);
    // Roles within what hr holds are fine; anything more is 403.
    assert_eq!(create_role(&app, &token, "Also staffing", &[Permission::AgentsManage]).await.status, StatusCode::CREATED);
    create_role(&app, &token, "Peeker", &[Permission::TicketsSeeAll]).await.problem(StatusCode::FORBIDDEN, "forbidden");
    let widen = json!({ "permissions": ["agents.manage", "kb.write"] });
    let res = app.call(Method::PATCH, &format!("/api/v1/admin/roles/{staffing}")).token(&token).json(&widen).send().await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");
    let moved = put_role(&app, &token, trainee, json!({ "role": "agent", "role_id": staffing })).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text());
    // (target, body): the built-in agent set, an admin, and whoever holds more are out of reach.
    let (agent2, admin_id) = (user_id(&app, AGENT2).await, user_id(&app, ADMIN).await);
    let refused = [
        (trainee, json!({ "role": "agent", "role_id": null })),
        (trainee, json!({ "role": "admin" })),
        (agent2, json!({ "role": "agent", "role_id": empty })),
        (admin_id, json!({ "role": "agent", "role_id": empty })),
        (hr, json!({ "role": "admin" })),
    ];
    for (target, body) in refused {
        put_role(&app, &token, target, body.clone()).await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
}

#[tokio::test]
async fn capabilities_are_public_and_name_what_this_backend_has() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/capabilities").send().await;
    assert_eq!(res.status, StatusCode::OK);
    let flags = res.json();
    assert_eq!((flags["workspace"].clone(), flags["roles"].clone(), flags["reports"].clone()), (json!(true), json!(true), json!(true)));
    let read: Capabilities = serde_json::from_value(flags).expect("capabilities");
    assert_eq!(read, baton_server::capabilities::REFERENCE);
    // A client reads a backend that knows fewer (or more) flags: missing ones are false.
    let older: Capabilities = serde_json::from_value(json!({ "workspace": true, "chat": true })).expect("older");
    assert_eq!(older, Capabilities { workspace: true, ..Capabilities::default() });
}

/// Changing an agent's role and their account at once (two admins, or the authorization matrix's
/// concurrent routes): on PostgreSQL the role change's lock on the desk's row blocked the other
/// change's audit entry while waiting for that change's lock on the user — a deadlock, 500.
#[tokio::test]
async fn a_role_change_and_an_account_change_at_once_both_succeed() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let agent = user_id(&app, AGENT).await;
    for i in 0..20 {
        let rename = app.call(Method::PATCH, &format!("/api/v1/admin/agents/{agent}")).token(&admin).json(&json!({ "name": format!("Agent {i}") })).send();
        let role = put_role(&app, &admin, agent, json!({ "role": "agent" }));
        let (rename, role) = futures_util::future::join(rename, role).await;
        assert_eq!((rename.status, role.status), (StatusCode::OK, StatusCode::OK), "{} / {}", rename.text(), role.text());
    }
}

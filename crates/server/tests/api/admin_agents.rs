//! Staff administration (`/admin/agents`, issue 12): invitations by mail that work once for 7
//! days (a resend voids the earlier), the refusals, and deactivation: sessions end, sign-in and
//! reset refuse, open tickets go back to their group with a thread entry.

use crate::mail::{caught, deliver, mailing_app, token_in};
use crate::support::{TestApp, ADMIN, AGENT, ALICE, OTHER_AGENT, OWNER};
use axum::http::StatusCode;
use baton_server::agents::INVITE_TTL;
use baton_core::Permission;
use baton_server::demo;
use baton_smtp_fixture::SmtpSink;
use serde_json::{json, Value};

async fn invite(app: &TestApp, token: &str, body: Value) -> crate::support::Response {
    app.post("/api/v1/admin/agents").token(token).header("accept-language", "en").json(&body).send().await
}

async fn change(app: &TestApp, token: &str, id: i64, body: Value) -> crate::support::Response {
    app.call(axum::http::Method::PATCH, &format!("/api/v1/admin/agents/{id}")).token(token).json(&body).send().await
}

async fn set_password(app: &TestApp, token: &str, password: &str) -> crate::support::Response {
    app.post(&format!("/api/v1/password-tokens/{token}")).json(&json!({ "password": password })).send().await
}

async fn id_of(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1 ORDER BY tenant_id LIMIT 1").bind(email).fetch_one(&app.sql).await.expect("user")
}

async fn support_group(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT id FROM agent_groups WHERE name = 'Support' ORDER BY tenant_id LIMIT 1").fetch_one(&app.sql).await.expect("group")
}

#[tokio::test]
async fn an_invitation_arrives_and_its_link_signs_the_new_agent_in_once() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    let admin = app.login(ADMIN).await;
    let group = support_group(&app).await;
    let res = invite(&app, &admin, json!({ "email": "Ann@Baton.test", "name": " Ann Lee ", "role": "agent", "group_ids": [group, group] })).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let ann = res.json();
    assert_eq!((ann["email"].as_str(), ann["name"].as_str(), ann["state"].as_str()), (Some("ann@baton.test"), Some("Ann Lee"), Some("invited")));
    assert_eq!(ann["groups"], json!([{ "id": group, "name": "Support" }]));
    assert!(ann["invited_at"].is_string() && ann["last_seen_at"].is_null(), "{ann}");
    assert_eq!(deliver(&app).await, 1);
    let mail = caught(&sink, "ann@baton.test");
    assert_eq!(mail.subject, "Baton Demo: you are invited");
    assert!(mail.text.contains("Ada Admin invited you") && mail.text.contains("7 days"), "{}", mail.text);
    // Before the link: no password works.
    let login = json!({ "email": "ann@baton.test", "password": "ann's new password" });
    assert_eq!(app.post("/api/v1/session").json(&login).send().await.status, StatusCode::UNAUTHORIZED);
    let token = token_in(&mail.text);
    let res = set_password(&app, &token, "ann's new password").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!((res.json()["role"].as_str(), res.json()["tenant"]["name"].as_str()), (Some("agent"), Some(demo::TENANT)));
    set_password(&app, &token, "another password!!").await.problem(StatusCode::GONE, "token_invalid");
    let listed = app.get("/api/v1/admin/agents").token(&admin).send().await.json();
    let ann = listed.as_array().expect("list").iter().find(|a| a["email"] == "ann@baton.test").cloned().expect("ann listed");
    assert_eq!(ann["state"], "active");
    assert!(ann["last_seen_at"].is_string(), "{ann}");
    // Joined: no second invitation.
    let id = ann["id"].as_i64().expect("id");
    app.post(&format!("/api/v1/admin/agents/{id}/invitation")).token(&admin).send().await.problem(StatusCode::CONFLICT, "conflict");
}

#[tokio::test]
async fn a_resent_invitation_voids_the_earlier_link_and_links_expire() {
    let sink = SmtpSink::start();
    let app = mailing_app(&sink).await;
    let admin = app.login(ADMIN).await;
    let id = invite(&app, &admin, json!({ "email": "bo@baton.test", "name": "Bo", "role": "agent" })).await.json()["id"].as_i64().expect("id");
    deliver(&app).await;
    let first = token_in(&caught(&sink, "bo@baton.test").text);
    let res = app.post(&format!("/api/v1/admin/agents/{id}/invitation")).token(&admin).header("accept-language", "zh-CN").send().await;
    assert_eq!((res.status, res.json()), (StatusCode::ACCEPTED, json!({})));
    deliver(&app).await;
    let mail = caught(&sink, "bo@baton.test");
    assert_eq!(mail.subject, "Baton Demo:邀请您加入");
    let second = token_in(&mail.text);
    set_password(&app, &first, "bo's first password").await.problem(StatusCode::GONE, "token_invalid");
    app.services.clock.advance(INVITE_TTL + time::Duration::seconds(1));
    set_password(&app, &second, "bo's late password").await.problem(StatusCode::GONE, "token_invalid");
    // A fresh one works within its 7 days.
    // (The admin's session went idle meanwhile.)
    let admin = app.login(ADMIN).await;
    let res = app.post(&format!("/api/v1/admin/agents/{id}/invitation")).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::ACCEPTED, "{}", res.text());
    assert_eq!(deliver(&app).await, 1);
    assert_eq!(sink.messages_to("bo@baton.test").len(), 3);
    let third = token_in(&caught(&sink, "bo@baton.test").text);
    app.services.clock.advance(INVITE_TTL - time::Duration::minutes(1));
    assert_eq!(set_password(&app, &third, "bo's timely password").await.status, StatusCode::OK);
}

#[tokio::test]
async fn invitations_are_refused_as_the_contract_says() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let other_group: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(g.id), 999999) FROM agent_groups g JOIN tenants t ON t.id = g.tenant_id WHERE t.slug = 'other'",
    )
    .fetch_one(&app.sql)
    .await
    .expect("group");
    let ok = |patch: Value| {
        let mut body = json!({ "email": "new@baton.test", "name": "New", "role": "agent", "group_ids": [] });
        for (k, v) in patch.as_object().expect("object") {
            body[k] = v.clone();
        }
        body
    };
    // (body, status, code, field error)
    let cases = [
        (ok(json!({ "email": "nope" })), 422, "validation_failed", Some(("email", "invalid_email"))),
        (ok(json!({ "name": " " })), 422, "validation_failed", Some(("name", "required"))),
        (ok(json!({ "name": "x".repeat(101) })), 422, "validation_failed", Some(("name", "too_long"))),
        (ok(json!({ "role": "owner" })), 422, "validation_failed", Some(("role", "invalid_value"))),
        (ok(json!({ "role": "admin", "role_id": 1 })), 422, "validation_failed", Some(("role_id", "invalid_value"))),
        (ok(json!({ "role_id": 999999 })), 422, "validation_failed", Some(("role_id", "invalid_value"))),
        (ok(json!({ "group_ids": [other_group] })), 422, "validation_failed", Some(("group_ids", "invalid_value"))),
        (ok(json!({ "email": AGENT })), 409, "already_exists", None),
        (ok(json!({ "email": ALICE })), 409, "already_exists", None),
    ];
    for (body, status, code, field) in cases {
        let res = invite(&app, &admin, body.clone()).await;
        let problem = res.problem(StatusCode::from_u16(status).expect("status"), code);
        let errors: Vec<_> = problem.errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(errors, field.into_iter().collect::<Vec<_>>(), "{body}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM mail_outbox").await, 0, "nothing was sent for a refusal");
    // An agent who may manage agents but no more cannot make an admin or a built-in agent.
    let role = crate::roles::create_role(&app, &admin, "Agent manager", &[Permission::AgentsManage]).await.json()["id"].clone();
    let manager_id = app.new_agent("manager@baton.test").await;
    crate::roles::put_role(&app, &admin, manager_id, json!({ "role": "agent", "role_id": role })).await;
    let manager = app.login("manager@baton.test").await;
    for role in ["admin", "agent"] {
        invite(&app, &manager, ok(json!({ "role": role }))).await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
    // Without agents.manage, or as a customer: 403, whatever the body.
    for who in [AGENT, ALICE] {
        let token = app.login(who).await;
        invite(&app, &token, json!({})).await.problem(StatusCode::FORBIDDEN, "forbidden");
        app.get("/api/v1/admin/agents").token(&token).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
}

#[tokio::test]
async fn deactivation_ends_sessions_refuses_sign_in_and_reset_and_hands_tickets_back() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let agent_id = id_of(&app, AGENT).await;
    let ticket = app.create_ticket(&alice, "Mine until I leave").await["id"].as_i64().expect("ticket");
    let assign = json!({ "ids": [ticket], "op": { "kind": "assign", "assignee_id": agent_id } });
    let res = app.post("/api/v1/tickets/bulk").token(&admin).json(&assign).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let before = app.get(&format!("/api/v1/tickets/{ticket}")).token(&admin).send().await.json();
    assert_eq!(before["staff"]["assignee"]["id"], agent_id, "{before}");

    let res = change(&app, &admin, agent_id, json!({ "active": false })).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["state"], "deactivated");
    app.get("/api/v1/me").token(&agent).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    let login = json!({ "email": AGENT, "password": demo::PASSWORD });
    app.post("/api/v1/session").json(&login).send().await.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let res = app.post("/api/v1/password-resets").json(&json!({ "email": AGENT })).send().await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
    assert_eq!(app.count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'password_reset'").await, 0, "no mail for a deactivated account");
    let after = app.get(&format!("/api/v1/tickets/{ticket}")).token(&admin).send().await.json();
    assert!(after["staff"]["assignee"].is_null(), "{after}");
    assert_eq!(after["staff"]["group"], before["staff"]["group"], "the ticket stays in its group");
    let changes = app.changes(&admin, ticket).await;
    assert_eq!(changes.last().map(|c| (c["field"].clone(), c["from"].clone(), c["to"].clone())), Some((json!("assignee"), json!("Agent Smith"), Value::Null)), "{changes:?}");
    // Nobody assigns them tickets while they are away.
    let res = app.post("/api/v1/tickets/bulk").token(&admin).json(&assign).send().await;
    assert_eq!(res.json()["results"][0]["status"], 422, "{}", res.text());
    // Nor is offered them: the console's pickers read `GET /agents`.
    let offered = |list: Value| list.as_array().expect("agents").iter().any(|a| a["id"] == agent_id);
    assert!(!offered(app.get("/api/v1/agents").token(&admin).send().await.json()), "a deactivated agent is not offered");

    let res = change(&app, &admin, agent_id, json!({ "active": true })).await;
    assert_eq!(res.json()["state"], "active");
    assert_eq!(app.post("/api/v1/session").json(&login).send().await.status, StatusCode::OK);
    assert!(offered(app.get("/api/v1/agents").token(&admin).send().await.json()), "offered again once back");
}

#[tokio::test]
async fn the_owner_oneself_other_desks_and_customers_are_out_of_reach() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let owner = app.login(OWNER).await;
    // (who, target, body, status)
    let cases = [
        (&admin, id_of(&app, OWNER).await, json!({ "active": false }), StatusCode::FORBIDDEN),
        (&owner, id_of(&app, OWNER).await, json!({ "active": false }), StatusCode::FORBIDDEN),
        (&admin, id_of(&app, ADMIN).await, json!({ "active": false }), StatusCode::FORBIDDEN),
        (&admin, id_of(&app, OTHER_AGENT).await, json!({ "name": "Taken" }), StatusCode::NOT_FOUND),
        (&admin, id_of(&app, ALICE).await, json!({ "active": false }), StatusCode::NOT_FOUND),
        (&admin, 999_999, json!({ "name": "Nobody" }), StatusCode::NOT_FOUND),
    ];
    for (who, target, body, status) in cases {
        let res = change(&app, who, target, body.clone()).await;
        assert_eq!(res.status, status, "{target} {body}: {}", res.text());
        let res = app.post(&format!("/api/v1/admin/agents/{target}/invitation")).token(who).send().await;
        assert_ne!(res.status, StatusCode::ACCEPTED, "{target}");
    }
    // Renaming and regrouping an agent.
    let group = support_group(&app).await;
    let agent = id_of(&app, AGENT).await;
    let res = change(&app, &admin, agent, json!({ "name": "Agent Smyth", "group_ids": [] })).await;
    assert_eq!((res.json()["name"].clone(), res.json()["groups"].clone()), (json!("Agent Smyth"), json!([])), "{}", res.text());
    let res = change(&app, &admin, agent, json!({ "group_ids": [group] })).await;
    assert_eq!(res.json()["groups"], json!([{ "id": group, "name": "Support" }]));
    change(&app, &admin, agent, json!({ "group_ids": [999_999] })).await.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // The list: every staff user of the desk (not the other desk's, no customers), by name.
    let listed = app.get("/api/v1/admin/agents").token(&admin).send().await.json();
    let emails: Vec<&str> = listed.as_array().expect("list").iter().filter_map(|a| a["email"].as_str()).collect();
    assert!(emails.contains(&OWNER) && emails.contains(&AGENT) && !emails.contains(&ALICE) && !emails.contains(&OTHER_AGENT), "{emails:?}");
}

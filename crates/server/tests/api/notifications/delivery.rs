//! Who gets which notification, and what never travels in one.

use super::{kinds, mails_to, patch, post, user_id};
use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB, CAROL, DAVE, OTHER_AGENT};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_public_reply_tells_the_requester_alone_and_mails_them_threaded() {
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let ticket = app.create_ticket(&alice, "Printer on fire").await;
    let (id, number) = (ticket["id"].as_i64().expect("id"), ticket["number"].as_i64().expect("number"));
    // The new ticket is in Support's queue: its member hears of it, the customer does not.
    assert_eq!(kinds(&app, &agent).await, ["new_ticket"]);
    assert!(kinds(&app, &alice).await.is_empty());
    assert_eq!(post(&app, &agent, id, json!({"body": "We are on it."})).await.status, StatusCode::CREATED);
    let page = super::inbox(&app, &alice).await;
    assert_eq!(page["unread"], 1, "{page}");
    let n = &page["items"][0];
    assert_eq!((n["kind"].clone(), n["ticket_id"].clone(), n["ticket_number"].clone(), n["read"].clone()), (json!("public_reply"), json!(id), json!(number), json!(false)));
    assert_eq!(n["actor"]["id"], user_id(&app, AGENT).await);
    // The actor never notifies themselves; nobody else hears of it.
    assert_eq!(kinds(&app, &agent).await, ["new_ticket"]);
    for other in [BOB, CAROL, ADMIN, DAVE, OTHER_AGENT] {
        let token = app.login(other).await;
        assert!(kinds(&app, &token).await.is_empty(), "{other}");
    }
    let mails = mails_to(&app, ALICE).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (subject, text, references) = &mails[0];
    assert!(subject.starts_with(&format!("[#{number}] Printer on fire")), "{subject}");
    assert!(text.contains(&format!("/tickets/{id}")) && !text.contains("/agent/"), "{text}");
    assert!(references.as_deref().is_some_and(|r| r.starts_with("<ticket-") && r.ends_with('>')), "{references:?}");
    // A second mail of the ticket threads under the same root.
    post(&app, &agent, id, json!({"body": "Fixed?"})).await;
    let mails = mails_to(&app, ALICE).await;
    assert_eq!((mails.len(), &mails[1].2), (2, references));
}

#[tokio::test]
async fn the_customer_replying_tells_the_assignee_and_solving_tells_the_customer() {
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent, admin) = (app.login(ALICE).await, app.login(AGENT).await, app.login(ADMIN).await);
    let id = app.create_ticket(&alice, "Refund").await["id"].as_i64().expect("id");
    // Assigned by the admin: the agent is told; assigning oneself tells nobody.
    let agent_id = user_id(&app, AGENT).await;
    assert_eq!(patch(&app, &admin, id, json!({"assignee_id": agent_id})).await.status, StatusCode::OK);
    assert_eq!(kinds(&app, &agent).await, ["assigned", "new_ticket"]);
    let admin_id = user_id(&app, ADMIN).await;
    assert_eq!(patch(&app, &admin, id, json!({"assignee_id": admin_id})).await.status, StatusCode::OK);
    assert!(kinds(&app, &admin).await.is_empty());
    assert_eq!(patch(&app, &admin, id, json!({"assignee_id": agent_id})).await.status, StatusCode::OK);
    post(&app, &alice, id, json!({"body": "Any news?"})).await;
    assert_eq!(kinds(&app, &agent).await, ["customer_replied", "assigned", "assigned", "new_ticket"]);
    assert!(kinds(&app, &admin).await.is_empty(), "not theirs any more");
    let res = app.act(&agent, id, json!({"action": "complete"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(kinds(&app, &alice).await, ["solved"]);
    let mails = mails_to(&app, ALICE).await;
    assert!(mails.last().is_some_and(|m| m.0.contains("solved") && m.1.contains(&format!("/tickets/{id}"))), "{mails:?}");
    // Closing after the desk's days: the system tells the customer.
    app.services.clock.advance(time::Duration::days(4));
    baton_server::tickets::automatic::auto_close(&app.services).await.expect("auto-close");
    let mine: Vec<_> = super::inbox(&app, &alice).await["items"].as_array().expect("items").iter()
        .filter(|n| n["ticket_id"] == id).map(|n| (n["kind"].clone(), n.get("actor").is_some())).collect();
    assert_eq!(mine, [(json!("closed"), false), (json!("solved"), true)], "the desk closed it, nobody in person");
    let agent_mail = mails_to(&app, AGENT).await;
    assert!(agent_mail.iter().all(|m| m.1.contains("/agent/tickets/")), "{agent_mail:?}");
}

#[tokio::test]
async fn notes_and_confidential_info_never_reach_a_notification_or_a_mail() {
    const NOTE: &str = "NOTE-BODY-7f3a never for customers";
    const SECRET: &str = "CONFIDENTIAL-9c1e hunter2";
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent) = (app.login(ALICE).await, app.login(AGENT).await);
    let mut new = app.new_ticket(&alice, "Locked out").await;
    new["confidential"] = SECRET.into();
    let res = app.post("/api/v1/tickets").token(&alice).json(&new).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().expect("id");
    let (admin_id, agent2_id, alice_id) = (user_id(&app, ADMIN).await, user_id(&app, "agent2@baton.test").await, user_id(&app, ALICE).await);
    // Mentions: staff of the desk, in notes only.
    for (body, field) in [
        (json!({"body": NOTE, "kind": "internal", "mentions": [alice_id]}), "mentions"),
        (json!({"body": "hi", "kind": "public", "mentions": [admin_id]}), "mentions"),
        (json!({"body": NOTE, "kind": "internal", "mentions": [999_999]}), "mentions"),
    ] {
        let res = post(&app, &agent, id, body).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
        assert_eq!(res.field_errors(), [(field.to_owned(), "invalid_value".to_owned())]);
    }
    // The admin sees every ticket and is told; Li Lei (Billing) may not see it and is not.
    let res = post(&app, &agent, id, json!({"body": NOTE, "kind": "internal", "mentions": [admin_id, agent2_id]})).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let admin = app.login(ADMIN).await;
    assert_eq!(kinds(&app, &admin).await, ["mentioned"]);
    let agent2 = app.login("agent2@baton.test").await;
    assert!(kinds(&app, &agent2).await.is_empty());
    assert!(kinds(&app, &alice).await.is_empty(), "a note tells the customer nothing");
    post(&app, &agent, id, json!({"body": "Public answer"})).await;
    let res = app.act(&agent, id, json!({"action": "complete"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    // Nothing the notifications or the mail hold names the note or the secret.
    for needle in [NOTE, SECRET, "hunter2", "7f3a"] {
        let pattern = format!("%{needle}%");
        let mails: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE $1 OR body_text LIKE $1 OR body_html LIKE $1")
            .bind(&pattern).fetch_one(&app.sql).await.expect("count");
        let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE type = 'notification.created' AND (COALESCE(notification_kind, '') LIKE $1)")
            .bind(&pattern).fetch_one(&app.sql).await.expect("count");
        assert_eq!((mails, events), (0, 0), "{needle}");
        for token in [&alice, &agent, &admin] {
            assert!(!super::inbox(&app, token).await.to_string().contains(needle), "{needle}");
        }
    }
    let mailed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'notification'").fetch_one(&app.sql).await.expect("count");
    assert!(mailed >= 3, "the test saw mail at all: {mailed}");
}

#[tokio::test]
async fn sla_warnings_and_breaches_go_to_the_assignee_else_the_group() {
    let app = TestApp::new().await;
    super::route_to_support(&app).await;
    let (alice, agent, admin) = (app.login(ALICE).await, app.login(AGENT).await, app.login(ADMIN).await);
    let policy = json!({"name": "Everyone", "targets": [{"priority": "normal", "first_reply": 60}]});
    let res = app.post("/api/v1/admin/sla/policies").token(&admin).json(&policy).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let mine = app.create_ticket(&alice, "Assigned and due").await["id"].as_i64().expect("id");
    let queued = app.create_ticket(&alice, "Waiting in the group").await["id"].as_i64().expect("id");
    let agent_id = user_id(&app, AGENT).await;
    assert_eq!(patch(&app, &admin, mine, json!({"assignee_id": agent_id})).await.status, StatusCode::OK);
    // A second member of Support hears of the unassigned ticket only.
    let other = app.new_agent("second@baton.test").await;
    sqlx::query("INSERT INTO agent_group_members (tenant_id, group_id, user_id) SELECT tenant_id, id, $1 FROM agent_groups WHERE name = 'Support'")
        .bind(other).execute(&app.sql).await.expect("member");
    let second = app.login("second@baton.test").await;
    let sla = |token: String| {
        let app = &app;
        async move {
            super::inbox(app, &token).await["items"].as_array().expect("items").iter()
                .filter(|n| n["kind"].as_str().is_some_and(|k| k.starts_with("sla_")))
                .map(|n| (n["kind"].as_str().unwrap_or_default().to_owned(), n["ticket_id"].as_i64().unwrap_or_default()))
                .collect::<Vec<_>>()
        }
    };
    app.services.clock.advance(time::Duration::minutes(31));
    baton_server::sla::watch::run(&app.services).await.expect("watch");
    let mut got = sla(agent.clone()).await;
    got.sort();
    assert_eq!(got, [("sla_warning".to_owned(), mine), ("sla_warning".to_owned(), queued)]);
    assert_eq!(sla(second.clone()).await, [("sla_warning".to_owned(), queued)]);
    assert!(sla(admin.clone()).await.is_empty(), "not in the group, not assigned");
    app.services.clock.advance(time::Duration::minutes(30));
    baton_server::sla::watch::run(&app.services).await.expect("watch");
    baton_server::sla::watch::run(&app.services).await.expect("watch again");
    let breaches = sla(agent.clone()).await.into_iter().filter(|(k, _)| k == "sla_breach").count();
    assert_eq!(breaches, 2, "once per ticket");
    let mails = mails_to(&app, AGENT).await;
    assert!(mails.iter().any(|m| m.0.contains("SLA due soon") && m.1.contains(&format!("/agent/tickets/{mine}"))), "{mails:?}");
}

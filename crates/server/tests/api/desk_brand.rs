//! The desk's header text and language (issue 12, `/admin/settings`): `settings.manage` sets them
//! (a text over 40 characters and a language the desk cannot speak refused together, nothing
//! changed); its people see them in `Me.tenant`, another desk's do not; mail to someone whose
//! language the server does not know is written in the desk's, and someone whose language it
//! knows keeps theirs.

use crate::notifications::{mails_to, post, route_to_support};
use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB, DAVE};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

async fn tenant_of(app: &TestApp, token: &str) -> Value {
    let res = app.get("/api/v1/me").token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["tenant"].clone()
}

#[tokio::test]
async fn the_desk_names_its_header_text_and_language_and_its_mail_follows() {
    let app = TestApp::new().await;
    route_to_support(&app).await;
    let (admin, agent, alice, dave) = (app.login(ADMIN).await, app.login(AGENT).await, app.login(ALICE).await, app.login(DAVE).await);
    // Before: no header text, English.
    let before = tenant_of(&app, &alice).await;
    assert!(before.get("logo_text").is_none() && before["language"] == "en", "{before}");
    let settings = |token: &str, body: Value| app.call(Method::PATCH, "/api/v1/admin/settings").token(token).json(&body).send();

    let res = settings(&admin, json!({"logo_text": "客".repeat(41), "language": "fr"})).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    assert_eq!(res.field_errors(), crate::support::pairs(&[("logo_text", "too_long"), ("language", "invalid_value")]));
    settings(&agent, json!({"language": "zh-CN"})).await.problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(tenant_of(&app, &alice).await, before, "a refused change changed something");

    let res = settings(&admin, json!({"logo_text": "  Acme 客服  ", "language": "zh-CN"})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!((res.json()["logo_text"].clone(), res.json()["language"].clone()), (json!("Acme 客服"), json!("zh-CN")));
    for token in [&alice, &agent] {
        let tenant = tenant_of(&app, token).await;
        assert_eq!((tenant["logo_text"].clone(), tenant["language"].clone()), (json!("Acme 客服"), json!("zh-CN")));
    }
    let other = tenant_of(&app, &dave).await;
    assert!(other.get("logo_text").is_none() && other["language"] == "en", "another desk changed: {other}");

    // Alice's language is unknown to the server: her mail is the desk's. Bob's is known (English,
    // from his last stream): his stays English.
    sqlx::query("INSERT INTO notification_settings (tenant_id, user_id, digest, language) SELECT tenant_id, id, FALSE, 'en' FROM users WHERE email = $1")
        .bind(BOB)
        .execute(&app.sql)
        .await
        .expect("bob's language");
    let bob = app.login(BOB).await;
    for (token, email, opening) in [(&alice, ALICE, "您好"), (&bob, BOB, "Hello ")] {
        let id = app.create_ticket(token, "Printer on fire").await["id"].as_i64().expect("id");
        assert_eq!(post(&app, &agent, id, json!({"body": "We are on it."})).await.status, StatusCode::CREATED);
        let mails = mails_to(&app, email).await;
        assert!(mails.last().is_some_and(|m| m.1.contains(opening)), "{email}: {mails:?}");
    }

    // Cleared: the product's name again.
    let res = settings(&admin, json!({"logo_text": "  "})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(tenant_of(&app, &alice).await.get("logo_text").is_none());
}

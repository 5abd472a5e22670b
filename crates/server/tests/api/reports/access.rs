//! Who reads reports: `reports.view` or 403 (customers included, as everywhere a permission
//! guards), a bad query 422 only for those who may ask, and never another desk's numbers.

use super::desk::{build, get, PERIOD};
use crate::support::{TestApp, AGENT, ALICE, AUDITOR};
use axum::http::StatusCode;
use baton_server::{auth, demo, storage};
use baton_core::Role;
use serde_json::json;

#[tokio::test]
async fn reports_need_reports_view() {
    let app = crate::reports::app().await;
    let (alice, agent, auditor) = (app.login(ALICE).await, app.login(AGENT).await, app.login(AUDITOR).await);
    // (who, path, status)
    let cases = [
        (&alice, "/api/v1/reports/summary", StatusCode::FORBIDDEN),
        (&agent, "/api/v1/reports/summary", StatusCode::FORBIDDEN),
        (&agent, "/api/v1/reports/agents", StatusCode::FORBIDDEN),
        // A bad query is refused only to those who may ask at all.
        (&agent, "/api/v1/reports/summary?from=yesterday", StatusCode::FORBIDDEN),
        (&auditor, "/api/v1/reports/summary", StatusCode::OK),
        (&auditor, "/api/v1/reports/agents", StatusCode::OK),
        (&auditor, "/api/v1/reports/summary?from=yesterday", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/summary?from=2030-03-02&to=2030-03-02", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/summary?by=updated", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/summary?interval=hour", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/summary?agent=x", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/agents?priority=extreme", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/summary?role=customer", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/summary?subtype=x", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/groups?customer_group=x", StatusCode::UNPROCESSABLE_ENTITY),
        (&auditor, "/api/v1/reports/summary?from=1990-01-01&to=2030-01-01", StatusCode::UNPROCESSABLE_ENTITY),
    ];
    for (token, path, status) in cases {
        let res = app.get(path).token(token).send().await;
        assert_eq!(res.status, status, "{path}: {}", res.text());
    }
    let res = app.get("/api/v1/reports/summary").send().await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = app.get("/api/v1/capabilities").send().await;
    assert_eq!(res.json()["reports"], json!(true));
}

/// An admin of a desk of their own (password `baton-demo`); their email.
pub async fn other_desk_admin(app: &TestApp) -> String {
    let customer = app.new_tenant("Report Desk").await;
    let hash = auth::hash_password(demo::PASSWORD).expect("hash");
    let tenant_id: i64 = sqlx::query_scalar("SELECT tenant_id FROM users WHERE email = $1")
        .bind(&customer)
        .fetch_one(&app.sql)
        .await
        .expect("tenant");
    let email = "boss@report-desk.test";
    let mut conn = app.db.acquire().await.expect("connection");
    let user = storage::users::NewUser { tenant_id, email, name: "Boss", role: Role::Admin, customer_group_id: None, password_hash: &hash };
    let now = storage::timestamp(storage::now());
    storage::users::create(&mut conn, &user, &now).await.expect("admin");
    email.to_owned()
}

#[tokio::test]
async fn another_desk_sees_none_of_these_numbers() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let mine = get(&app, &admin, &format!("/api/v1/reports/summary?{PERIOD}")).await;
    assert_eq!(mine["created"], json!(5));
    let boss = other_desk_admin(&app).await;
    let boss = app.login(&boss).await;
    let theirs = get(&app, &boss, &format!("/api/v1/reports/summary?{PERIOD}")).await;
    let zero = (json!(0), json!(0), json!(0), json!(0), json!(0), json!([]));
    let got = (
        theirs["created"].clone(),
        theirs["solved"].clone(),
        theirs["backlog"].clone(),
        theirs["first_reply"]["count"].clone(),
        theirs["csat"]["count"].clone(),
        theirs["series"].as_array().into_iter().flatten().filter(|p| p["created"] != 0 || p["solved"] != 0).cloned().collect::<Vec<_>>().into(),
    );
    assert_eq!(got, zero);
    let rows = get(&app, &boss, &format!("/api/v1/reports/agents?{PERIOD}")).await;
    let names: Vec<_> = rows.as_array().into_iter().flatten().map(|r| r["name"].clone()).collect();
    assert_eq!(names, vec![json!("Boss")]);
    assert_eq!(rows[0]["public_replies"], json!(0));
}

//! `GET /ready`: ready while the database answers and holds this build's migrations; otherwise
//! 503 `unavailable` with `Retry-After`, while `/health` still says the process is alive.

use crate::support::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn ready_until_a_migration_is_missing() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/ready").send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["status"], "ready");

    // As if this build were newer than the database: its last migration not applied yet.
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(m.version) FROM _sqlx_migrations m)")
        .execute(&app.sql)
        .await
        .expect("forget the newest migration");
    let res = app.get("/api/v1/ready").send().await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.json()["code"], "unavailable");
    assert_eq!(res.header(axum::http::header::RETRY_AFTER), Some("5"));
    assert_eq!(app.get("/api/v1/health").send().await.status, StatusCode::OK, "alive all the same");
}

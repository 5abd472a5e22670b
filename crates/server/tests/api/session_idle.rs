//! Idle timeout (issue 16): a staff session unused for `--staff-idle-minutes` (default 8 h) ends;
//! using it keeps it alive; customers' sessions end only with their lifetime; 0 turns it off.
//! The last use is written at most every few minutes, not on every request.

use crate::support::{TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use time::Duration;

async fn me(app: &TestApp, token: &str) -> StatusCode {
    app.get("/api/v1/me").token(token).send().await.status
}

#[tokio::test]
async fn staff_sessions_end_after_eight_idle_hours_customers_do_not() {
    let app = TestApp::new().await;
    let (agent, alice) = (app.login(AGENT).await, app.login(ALICE).await);
    let clock = &app.services.clock;
    for _ in 0..2 {
        clock.advance(Duration::hours(7));
        assert_eq!(me(&app, &agent).await, StatusCode::OK, "used within 8 h, it lives on");
    }
    let seen = "SELECT COUNT(DISTINCT last_seen_at) FROM sessions WHERE last_seen_at IS NOT NULL";
    let before = app.count(seen).await;
    clock.advance(Duration::minutes(1));
    assert_eq!(me(&app, &agent).await, StatusCode::OK);
    assert_eq!(app.count(seen).await, before, "a request a minute later wrote the session again");

    clock.advance(Duration::hours(8) + Duration::minutes(1));
    app.get("/api/v1/me").token(&agent).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    assert_eq!(me(&app, &alice).await, StatusCode::OK, "a customer's session has no idle timeout");
    // Signing in again works.
    let again = app.login(AGENT).await;
    assert_eq!(me(&app, &again).await, StatusCode::OK);
}

#[tokio::test]
async fn zero_minutes_turns_the_idle_timeout_off() {
    let app = TestApp::with(|c| c.staff_idle_minutes = 0).await;
    let agent = app.login(AGENT).await;
    app.services.clock.advance(Duration::hours(9));
    assert_eq!(me(&app, &agent).await, StatusCode::OK);
}

//! Uploads waiting to be sent (issue 16): one user holds at most 50 unsent uploads (429
//! `rate_limited` past that, other users unaffected; sending one frees its place), and the purge
//! removes uploads unsent for a day, rows and bytes, never one a ticket or message refers to.

use crate::support::{TestApp, ALICE, CAROL};
use axum::http::StatusCode;
use baton_server::attachments::{MAX_UNSENT_FILES, UNSENT_KEPT};
use serde_json::json;

async fn upload(app: &TestApp, token: &str) -> crate::support::Response {
    app.post("/api/v1/attachments").token(token).multipart("file", "note.txt", "text/plain", b"unsent").send().await
}

fn files_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.flatten().map(|e| if e.path().is_dir() { files_in(&e.path()) } else { 1 }).sum())
}

#[tokio::test]
async fn unsent_uploads_have_a_quota_and_are_purged_after_a_day() {
    let app = TestApp::new().await;
    let (alice, carol) = (app.login(ALICE).await, app.login(CAROL).await);
    let mut ids = Vec::new();
    for _ in 0..MAX_UNSENT_FILES {
        let res = upload(&app, &alice).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        ids.push(res.json()["id"].as_i64().expect("id"));
    }
    upload(&app, &alice).await.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert_eq!(upload(&app, &carol).await.status, StatusCode::CREATED, "another user's quota is their own");

    // Sent with a ticket, an upload no longer counts.
    let mut ticket = app.new_ticket(&alice, "With a file").await;
    ticket["attachment_ids"] = json!([ids[0]]);
    let res = app.post("/api/v1/tickets").token(&alice).json(&ticket).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(upload(&app, &alice).await.status, StatusCode::CREATED);
    upload(&app, &alice).await.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");

    // A day later the purge takes every unsent upload, and only those.
    let blobs = app.data_dir().join("attachments");
    assert_eq!(files_in(&blobs), MAX_UNSENT_FILES as usize + 2);
    app.services.clock.advance(UNSENT_KEPT + time::Duration::minutes(1));
    for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "purge") {
        (job.run)(&app.services).await.expect("purge");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 1);
    assert_eq!(files_in(&blobs), 1, "the bytes of purged uploads stayed");
    let path = |id: i64| format!("/api/v1/attachments/{id}");
    assert_eq!(app.get(&path(ids[0])).token(&alice).send().await.status, StatusCode::OK);
    app.get(&path(ids[1])).token(&alice).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(upload(&app, &alice).await.status, StatusCode::CREATED, "the purge freed the quota");
}

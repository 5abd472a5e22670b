//! Attachments: upload, link, and download by who may see what they are linked to (the rules an
//! upload must meet are in `uploads`).

use crate::support::{pairs, Response, TestApp, AGENT, ALICE, BOB, CAROL, DAVE, OTHER_AGENT};
use axum::http::{header, StatusCode};
use serde_json::{json, Value};

pub const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";

pub async fn upload(
    app: &TestApp,
    token: &str,
    name: &str,
    content_type: &str,
    bytes: &[u8],
) -> Response {
    app.post("/api/v1/attachments")
        .token(token)
        .multipart("file", name, content_type, bytes)
        .send()
        .await
}

pub async fn uploaded(
    app: &TestApp,
    token: &str,
    name: &str,
    content_type: &str,
    bytes: &[u8],
) -> Value {
    let res = upload(app, token, name, content_type, bytes).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()
}

pub async fn download(app: &TestApp, token: &str, id: i64) -> Response {
    app.get(&format!("/api/v1/attachments/{id}"))
        .token(token)
        .send()
        .await
}

#[tokio::test]
async fn upload_link_and_download_by_who_may_see_the_ticket() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let res = upload(&app, &alice, "report.pdf", "application/pdf", PDF).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let attachment = res.json();
    let id = attachment["id"].as_i64().expect("id");
    assert_eq!(
        res.header(header::LOCATION),
        Some(format!("/api/v1/attachments/{id}").as_str())
    );
    assert_eq!(
        attachment,
        json!({ "id": id, "name": "report.pdf", "size": PDF.len(), "content_type": "application/pdf" })
    );
    // Stored under the data directory with a name of the server's choosing.
    let files: Vec<_> = std::fs::read_dir(app.data_dir().join("attachments"))
        .expect("dir")
        .flatten()
        .collect();
    assert_eq!(files.len(), 1);
    assert_ne!(files[0].file_name(), "report.pdf");

    // Unlinked: only the uploader has it.
    let bob = app.login(BOB).await;
    assert_eq!(download(&app, &alice, id).await.body, PDF);
    download(&app, &bob, id)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    let mut new = app.new_ticket(&alice, "With a report").await;
    new["attachment_ids"] = json!([id]);
    let ticket = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&new)
        .send()
        .await
        .json();
    assert_eq!(ticket["attachments"], json!([attachment]));

    for (who, visible) in [
        (ALICE, true),
        (BOB, true),
        (AGENT, true),
        (CAROL, false),
        (DAVE, false),
        (OTHER_AGENT, false),
    ] {
        let token = app.login(who).await;
        let res = download(&app, &token, id).await;
        if visible {
            assert_eq!(res.status, StatusCode::OK, "{who}");
            assert_eq!(res.body, PDF, "{who}");
            assert_eq!(res.header(header::CONTENT_TYPE), Some("application/pdf"));
            assert_eq!(res.header(header::X_CONTENT_TYPE_OPTIONS), Some("nosniff"));
            assert_eq!(
                res.header(header::CONTENT_DISPOSITION),
                Some("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf")
            );
        } else {
            res.problem(StatusCode::NOT_FOUND, "not_found");
        }
    }
    download(&app, &alice, 987654)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&format!("/api/v1/attachments/{id}"))
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn only_the_uploader_links_and_only_once() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let bob = app.login(BOB).await;
    let id = uploaded(&app, &alice, "a.txt", "text/plain", b"hello").await["id"].clone();
    let mut by_bob = app.new_ticket(&bob, "Not mine").await;
    by_bob["attachment_ids"] = json!([id]);
    let res = app
        .post("/api/v1/tickets")
        .token(&bob)
        .json(&by_bob)
        .send()
        .await;
    assert_eq!(
        res.field_errors(),
        pairs(&[("attachment_ids", "invalid_value")])
    );
    let mut twice = app.new_ticket(&alice, "Twice").await;
    twice["attachment_ids"] = json!([id, id]);
    let res = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&twice)
        .send()
        .await;
    assert_eq!(
        res.field_errors(),
        pairs(&[("attachment_ids", "invalid_value")])
    );
    let mut once = app.new_ticket(&alice, "Once").await;
    once["attachment_ids"] = json!([id]);
    let ticket = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&once)
        .send()
        .await
        .json();
    // Linked now: it cannot go to a message too.
    let res = app
        .post(&format!("/api/v1/tickets/{}/messages", ticket["id"]))
        .token(&alice)
        .json(&json!({ "body": "again", "attachment_ids": [id] }))
        .send()
        .await;
    assert_eq!(
        res.field_errors(),
        pairs(&[("attachment_ids", "invalid_value")])
    );
}

#[tokio::test]
async fn message_attachments_follow_the_message_kind() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let ticket = app.create_ticket(&alice, "Thread files").await["id"]
        .as_i64()
        .unwrap_or_default();
    let messages = format!("/api/v1/tickets/{ticket}/messages");
    let public = uploaded(&app, &agent, "fix.log", "text/plain", b"applied patch 7\n").await;
    let internal = uploaded(
        &app,
        &agent,
        "notes.txt",
        "text/plain",
        b"customer seems upset",
    )
    .await;
    for (file, kind) in [(&public, "public"), (&internal, "internal")] {
        let body = json!({ "body": "See the file.", "kind": kind, "attachment_ids": [file["id"]] });
        let res = app.post(&messages).token(&agent).json(&body).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        assert_eq!(res.json()["attachments"], json!([file]));
    }
    let thread = app.get(&messages).token(&alice).send().await.json();
    let files: Vec<Value> = thread["items"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|m| m["attachments"].as_array().cloned().unwrap_or_default())
        .collect();
    assert_eq!(
        files,
        std::slice::from_ref(&public),
        "customers see the public reply's file only"
    );
    assert_eq!(
        download(&app, &alice, public["id"].as_i64().unwrap_or_default())
            .await
            .status,
        StatusCode::OK
    );
    download(&app, &alice, internal["id"].as_i64().unwrap_or_default())
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let admin = app.login(crate::support::ADMIN).await;
    assert_eq!(
        download(&app, &admin, internal["id"].as_i64().unwrap_or_default())
            .await
            .status,
        StatusCode::OK
    );
}

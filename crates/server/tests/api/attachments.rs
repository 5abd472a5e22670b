//! Attachments: upload, link, download by who may see what they are linked to, the size limit,
//! the type allow-list, and file names that cannot escape `Content-Disposition`.

use crate::catalog::PNG;
use crate::support::{pairs, Response, TestApp, AGENT, ALICE, BOB, CAROL, DAVE, OTHER_AGENT};
use axum::http::{header, StatusCode};
use serde_json::{json, Value};

const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";

async fn upload(
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

async fn uploaded(
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

async fn download(app: &TestApp, token: &str, id: i64) -> Response {
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

#[tokio::test]
async fn uploads_over_the_configured_limit_are_413() {
    let app = TestApp::with(|config| config.max_upload_mb = 1).await;
    let alice = app.login(ALICE).await;
    let mib = 1024 * 1024;
    let exactly = vec![b'a'; mib];
    assert_eq!(
        upload(&app, &alice, "full.txt", "text/plain", &exactly)
            .await
            .status,
        StatusCode::CREATED
    );
    for size in [mib + 1, 3 * mib] {
        let res = upload(&app, &alice, "big.txt", "text/plain", &vec![b'a'; size]).await;
        let problem = res.problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
        assert_eq!(
            problem.errors,
            [baton_core::FieldError::new("file", "file_too_large")],
            "{size}"
        );
    }
    // Refused files leave nothing behind.
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 1);
    assert_eq!(
        std::fs::read_dir(app.data_dir().join("attachments"))
            .expect("dir")
            .count(),
        1
    );
}

#[tokio::test]
async fn only_allowed_types_are_accepted() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let cases: &[(&str, &str, &[u8])] = &[
        ("setup.exe", "application/octet-stream", b"MZ\x90\x00"),
        ("page.html", "text/html", b"<script>alert(1)</script>"),
        ("fake.png", "image/png", b"MZ\x90\x00 not a png"),
        ("notes.txt", "text/html", b"plain words"),
        ("photo.jpg", "image/jpeg", PNG),
        ("binary.txt", "text/plain", b"\x00\x01\x02"),
        ("noextension", "text/plain", b"words"),
    ];
    for (name, content_type, bytes) in cases {
        let res = upload(&app, &alice, name, content_type, bytes).await;
        assert_eq!(
            res.field_errors(),
            pairs(&[("file", "file_type")]),
            "{name}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 0);
    for (name, content_type, bytes) in [
        ("shot.PNG", "image/png", PNG),
        ("data.csv", "text/csv", b"a,b\n1,2\n".as_slice()),
        ("archive.zip", "application/zip", b"PK\x03\x04rest"),
        ("report.docx", "application/octet-stream", b"PK\x03\x04rest"),
    ] {
        assert_eq!(
            upload(&app, &alice, name, content_type, bytes).await.status,
            StatusCode::CREATED,
            "{name}"
        );
    }
    // No `file` part, or no multipart at all.
    let res = app
        .post("/api/v1/attachments")
        .token(&alice)
        .multipart("other", "a.txt", "text/plain", b"x")
        .send()
        .await;
    assert_eq!(res.field_errors(), pairs(&[("file", "required")]));
    let res = app
        .post("/api/v1/attachments")
        .token(&alice)
        .json(&json!({ "file": "x" }))
        .send()
        .await;
    res.problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

#[tokio::test]
async fn file_names_cannot_escape_the_disposition() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let cases = [
        ("../../etc/passwd.txt", "passwd.txt", "attachment; filename=\"passwd.txt\"; filename*=UTF-8''passwd.txt"),
        (
            "发票 2024.pdf",
            "发票 2024.pdf",
            "attachment; filename=\"__ 2024.pdf\"; filename*=UTF-8''%E5%8F%91%E7%A5%A8%202024.pdf",
        ),
        (
            "C:\\Users\\me\\rapport d'été;v2.txt",
            "rapport d'été;v2.txt",
            "attachment; filename=\"rapport d'_t_;v2.txt\"; filename*=UTF-8''rapport%20d%27%C3%A9t%C3%A9%3Bv2.txt",
        ),
    ];
    for (raw, stored, disposition) in cases {
        let bytes: &[u8] = if raw.ends_with(".pdf") { PDF } else { b"text" };
        let content_type = if raw.ends_with(".pdf") {
            "application/pdf"
        } else {
            "text/plain"
        };
        let attachment = uploaded(&app, &alice, raw, content_type, bytes).await;
        assert_eq!(attachment["name"], stored, "{raw}");
        let res = download(&app, &alice, attachment["id"].as_i64().unwrap_or_default()).await;
        assert_eq!(
            res.header(header::CONTENT_DISPOSITION),
            Some(disposition),
            "{raw}"
        );
    }
    // Only images, PDF and text are served as themselves.
    let zip = uploaded(
        &app,
        &alice,
        "logs.zip",
        "application/zip",
        b"PK\x03\x04rest",
    )
    .await;
    let res = download(&app, &alice, zip["id"].as_i64().unwrap_or_default()).await;
    assert_eq!(
        res.header(header::CONTENT_TYPE),
        Some("application/octet-stream")
    );
}

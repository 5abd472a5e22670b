//! What an upload must be: under the configured size limit, of an allowed type (by extension,
//! declared type and first bytes), and named so that `Content-Disposition` cannot be escaped.

use crate::attachments::{download, upload, uploaded, PDF};
use crate::catalog::PNG;
use crate::support::{pairs, TestApp, ALICE};
use axum::http::{header, StatusCode};
use serde_json::json;

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

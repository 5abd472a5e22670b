//! The blob store behind attachments: the same upload, download and 404 rules over a real
//! S3-compatible server (`support::s3`, started by each test) as over the local directory; large
//! files in parts; files of existing installs (the local layout) still served; and an upload the
//! store refuses is a 5xx that leaves no attachment behind.

use crate::attachments::{download, upload, uploaded, PDF};
use crate::support::s3::{self, S3Server};
use crate::support::{TestApp, AGENT, ALICE, BOB, CAROL, DAVE, OTHER_AGENT};
use axum::http::{header, StatusCode};
use serde_json::json;

/// An application whose attachments go to `bucket` (keys under `prefix`) on `s3`.
async fn app_on(s3: &S3Server, bucket: &str, prefix: Option<&str>) -> TestApp {
    let url = s3.url(bucket, prefix);
    TestApp::with(|config| {
        config.blob_store = Some(url);
        config.blob_credentials = Some(s3::credentials());
    })
    .await
}

/// The storage key of attachment `id`, as recorded.
async fn storage_key(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT storage_key FROM attachments WHERE id = $1")
        .bind(id)
        .fetch_one(&app.sql)
        .await
        .expect("storage key")
}

#[tokio::test]
async fn upload_and_download_through_s3_by_who_may_see_the_ticket() {
    let s3 = S3Server::start("baton-round-trip").await;
    let app = app_on(&s3, "baton-round-trip", None).await;
    let alice = app.login(ALICE).await;
    let attachment = uploaded(&app, &alice, "report.pdf", "application/pdf", PDF).await;
    let id = attachment["id"].as_i64().expect("id");
    // In the bucket under its storage key, and not on the local disk.
    let key = storage_key(&app, id).await;
    assert_eq!(s3.object("baton-round-trip", &key).as_deref(), Some(PDF));
    assert_eq!(s3.count("baton-round-trip", None), 1);
    let etag = s3.etag("baton-round-trip", &key).await.unwrap_or_default();
    assert!(!etag.is_empty() && !etag.contains('-'), "one PUT: {etag}");
    assert!(
        !app.data_dir().join("attachments").exists(),
        "a local attachments directory"
    );

    // Unlinked: only the uploader has it.
    assert_eq!(download(&app, &alice, id).await.body, PDF);
    let bob = app.login(BOB).await;
    download(&app, &bob, id)
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    let mut new = app.new_ticket(&alice, "With a report").await;
    new["attachment_ids"] = json!([id]);
    let res = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&new)
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
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
            assert_eq!(
                res.header(header::CONTENT_LENGTH),
                Some(PDF.len().to_string().as_str())
            );
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
async fn large_files_go_in_parts_and_refused_ones_leave_nothing() {
    let s3 = S3Server::start("baton-parts").await;
    let app = app_on(&s3, "baton-parts", Some("desk/eu")).await;
    let alice = app.login(ALICE).await;
    // Past one part (blobs::PART_SIZE), so it is sent as a multipart upload; text that varies,
    // so a part out of order would show.
    let size = baton_server::blobs::PART_SIZE + 1024 * 1024 + 7;
    let big: Vec<u8> = (0..size).map(|i| b'a' + (i % 23) as u8).collect();
    let attachment = uploaded(&app, &alice, "big.log", "text/plain", &big).await;
    let id = attachment["id"].as_i64().expect("id");
    assert_eq!(attachment["size"], size);
    let key = storage_key(&app, id).await;
    assert!(
        s3.object("baton-parts", &key).is_none(),
        "not under the prefix"
    );
    let stored = format!("desk/eu/{key}");
    assert!(
        s3.object("baton-parts", &stored) == Some(big.clone()),
        "stored whole"
    );
    let etag = s3.etag("baton-parts", &stored).await.unwrap_or_default();
    assert!(
        etag.trim_matches('"').ends_with("-2"),
        "not two parts: {etag}"
    );
    let res = download(&app, &alice, id).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body == big, "downloaded whole");

    // Over the limit, of the wrong type: refused, and nothing reaches the store.
    let too_large = vec![b'a'; 21 * 1024 * 1024];
    upload(&app, &alice, "huge.txt", "text/plain", &too_large)
        .await
        .problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let res = upload(
        &app,
        &alice,
        "fake.png",
        "image/png",
        b"MZ\x90\x00 not a png",
    )
    .await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(s3.count("baton-parts", Some("desk/eu")), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 1);
}

#[tokio::test]
async fn an_upload_the_store_refuses_is_a_5xx_and_leaves_no_attachment() {
    // Two ways a store refuses: it answers an error (here 403, the server's key was revoked),
    // and it went away after the application had talked to it (its pooled connection dies, new
    // ones are refused; the client retries a few times, then gives up).
    let s3 = S3Server::start("baton-refusals").await;
    let url = s3.url("baton-refusals", None);
    let app = TestApp::with(|config| {
        config.blob_store = Some(url);
        let mut revoked = s3::credentials();
        revoked.secret.push_str("-revoked");
        config.blob_credentials = Some(revoked);
    })
    .await;
    let alice = app.login(ALICE).await;
    upload(&app, &alice, "a.txt", "text/plain", b"not allowed")
        .await
        .problem(StatusCode::INTERNAL_SERVER_ERROR, "internal");
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 0);
    assert_eq!(s3.count("baton-refusals", None), 0);

    let app = app_on(&s3, "baton-refusals", None).await;
    let alice = app.login(ALICE).await;
    let stored = uploaded(&app, &alice, "before.txt", "text/plain", b"stored").await;
    s3.stop().await;
    let started = std::time::Instant::now();
    upload(&app, &alice, "after.txt", "text/plain", b"refused")
        .await
        .problem(StatusCode::INTERNAL_SERVER_ERROR, "internal");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments").await, 1);
    assert_eq!(s3.count("baton-refusals", None), 1);
    // A stored file the store cannot hand back now is the server's failure, not a 404.
    download(&app, &alice, stored["id"].as_i64().expect("id"))
        .await
        .problem(StatusCode::INTERNAL_SERVER_ERROR, "internal");
}

#[tokio::test]
async fn local_files_keep_the_layout_of_existing_installs() {
    // Before the blob store, a file was `<data dir>/attachments/<storage key>`; such a file, with
    // its row, is still served, and new uploads are laid out the same way.
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let dir = app.data_dir().join("attachments");
    let new = uploaded(&app, &alice, "new.txt", "text/plain", b"new bytes").await;
    let key = storage_key(&app, new["id"].as_i64().expect("id")).await;
    assert_eq!(
        std::fs::read(dir.join(&key)).expect("the file"),
        b"new bytes"
    );

    let old_key = "0123456789abcdef0123456789abcdef";
    std::fs::write(dir.join(old_key), b"written by an older server").expect("old file");
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO attachments (tenant_id, uploader_id, name, content_type, size, storage_key, created_at)
         SELECT tenant_id, id, 'old.txt', 'text/plain', 26, $2, '2024-01-01T00:00:00Z' FROM users WHERE email = $1
         RETURNING id",
    )
    .bind(ALICE)
    .bind(old_key)
    .fetch_one(&app.sql)
    .await
    .expect("old row");
    let res = download(&app, &alice, id).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.body, b"written by an older server");
}

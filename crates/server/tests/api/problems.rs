//! Every way a request can be refused before the domain sees it, each as problem+json with the
//! contract's status and code: bad JSON, media types, fields, size, unknown routes and methods.

use crate::support::{pairs, TestApp, ALICE, DAVE};
use axum::http::{Method, StatusCode};
use serde_json::json;

/// (Content-Type, body, status, code, field errors).
type Case = (
    &'static str,
    &'static str,
    StatusCode,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

#[tokio::test]
async fn body_errors() {
    let app = TestApp::new().await;
    // Dave's desk has no ticket types, so the basic body ({title, description}) is a whole ticket.
    let dave = app.login(DAVE).await;
    let json = "application/json";
    let cases: Vec<Case> = vec![
        (
            json,
            r#"{"title": "t", "description": "#,
            StatusCode::BAD_REQUEST,
            "malformed_json",
            vec![],
        ),
        (json, "", StatusCode::BAD_REQUEST, "malformed_json", vec![]),
        (
            json,
            r#"["t", "d"]"#,
            StatusCode::BAD_REQUEST,
            "malformed_json",
            vec![],
        ),
        (
            "text/plain",
            r#"{"title": "t", "description": "d"}"#,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            vec![],
        ),
        (
            "application/x-www-form-urlencoded",
            "title=t&description=d",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            vec![],
        ),
        (
            json,
            r#"{"description": "d"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("title", "required")],
        ),
        (
            json,
            r#"{"title": "t", "description": "d", "colour": "red"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("colour", "invalid_value")],
        ),
        (
            json,
            r#"{"title": 42, "description": "d"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("title", "invalid_value")],
        ),
        (
            json,
            r#"{"title": " ", "description": ""}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("title", "required"), ("description", "required")],
        ),
        (
            json,
            r#"{"title": "t", "description": "d", "contact_phone": "call me"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            vec![("contact_phone", "invalid_phone")],
        ),
    ];
    for (content_type, body, status, code, fields) in cases {
        let res = app
            .post("/api/v1/tickets")
            .token(&dave)
            .raw(content_type, body.as_bytes().to_vec())
            .send()
            .await;
        let problem = res.problem(status, code);
        let got: Vec<_> = problem
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(got, pairs(&fields), "{content_type} {body}");
    }
    // Without any Content-Type.
    let res = app.post("/api/v1/tickets").token(&dave).send().await;
    res.problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    // JSON with parameters is JSON.
    let ok = app
        .post("/api/v1/tickets")
        .token(&dave)
        .raw(
            "application/json; charset=utf-8",
            br#"{"title": "t", "description": "d"}"#.to_vec(),
        )
        .send()
        .await;
    assert_eq!(ok.status, StatusCode::CREATED);
    // Only that last one created anything (dave has one demo ticket).
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = 'dave@other.test'").await, 2);
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_413() {
    let app = TestApp::new().await;
    let dave = app.login(DAVE).await;
    let big = json!({ "title": "Big", "description": "x".repeat(1024 * 1024 + 10) });
    let res = app
        .post("/api/v1/tickets")
        .token(&dave)
        .json(&big)
        .send()
        .await;
    let problem = res.problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert!(problem.detail.is_some());
    // Just under the limit is read (and then refused by validation, as too long a description).
    let near = json!({ "title": "Near", "description": "x".repeat(1000 * 1000) });
    let res = app
        .post("/api/v1/tickets")
        .token(&dave)
        .json(&near)
        .send()
        .await;
    assert_eq!(res.field_errors(), pairs(&[("description", "too_long")]));
}

#[tokio::test]
async fn unknown_routes_methods_and_ids() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    for path in [
        "/api/v1/nope",
        "/api/v2/tickets",
        "/api",
        "/api/v1/tickets/1/nope",
    ] {
        app.get(path)
            .token(&alice)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
    for path in [
        "/api/v1/tickets/abc",
        "/api/v1/tickets/99999999999999999999",
        "/api/v1/tickets/abc/messages",
    ] {
        app.get(path)
            .token(&alice)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
    let res = app
        .call(Method::PUT, "/api/v1/tickets")
        .token(&alice)
        .send()
        .await;
    res.problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let allow = res
        .header(axum::http::header::ALLOW)
        .unwrap_or_default()
        .to_owned();
    assert!(
        allow.contains("GET") && allow.contains("POST"),
        "Allow: {allow}"
    );
    app.call(Method::DELETE, "/api/v1/me")
        .send()
        .await
        .problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

#[tokio::test]
async fn a_bad_idempotency_key_is_422() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let long = "k".repeat(101);
    for key in [long.as_str(), "tab\there", ""] {
        let res = app
            .post("/api/v1/tickets")
            .token(&alice)
            .header("idempotency-key", key)
            .json(&json!({ "title": "t", "description": "d" }))
            .send()
            .await;
        assert_eq!(
            res.field_errors(),
            pairs(&[("Idempotency-Key", "invalid_value")]),
            "{key:?}"
        );
    }
}

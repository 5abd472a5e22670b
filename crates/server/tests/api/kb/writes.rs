//! Knowledge-base writes: admins create and edit, no one else may; validation names fields;
//! whatever the Markdown holds, `body_html` carries nothing active.

use super::{articles, titles};
use crate::support::{pairs, TestApp, ADMIN, AGENT, ALICE};
use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn admins_create_and_edit_and_no_one_else_may() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let res = app
        .post("/api/v1/kb/categories")
        .token(&admin)
        .json(&json!({ "name": "Software · 软件" }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let category = res.json()["id"].as_i64().unwrap_or_default();
    let body = json!({ "title": "  Install the office suite ", "body_markdown": "Run **setup**.", "category_id": category, "status": "published" });
    let res = app
        .post("/api/v1/kb/articles")
        .token(&admin)
        .json(&body)
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let created = res.json();
    let id = created["id"].as_i64().unwrap_or_default();
    let location = format!("/api/v1/kb/articles/{id}");
    assert_eq!(res.header(header::LOCATION), Some(location.as_str()));
    assert_eq!(created["title"], "Install the office suite");
    assert_eq!(created["body_html"], "<p>Run <strong>setup</strong>.</p>\n");
    assert_eq!(created["category"]["name"], "Software · 软件");
    let found = articles(&app, None, "q=office%20suite").await;
    assert_eq!(
        titles(&found).first().map(String::as_str),
        Some("Install the office suite")
    );

    let patch = json!({ "title": "Install Office", "category_id": null, "status": "draft" });
    let res = app
        .call(Method::PATCH, &location)
        .token(&admin)
        .json(&patch)
        .send()
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let edited = res.json();
    assert_eq!(
        (
            &edited["title"],
            &edited["category"],
            &edited["status"],
            &edited["body_markdown"]
        ),
        (
            &json!("Install Office"),
            &Value::Null,
            &json!("draft"),
            &json!("Run **setup**.")
        )
    );
    // Now a draft: gone for visitors, and the old title is no longer in the index.
    app.get(&location)
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let admin_search = articles(&app, Some(&admin), "q=Install%20Office&status=all").await;
    assert_eq!(
        titles(&admin_search).first().map(String::as_str),
        Some("Install Office")
    );
    assert_eq!(
        titles(&articles(&app, Some(&admin), "q=suite&status=all").await),
        Vec::<String>::new()
    );

    for who in [AGENT, ALICE] {
        let token = app.login(who).await;
        let calls = [
            (
                Method::POST,
                "/api/v1/kb/articles".to_owned(),
                json!({ "title": "x" }),
            ),
            (Method::PATCH, location.clone(), json!({ "title": "x" })),
            (
                Method::POST,
                "/api/v1/kb/categories".to_owned(),
                json!({ "name": "x" }),
            ),
        ];
        for (method, path, body) in calls {
            let res = app
                .call(method.clone(), &path)
                .token(&token)
                .json(&body)
                .send()
                .await;
            res.problem(StatusCode::FORBIDDEN, "forbidden");
        }
    }
    app.post("/api/v1/kb/articles")
        .json(&json!({ "title": "x" }))
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn invalid_articles_are_422_naming_fields() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let cases = [
        (json!({ "title": " " }), pairs(&[("title", "required")])),
        (
            json!({ "body_markdown": "b" }),
            pairs(&[("title", "required")]),
        ),
        (
            json!({ "title": "t".repeat(201), "body_markdown": "x".repeat(100_001) }),
            pairs(&[("title", "too_long"), ("body_markdown", "too_long")]),
        ),
        (
            json!({ "title": "t", "category_id": 999_999 }),
            pairs(&[("category_id", "invalid_value")]),
        ),
        (
            json!({ "title": "t", "status": "archived" }),
            pairs(&[("status", "invalid_value")]),
        ),
        (
            json!({ "title": "t", "colour": "red" }),
            pairs(&[("colour", "invalid_value")]),
        ),
    ];
    for (body, expected) in cases {
        let res = app
            .post("/api/v1/kb/articles")
            .token(&admin)
            .json(&body)
            .send()
            .await;
        assert_eq!(res.field_errors(), expected, "{body}");
    }
    let taken = json!({ "name": "Account · 账号与登录" });
    let res = app
        .post("/api/v1/kb/categories")
        .token(&admin)
        .json(&taken)
        .send()
        .await;
    assert_eq!(res.field_errors(), pairs(&[("name", "invalid_value")]));
    for query in ["limit=0", "category_id=abc", "cursor=zz", "status=archived"] {
        let res = app
            .get(&format!("/api/v1/kb/articles?{query}"))
            .send()
            .await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}: {}",
            res.text()
        );
    }
    let long = "q=".to_owned() + &"a".repeat(201);
    let res = app.get(&format!("/api/v1/kb/articles?{long}")).send().await;
    assert_eq!(res.field_errors(), pairs(&[("q", "too_long")]));
}

#[tokio::test]
async fn bodies_are_sanitized() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let markdown = "Hello <script>alert('s')</script>\n\n\
        <img src=\"x.png\" onerror=\"alert('e')\">\n\n\
        [pay here](javascript:alert('j')) and [docs](https://docs.test/a)\n\n\
        <iframe src=\"https://evil.test/\"></iframe>\n\n<a href=\"jAvAsCrIpT:alert('k')\" onclick=\"x()\">raw</a>";
    let body = json!({ "title": "Sanitize me", "body_markdown": markdown, "status": "published" });
    let res = app
        .post("/api/v1/kb/articles")
        .token(&admin)
        .json(&body)
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().unwrap_or_default();
    let article = app
        .get(&format!("/api/v1/kb/articles/{id}"))
        .send()
        .await
        .json();
    let html = article["body_html"]
        .as_str()
        .unwrap_or_default()
        .to_lowercase();
    for banned in [
        "<script",
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
    ] {
        assert!(!html.contains(banned), "{banned} survived in {html}");
    }
    assert!(
        html.contains(
            r#"<a href="https://docs.test/a" rel="noopener noreferrer nofollow">docs</a>"#
        ),
        "{html}"
    );
    // The author's Markdown is kept as written, for editing.
    assert_eq!(article["body_markdown"], markdown);
}

//! The widget's server side: the admin's SSO settings (rotate the secret, set the embed
//! origins; admins of the tenant only), the public widget configuration, and the
//! `frame-ancestors` policy of the `/widget` document.

use crate::sso::{claims, sign};
use crate::support::{config, pairs, TestApp, ADMIN, AGENT, ALICE, OTHER_AGENT};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use baton_server::{app, demo, storage, AppState};
use serde_json::json;
use tower::ServiceExt;

#[tokio::test]
async fn only_admins_see_and_change_sso_settings() {
    let app = TestApp::new().await;
    for who in [ALICE, AGENT, OTHER_AGENT] {
        let token = app.login(who).await;
        for (method, path) in [
            (Method::GET, "/api/v1/admin/sso"),
            (Method::POST, "/api/v1/admin/sso/secret"),
            (Method::PUT, "/api/v1/admin/sso/origins"),
        ] {
            let res = app
                .call(method, path)
                .token(&token)
                .json(&json!({"origins": []}))
                .send()
                .await;
            res.problem(StatusCode::FORBIDDEN, "forbidden");
        }
    }
    app.get("/api/v1/admin/sso")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");

    let admin = app.login(ADMIN).await;
    let settings = app
        .get("/api/v1/admin/sso")
        .token(&admin)
        .send()
        .await
        .json();
    assert_eq!(settings["tenant"], demo::TENANT_SLUG);
    assert_eq!(settings["secret_set"], true);
    assert_eq!(settings["allowed_origins"], json!(demo::DEMO_EMBED_ORIGINS));
    assert!(settings.get("secret").is_none());
}

#[tokio::test]
async fn rotating_the_secret_retires_the_old_one_in_that_tenant_only() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let res = app
        .post("/api/v1/admin/sso/secret")
        .token(&admin)
        .send()
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let secret = res.json()["secret"].as_str().expect("secret").to_owned();
    assert_eq!(secret.len(), 64);
    assert_ne!(secret, demo::SSO_SECRET);
    let settings = app
        .get("/api/v1/admin/sso")
        .token(&admin)
        .send()
        .await
        .json();
    assert_eq!(settings["secret_rotated_at"], res.json()["rotated_at"]);
    // Stored sealed: the database alone does not give it away.
    let stored: String =
        sqlx::query_scalar("SELECT secret FROM tenant_sso WHERE secret LIKE 'sealed:%'")
            .fetch_one(&app.sql)
            .await
            .expect("the sealed secret");
    assert!(!stored.contains(&secret), "{stored}");

    let exchange = |tenant: &'static str, token: String| {
        app.post("/api/v1/session/jwt")
            .json(&json!({ "tenant": tenant, "token": token }))
            .send()
    };
    let old = sign(&claims("r-1", "r1@host.test"), demo::SSO_SECRET);
    exchange("demo", old)
        .await
        .problem(StatusCode::UNAUTHORIZED, "sso_bad_signature");
    let new = sign(&claims("r-1", "r1@host.test"), &secret);
    assert_eq!(exchange("demo", new).await.status, StatusCode::OK);
    // The other tenant's secret is untouched.
    let other = sign(&claims("r-2", "r2@host.test"), demo::OTHER_SSO_SECRET);
    let res = exchange("other", other).await;
    assert_eq!(res.json()["me"]["tenant"]["name"], demo::OTHER_TENANT);
}

#[tokio::test]
async fn embed_origins_are_validated_normalized_and_public() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let put = |body: serde_json::Value| {
        app.call(Method::PUT, "/api/v1/admin/sso/origins")
            .token(&admin)
            .json(&body)
            .send()
    };
    let bad = put(json!({"origins": ["https://shop.test", "https://shop.test/path"]})).await;
    assert_eq!(bad.field_errors(), pairs(&[("origins.1", "invalid_value")]));
    let unknown = put(json!({"origins": [], "extra": 1})).await;
    assert_eq!(unknown.field_errors(), pairs(&[("extra", "invalid_value")]));
    let ok = put(json!({"origins": ["HTTPS://Shop.test:443/", "http://127.0.0.1:9000"]})).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    let expected = json!(["https://shop.test", "http://127.0.0.1:9000"]);
    assert_eq!(ok.json()["allowed_origins"], expected);

    let public = app.get("/api/v1/widget/demo").send().await;
    assert_eq!(
        public.header(header::ACCESS_CONTROL_ALLOW_ORIGIN),
        Some("*")
    );
    let public = public.json();
    assert_eq!(
        (public["tenant"].clone(), public["allowed_origins"].clone()),
        (json!("demo"), expected)
    );
    // The other tenant is unaffected; an unknown tenant is a 404.
    assert_eq!(
        app.get("/api/v1/widget/other").send().await.json()["allowed_origins"],
        json!([])
    );
    app.get("/api/v1/widget/nope")
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
}

/// The `/widget` document may be framed by the tenant's origins only; every other page by none.
#[tokio::test]
async fn the_widget_document_names_its_frame_ancestors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).expect("dist");
    std::fs::write(dist.join("index.html"), "<!doctype html><title>t</title>").expect("index");
    let mut config = config(&dir);
    config.dist = Some(dist);
    let db = storage::open(&config.database_url).await.expect("db");
    demo::seed_if_empty(&db).await.expect("seed");
    let router = app(AppState::new(db.clone(), &config).expect("state"));
    let csp = |path: &'static str| {
        let router = router.clone();
        async move {
            let req = Request::get(path).body(Body::empty()).expect("request");
            let res = router.oneshot(req).await.expect("infallible");
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let value = res.headers().get(header::CONTENT_SECURITY_POLICY).cloned();
            // The frame-ancestors directive of the document's whole policy.
            let policy = value.and_then(|v| v.to_str().ok().map(str::to_owned)).unwrap_or_default();
            assert!(policy.contains("script-src 'self'"), "{path}: {policy}");
            policy.split("; ").find(|d| d.starts_with("frame-ancestors")).unwrap_or_default().to_owned()
        }
    };
    // The demo seed allows scripts/widget-demo.py's origins.
    assert_eq!(
        csp("/widget?tenant=demo").await,
        "frame-ancestors http://127.0.0.1:8000 http://localhost:8000"
    );
    let mut conn = db.acquire().await.expect("conn");
    let origins = [
        "http://127.0.0.1:9000".to_owned(),
        "https://shop.test".to_owned(),
    ];
    let demo_id = storage::sso::tenant_by_slug(&db, "demo")
        .await
        .expect("q")
        .expect("demo")
        .id;
    storage::sso::set_origins(&mut conn, demo_id, &origins)
        .await
        .expect("set");
    assert_eq!(
        csp("/widget?tenant=demo&locale=en").await,
        "frame-ancestors http://127.0.0.1:9000 https://shop.test"
    );
    for other in [
        "/widget?tenant=other",
        "/widget?tenant=nope",
        "/widget",
        "/tickets",
        "/login",
    ] {
        assert_eq!(csp(other).await, "frame-ancestors 'none'", "{other}");
    }
}

/// `Baton-Channel` on `POST /tickets`: the widget's tickets say `widget`; customers cannot
/// claim staff channels; unknown values are 422.
#[tokio::test]
async fn tickets_record_the_channel_they_came_through() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    // The demo desk has ticket types: a ticket names one (see `TestApp::new_ticket`).
    let body = app.new_ticket(&alice, "From the widget").await;
    let create = |token: &str, channel: Option<&str>| {
        let mut call = app.post("/api/v1/tickets").token(token);
        if let Some(channel) = channel {
            call = call.header("Baton-Channel", channel);
        }
        call.json(&body).send()
    };
    for (token, channel, expected) in [
        (&alice, None, "web"),
        (&alice, Some("widget"), "widget"),
        (&agent, Some("phone"), "phone"),
    ] {
        let res = create(token, channel).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        assert_eq!(res.json()["channel"], expected);
    }
    for (token, channel) in [
        (&alice, "phone"),
        (&alice, "email"),
        (&alice, "fax"),
        (&agent, ""),
    ] {
        let res = create(token, Some(channel)).await;
        assert_eq!(
            res.field_errors(),
            pairs(&[("Baton-Channel", "invalid_value")]),
            "{channel}"
        );
    }
}

//! Single sign-on: `POST /session/jwt` turns a host-signed JWT into a bearer session for a
//! customer created or updated from its claims; every bad token is refused with its own code and
//! leaves nothing behind; staff never sign in this way; the full-page login link.

use crate::support::{TestApp, AGENT, ALICE};
use axum::http::{header, StatusCode};
use baton_server::demo;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// Claims for host user `sub`, valid for 5 minutes, with a fresh jti.
pub fn claims(sub: &str, email: &str) -> Value {
    json!({
        "sub": sub, "email": email, "name": format!("Host user {sub}"),
        "exp": now() + 300, "jti": format!("jti-{sub}-{}", rand_suffix()),
    })
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

pub fn sign(claims: &Value, secret: &str) -> String {
    sign_with(Algorithm::HS256, claims, secret)
}

fn sign_with(alg: Algorithm, claims: &Value, secret: &str) -> String {
    encode(
        &Header::new(alg),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .expect("sign")
}

async fn exchange(app: &TestApp, tenant: &str, token: &str) -> crate::support::Response {
    app.post("/api/v1/session/jwt")
        .json(&json!({ "tenant": tenant, "token": token }))
        .send()
        .await
}

#[tokio::test]
async fn a_signed_token_creates_the_customer_and_a_bearer_session() {
    let app = TestApp::new().await;
    let mut c = claims("h-1", "Neo@Host.test");
    c["customer_group"] = json!("Host Corp");
    let res = exchange(&app, demo::TENANT_SLUG, &sign(&c, demo::SSO_SECRET)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(
        res.set_cookie("baton_session").is_none(),
        "the widget mode never sets a cookie"
    );
    let body = res.json();
    assert_eq!(body["me"]["email"], "neo@host.test");
    assert_eq!(body["me"]["role"], "customer");
    assert_eq!(body["me"]["tenant"]["name"], demo::TENANT);
    assert_eq!(body["me"]["customer_group"]["name"], "Host Corp");
    let expires = body["expires_at"].as_str().expect("expires_at");
    assert!(expires.ends_with('Z') && expires.len() == 20, "{expires}");
    let token = body["token"].as_str().expect("token").to_owned();
    let me = app.get("/api/v1/me").token(&token).send().await;
    assert_eq!(me.json()["id"], body["me"]["id"]);

    // The same host user again: the same customer, brought up to date; the group stays.
    let mut again = claims("h-1", "neo.new@host.test");
    again["name"] = json!("Neo Renamed");
    let res = exchange(&app, demo::TENANT_SLUG, &sign(&again, demo::SSO_SECRET)).await;
    let me = res.json()["me"].clone();
    assert_eq!(
        (me["id"].clone(), me["name"].clone()),
        (body["me"]["id"].clone(), json!("Neo Renamed"))
    );
    assert_eq!(me["email"], "neo.new@host.test");
    assert_eq!(me["customer_group"]["name"], "Host Corp");
    // The account has no password: it exists only through the host.
    let login = app
        .post("/api/v1/session")
        .json(&json!({ "email": "neo.new@host.test", "password": "!" }))
        .send()
        .await;
    login.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
}

#[tokio::test]
async fn bad_tokens_are_refused_with_their_code_and_create_nothing() {
    let app = TestApp::new().await;
    let count = "SELECT (SELECT COUNT(*) FROM users) * 1000 + (SELECT COUNT(*) FROM sessions)";
    let before = app.count(count).await;
    let mut expired = claims("h-2", "h2@host.test");
    expired["exp"] = json!(now() - 120);
    let mut long = claims("h-2", "h2@host.test");
    long["exp"] = json!(now() + 3600);
    let mut no_jti = claims("h-2", "h2@host.test");
    no_jti.as_object_mut().map(|o| o.remove("jti"));
    let mut bad_email = claims("h-2", "h2@host.test");
    bad_email["email"] = json!("not-an-email");
    let good = claims("h-2", "h2@host.test");
    let none_header = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";
    let body = sign(&good, demo::SSO_SECRET)
        .split('.')
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    let cases = [
        (sign(&expired, demo::SSO_SECRET), "sso_expired"),
        (sign(&good, "not-the-secret"), "sso_bad_signature"),
        (sign(&good, demo::OTHER_SSO_SECRET), "sso_bad_signature"),
        (sign(&long, demo::SSO_SECRET), "sso_invalid_token"),
        (sign(&no_jti, demo::SSO_SECRET), "sso_invalid_token"),
        (sign(&bad_email, demo::SSO_SECRET), "sso_invalid_token"),
        (
            sign_with(Algorithm::HS512, &good, demo::SSO_SECRET),
            "sso_invalid_token",
        ),
        (format!("{none_header}.{body}."), "sso_invalid_token"),
        ("not.a.jwt".to_owned(), "sso_invalid_token"),
    ];
    for (token, code) in cases {
        let res = exchange(&app, demo::TENANT_SLUG, &token).await;
        let problem = res.problem(StatusCode::UNAUTHORIZED, code);
        assert!(problem.detail.is_some(), "{problem:?}");
    }
    let res = exchange(&app, "no-such-tenant", &sign(&good, demo::SSO_SECRET)).await;
    res.problem(StatusCode::UNAUTHORIZED, "sso_invalid_token");
    assert_eq!(
        app.count(count).await,
        before,
        "refused tokens created something"
    );

    // Replay: the first use works, the second is refused.
    let token = sign(&good, demo::SSO_SECRET);
    assert_eq!(
        exchange(&app, demo::TENANT_SLUG, &token).await.status,
        StatusCode::OK
    );
    exchange(&app, demo::TENANT_SLUG, &token)
        .await
        .problem(StatusCode::UNAUTHORIZED, "sso_replayed");

    let missing = app
        .post("/api/v1/session/jwt")
        .json(&json!({ "tenant": "demo" }))
        .send()
        .await;
    assert_eq!(
        missing.field_errors(),
        crate::support::pairs(&[("token", "required")])
    );
    let blank = exchange(&app, " ", "x").await;
    assert_eq!(
        blank.field_errors(),
        crate::support::pairs(&[("tenant", "required")])
    );
}

#[tokio::test]
async fn staff_never_sign_in_and_existing_customers_are_linked_by_email() {
    let app = TestApp::new().await;
    let res = exchange(
        &app,
        demo::TENANT_SLUG,
        &sign(&claims("h-agent", AGENT), demo::SSO_SECRET),
    )
    .await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE external_id IS NOT NULL")
            .await,
        0
    );

    let alice_id = app
        .get("/api/v1/me")
        .token(&app.login(ALICE).await)
        .send()
        .await
        .json()["id"]
        .clone();
    let res = exchange(
        &app,
        demo::TENANT_SLUG,
        &sign(&claims("h-alice", ALICE), demo::SSO_SECRET),
    )
    .await;
    assert_eq!(res.json()["me"]["id"], alice_id);
    // Another host user claiming alice's email is refused: the email is linked to h-alice.
    let res = exchange(
        &app,
        demo::TENANT_SLUG,
        &sign(&claims("h-mallory", ALICE), demo::SSO_SECRET),
    )
    .await;
    res.problem(StatusCode::UNAUTHORIZED, "sso_invalid_token");
}

#[tokio::test]
async fn the_login_link_sets_the_cookie_and_redirects() {
    let app = TestApp::new().await;
    let token = sign(&claims("h-link", "link@host.test"), demo::SSO_SECRET);
    let url = format!("/sso/jwt?tenant=demo&token={token}&return_to=/tickets/new");
    let res = app.get(&url).send().await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.header(header::LOCATION), Some("/tickets/new"));
    let session = res.cookie("baton_session").expect("cookie");
    let me = app
        .get("/api/v1/me")
        .header("cookie", &format!("baton_session={session}"))
        .send()
        .await;
    assert_eq!(me.json()["email"], "link@host.test");

    // Replayed, and an offsite return_to is ignored.
    let res = app
        .get(&url.replace("/tickets/new", "//evil.test"))
        .send()
        .await;
    assert_eq!(
        res.header(header::LOCATION),
        Some("/login?sso_error=sso_replayed")
    );
    assert!(res.set_cookie("baton_session").is_none());
    let fresh = sign(&claims("h-link", "link@host.test"), demo::SSO_SECRET);
    let res = app
        .get(&format!(
            "/sso/jwt?tenant=demo&token={fresh}&return_to=//evil.test"
        ))
        .send()
        .await;
    assert_eq!(res.header(header::LOCATION), Some("/tickets"));
    let res = app.get("/sso/jwt?tenant=demo").send().await;
    assert_eq!(
        res.header(header::LOCATION),
        Some("/login?sso_error=sso_invalid_token")
    );
}

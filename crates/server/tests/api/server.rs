//! `Server::start` on a real socket, driven by reqwest: cookies end to end, the SPA's files and
//! fallback with their cache and security headers, compression, CORS, restart and shutdown.

use crate::support::{config, ALICE};
use baton_server::{demo, Config, Server};
use reqwest::header::{HeaderMap, ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::json;
use std::path::Path;
use tempfile::TempDir;

const INDEX: &str = "<!doctype html><html><head><title>Baton</title></head><body>app</body></html>";
const JS: &str = "baton-0123456789abcdef.js";

/// A Trunk-like dist: index.html, a hashed script with a precompressed sibling, config.json.
fn dist(dir: &TempDir) -> std::path::PathBuf {
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).expect("dist dir");
    let write = |name: &str, bytes: &[u8]| std::fs::write(dist.join(name), bytes).expect("write");
    write("index.html", INDEX.as_bytes());
    write(JS, "console.log('baton');\n".repeat(20).as_bytes());
    // Not real gzip: the test only checks that the sibling file is what gets sent.
    write(&format!("{JS}.gz"), b"precompressed-gzip-bytes");
    write("config.json", br#"{"api":"/api/v1"}"#);
    dist
}

async fn start(dir: &TempDir, tweak: impl FnOnce(&mut Config)) -> (Server, String) {
    let mut config = config(dir);
    tweak(&mut config);
    let server = Server::start(config).await.expect("server starts");
    let base = format!("http://{}", server.local_addr());
    (server, base)
}

fn server_addr(base: &str) -> std::net::SocketAddr {
    base.trim_start_matches("http://").parse().expect("addr")
}

fn header(headers: &HeaderMap, name: impl reqwest::header::AsHeaderName) -> &str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn cookies_work_end_to_end_and_shutdown_stops_answering() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (server, base) = start(&dir, |_| {}).await;
    let database_url = server.state().db.url().to_owned();
    assert!(server.has_demo_data());
    // As the SPA: cookies, and the client header a change made with them needs.
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("baton-client", reqwest::header::HeaderValue::from_static("spa"));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .expect("client");
    let login = client
        .post(format!("{base}/api/v1/session"))
        .json(&json!({ "email": ALICE, "password": demo::PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
    let me = client
        .get(format!("{base}/api/v1/me"))
        .send()
        .await
        .expect("me");
    assert_eq!(me.status(), StatusCode::OK);
    let out = client
        .delete(format!("{base}/api/v1/session"))
        .send()
        .await
        .expect("logout");
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    let after = client
        .get(format!("{base}/api/v1/me"))
        .send()
        .await
        .expect("me again");
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        header(after.headers(), CONTENT_TYPE),
        "application/problem+json"
    );

    server.shutdown().await;
    let fresh = reqwest::Client::new();
    assert!(
        fresh
            .get(format!("{base}/api/v1/health"))
            .send()
            .await
            .is_err(),
        "still answering after shutdown"
    );

    // Restarting on the same port and database keeps the data and does not seed twice.
    let addr = server_addr(&base);
    let (again, base) = start(&dir, |c| {
        c.addr = addr;
        c.database_url = database_url;
    })
    .await;
    assert!(again.has_demo_data());
    let tenants: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tenants")
        .fetch_one(&crate::support::sql_pool(again.state().db.url()).await)
        .await
        .expect("count");
    assert_eq!(tenants, 2);
    assert_eq!(
        fresh
            .get(format!("{base}/api/v1/health"))
            .send()
            .await
            .expect("health")
            .status(),
        StatusCode::OK
    );
    again.shutdown().await;
}

#[tokio::test]
async fn serves_the_spa_with_cache_and_security_headers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dist(&dir);
    let (server, base) = start(&dir, |c| c.dist = Some(dist.clone())).await;
    let client = reqwest::Client::new();

    for path in ["/", "/index.html", "/tickets/12", "/agent/views/mine"] {
        let res = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .expect("page");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let headers = res.headers().clone();
        assert_eq!(header(&headers, CACHE_CONTROL), "no-cache", "{path}");
        assert!(
            header(&headers, CONTENT_TYPE).starts_with("text/html"),
            "{path}"
        );
        let policy = header(&headers, "content-security-policy");
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'"), "{path}: {policy}");
        let scripts = policy.split("; ").find(|d| d.starts_with("script-src")).unwrap_or_default();
        assert!(!scripts.contains("unsafe-inline") && !scripts.contains(" 'unsafe-eval'"), "{path}: {policy}");
        assert!(policy.contains("object-src 'none'") && policy.ends_with("frame-ancestors 'none'"), "{path}: {policy}");
        assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
        assert_eq!(header(&headers, "referrer-policy"), "same-origin");
        assert_eq!(res.text().await.expect("body"), INDEX, "{path}");
    }

    let config = client
        .get(format!("{base}/config.json"))
        .send()
        .await
        .expect("config");
    assert_eq!(header(config.headers(), CACHE_CONTROL), "no-cache");
    assert!(
        config.headers().get("content-security-policy").is_none(),
        "CSP is for HTML"
    );

    let script = client
        .get(format!("{base}/{JS}"))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .expect("script");
    assert_eq!(
        header(script.headers(), CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header(script.headers(), CONTENT_ENCODING), "gzip");
    assert_eq!(
        script.bytes().await.expect("bytes").as_ref(),
        b"precompressed-gzip-bytes"
    );

    // Without a precompressed sibling for br, the server compresses on the fly.
    let br = client
        .get(format!("{base}/{JS}"))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .expect("br");
    assert_eq!(header(br.headers(), CONTENT_ENCODING), "br");
    // The API is compressed too.
    let api = client
        .get(format!("{base}/api/v1/openapi.json"))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .expect("api");
    assert_eq!(header(api.headers(), CONTENT_ENCODING), "gzip");
    assert_eq!(header(api.headers(), "x-content-type-options"), "nosniff");

    // /api/ never falls back to the app.
    let missing = client
        .get(format!("{base}/api/v1/nope"))
        .send()
        .await
        .expect("missing");
    assert_eq!(
        header(missing.headers(), CONTENT_TYPE),
        "application/problem+json"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn cors_allows_exactly_the_configured_origins_with_credentials() {
    let dir = tempfile::tempdir().expect("temp dir");
    let origin = "http://localhost:8081";
    let (server, base) = start(&dir, |c| c.cors_origins = vec![origin.to_owned()]).await;
    let client = reqwest::Client::new();
    let preflight = |from: &'static str| {
        client
            .request(reqwest::Method::OPTIONS, format!("{base}/api/v1/tickets"))
            .header("origin", from)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type,idempotency-key",
            )
            .send()
    };
    let allowed = preflight(origin).await.expect("preflight");
    assert_eq!(
        header(allowed.headers(), "access-control-allow-origin"),
        origin
    );
    assert_eq!(
        header(allowed.headers(), "access-control-allow-credentials"),
        "true"
    );
    let refused = preflight("http://evil.test").await.expect("preflight");
    assert!(refused
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    server.shutdown().await;
}

#[tokio::test]
async fn a_missing_dist_serves_the_api_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (server, base) = start(&dir, |c| {
        c.dist = Some(Path::new("/nonexistent/dist").to_path_buf())
    })
    .await;
    let client = reqwest::Client::new();
    assert_eq!(
        client
            .get(format!("{base}/"))
            .send()
            .await
            .expect("root")
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        client
            .get(format!("{base}/api/v1/health"))
            .send()
            .await
            .expect("health")
            .status(),
        StatusCode::OK
    );
    server.shutdown().await;
}

#[tokio::test]
async fn start_errors_are_reported_not_panicked() {
    // Bad values on a taken port: each is reported as itself, checked before the bind.
    let dir = tempfile::tempdir().expect("temp dir");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let busy_addr = taken.local_addr().expect("addr");
    let on_busy_port = |tweak: fn(&mut Config)| {
        let mut c = config(&dir);
        c.addr = busy_addr;
        tweak(&mut c);
        c
    };
    for (bad, needle) in [
        (
            on_busy_port(|c| c.database_url = "mysql://localhost/baton".to_owned()),
            "unsupported database URL",
        ),
        (
            on_busy_port(|c| c.cors_origins = vec!["*".to_owned()]),
            "invalid CORS origin",
        ),
        (on_busy_port(|c| c.max_upload_mb = 0), "upload limit"),
    ] {
        let err = Server::start(bad).await.err().expect("refused");
        assert!(err.to_string().contains(needle), "{err}");
    }

    let mut busy = config(&dir);
    busy.addr = busy_addr;
    let err = Server::start(busy).await.err().expect("refused");
    assert!(err.to_string().starts_with("cannot listen on"), "{err}");
}

use super::{is_agent_path, is_hashed, Spa, IMMUTABLE, NO_CACHE};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, StatusCode};

async fn get(spa: &Spa, path: &str) -> (StatusCode, String, String) {
    let req = Request::get(path).body(Body::empty()).expect("request");
    let res = spa.serve(req).await;
    let cache = res.headers()[header::CACHE_CONTROL]
        .to_str()
        .expect("ascii")
        .to_owned();
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .expect("body");
    (
        status,
        cache,
        String::from_utf8(body.to_vec()).expect("utf-8"),
    )
}

#[tokio::test]
async fn agent_routes_get_the_agent_document_and_the_rest_the_help_center() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("ws")).expect("ws");
    std::fs::write(dir.path().join("index.html"), "help center").expect("write");
    std::fs::write(dir.path().join("ws/index.html"), "agent").expect("write");
    let js = "ws/baton-agent-0123456789abcdef.js";
    std::fs::write(dir.path().join(js), "agent js").expect("write");
    let spa = Spa::new(dir.path().to_path_buf());
    for path in ["/agent", "/agent/", "/agent/tickets/3", "/agent?view=mine"] {
        assert_eq!(
            get(&spa, path).await,
            (StatusCode::OK, NO_CACHE.into(), "agent".into()),
            "{path}"
        );
    }
    for path in [
        "/",
        "/login",
        "/agents",
        "/kb/agent",
        "/tickets/12",
        "/widget",
    ] {
        assert_eq!(
            get(&spa, path).await,
            (StatusCode::OK, NO_CACHE.into(), "help center".into()),
            "{path}"
        );
    }
    assert_eq!(
        get(&spa, &format!("/{js}")).await,
        (StatusCode::OK, IMMUTABLE.into(), "agent js".into())
    );

    // Without the agent bundle (an older dist), /agent still gets a document.
    std::fs::remove_file(dir.path().join("ws/index.html")).expect("remove");
    assert_eq!(get(&spa, "/agent").await.2, "help center");
}

#[test]
fn agent_paths() {
    assert!(is_agent_path("/agent") && is_agent_path("/agent/tickets/1"));
    assert!(!is_agent_path("/agents") && !is_agent_path("/") && !is_agent_path("/ws/agent"));
}

#[test]
fn hashed_names() {
    for hashed in [
        "/baton-0123456789abcdef.js",
        "/baton-0123456789abcdef_bg.wasm",
        "/main-a1b2c3d4e5f60718.css",
        "/baton-dcf0d286fe31049_bg.wasm",
        "/ws/baton-agent-3fbd2ddb80092f86.js",
    ] {
        assert!(is_hashed(hashed), "{hashed}");
    }
    for plain in [
        "/",
        "/index.html",
        "/config.json",
        "/favicon.ico",
        "/tickets/12",
        "/baton.js",
    ] {
        assert!(!is_hashed(plain), "{plain}");
    }
}

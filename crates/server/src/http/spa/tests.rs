use super::{bundle_of, is_hashed, Bundle, Spa, IMMUTABLE, NO_CACHE};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, StatusCode};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// Status, `Cache-Control` and body of `GET path`.
async fn get(spa: &Spa, path: &str) -> TestResult<(StatusCode, String, String)> {
    let req = Request::get(path).body(Body::empty())?;
    let res = spa.serve(req).await;
    let cache = res
        .headers()
        .get(header::CACHE_CONTROL)
        .ok_or("no Cache-Control")?
        .to_str()?
        .to_owned();
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20).await?;
    Ok((status, cache, String::from_utf8(body.to_vec())?))
}

#[tokio::test]
async fn agent_routes_get_the_agent_document_and_the_rest_the_help_center() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::create_dir_all(dir.path().join("ws"))?;
    std::fs::create_dir_all(dir.path().join("adm"))?;
    std::fs::write(dir.path().join("index.html"), "help center")?;
    std::fs::write(dir.path().join("ws/index.html"), "agent")?;
    std::fs::write(dir.path().join("adm/index.html"), "admin")?;
    let js = "ws/baton-agent-0123456789abcdef.js";
    std::fs::write(dir.path().join(js), "agent js")?;
    let spa = Spa::new(dir.path().to_path_buf());
    for path in [
        "/agent",
        "/agent/",
        "/agent/tickets/3",
        "/agent?view=mine",
        "/set-password?token=abc",
        "/forgot-password?tenant=acme",
    ] {
        assert_eq!(
            get(&spa, path).await?,
            (StatusCode::OK, NO_CACHE.into(), "agent".into()),
            "{path}"
        );
    }
    for path in ["/admin", "/admin/agents", "/admin/mail?status=failed", "/admin/sla", "/agent/reports", "/agent/reports?from=2026-12-01"] {
        assert_eq!(
            get(&spa, path).await?,
            (StatusCode::OK, NO_CACHE.into(), "admin".into()),
            "{path}"
        );
    }
    for path in [
        "/",
        "/login",
        "/agents",
        "/administrator",
        "/kb/agent",
        "/tickets/12",
        "/widget",
    ] {
        assert_eq!(
            get(&spa, path).await?,
            (StatusCode::OK, NO_CACHE.into(), "help center".into()),
            "{path}"
        );
    }
    assert_eq!(
        get(&spa, &format!("/{js}")).await?,
        (StatusCode::OK, IMMUTABLE.into(), "agent js".into())
    );

    // Without the admin bundle (an older dist), /admin gets the agent's document, which says
    // where it is; without the agent bundle too, the help center's.
    std::fs::remove_file(dir.path().join("adm/index.html"))?;
    assert_eq!(get(&spa, "/admin/agents").await?.2, "agent");
    std::fs::remove_file(dir.path().join("ws/index.html"))?;
    assert_eq!(get(&spa, "/agent").await?.2, "help center");
    Ok(())
}

/// The same table as `baton::routes`' test: the two must say the same.
#[test]
fn paths_are_their_bundles() {
    let console = ["/agent", "/agent/", "/agent/tickets/3", "/set-password", "/forgot-password", "/signup", "/agent/reportsx"];
    let admin = ["/admin", "/admin/", "/admin/agents", "/admin/mail", "/admin/sla", "/admin/workflows", "/admin/types", "/admin/routing", "/agent/reports", "/agent/reports/",
        "/agent/settings", "/agent/notifications", "/notifications",
        // customers administration (issue 12)
        "/admin/customers",
        // Knowledge-base and quick-reply editors (issue 12).
        "/admin/kb", "/admin/quick-replies"];
    let help_center = ["/", "/agents", "/agentx/1", "/login", "/kb/agent", "/tickets/1", "/set-password/x",
        "/forgot-password/x", "/signup/x", "/signups", "/admins", "/administrator", "/ws/agent", "/adm/x"];
    for (paths, bundle) in [(&console[..], Bundle::Console), (&admin[..], Bundle::Admin), (&help_center[..], Bundle::HelpCenter)] {
        for path in paths {
            assert_eq!(bundle_of(path), bundle, "{path}");
        }
    }
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

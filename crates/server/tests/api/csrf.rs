//! Cross-site request forgery (issue 16): a change made with the session cookie needs the
//! `Baton-Client` header and, when the browser names one, an origin of this site; bearer requests
//! and reads need neither. A refused request changes nothing.

use crate::support::{TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use serde_json::json;

const HOST: &str = "desk.example:8080";

#[tokio::test]
async fn cookie_changes_need_the_client_header_and_our_origin() {
    let app = TestApp::new().await;
    let token = app.login(ALICE).await;
    let cookie = format!("baton_session={token}");
    let body = app.new_ticket(&token, "Forged?").await;
    let count = || app.count("SELECT COUNT(*) FROM tickets WHERE title LIKE 'Forged%'");

    // (extra headers, expected status): a form from another site, a fetch from a sibling
    // subdomain, ours, and ours from an allowed page.
    let cases: &[(&[(&str, &str)], StatusCode)] = &[
        (&[], StatusCode::FORBIDDEN),
        (&[("origin", "https://evil.example")], StatusCode::FORBIDDEN),
        (&[("baton-client", "spa"), ("origin", "https://evil.desk.example")], StatusCode::FORBIDDEN),
        (&[("baton-client", "spa"), ("sec-fetch-site", "same-site")], StatusCode::FORBIDDEN),
        (&[("baton-client", "spa"), ("origin", "http://desk.example:8080"), ("sec-fetch-site", "same-origin")], StatusCode::CREATED),
        (&[("baton-client", "spa")], StatusCode::CREATED),
    ];
    let mut created = 0;
    for (extra, expected) in cases {
        let mut call = app.post("/api/v1/tickets").header("cookie", &cookie).header("host", HOST).json(&body);
        for (name, value) in *extra {
            call = call.header(name, value);
        }
        let res = call.send().await;
        assert_eq!(res.status, *expected, "{extra:?}: {}", res.text());
        if *expected == StatusCode::FORBIDDEN {
            assert_eq!(res.json()["code"], "cross_site", "{extra:?}");
        } else {
            created += 1;
        }
        assert_eq!(count().await, created, "a refused request creates nothing");
    }

    // Reads need no header; a session that is gone is still a 401, not a 403.
    let res = app.get("/api/v1/tickets").header("cookie", &cookie).send().await;
    assert_eq!(res.status, StatusCode::OK);
    let res = app.post("/api/v1/tickets").header("cookie", "baton_session=gone").json(&body).send().await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn bearer_requests_and_bodyless_staff_posts() {
    let app = TestApp::new().await;
    let customer = app.login(ALICE).await;
    let body = app.new_ticket(&customer, "Bearer").await;
    let res = app.post("/api/v1/tickets").token(&customer).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "a bearer token is no ambient credential");
    let id = res.json()["id"].as_i64().expect("id");

    // A body-less POST (trash) forged with the agent's cookie is refused and trashes nothing.
    let agent = app.login(AGENT).await;
    let cookie = format!("baton_session={agent}");
    let res = app.post(&format!("/api/v1/tickets/{id}/trash")).header("cookie", &cookie).send().await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app.get(&format!("/api/v1/tickets/{id}")).token(&agent).send().await;
    assert_eq!(res.json()["staff"]["trashed_at"], json!(null), "{}", res.text());
    let res = app
        .post(&format!("/api/v1/tickets/{id}/trash"))
        .header("cookie", &cookie)
        .header("baton-client", "spa")
        .send()
        .await;
    assert!(res.status.is_success(), "{}", res.text());
}

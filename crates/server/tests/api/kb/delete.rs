//! Deleting an article (the admin console's knowledge-base editor, issue 12): `kb.write` only —
//! others are refused whether or not the article exists — and then it is gone for everyone: by
//! id, from the lists and from search (the index follows on both databases); another desk's
//! article does not exist for a writer either.

use super::{article_id, articles, other_desk_admin, titles};
use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn writers_delete_articles_for_good_and_no_one_else_may() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let body = json!({ "title": "Obsolete router guide", "body_markdown": "Flashing the zyxelrouter firmware.", "status": "published" });
    let res = app.post("/api/v1/kb/articles").token(&admin).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = res.json()["id"].as_i64().unwrap_or_default();
    let path = format!("/api/v1/kb/articles/{id}");
    assert_eq!(titles(&articles(&app, None, "q=zyxelrouter").await), ["Obsolete router guide"]);

    // (who, article) → refusal: without kb.write it is 403 whether or not the article exists.
    let (agent, alice) = (app.login(AGENT).await, app.login(ALICE).await);
    let refusals = [
        (None, id, StatusCode::UNAUTHORIZED, "unauthenticated"),
        (Some(&agent), id, StatusCode::FORBIDDEN, "forbidden"),
        (Some(&alice), id, StatusCode::FORBIDDEN, "forbidden"),
        (Some(&agent), 99_999_999, StatusCode::FORBIDDEN, "forbidden"),
    ];
    for (token, target, status, code) in refusals {
        let mut call = app.call(Method::DELETE, &format!("/api/v1/kb/articles/{target}"));
        if let Some(token) = token {
            call = call.token(token);
        }
        call.send().await.problem(status, code);
    }
    // Another desk's writer: not theirs, so not found; ours stays.
    let ours = article_id(&app, "How to reset your password").await;
    let other_admin = other_desk_admin(&app).await;
    app.call(Method::DELETE, &format!("/api/v1/kb/articles/{ours}"))
        .token(&other_admin)
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.get(&format!("/api/v1/kb/articles/{ours}")).send().await.status, StatusCode::OK);
    assert_eq!(app.get(&path).send().await.status, StatusCode::OK, "a refused delete deleted");

    let res = app.call(Method::DELETE, &path).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    app.get(&path).token(&admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    let all = articles(&app, Some(&admin), "status=all&limit=50").await;
    assert!(!titles(&all).contains(&"Obsolete router guide".to_owned()), "{all}");
    assert!(titles(&articles(&app, None, "q=zyxelrouter").await).is_empty(), "still found by search");
    app.call(Method::DELETE, &path).token(&admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
}

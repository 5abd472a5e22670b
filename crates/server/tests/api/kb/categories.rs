//! Renaming and deleting a category (the admin console's knowledge-base editor, issue 12):
//! `kb.write` only, others refused whether or not the category exists; a rename follows the same
//! rules as a new name (blank, too long, taken: 422 on `name`, nothing changes) and the articles
//! show the new name; a deleted category's articles stay, published, without a category; another
//! desk's category does not exist for a writer.

use super::{articles, other_desk_admin};
use crate::support::{TestApp, ADMIN, AGENT, ALICE};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

async fn category(app: &TestApp, admin: &str, name: &str) -> i64 {
    let res = app.post("/api/v1/kb/categories").token(admin).json(&json!({ "name": name })).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["id"].as_i64().expect("id")
}

/// The categories of the default desk, as a visitor sees them: (id, name).
async fn listed(app: &TestApp) -> Vec<(i64, String)> {
    let list = app.get("/api/v1/kb/categories").send().await.json();
    list.as_array().into_iter().flatten().map(|c| (c["id"].as_i64().unwrap_or(0), c["name"].as_str().unwrap_or("").to_owned())).collect()
}

/// The category of the published article titled `title`, in the public list.
async fn category_of(app: &TestApp, title: &str) -> Value {
    let page = articles(app, None, "limit=100").await;
    let item = page["items"].as_array().into_iter().flatten().find(|a| a["title"] == title).cloned();
    item.map(|a| a["category"].clone()).unwrap_or_else(|| panic!("{title} not listed: {page}"))
}

#[tokio::test]
async fn writers_rename_and_delete_categories_and_articles_stay() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let routers = category(&app, &admin, "Routers").await;
    let taken = category(&app, &admin, "Billing questions").await;
    let body = json!({ "title": "Resetting a router", "body_markdown": "Hold the button.", "status": "published", "category_id": routers });
    let res = app.post("/api/v1/kb/articles").token(&admin).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let path = format!("/api/v1/kb/categories/{routers}");

    // Refused: without kb.write (whether or not the category exists), and another desk's writer.
    let (agent, alice, other) = (app.login(AGENT).await, app.login(ALICE).await, other_desk_admin(&app).await);
    let refusals = [
        (None, routers, StatusCode::UNAUTHORIZED, "unauthenticated"),
        (Some(&agent), routers, StatusCode::FORBIDDEN, "forbidden"),
        (Some(&alice), routers, StatusCode::FORBIDDEN, "forbidden"),
        (Some(&agent), 99_999_999, StatusCode::FORBIDDEN, "forbidden"),
        (Some(&other), routers, StatusCode::NOT_FOUND, "not_found"),
        (Some(&admin), 99_999_999, StatusCode::NOT_FOUND, "not_found"),
    ];
    for (token, target, status, code) in refusals {
        for method in [Method::PATCH, Method::DELETE] {
            let mut call = app.call(method.clone(), &format!("/api/v1/kb/categories/{target}")).json(&json!({ "name": "Hijacked" }));
            if let Some(token) = token {
                call = call.token(token);
            }
            call.send().await.problem(status, code);
        }
    }
    // Bad names: said on `name`, nothing renamed.
    for (name, code) in [("  ", "required"), ("Billing questions", "invalid_value")] {
        let res = app.call(Method::PATCH, &path).token(&admin).json(&json!({ "name": name })).send().await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{name:?}: {}", res.text());
        assert_eq!(res.field_errors(), crate::support::pairs(&[("name", code)]), "{name:?}");
    }
    let long = "x".repeat(200);
    let res = app.call(Method::PATCH, &path).token(&admin).json(&json!({ "name": long })).send().await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.text());
    assert!(listed(&app).await.contains(&(routers, "Routers".to_owned())), "a refused rename renamed");

    // Renamed (trimmed; its own name again is no conflict): the article follows.
    let res = app.call(Method::PATCH, &path).token(&admin).json(&json!({ "name": "  Routers and modems " })).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json(), json!({ "id": routers, "name": "Routers and modems" }));
    let res = app.call(Method::PATCH, &path).token(&admin).json(&json!({ "name": "Routers and modems" })).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(category_of(&app, "Resetting a router").await, json!({ "id": routers, "name": "Routers and modems" }));

    // Deleted: gone from the list; the article stays, published, without a category.
    let res = app.call(Method::DELETE, &path).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    let now = listed(&app).await;
    assert!(now.iter().all(|(id, _)| *id != routers) && now.iter().any(|(id, _)| *id == taken), "{now:?}");
    assert!(category_of(&app, "Resetting a router").await.is_null());
    app.call(Method::DELETE, &path).token(&admin).send().await.problem(StatusCode::NOT_FOUND, "not_found");
    // The name is free again.
    category(&app, &admin, "Routers and modems").await;
}

//! The comments of the ratings (session 9): the fixture's two, newest rating first, paged, by
//! rating, within the filters, as the customer wrote them (markup included: clients show text).

use super::desk::{build, get, COMMENT_T1, PERIOD};
use axum::http::StatusCode;
use serde_json::{json, Value};

fn comments(page: &Value) -> Vec<(i64, String)> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| (c["rating"].as_i64().unwrap_or(0), c["comment"].as_str().unwrap_or("").to_owned()))
        .collect()
}

#[tokio::test]
async fn rating_comments_are_listed_newest_first() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let (t1, t2) = ((5, COMMENT_T1.to_owned()), (2, "太慢了 · too slow".to_owned()));
    // (query, comments)
    let cases = [
        (PERIOD.to_owned(), vec![t2.clone(), t1.clone()]),
        (format!("{PERIOD}&rating=5"), vec![t1.clone()]),
        (format!("{PERIOD}&rating=3"), vec![]),
        (format!("{PERIOD}&type=0"), vec![]),
        ("from=2030-03-03&to=2030-03-04".to_owned(), vec![]),
        ("from=2030-03-02&to=2030-03-03&by=solved".to_owned(), vec![t2.clone(), t1.clone()]),
    ];
    for (query, want) in cases {
        let page = get(&app, &admin, &format!("/api/v1/reports/comments?{query}")).await;
        assert_eq!(comments(&page), want, "{query}");
    }
    let page = get(&app, &admin, &format!("/api/v1/reports/comments?{PERIOD}&limit=1")).await;
    assert_eq!(comments(&page), vec![t2]);
    assert_eq!(page["items"][0]["rated_at"], json!("2030-03-02T11:00:00Z"));
    let cursor = page["next_cursor"].as_str().expect("a next page").to_owned();
    let next = get(&app, &admin, &format!("/api/v1/reports/comments?{PERIOD}&limit=1&cursor={cursor}")).await;
    assert_eq!(comments(&next), vec![t1]);
    assert_eq!(next["next_cursor"], Value::Null);
    for bad in ["rating=6", "rating=x", "cursor=zz", "limit=0"] {
        let res = app.get(&format!("/api/v1/reports/comments?{bad}")).token(&admin).send().await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let agent = app.login(crate::support::AGENT).await;
    let res = app.get("/api/v1/reports/comments").token(&agent).send().await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

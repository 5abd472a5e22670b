//! Agent views over a hand-made fixture: every built-in and custom conditions select exactly the
//! expected tickets, private views stay private, bad conditions name their index, counts match
//! pages, and customers are kept out.

use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB, CAROL};
use axum::http::StatusCode;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

mod fixture;
mod field_conditions;
mod fresh_counts;

use fixture::Fixture;

const AGENT2: &str = "agent2@baton.test";

/// The ids a view lists for `token`, all pages (small pages to exercise the cursor).
async fn ids(app: &TestApp, token: &str, view: &str) -> BTreeSet<i64> {
    let mut out = BTreeSet::new();
    let mut cursor = String::new();
    loop {
        let res = app.get(&format!("/api/v1/views/{view}/tickets?limit=2&cursor={cursor}")).token(token).send().await;
        assert_eq!(res.status, StatusCode::OK, "{view}: {}", res.text());
        let page = res.json();
        for row in page["items"].as_array().into_iter().flatten() {
            assert!(out.insert(row["id"].as_i64().unwrap_or_default()), "{view}: a row twice");
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.replace('~', "%7E").replace(':', "%3A"),
            None => return out,
        }
    }
}

async fn counts(app: &TestApp, token: &str) -> BTreeMap<String, i64> {
    let res = app.get("/api/v1/views/counts").token(token).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| (c["view_id"].as_str().unwrap_or_default().to_owned(), c["count"].as_i64().unwrap_or_default()))
        .collect()
}

#[tokio::test]
async fn every_builtin_lists_exactly_its_tickets_and_counts_them() {
    let app = TestApp::new().await;
    let f = Fixture::build(&app).await;
    let agent = app.login(AGENT).await;
    let admin = app.login(ADMIN).await;
    let agent2 = app.login(AGENT2).await;
    // (who, view, expected fixture names)
    let table: &[(&str, &str, &[&str])] = &[
        (&agent, "mine", &["mine_open", "mine_pending"]),
        (&agent, "starred", &["starred"]),
        (&agent, "all", &["mine_open", "mine_pending", "support_new", "starred", "cc_billing", "ungrouped", "solved", "closed"]),
        (&agent, "cc", &["cc_billing"]),
        (&agent, "groups", &["mine_open", "mine_pending", "support_new", "starred", "solved", "closed"]),
        // Unassigned: new or open, nobody's, in my groups or routed to none.
        (&agent, "unassigned", &["support_new", "starred", "ungrouped"]),
        (&agent, "pending", &["mine_pending"]),
        (&agent, "solved", &["solved"]),
        (&agent, "closed", &["closed"]),
        (&agent, "trash", &["trashed"]),
        (&agent, "suspended", &["suspended"]),
        // Li Lei (Billing) sees Billing's and the ungrouped ones only.
        (&agent2, "all", &["cc_billing", "billing_only", "ungrouped"]),
        (&agent2, "unassigned", &["cc_billing", "billing_only", "ungrouped"]),
        // The admin sees everything.
        (&admin, "all", &["mine_open", "mine_pending", "support_new", "starred", "cc_billing", "billing_only", "ungrouped", "solved", "closed"]),
    ];
    let mut all_counts = BTreeMap::new();
    for (token, view, names) in table {
        let got = ids(&app, token, view).await;
        assert_eq!(got, f.ids(names), "{view}");
        if !all_counts.contains_key(token) {
            all_counts.insert(*token, counts(&app, token).await);
        }
        assert_eq!(all_counts[token].get(*view).copied(), Some(names.len() as i64), "count of {view}");
    }
}

#[tokio::test]
async fn custom_conditions_select_exactly() {
    let app = TestApp::new().await;
    let f = Fixture::build(&app).await;
    let admin = app.login(ADMIN).await;
    let c = |field: &str, op: &str, value: Value| json!({ "field": field, "op": op, "value": value });
    let cases: Vec<(Vec<Value>, &[&str])> = vec![
        (vec![c("assignee", "is", json!("none"))], &["support_new", "starred", "cc_billing", "billing_only", "ungrouped"]),
        (vec![c("assignee", "is", json!(f.agent.to_string()))], &["mine_open", "mine_pending", "solved", "closed"]),
        (vec![c("priority", "is", json!("urgent")), c("customer_group", "is", json!(f.acme.to_string()))], &["mine_open"]),
        (vec![c("priority", "in", json!(["urgent", "high"]))], &["mine_open", "billing_only", "support_new"]),
        (vec![c("group", "is", json!("none"))], &["ungrouped"]),
        (vec![c("group", "is_not", json!(f.support.to_string()))], &["cc_billing", "billing_only", "ungrouped"]),
        (vec![c("tags", "is", json!("vip"))], &["mine_open", "cc_billing"]),
        (vec![c("tags", "not_in", json!(["vip"])), c("status", "in", json!(["new"]))], &["support_new", "starred", "billing_only", "ungrouped"]),
        (vec![c("status", "is_not", json!("new")), c("requester", "is", json!(f.carol.to_string()))], &["solved", "closed"]),
        (vec![c("channel", "is", json!("phone"))], &["ungrouped"]),
        (vec![c("created_at", "after", json!("2000-01-01"))], &["mine_open", "mine_pending", "support_new", "starred", "cc_billing", "billing_only", "ungrouped", "solved", "closed"]),
        (vec![c("updated_at", "before", json!("2000-01-01"))], &[]),
    ];
    for (conditions, names) in cases {
        let body = json!({ "name": "t", "visibility": "private", "conditions": conditions });
        let res = app.post("/api/v1/views").token(&admin).json(&body).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let id = res.json()["id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(ids(&app, &admin, &id).await, f.ids(names), "{conditions:?}");
    }
}

#[tokio::test]
async fn private_views_are_the_owners_and_public_ones_everyones() {
    let app = TestApp::new().await;
    let f = Fixture::build(&app).await;
    let (agent, agent2, admin) = (app.login(AGENT).await, app.login(AGENT2).await, app.login(ADMIN).await);
    let urgent_acme = json!({ "name": "urgent Acme", "visibility": "private", "conditions": [
        { "field": "priority", "op": "is", "value": "urgent" },
        { "field": "customer_group", "op": "is", "value": f.acme.to_string() } ] });
    let res = app.post("/api/v1/views").token(&agent).json(&urgent_acme).send().await;
    assert_eq!(res.status, StatusCode::CREATED);
    let private = res.json()["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(ids(&app, &agent, &private).await, f.ids(&["mine_open"]));
    let listed = |v: Value| v.as_array().into_iter().flatten().any(|x| x["id"] == private.as_str());
    assert!(!listed(app.get("/api/v1/views").token(&agent2).send().await.json()));
    for path in [format!("/api/v1/views/{private}"), format!("/api/v1/views/{private}/tickets")] {
        assert_eq!(app.get(&path).token(&agent2).send().await.status, StatusCode::NOT_FOUND);
    }
    // Public views: admins only make them, everyone sees them.
    let mut public = urgent_acme.clone();
    public["visibility"] = "public".into();
    let res = app.post("/api/v1/views").token(&agent).json(&public).send().await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");
    let res = app.post("/api/v1/views").token(&admin).json(&public).send().await;
    let public_id = res.json()["id"].as_str().unwrap_or_default().to_owned();
    let seen = app.get(&format!("/api/v1/views/{public_id}")).token(&agent2).send().await.json();
    assert_eq!(seen["editable"], false);
    let put = app.call(axum::http::Method::PUT, &format!("/api/v1/views/{public_id}")).token(&agent2).json(&public).send().await;
    put.problem(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn bad_conditions_name_their_index() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    let body = json!({ "name": "bad", "visibility": "private", "conditions": [
        { "field": "status", "op": "is", "value": "open" },
        { "field": "colour", "op": "is", "value": "red" },
        { "field": "priority", "op": "before", "value": "high" },
        { "field": "assignee", "op": "is", "value": "someone" },
        { "field": "fields.nope", "op": "is", "value": "x" } ] });
    let res = app.post("/api/v1/views").token(&agent).json(&body).send().await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.field_errors(),
        crate::support::pairs(&[
            ("conditions[1].field", "unknown_field"),
            ("conditions[2].op", "invalid_operator"),
            ("conditions[3].value", "invalid_value"),
            ("conditions[4].field", "unknown_field"),
        ])
    );
}

#[tokio::test]
async fn order_and_hiding_are_per_user() {
    let app = TestApp::new().await;
    let (agent, agent2) = (app.login(AGENT).await, app.login(AGENT2).await);
    let put = |token: &str, path: &str, body: Value| {
        app.call(axum::http::Method::PUT, path).token(token).json(&body)
    };
    let res = put(&agent, "/api/v1/views/order", json!({ "ids": ["trash", "mine"] })).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let res = put(&agent, "/api/v1/views/suspended/hidden", json!({ "hidden": true })).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let order = |v: Value| v.as_array().into_iter().flatten().map(|x| x["id"].as_str().unwrap_or_default().to_owned()).collect::<Vec<_>>();
    let mine = order(app.get("/api/v1/views").token(&agent).send().await.json());
    assert_eq!(&mine[..2], ["trash", "mine"]);
    assert!(!counts(&app, &agent).await.contains_key("suspended"));
    let theirs = order(app.get("/api/v1/views").token(&agent2).send().await.json());
    assert_eq!(&theirs[..2], ["mine", "starred"]);
    assert!(counts(&app, &agent2).await.contains_key("suspended"));
    // A single view says the same as the list: hidden for the agent, not for agent2.
    let hidden = |token: &str| app.get("/api/v1/views/suspended").token(token).send();
    assert_eq!(hidden(&agent).await.json()["hidden"], json!(true));
    assert_eq!(hidden(&agent2).await.json()["hidden"], json!(false));
    let res = put(&agent, "/api/v1/views/order", json!({ "ids": ["mine"], "scope": "everyone" })).send().await;
    res.problem(StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn customers_are_kept_out_and_bad_queries_refused() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    for who in [ALICE, BOB, CAROL] {
        let token = app.login(who).await;
        for path in ["/api/v1/views", "/api/v1/views/counts", "/api/v1/views/mine", "/api/v1/views/all/tickets"] {
            let res = app.get(path).token(&token).send().await;
            res.problem(StatusCode::FORBIDDEN, "forbidden");
        }
    }
    assert_eq!(app.get("/api/v1/views").send().await.status, StatusCode::UNAUTHORIZED);
    for (query, field) in [("limit=0", "limit"), ("sort=colour", "sort"), ("dir=up", "dir"), ("cursor=x", "cursor")] {
        let res = app.get(&format!("/api/v1/views/all/tickets?{query}")).token(&agent).send().await;
        assert_eq!(res.field_errors(), crate::support::pairs(&[(field, "invalid_value")]), "{query}");
    }
    assert_eq!(app.get("/api/v1/views/nope").token(&agent).send().await.status, StatusCode::NOT_FOUND);
}

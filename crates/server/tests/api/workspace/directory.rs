//! `GET /groups`, `GET /agents` and `GET /customer-groups`: the tenant's agent groups with members,
//! its staff with their groups, its customer groups; customers 403, no session 401, the other
//! tenant sees only its own.

use super::AGENT2;
use crate::support::{TestApp, AGENT, ALICE, OTHER_AGENT};
use axum::http::StatusCode;
use serde_json::Value;

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array().expect("array").iter().map(|i| i[key].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn groups_and_agents_of_my_tenant_only() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    let res = app.get("/api/v1/groups").token(&agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let groups = res.json();
    // Supervisors and Warehouse: the demo's goods-return workflow.
    assert_eq!(names(&groups, "name"), ["Billing", "Supervisors", "Support", "Warehouse"]);
    assert_eq!(groups[2]["members"][0]["name"], "Agent Smith", "{groups}");
    assert_eq!(groups[0]["members"][0]["name"], "Li Lei");
    assert!(groups[0]["auto_assign"].is_boolean());
    let agents = app.get("/api/v1/agents").token(&agent).send().await.json();
    let emails = names(&agents, "email");
    assert!(emails.contains(&AGENT.to_owned()) && emails.contains(&AGENT2.to_owned()), "{agents}");
    assert!(!emails.iter().any(|e| e.ends_with("customer.test") || e.ends_with("other.test")), "{agents}");
    let smith = agents.as_array().expect("agents").iter().find(|a| a["email"] == AGENT).expect("agent");
    assert_eq!((smith["role"].as_str(), smith["groups"][0]["name"].as_str()), (Some("agent"), Some("Support")));
    // The other tenant's agent sees nothing of ours.
    let other = app.login(OTHER_AGENT).await;
    let theirs = app.get("/api/v1/agents").token(&other).send().await.json();
    assert_eq!(names(&theirs, "email"), [OTHER_AGENT]);
    let their_groups = app.get("/api/v1/groups").token(&other).send().await.json();
    assert!(!names(&their_groups, "name").iter().any(|n| n == "Support" || n == "Billing"), "{their_groups}");
}

#[tokio::test]
async fn customer_groups_of_my_tenant_only() {
    let app = TestApp::new().await;
    let agent = app.login(AGENT).await;
    let res = app.get("/api/v1/customer-groups").token(&agent).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(names(&res.json(), "name"), ["Acme", "Globex"]);
    let other = app.login(OTHER_AGENT).await;
    let theirs = app.get("/api/v1/customer-groups").token(&other).send().await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.text());
    assert_eq!(names(&theirs.json(), "name"), Vec::<String>::new(), "the other desk has no customer groups of ours");
}

#[tokio::test]
async fn customers_and_sessionless_callers_get_nothing() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    for path in ["/api/v1/groups", "/api/v1/agents", "/api/v1/customer-groups"] {
        app.get(path).send().await.problem(StatusCode::UNAUTHORIZED, "unauthenticated");
        app.get(path).token(&alice).send().await.problem(StatusCode::FORBIDDEN, "forbidden");
    }
}

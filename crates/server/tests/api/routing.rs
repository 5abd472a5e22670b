//! Routing (issue 13): each group's mode over batches of tickets (`modes`), away and deactivated
//! agents skipped, rules before the sub-type's group (`rules`), concurrent creations taking turns
//! (`concurrent`), and the admin API's checks (`admin`).

mod admin;
mod concurrent;
mod modes;
mod rules;

use crate::support::{TestApp, ADMIN, ALICE};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

/// The demo desk with `n` new agents in a group "Routed" of `mode`, where the sub-type of the
/// customer's tickets sends them.
pub struct Desk {
    pub app: TestApp,
    pub admin: String,
    pub alice: String,
    pub group: i64,
    pub agents: Vec<i64>,
    /// A valid new ticket of that sub-type.
    pub body: Value,
    pub type_id: i64,
}

pub async fn desk(mode: &str, n: usize) -> Desk {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let alice = app.login(ALICE).await;
    let mut agents = Vec::new();
    for i in 0..n {
        agents.push(app.new_agent(&format!("routed{i}@baton.test")).await);
    }
    let group = create_group(&app, &admin, json!({"name": "Routed", "mode": mode, "members": agents})).await;
    let (type_id, subtype_id) = app.plain_type(&alice).await.expect("demo type");
    sqlx::query("UPDATE ticket_subtypes SET group_id = $1 WHERE id = $2").bind(group).bind(subtype_id).execute(&app.sql).await.expect("route");
    let body = app.new_ticket(&alice, "Routed").await;
    Desk { app, admin, alice, group, agents, body, type_id }
}

pub async fn create_group(app: &TestApp, admin: &str, body: Value) -> i64 {
    let res = app.post("/api/v1/admin/groups").token(admin).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["id"].as_i64().expect("id")
}

impl Desk {
    /// Creates `n` tickets one after the other; their ids.
    pub async fn create(&self, n: usize) -> Vec<i64> {
        let mut ids = Vec::new();
        for _ in 0..n {
            let res = self.app.post("/api/v1/tickets").token(&self.alice).json(&self.body).send().await;
            assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
            ids.push(res.json()["id"].as_i64().expect("id"));
        }
        ids
    }

    /// (group, assignee) of each ticket, in the order given.
    pub async fn placed(&self, ids: &[i64]) -> Vec<(Option<i64>, Option<i64>)> {
        let mut out = Vec::new();
        for id in ids {
            let row: (Option<i64>, Option<i64>) = sqlx::query_as("SELECT assignee_group_id, assignee_id FROM tickets WHERE id = $1")
                .bind(*id)
                .fetch_one(&self.app.sql)
                .await
                .expect("ticket");
            out.push(row);
        }
        out
    }

    /// The assignee of each ticket, in the order given.
    pub async fn assignees(&self, ids: &[i64]) -> Vec<Option<i64>> {
        self.placed(ids).await.into_iter().map(|(_, a)| a).collect()
    }

    pub async fn patch_group(&self, body: Value) {
        let res = self.app.call(Method::PATCH, &format!("/api/v1/admin/groups/{}", self.group)).token(&self.admin).json(&body).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    }

    /// Signs agent `i` in; their session.
    pub async fn login(&self, i: usize) -> String {
        self.app.login(&format!("routed{i}@baton.test")).await
    }
}

//! Workflows (issue 13, 流程流转): the goods-return walk through three groups with a refused
//! pass-on, returns to the handler who had the ticket, who may move it (`walk`), and the admin
//! API's checks (`admin`); retyping into and out of a workflow (`retype`).

mod admin;
mod retype;
mod snapshot;
mod walk;

use crate::catalog::returns_ticket;
use crate::support::{TestApp, ADMIN, ALICE};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

/// The demo desk with a workflow on "Returns": intake (group Intake, needs `amount`) → approval
/// (Approve) → receipt (Warehouse) → done (Intake), with one new agent per group.
pub struct Desk {
    pub app: TestApp,
    pub admin: String,
    pub alice: String,
    /// (intake, approve, warehouse) agents' ids.
    pub agents: [i64; 3],
    /// (intake, approve, warehouse) groups' ids.
    pub groups: [i64; 3],
    pub workflow: Value,
}

pub const EMAILS: [&str; 3] = ["wf-intake@baton.test", "wf-approve@baton.test", "wf-warehouse@baton.test"];

pub async fn create_group(app: &TestApp, admin: &str, name: &str, mode: &str, member: i64) -> i64 {
    let res = app.post("/api/v1/admin/groups").token(admin).json(&json!({"name": name, "mode": mode, "members": [member]})).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["id"].as_i64().expect("id")
}

/// The four steps over `groups`.
pub fn steps(groups: [i64; 3]) -> Value {
    json!([
        {"key": "intake", "name": "客服受理", "group_id": groups[0], "required_fields": ["amount"], "next": ["approval"]},
        {"key": "approval", "name": "主管审批", "group_id": groups[1], "sla_minutes": 60, "next": ["receipt"]},
        {"key": "receipt", "name": "仓库收货", "group_id": groups[2], "next": ["done"]},
        {"key": "done", "name": "完成", "group_id": groups[0]}
    ])
}

pub async fn desk() -> Desk {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let alice = app.login(ALICE).await;
    // Whatever the demo set up on the type goes first.
    let listed = app.get("/api/v1/admin/workflows").token(&admin).send().await.json();
    for w in listed.as_array().into_iter().flatten() {
        app.call(Method::DELETE, &format!("/api/v1/admin/workflows/{}", w["id"])).token(&admin).send().await;
    }
    let mut agents = [0; 3];
    for (i, email) in EMAILS.iter().enumerate() {
        agents[i] = app.new_agent(email).await;
    }
    let groups = [
        create_group(&app, &admin, "Intake", "round_robin", agents[0]).await,
        create_group(&app, &admin, "Approve", "manual", agents[1]).await,
        create_group(&app, &admin, "Stock", "manual", agents[2]).await,
    ];
    let type_id = returns_ticket(&app, &alice).await["type_id"].clone();
    let body = json!({"name": "退货", "type_id": type_id, "steps": steps(groups)});
    let res = app.post("/api/v1/admin/workflows").token(&admin).json(&body).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    Desk { app, admin, alice, agents, groups, workflow: res.json() }
}

impl Desk {
    /// The id of step `key`.
    pub fn step(&self, key: &str) -> i64 {
        let steps = self.workflow["steps"].as_array().cloned().unwrap_or_default();
        steps.iter().find(|s| s["key"] == key).and_then(|s| s["id"].as_i64()).expect("step")
    }

    /// A new returns ticket by Alice; its id.
    pub async fn ticket(&self) -> i64 {
        let body = returns_ticket(&self.app, &self.alice).await;
        let res = self.app.post("/api/v1/tickets").token(&self.alice).json(&body).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        res.json()["id"].as_i64().expect("id")
    }

    /// The ticket as staff `token` sees it.
    pub async fn read(&self, token: &str, id: i64) -> Value {
        let res = self.app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        res.json()
    }

    pub async fn pass(&self, token: &str, id: i64, step: i64, assignee: i64) -> crate::support::Response {
        let body = json!({"step_id": step, "assignee_id": assignee});
        self.app.post(&format!("/api/v1/tickets/{id}/workflow/pass")).token(token).json(&body).send().await
    }

    pub async fn back(&self, token: &str, id: i64, reason: &str) -> crate::support::Response {
        self.app.post(&format!("/api/v1/tickets/{id}/workflow/return")).token(token).json(&json!({"reason": reason})).send().await
    }
}

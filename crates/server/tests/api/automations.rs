//! Automations (issue 13): event rules in the change's transaction, each action, conditions,
//! order and the loop guards (`events`); time rules on the test clock (`timed`); the admin API's
//! checks, permissions and tenant isolation (`admin`).

mod admin;
mod events;
mod timed;

use crate::support::{Response, TestApp, ADMIN, AGENT, ALICE};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

/// The demo desk, without its rules, with its admin, a customer and an agent signed in.
pub struct Desk {
    pub app: TestApp,
    pub admin: String,
    pub alice: String,
    pub agent: String,
}

pub async fn desk() -> Desk {
    // Hours and days pass on the test clock; staff idle timeouts are tested elsewhere.
    let app = TestApp::with(|c| c.staff_idle_minutes = 0).await;
    let (admin, alice, agent) = (app.login(ADMIN).await, app.login(ALICE).await, app.login(AGENT).await);
    // Each test sets up the rules it needs: the demo desk's own are removed.
    let demo: i64 = app.count("SELECT COUNT(*) FROM automations").await;
    assert_eq!(demo, 2, "the demo desk has two rules");
    sqlx::query("DELETE FROM automations").execute(&app.sql).await.expect("no demo rules");
    Desk { app, admin, alice, agent }
}

/// A rule body: `trigger` is `{"kind": "event", …}` or `{"kind": "time", …}`.
pub fn rule(name: &str, trigger: Value, conditions: Value, actions: Value) -> Value {
    json!({"name": name, "trigger": trigger, "conditions": conditions, "actions": actions})
}

pub fn on(event: &str) -> Value {
    json!({"kind": "event", "event": event})
}

impl Desk {
    /// Creates a rule as the admin; its id.
    pub async fn rule(&self, body: Value) -> i64 {
        let res = self.app.post("/api/v1/admin/automations").token(&self.admin).json(&body).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        res.json()["id"].as_i64().expect("id")
    }

    /// A new ticket by Alice; its id.
    pub async fn ticket(&self, title: &str) -> i64 {
        self.app.create_ticket(&self.alice, title).await["id"].as_i64().expect("id")
    }

    /// Ticket `id` as `token` reads it.
    pub async fn get(&self, token: &str, id: i64) -> Value {
        let res = self.app.get(&format!("/api/v1/tickets/{id}")).token(token).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        res.json()
    }

    /// The thread of ticket `id` as `token` reads it.
    pub async fn thread(&self, token: &str, id: i64) -> Vec<Value> {
        let res = self.app.get(&format!("/api/v1/tickets/{id}/messages")).token(token).send().await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        res.json()["items"].as_array().cloned().unwrap_or_default()
    }

    /// The names of the rules that ran on ticket `id`, oldest first (as staff read the thread).
    pub async fn ran(&self, id: i64) -> Vec<String> {
        let changes = self.app.changes(&self.agent, id).await;
        changes.iter().filter(|c| c["field"] == "automation").map(|c| c["to"].as_str().unwrap_or_default().to_owned()).collect()
    }

    /// The bodies of the internal notes on ticket `id`.
    pub async fn notes(&self, id: i64) -> Vec<String> {
        let thread = self.thread(&self.agent, id).await;
        thread.iter().filter(|m| m["kind"] == "internal").map(|m| m["body"].as_str().unwrap_or_default().to_owned()).collect()
    }

    /// A property edit by the agent on the version they see.
    pub async fn patch(&self, id: i64, body: Value) -> Response {
        let version = self.get(&self.agent, id).await["staff"]["version"].as_i64().expect("version");
        let call = self.app.call(Method::PATCH, &format!("/api/v1/tickets/{id}")).token(&self.agent);
        call.header("if-match", &format!("\"v{version}\"")).json(&body).send().await
    }

    /// One pass of the scheduler's automations job.
    pub async fn pass(&self) {
        for job in baton_server::scheduler::jobs().into_iter().filter(|j| j.name == "automations") {
            (job.run)(&self.app.services).await.expect("automations job");
        }
    }

    pub async fn user_id(&self, email: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&self.app.sql).await.expect("user")
    }

    /// The id of the demo desk's agent group `name`.
    pub async fn group(&self, name: &str) -> i64 {
        let groups = self.app.get("/api/v1/admin/groups").token(&self.admin).send().await.json();
        groups.as_array().into_iter().flatten().find(|g| g["name"] == name).and_then(|g| g["id"].as_i64()).expect("group")
    }
}

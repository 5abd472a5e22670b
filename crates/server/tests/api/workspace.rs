//! The rest of the agent workspace (issue 4): bulk actions, groups and agents, quick replies,
//! settings, customers and phone registration, presence, custom field edits. Each module proves
//! that customers, sessionless callers and the other tenant get nothing.

mod bulk;
mod customers;
mod directory;
mod fields;
mod presence;
mod quick_replies;
mod settings;

use crate::support::TestApp;

pub const AGENT2: &str = "agent2@baton.test";

pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&app.sql).await.expect("user")
}

/// Puts ticket `id` in agent group `group` ("Support" or "Billing"), as routing would.
pub async fn route_to(app: &TestApp, id: i64, group: &str) {
    sqlx::query("UPDATE tickets SET assignee_group_id = (SELECT id FROM agent_groups WHERE name = $1) WHERE id = $2")
        .bind(group)
        .bind(id)
        .execute(&app.sql)
        .await
        .expect("route");
}

/// A ticket by `token` (a customer), its id.
pub async fn ticket(app: &TestApp, token: &str, title: &str) -> i64 {
    app.create_ticket(token, title).await["id"].as_i64().expect("id")
}

//! The demo's agent groups: Support (Agent Smith) and Billing (Li Lei). The admin is in none:
//! `see_all_tickets` shows them everything anyway.

use crate::storage::groups;
use sqlx::SqliteConnection;
use std::collections::HashMap;

/// (group, auto-assign, members).
pub const GROUPS: &[(&str, bool, &[&str])] =
    &[("Support", false, &["agent@baton.test"]), ("Billing", false, &["agent2@baton.test"])];

pub(super) async fn seed(
    conn: &mut SqliteConnection,
    tenant_id: i64,
    user_ids: &HashMap<&str, i64>,
    now: &str,
) -> Result<(), sqlx::Error> {
    for (name, auto, members) in GROUPS {
        let id = groups::create(conn, tenant_id, name, *auto, now).await?;
        for email in *members {
            if let Some(user) = user_ids.get(email) {
                groups::add_member(conn, tenant_id, id, *user).await?;
            }
        }
    }
    Ok(())
}

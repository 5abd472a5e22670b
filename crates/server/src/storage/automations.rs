//! Automation rules (migration 0029): the desk's ordered rules as admins set them, the rules a
//! ticket event runs, whether a ticket meets a rule's conditions (the views' SQL), and the time
//! rules' runs ([`runs`]).

pub mod runs;

use crate::storage::views::filter::{push_filter, ViewFilter, Viewer};
use crate::storage::{Conn, Error, Sql};
use baton_core::Condition;

/// A rule as stored: `conditions` and `actions` are baton_core's JSON.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AutomationRow {
    pub id: i64,
    pub name: String,
    pub active: bool,
    pub position: i64,
    pub trigger_kind: String,
    pub time_basis: Option<String>,
    pub hours: Option<i64>,
    pub conditions: String,
    pub actions: String,
}

/// What a rule says, as written.
pub struct AutomationFields<'a> {
    pub name: &'a str,
    pub active: bool,
    pub trigger_kind: &'a str,
    pub time_basis: Option<&'a str>,
    pub hours: Option<i64>,
    pub conditions: &'a str,
    pub actions: &'a str,
}

const COLUMNS: &str = "id, name, active, position, trigger_kind, time_basis, hours, conditions, actions";

/// The desk's rules in order.
pub async fn list(conn: &mut Conn, tenant_id: i64) -> Result<Vec<AutomationRow>, Error> {
    let sql = format!("SELECT {COLUMNS} FROM automations WHERE tenant_id = $1 ORDER BY position, id");
    crate::on!(conn, |c| sqlx::query_as(&sql).bind(tenant_id).fetch_all(c).await).map_err(Error::from)
}

/// The desk's active rules of `trigger_kind`, in order.
pub async fn active(conn: &mut Conn, tenant_id: i64, trigger_kind: &str) -> Result<Vec<AutomationRow>, Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM automations WHERE tenant_id = $1 AND trigger_kind = $2 AND active ORDER BY position, id"
    );
    crate::on!(conn, |c| sqlx::query_as(&sql).bind(tenant_id).bind(trigger_kind).fetch_all(c).await).map_err(Error::from)
}

/// Desks with at least one active time rule.
pub async fn timed_tenants(conn: &mut Conn) -> Result<Vec<i64>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT DISTINCT tenant_id FROM automations WHERE trigger_kind = 'time' AND active ORDER BY tenant_id",
    )
    .fetch_all(c).await).map_err(Error::from)
}

/// A new rule, run after the others; its id. A name the desk has is a unique violation.
pub async fn create(conn: &mut Conn, tenant_id: i64, r: &AutomationFields<'_>, now: &str) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO automations (tenant_id, name, active, position, trigger_kind, time_basis, hours, conditions, actions, created_at)
         VALUES ($1, $2, $3, (SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM automations WHERE tenant_id = $1),
                 $4, $5, $6, $7, $8, $9)
         RETURNING id",
    )
    .bind(tenant_id)
    .bind(r.name)
    .bind(r.active)
    .bind(r.trigger_kind)
    .bind(r.time_basis)
    .bind(r.hours)
    .bind(r.conditions)
    .bind(r.actions)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Replaces rule `id` (its place stays); whether the desk has it.
pub async fn replace(conn: &mut Conn, tenant_id: i64, id: i64, r: &AutomationFields<'_>) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "UPDATE automations SET name = $3, active = $4, trigger_kind = $5, time_basis = $6, hours = $7,
                conditions = $8, actions = $9
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(r.name)
    .bind(r.active)
    .bind(r.trigger_kind)
    .bind(r.time_basis)
    .bind(r.hours)
    .bind(r.conditions)
    .bind(r.actions)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn delete(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("DELETE FROM automations WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Puts rule `id` at `position`.
pub async fn set_position(conn: &mut Conn, tenant_id: i64, id: i64, position: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE automations SET position = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(position)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether ticket `ticket_id` meets `conditions`, as a view with them would select it (not
/// trashed or suspended either). `now` is the time relative dates count back from.
pub async fn matches(conn: &mut Conn, tenant_id: i64, ticket_id: i64, conditions: &[Condition], now: (&str, i64)) -> Result<bool, Error> {
    let mut q = Sql::new("SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = ");
    q.push_bind(tenant_id).push(" AND t.id = ").push_bind(ticket_id);
    // Rules act for nobody: `me` in a condition matches no one.
    let viewer = Viewer { user_id: 0, tenant_id, now: now.0, now_unix: now.1 };
    push_filter(&mut q, &ViewFilter::Custom(conditions.to_vec()), viewer, conn.dialect());
    let n: i64 = q.fetch_scalar(conn).await?;
    Ok(n > 0)
}

/// Rule sets [`which_match`] asks about in one statement (SQLite's compound SELECT limit is 500).
const RULES_PER_STATEMENT: usize = 100;

/// Which of `rules` (each a rule's conditions) ticket `ticket_id` meets, as [`matches`] would
/// answer for each: their indexes, ascending. One statement per [`RULES_PER_STATEMENT`] rules, a
/// `UNION ALL` of one primary-key lookup per rule, instead of one round trip each.
pub async fn which_match(conn: &mut Conn, tenant_id: i64, ticket_id: i64, rules: &[&[Condition]], now: (&str, i64)) -> Result<Vec<usize>, Error> {
    let viewer = Viewer { user_id: 0, tenant_id, now: now.0, now_unix: now.1 };
    let mut found = Vec::new();
    for (chunk, part) in rules.chunks(RULES_PER_STATEMENT).enumerate() {
        let mut q = Sql::new("");
        for (i, conditions) in part.iter().enumerate() {
            let index = (chunk * RULES_PER_STATEMENT + i) as i64;
            q.push(if i == 0 { "SELECT " } else { " UNION ALL SELECT " });
            q.push(format!("CAST({index} AS BIGINT) FROM tickets t WHERE t.tenant_id = ")).push_bind(tenant_id);
            q.push(" AND t.id = ").push_bind(ticket_id);
            push_filter(&mut q, &ViewFilter::Custom(conditions.to_vec()), viewer, conn.dialect());
        }
        let matched: Vec<i64> = q.fetch_scalars(conn).await?;
        found.extend(matched.into_iter().map(|i| i as usize));
    }
    found.sort_unstable();
    Ok(found)
}

/// The body of the desk's public quick reply `id` (rules post only public ones).
pub async fn public_quick_reply(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<String>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT body FROM quick_replies WHERE tenant_id = $1 AND id = $2 AND owner_id IS NULL",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(c).await).map_err(Error::from)
}

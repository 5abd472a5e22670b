//! SLA in reports (session 10): the targets that came due (`sla_outcomes`, migration 0031) of the
//! tickets a report's filter selects — counted per policy and target, and the breaches listed.

use super::filter::{Filter, Moment, FROM};
use crate::storage::{Conn, Error, Sql};

const OUTCOMES: &str = " JOIN sla_outcomes o ON o.ticket_id = t.id AND o.tenant_id = t.tenant_id
    LEFT JOIN sla_policies p ON p.id = o.policy_id AND p.tenant_id = o.tenant_id";

/// Per policy and target: (policy, target, met, breached), over the period's tickets (by `moment`).
pub async fn attainment(conn: &mut Conn, f: &Filter, moment: Moment) -> Result<Vec<(Option<i64>, String, i64, i64)>, Error> {
    let mut q = Sql::new(
        "SELECT o.policy_id, o.target,
                CAST(COALESCE(SUM(CASE WHEN o.outcome = 'met' THEN 1 ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN o.outcome = 'breached' THEN 1 ELSE 0 END), 0) AS BIGINT)",
    );
    q.push(FROM).push(OUTCOMES);
    f.push_where(&mut q);
    f.push_period(&mut q, moment);
    q.push(" GROUP BY o.policy_id, o.target");
    q.fetch_all(conn).await
}

/// One breach as listed.
#[derive(Debug, sqlx::FromRow)]
pub struct BreachRow {
    pub id: i64,
    pub ticket_id: i64,
    pub number: i64,
    pub title: String,
    pub policy_id: Option<i64>,
    pub policy_name: Option<String>,
    pub target: String,
    pub due_at: String,
    pub stopped_at: Option<String>,
    pub assignee_name: Option<String>,
    pub group_name: Option<String>,
}

/// Up to `limit` breaches of the period's tickets (by `moment`), latest due first, after the
/// cursor `(due_at, breach id)`.
pub async fn breaches(conn: &mut Conn, f: &Filter, moment: Moment, after: Option<(String, i64)>, limit: i64) -> Result<Vec<BreachRow>, Error> {
    let mut q = Sql::new(
        "SELECT o.id, t.id AS ticket_id, t.number, t.title, o.policy_id, p.name AS policy_name, o.target, o.due_at,
                o.stopped_at, a.name AS assignee_name, ag.name AS group_name",
    );
    q.push(FROM).push(OUTCOMES).push(
        " LEFT JOIN users a ON a.id = t.assignee_id AND a.tenant_id = t.tenant_id
          LEFT JOIN agent_groups ag ON ag.id = t.assignee_group_id AND ag.tenant_id = t.tenant_id",
    );
    f.push_where(&mut q);
    f.push_period(&mut q, moment);
    q.push(" AND o.outcome = 'breached'");
    if let Some((due_at, id)) = after {
        q.push(" AND (o.due_at < ").push_bind(due_at.clone());
        q.push(" OR (o.due_at = ").push_bind(due_at).push(" AND o.id < ").push_bind(id).push("))");
    }
    q.push(" ORDER BY o.due_at DESC, o.id DESC LIMIT ").push_bind(limit);
    q.fetch_all(conn).await
}

//! The aggregates of `GET /reports/groups`: one grouped statement per number, each row a group's
//! id and its counts, over the tickets in the group now (as `agents`, one pass per number).

use super::filter::{Filter, Moment, FROM, UNSOLVED};
use crate::storage::{Conn, Error, Sql};

/// The tenant's agent groups (`ids` narrows them when not empty), by name: (id, name).
pub async fn list(conn: &mut Conn, tenant_id: i64, ids: &[i64]) -> Result<Vec<(i64, String)>, Error> {
    let mut q = Sql::new("SELECT id, name FROM agent_groups WHERE tenant_id = ");
    q.push_bind(tenant_id);
    if !ids.is_empty() {
        q.push(" AND id IN (");
        for (i, id) in ids.iter().enumerate() {
            q.push(if i == 0 { "" } else { ", " }).push_bind(*id);
        }
        q.push(")");
    }
    q.push(" ORDER BY name, id");
    q.fetch_all(conn).await
}

/// Per group: the period's tickets (by `moment`), those first solved in the period, and those not
/// solved now whatever the period — (group, assigned, solved, open now), in one pass.
pub async fn counts(conn: &mut Conn, f: &Filter, moment: Moment) -> Result<Vec<(i64, i64, i64, i64)>, Error> {
    let in_period = |q: &mut Sql, m: Moment| {
        let column = m.column();
        q.push(format_args!("{column} IS NOT NULL"));
        if let Some(from) = &f.from {
            q.push(format_args!(" AND {column} >= ")).push_bind(from.clone());
        }
        if let Some(to) = &f.to {
            q.push(format_args!(" AND {column} < ")).push_bind(to.clone());
        }
    };
    let mut q = Sql::new("SELECT t.assignee_group_id, CAST(COALESCE(SUM(CASE WHEN ");
    in_period(&mut q, moment);
    q.push(" THEN 1 ELSE 0 END), 0) AS BIGINT), CAST(COALESCE(SUM(CASE WHEN ");
    in_period(&mut q, Moment::Solved);
    q.push(format_args!(
        " THEN 1 ELSE 0 END), 0) AS BIGINT), CAST(COALESCE(SUM(CASE WHEN t.status IN {UNSOLVED} THEN 1 ELSE 0 END), 0) AS BIGINT)"
    ));
    q.push(FROM);
    f.push_where(&mut q);
    q.push(" AND t.assignee_group_id IS NOT NULL GROUP BY t.assignee_group_id");
    q.fetch_all(conn).await
}

/// Public replies by staff and internal notes written in the period on each group's tickets:
/// (group, public, notes). Events, not tickets.
pub async fn messages(conn: &mut Conn, f: &Filter) -> Result<Vec<(i64, i64, i64)>, Error> {
    let mut q = Sql::new(
        "SELECT t.assignee_group_id,
                CAST(COALESCE(SUM(CASE WHEN m.kind = 'public' THEN 1 ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN m.kind = 'internal' THEN 1 ELSE 0 END), 0) AS BIGINT)
         FROM messages m JOIN tickets t ON t.id = m.ticket_id AND t.tenant_id = m.tenant_id
         JOIN users u ON u.id = m.author_id AND u.tenant_id = m.tenant_id
         WHERE m.tenant_id = ",
    );
    q.push_bind(f.tenant_id);
    q.push(
        " AND t.trashed_at IS NULL AND t.suspended_at IS NULL AND t.assignee_group_id IS NOT NULL
          AND u.role <> 'customer' AND m.kind IN ('public', 'internal')",
    );
    f.push_properties(&mut q);
    if let Some(from) = &f.from {
        q.push(" AND m.created_at >= ").push_bind(from);
    }
    if let Some(to) = &f.to {
        q.push(" AND m.created_at < ").push_bind(to);
    }
    q.push(" GROUP BY t.assignee_group_id");
    q.fetch_all(conn).await
}

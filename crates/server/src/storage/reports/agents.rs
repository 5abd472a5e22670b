//! The aggregates of `GET /reports/agents`: one grouped statement per number, each row an agent's
//! id and count, so the work is one pass per number whatever the number of agents.

use super::filter::{Filter, Moment, UNSOLVED};
use crate::storage::{Conn, Error, Sql};

/// The tenant's staff (`ids` narrows them when not empty), by name: (id, name).
pub async fn staff(conn: &mut Conn, tenant_id: i64, ids: &[i64]) -> Result<Vec<(i64, String)>, Error> {
    let mut q = Sql::new("SELECT id, name FROM users WHERE tenant_id = ");
    q.push_bind(tenant_id).push(" AND role <> 'customer'");
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

/// The period's tickets (by `moment`) per current assignee.
pub async fn assigned(conn: &mut Conn, f: &Filter, moment: Moment) -> Result<Vec<(i64, i64)>, Error> {
    let mut q = Sql::new("SELECT t.assignee_id, COUNT(*)");
    f.tickets(&mut q, moment);
    q.push(" AND t.assignee_id IS NOT NULL GROUP BY t.assignee_id");
    q.fetch_all(conn).await
}

/// Tickets first solved in the period, per assignee at that solve.
pub async fn solved(conn: &mut Conn, f: &Filter) -> Result<Vec<(i64, i64)>, Error> {
    let mut q = Sql::new("SELECT f.solved_by, COUNT(*)");
    f.tickets(&mut q, Moment::Solved);
    q.push(" AND f.solved_by IS NOT NULL GROUP BY f.solved_by");
    q.fetch_all(conn).await
}

/// Tickets not solved now, per assignee (whatever the period).
pub async fn open_now(conn: &mut Conn, f: &Filter) -> Result<Vec<(i64, i64)>, Error> {
    let mut q = Sql::new("SELECT t.assignee_id, COUNT(*)");
    q.push(super::filter::FROM);
    f.push_where(&mut q);
    q.push(format_args!(" AND t.status IN {UNSOLVED} AND t.assignee_id IS NOT NULL GROUP BY t.assignee_id"));
    q.fetch_all(conn).await
}

/// Public replies and internal notes written in the period, per author: (author, public, notes).
/// Counted from the thread itself (events, not tickets), on the tickets the filter selects.
pub async fn messages(conn: &mut Conn, f: &Filter) -> Result<Vec<(i64, i64, i64)>, Error> {
    let mut q = Sql::new(
        "SELECT m.author_id,
                CAST(COALESCE(SUM(CASE WHEN m.kind = 'public' THEN 1 ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN m.kind = 'internal' THEN 1 ELSE 0 END), 0) AS BIGINT)
         FROM messages m JOIN tickets t ON t.id = m.ticket_id AND t.tenant_id = m.tenant_id
         WHERE m.tenant_id = ",
    );
    q.push_bind(f.tenant_id);
    q.push(" AND t.trashed_at IS NULL AND t.suspended_at IS NULL AND m.author_id IS NOT NULL AND m.kind IN ('public', 'internal')");
    f.push_properties(&mut q);
    if let Some(from) = &f.from {
        q.push(" AND m.created_at >= ").push_bind(from);
    }
    if let Some(to) = &f.to {
        q.push(" AND m.created_at < ").push_bind(to);
    }
    q.push(" GROUP BY m.author_id");
    q.fetch_all(conn).await
}

/// The median first-reply time (nearest rank) of the period's tickets, per first replier.
pub async fn first_reply_medians(conn: &mut Conn, f: &Filter, moment: Moment) -> Result<Vec<(i64, i64)>, Error> {
    let mut q = Sql::new(
        "SELECT x.agent, x.v FROM (SELECT f.first_reply_by AS agent, f.first_reply_secs AS v,
                ROW_NUMBER() OVER (PARTITION BY f.first_reply_by ORDER BY f.first_reply_secs) AS rn,
                COUNT(*) OVER (PARTITION BY f.first_reply_by) AS n",
    );
    f.tickets(&mut q, moment);
    q.push(" AND f.first_reply_secs IS NOT NULL AND f.first_reply_by IS NOT NULL) x WHERE x.rn = (x.n + 1) / 2");
    q.fetch_all(conn).await
}

/// Ratings of the period's tickets per solver: (agent, ratings, sum of ratings, ratings of 4–5).
pub async fn csat(conn: &mut Conn, f: &Filter, moment: Moment) -> Result<Vec<(i64, i64, i64, i64)>, Error> {
    let mut q = Sql::new(
        "SELECT f.solved_by, COUNT(f.rating), CAST(COALESCE(SUM(f.rating), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN f.rating >= 4 THEN 1 ELSE 0 END), 0) AS BIGINT)",
    );
    f.tickets(&mut q, moment);
    q.push(" AND f.solved_by IS NOT NULL AND f.rating IS NOT NULL GROUP BY f.solved_by");
    q.fetch_all(conn).await
}

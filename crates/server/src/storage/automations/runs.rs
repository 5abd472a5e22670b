//! Time rules' runs (table `automation_runs`): which tickets a time rule is due on, and the one
//! run per rule, ticket and basis time.

use crate::storage::views::filter::{push_filter, ViewFilter, Viewer};
use crate::storage::{Conn, Error, Sql};
use baton_core::automation::TimeBasis;
use baton_core::Condition;

/// A ticket's time a rule counts from, as SQL over `t` (NULL: the ticket has none now — solved
/// and pending count only while the ticket is so).
fn basis_sql(basis: TimeBasis) -> &'static str {
    match basis {
        TimeBasis::Created => "t.created_at",
        TimeBasis::Updated => "t.updated_at",
        TimeBasis::Solved => {
            "(CASE WHEN t.status = 'solved' THEN COALESCE((SELECT f.last_solved_at FROM ticket_facts f WHERE f.ticket_id = t.id), t.updated_at) END)"
        }
        TimeBasis::Pending => {
            "(CASE WHEN t.status = 'pending' THEN COALESCE((SELECT MAX(m.created_at) FROM messages m \
             WHERE m.ticket_id = t.id AND m.status_to = 'pending'), t.updated_at) END)"
        }
        TimeBasis::SlaDue => "t.sla_due_at",
    }
}

/// Tickets still being worked on (closed ones are history: no rule wakes them).
const WORKED_ON: &str = " AND t.status IN ('new', 'open', 'pending', 'solved')";

/// The statuses in which a ticket can have `basis` (its basis SQL is NULL in the others), said
/// outright so the selection reads only their part of the index (migration 0033).
fn statuses(basis: TimeBasis) -> &'static str {
    match basis {
        TimeBasis::Solved => " AND t.status = 'solved'",
        TimeBasis::Pending => " AND t.status = 'pending'",
        TimeBasis::Created | TimeBasis::Updated | TimeBasis::SlaDue => WORKED_ON,
    }
}

/// Up to `limit` tickets of the desk that rule `rule_id` is due on: their basis time at or before
/// `cutoff`, meeting `conditions`, not yet run on for that basis time; `(ticket id, basis time)`.
pub async fn due(
    conn: &mut Conn,
    tenant_id: i64,
    rule: (i64, TimeBasis, &[Condition]),
    cutoff: &str,
    now: (&str, i64),
    limit: i64,
) -> Result<Vec<(i64, String)>, Error> {
    let (rule_id, basis, conditions) = rule;
    let b = basis_sql(basis);
    let mut q = Sql::new(format!("SELECT t.id, {b} AS basis_at FROM tickets t WHERE t.tenant_id = "));
    q.push_bind(tenant_id).push(statuses(basis));
    q.push(format!(" AND {b} <= ")).push_bind(cutoff.to_owned());
    let viewer = Viewer { user_id: 0, tenant_id, now: now.0, now_unix: now.1 };
    push_filter(&mut q, &ViewFilter::Custom(conditions.to_vec()), viewer, conn.dialect());
    q.push(" AND NOT EXISTS (SELECT 1 FROM automation_runs r WHERE r.automation_id = ").push_bind(rule_id);
    q.push(format!(" AND r.ticket_id = t.id AND r.basis_at = {b}) ORDER BY t.id LIMIT ")).push_bind(limit);
    q.fetch_all(conn).await
}

/// Ticket `ticket_id`'s basis time now, if it is still worked on and has one.
pub async fn basis_of(conn: &mut Conn, tenant_id: i64, ticket_id: i64, basis: TimeBasis) -> Result<Option<String>, Error> {
    let mut q = Sql::new(format!("SELECT {} FROM tickets t WHERE t.tenant_id = ", basis_sql(basis)));
    q.push_bind(tenant_id).push(" AND t.id = ").push_bind(ticket_id).push(WORKED_ON);
    let found: Vec<Option<String>> = q.fetch_scalars(conn).await?;
    Ok(found.into_iter().next().flatten())
}

/// Records that rule `rule_id` ran on the ticket for `basis_at`; `false` when it already had.
pub async fn claim(conn: &mut Conn, rule_id: i64, ticket_id: i64, basis_at: &str, now: &str) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "INSERT INTO automation_runs (automation_id, ticket_id, basis_at, ran_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (automation_id, ticket_id, basis_at) DO NOTHING",
    )
    .bind(rule_id)
    .bind(ticket_id)
    .bind(basis_at)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

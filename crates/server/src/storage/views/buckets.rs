//! The built-in views' counts from `ticket_buckets` (migration 0008): the tenant's tickets counted
//! by (flag, status, agent group, assignee), which triggers keep exact. A built-in view is a
//! predicate on exactly those four, so its count is a sum over a few hundred rows; the parts that
//! depend on other tables (stars, CC, the requester) are small indexed queries.
//!
//! `push_builtin` in `filter.rs` is the definition of each view; [`Buckets::count`] must agree with
//! it, which `tests/api/views.rs` checks for every built-in and every kind of agent.

use super::super::tickets::push_agent_scope;
use super::super::{Dialect, TicketScope};
use baton_core::BuiltinView;
use crate::storage::{Conn, Error, Sql};

const ACTIVE: [&str; 3] = ["new", "open", "pending"];
/// `flag` in ticket_buckets: not trashed and not suspended.
const LIVE: i64 = 0;
const TRASHED: i64 = 1;
const SUSPENDED: i64 = 2;

#[derive(Debug, sqlx::FromRow)]
struct Bucket {
    flag: i64,
    status: String,
    /// 0 = no group.
    group_id: i64,
    /// 0 = unassigned.
    assignee_id: i64,
    n: i64,
}

/// What one agent may count: the buckets of tickets they may see.
#[derive(Debug)]
pub struct Buckets {
    rows: Vec<Bucket>,
    me: i64,
    my_groups: Vec<i64>,
    /// Live tickets the agent requested that "mine" counts beyond its assigned part.
    requested_extra: i64,
}

/// The same flag as the migration's triggers compute, for tickets read directly.
const FLAG: &str =
    "CASE WHEN t.trashed_at IS NOT NULL THEN 1 WHEN t.suspended_at IS NOT NULL THEN 2 ELSE 0 END";

impl Buckets {
    pub async fn load(conn: &mut Conn, scope: TicketScope, me: i64) -> Result<Buckets, Error> {
        let mut rows: Vec<Bucket> = crate::on!(conn, |c| sqlx::query_as(
            "SELECT flag, status, group_id, assignee_id, n FROM ticket_buckets WHERE tenant_id = $1 AND n > 0",
        )
        .bind(scope.tenant_id)
        .fetch_all(c).await)?;
        let my_groups: Vec<i64> = crate::on!(conn, |c| sqlx::query_scalar("SELECT group_id FROM agent_group_members WHERE user_id = $1")
            .bind(me)
            .fetch_all(c).await)?;
        if let Some(agent) = scope.agent_id {
            // An agent sees the ungrouped tickets, their groups' and those assigned to them
            // (whole buckets), and the tickets CC'd to them outside those (read one by one; CROSS
            // JOIN makes SQLite start from the agent's few CC rows, not from every ticket).
            rows.retain(|b| b.group_id == 0 || b.assignee_id == agent || my_groups.contains(&b.group_id));
            // (PostgreSQL has no CROSS JOIN … ON and plans the join order itself.)
            let join = match conn.dialect() {
                Dialect::Sqlite => "CROSS JOIN",
                Dialect::Postgres => "JOIN",
            };
            let mut q = Sql::new(format!(
                "SELECT CAST({FLAG} AS BIGINT) AS flag, t.status, COALESCE(t.assignee_group_id, 0) AS group_id,
                        COALESCE(t.assignee_id, 0) AS assignee_id, COUNT(*) AS n
                 FROM ticket_cc c {join} tickets t ON t.id = c.ticket_id
                 WHERE c.user_id = "
            ));
            q.push_bind(agent).push(" AND t.tenant_id = ").push_bind(scope.tenant_id);
            q.push(" AND t.assignee_group_id IS NOT NULL AND COALESCE(t.assignee_id, 0) <> ").push_bind(agent);
            q.push(" AND t.assignee_group_id NOT IN (SELECT group_id FROM agent_group_members WHERE user_id = ")
                .push_bind(agent)
                .push(") GROUP BY 1, 2, 3, 4");
            rows.extend(q.fetch_all::<Bucket>(conn).await?);
        }
        // "mine" also holds what the agent requested, whatever its assignee and status.
        // By the requester index: SQLite would rather walk the covering counting index over every
        // live ticket (100k desk: ~12 ms) than look up the few the agent requested.
        let hint = match conn.dialect() {
            Dialect::Sqlite => " INDEXED BY tickets_by_requester",
            Dialect::Postgres => "",
        };
        let mut q = Sql::new(format!("SELECT COUNT(*) FROM tickets t{hint} WHERE t.tenant_id = "));
        q.push_bind(scope.tenant_id);
        if let Some(agent) = scope.agent_id {
            push_agent_scope(&mut q, agent);
        }
        q.push(" AND t.trashed_at IS NULL AND t.suspended_at IS NULL AND t.requester_id = ").push_bind(me);
        q.push(" AND NOT (COALESCE(t.assignee_id, 0) = ").push_bind(me);
        q.push(" AND t.status IN ('new', 'open', 'pending'))");
        let requested_extra = q.fetch_scalar(conn).await?;
        Ok(Buckets { rows, me, my_groups, requested_extra })
    }

    /// The count of built-in `view`, or `None` for the views that are not a bucket predicate
    /// (starred, CC'd: counted by their own small queries).
    pub fn count(&self, view: BuiltinView) -> Option<i64> {
        use BuiltinView::*;
        let mine = |b: &Bucket| b.group_id != 0 && self.my_groups.contains(&b.group_id);
        let live = |b: &Bucket| b.flag == LIVE;
        let sum = |keep: &dyn Fn(&Bucket) -> bool| self.rows.iter().filter(|b| keep(b)).map(|b| b.n).sum::<i64>();
        Some(match view {
            Mine => {
                sum(&|b| live(b) && b.assignee_id == self.me && ACTIVE.contains(&b.status.as_str()))
                    + self.requested_extra
            }
            All => sum(&live),
            Groups => sum(&|b| live(b) && mine(b)),
            Unassigned => sum(&|b| {
                live(b) && b.assignee_id == 0 && matches!(b.status.as_str(), "new" | "open") && (mine(b) || b.group_id == 0)
            }),
            Pending => sum(&|b| live(b) && b.status == "pending"),
            Solved => sum(&|b| live(b) && b.status == "solved"),
            Closed => sum(&|b| live(b) && matches!(b.status.as_str(), "closed" | "confirmed" | "rated")),
            Trash => sum(&|b| b.flag == TRASHED),
            Suspended => sum(&|b| b.flag == SUSPENDED),
            Starred | Cc => return None,
        })
    }
}

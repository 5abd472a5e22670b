//! The tickets behind a report's number: a page of them newest first (drill-down), or all of them
//! oldest first as the database streams them (export). Each row carries the ticket's facts and
//! the names a reader needs — never confidential info or a message's text.

use super::filter::{Filter, Moment, FROM, UNSOLVED};
use crate::storage::catalog::decode_text;
use crate::storage::{decode_code, Db, Conn, Error, Sql};
use baton_core::ReportTicket;

/// Which tickets: those of a number of the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// The period's tickets by the report's moment (`by`).
    Period,
    /// Created in the period.
    Created,
    /// First solved in the period.
    Solved,
    /// Created in the period and not solved now.
    Backlog,
    /// Created in the period and solved or later now.
    Resolved,
    /// The period's tickets reopened at least once.
    Reopened,
    /// The period's tickets with a first reply (behind the first-reply time).
    Replied,
    /// The period's tickets rated (with this rating, when given).
    Rated(Option<i64>),
}

const COLUMNS: &str = "SELECT t.id, t.number, t.title, t.status, t.priority, t.channel, u.name AS requester_name,
    ty.name AS type_name, ag.name AS group_name, a.name AS assignee_name, f.created_at, f.first_reply_at,
    f.first_reply_secs, f.first_solved_at, f.first_resolution_secs, f.last_solved_at, f.full_resolution_secs,
    f.solves, f.reopens, f.rating, f.rated_at";
const JOINS: &str = " JOIN users u ON u.id = t.requester_id AND u.tenant_id = t.tenant_id
    LEFT JOIN ticket_types ty ON ty.id = t.type_id AND ty.tenant_id = t.tenant_id
    LEFT JOIN agent_groups ag ON ag.id = t.assignee_group_id AND ag.tenant_id = t.tenant_id
    LEFT JOIN users a ON a.id = t.assignee_id AND a.tenant_id = t.tenant_id";

#[derive(Debug, sqlx::FromRow)]
pub struct ReportTicketRow {
    id: i64,
    number: i64,
    title: String,
    status: String,
    priority: String,
    channel: String,
    requester_name: String,
    type_name: Option<String>,
    group_name: Option<String>,
    assignee_name: Option<String>,
    created_at: String,
    first_reply_at: Option<String>,
    first_reply_secs: Option<i64>,
    first_solved_at: Option<String>,
    first_resolution_secs: Option<i64>,
    last_solved_at: Option<String>,
    full_resolution_secs: Option<i64>,
    solves: i64,
    reopens: i64,
    rating: Option<i64>,
    rated_at: Option<String>,
}

impl ReportTicketRow {
    pub fn into_ticket(self) -> Result<ReportTicket, Error> {
        Ok(ReportTicket {
            id: self.id,
            number: self.number,
            title: self.title,
            status: decode_code("status", &self.status)?,
            priority: decode_code("priority", &self.priority)?,
            channel: decode_code("channel", &self.channel)?,
            requester_name: self.requester_name,
            type_name: self.type_name.as_deref().map(|n| decode_text("type_name", n)).transpose()?,
            group_name: self.group_name,
            assignee_name: self.assignee_name,
            created_at: self.created_at,
            first_reply_at: self.first_reply_at,
            first_reply_secs: self.first_reply_secs,
            first_solved_at: self.first_solved_at,
            first_resolution_secs: self.first_resolution_secs,
            last_solved_at: self.last_solved_at,
            full_resolution_secs: self.full_resolution_secs,
            solves: self.solves,
            reopens: self.reopens,
            rating: self.rating,
            rated_at: self.rated_at,
        })
    }
}

/// `SELECT … FROM … WHERE …` for the tickets of `metric` (`moment`: the report's `by`).
fn select(f: &Filter, moment: Moment, metric: Metric) -> Sql {
    let mut q = Sql::new(COLUMNS);
    q.push(FROM).push(JOINS);
    f.push_where(&mut q);
    let period = match metric {
        Metric::Created | Metric::Backlog | Metric::Resolved => Moment::Created,
        Metric::Solved => Moment::Solved,
        Metric::Period | Metric::Reopened | Metric::Replied | Metric::Rated(_) => moment,
    };
    f.push_period(&mut q, period);
    match metric {
        Metric::Backlog => {
            q.push(format_args!(" AND t.status IN {UNSOLVED}"));
        }
        Metric::Resolved => {
            q.push(format_args!(" AND t.status NOT IN {UNSOLVED}"));
        }
        Metric::Reopened => {
            q.push(" AND f.reopens > 0");
        }
        Metric::Replied => {
            q.push(" AND f.first_reply_secs IS NOT NULL");
        }
        Metric::Rated(rating) => {
            q.push(" AND f.rating IS NOT NULL");
            if let Some(rating) = rating {
                q.push(" AND f.rating = ").push_bind(rating);
            }
        }
        Metric::Period | Metric::Created | Metric::Solved => {}
    }
    q
}

/// Up to `limit` tickets of `metric`, newest first, after the cursor `(created_at, id)`.
pub async fn page(
    conn: &mut Conn,
    f: &Filter,
    moment: Moment,
    metric: Metric,
    after: Option<(String, i64)>,
    limit: i64,
) -> Result<Vec<ReportTicketRow>, Error> {
    let mut q = select(f, moment, metric);
    if let Some((created_at, id)) = after {
        q.push(" AND (f.created_at < ").push_bind(created_at.clone());
        q.push(" OR (f.created_at = ").push_bind(created_at).push(" AND f.ticket_id < ").push_bind(id).push("))");
    }
    q.push(" ORDER BY f.created_at DESC, f.ticket_id DESC LIMIT ").push_bind(limit);
    q.fetch_all(conn).await
}

/// Every ticket of `metric`, oldest first, handed to `each` as the database streams them until
/// it answers `false`.
pub async fn each<F, Fut>(db: &Db, f: &Filter, moment: Moment, metric: Metric, each: F) -> Result<(), Error>
where
    F: FnMut(ReportTicketRow) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let mut q = select(f, moment, metric);
    q.push(" ORDER BY f.created_at, f.ticket_id");
    q.for_each(db, each).await
}

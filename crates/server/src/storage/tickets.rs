//! Tickets: creating them with a per-tenant number, reading one, the keyset-paginated list, and
//! the status and rating updates the lifecycle makes.

use super::{encode_code, Db, Dialect, TicketScope};
use baton_core::{Channel, Priority, Status};
use crate::storage::{Conn, Error, Sql};

pub mod fields;
pub mod lifecycle;
pub mod numbers;
mod row;
pub mod staff;
mod writes;

pub use row::{TicketDetails, TicketRow};
pub use writes::{set_rating, set_status, touch, touch_updated};

/// The columns every ticket read selects: the ticket, its requester's name and sharing group, and
/// the names of its type and sub-type. Never confidential info, which lives in its own table.
const COLUMNS: &str = "t.id, t.number, t.title, t.description, t.status, t.priority, t.channel,
    t.requester_id, u.name AS requester_name, t.contact_phone, t.created_at, t.updated_at,
    t.type_id, ty.name AS type_name, t.subtype_id, st.name AS subtype_name, t.related_url,
    t.rating, t.rating_comment, CASE WHEN g.shares_tickets THEN g.id END AS share_group_id,
    t.version, t.assignee_id, a.name AS assignee_name, t.assignee_group_id, ag.name AS group_name,
    t.trashed_at, t.suspended_at, g.id AS customer_group_id, g.name AS customer_group_name";
const FROM: &str = "FROM tickets t
    JOIN users u ON u.id = t.requester_id AND u.tenant_id = t.tenant_id
    LEFT JOIN customer_groups g ON g.id = u.customer_group_id AND g.tenant_id = t.tenant_id
    LEFT JOIN ticket_types ty ON ty.id = t.type_id AND ty.tenant_id = t.tenant_id
    LEFT JOIN ticket_subtypes st ON st.id = t.subtype_id AND st.tenant_id = t.tenant_id
    LEFT JOIN users a ON a.id = t.assignee_id AND a.tenant_id = t.tenant_id
    LEFT JOIN agent_groups ag ON ag.id = t.assignee_group_id AND ag.tenant_id = t.tenant_id";

/// A ticket to insert; the number is assigned by [`insert`].
pub struct NewTicketRow<'a> {
    pub tenant_id: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub status: Status,
    pub priority: Priority,
    pub channel: Channel,
    pub requester_id: i64,
    pub contact_phone: Option<&'a str>,
    pub type_id: Option<i64>,
    pub subtype_id: Option<i64>,
    pub related_url: Option<&'a str>,
    pub now: &'a str,
}

/// Inserts a ticket with the tenant's next number ([`numbers::next_number`]); its id.
pub async fn insert(tx: &mut Conn, t: &NewTicketRow<'_>) -> Result<i64, Error> {
    let number = numbers::next_number(tx, t.tenant_id).await?;
    crate::on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO tickets (tenant_id, number, title, description, status, priority, channel,
                              requester_id, contact_phone, created_at, updated_at,
                              type_id, subtype_id, related_url)
         VALUES ($1, $13, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12)
         RETURNING id",
    )
    .bind(t.tenant_id)
    .bind(t.title)
    .bind(t.description)
    .bind(t.status.code())
    .bind(encode_code(&t.priority))
    .bind(encode_code(&t.channel))
    .bind(t.requester_id)
    .bind(t.contact_phone)
    .bind(t.now)
    .bind(t.type_id)
    .bind(t.subtype_id)
    .bind(t.related_url)
    .bind(number)
    .fetch_one(c).await).map_err(Error::from)
}

/// The ticket `id` if `scope` may see it.
pub async fn get(
    conn: &mut Conn,
    scope: TicketScope,
    id: i64,
) -> Result<Option<TicketRow>, Error> {
    select_one(conn, scope, id, false).await
}

/// [`get`], and the ticket's row locked until the transaction ends: a write that decides from
/// what it read (the status for a transition, the flags) reads it this way, so a concurrent write
/// waits instead of deciding from the same old row. (SQLite's write transaction holds the whole
/// database already.)
///
/// On PostgreSQL it first locks the tenant's counter row, which every ticket write takes anyway
/// (a new ticket's number, each event's id), so all of them take their locks in one order:
/// counter, ticket, the ticket buckets the triggers keep. Taking the counter last — when the
/// event is recorded, after the bucket rows — deadlocked against a creation, which holds the
/// counter (its number) while its trigger waits for a bucket row.
pub async fn get_for_update(
    tx: &mut Conn,
    scope: TicketScope,
    id: i64,
) -> Result<Option<TicketRow>, Error> {
    select_one(tx, scope, id, true).await
}

async fn select_one(conn: &mut Conn, scope: TicketScope, id: i64, lock: bool) -> Result<Option<TicketRow>, Error> {
    let mut q = Sql::new(format!("SELECT {COLUMNS} {FROM} WHERE t.id = "));
    q.push_bind(id);
    push_scope(&mut q, scope);
    if lock && conn.dialect() == Dialect::Postgres {
        numbers::lock_counter(conn, scope.tenant_id).await?;
        q.push(" FOR UPDATE OF t");
    }
    q.fetch_optional(conn).await
}

/// Whether `scope` may see ticket `id` now (customers: not while it is trashed or suspended).
pub async fn visible(db: &Db, scope: TicketScope, id: i64) -> Result<bool, Error> {
    let mut q = Sql::new(
        "SELECT COUNT(*) FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = ",
    );
    q.push_bind(id);
    push_scope(&mut q, scope);
    let n: i64 = q.fetch_scalar(&mut db.acquire().await?).await?;
    Ok(n > 0)
}

/// What a list may be narrowed to.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ListFilter {
    pub status: Option<Status>,
    pub search: Option<Search>,
    /// Keyset cursor: the (created_at, id) of the last row of the previous page.
    pub after: Option<(String, i64)>,
}

/// A search in the list: `#12` finds a number, `12` a number or a title, anything else a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    Number(i64),
    NumberOrTitle(i64, String),
    Title(String),
}

/// Up to `limit` tickets `scope` may see, newest first (created_at desc, id desc).
pub async fn list(
    db: &Db,
    scope: TicketScope,
    filter: &ListFilter,
    limit: i64,
) -> Result<Vec<TicketRow>, Error> {
    let mut q = Sql::new(format!("SELECT {COLUMNS} {FROM} WHERE 1 = 1"));
    push_scope(&mut q, scope);
    if let Some(status) = filter.status {
        q.push(" AND t.status = ").push_bind(status.code());
    }
    match &filter.search {
        Some(Search::Number(n)) => {
            q.push(" AND t.number = ").push_bind(*n);
        }
        Some(Search::NumberOrTitle(n, text)) => {
            q.push(" AND (t.number = ").push_bind(*n);
            q.push(format!(" OR t.title {} ", db.dialect().like()))
                .push_bind(like_pattern(text))
                .push(" ESCAPE '\\')");
        }
        Some(Search::Title(text)) => {
            q.push(format!(" AND t.title {} ", db.dialect().like()))
                .push_bind(like_pattern(text))
                .push(" ESCAPE '\\'");
        }
        None => {}
    }
    if let Some((created_at, id)) = &filter.after {
        q.push(" AND (t.created_at < ")
            .push_bind(created_at.clone());
        q.push(" OR (t.created_at = ").push_bind(created_at.clone());
        q.push(" AND t.id < ").push_bind(*id).push("))");
    }
    q.push(" ORDER BY t.created_at DESC, t.id DESC LIMIT ")
        .push_bind(limit);
    q.fetch_all(&mut db.acquire().await?).await
}

/// Restricts a query over `t` (and `u`, its requester) to what `scope` may see. The tenant filter
/// is always present in the SQL text so it can never be forgotten by a caller.
pub(crate) fn push_scope(q: &mut Sql, scope: TicketScope) {
    q.push(" AND t.tenant_id = ").push_bind(scope.tenant_id);
    match (scope.requester_id, scope.share_group_id) {
        (Some(requester_id), Some(group_id)) => {
            q.push(" AND (t.requester_id = ").push_bind(requester_id);
            q.push(" OR u.customer_group_id = ")
                .push_bind(group_id)
                .push(")");
        }
        (Some(requester_id), None) => {
            q.push(" AND t.requester_id = ").push_bind(requester_id);
        }
        (None, _) => {}
    }
    // A trashed or suspended ticket is out of its customers' sight until staff restore it.
    if scope.requester_id.is_some() {
        q.push(" AND t.trashed_at IS NULL AND t.suspended_at IS NULL");
    }
    if let Some(agent) = scope.agent_id {
        push_agent_scope(q, agent);
    }
}

/// An agent's share of the tenant. Tickets not routed to any group are everyone's, so nothing
/// that routing missed falls out of every agent's sight.
pub(crate) fn push_agent_scope(q: &mut Sql, agent: i64) {
    q.push(" AND (t.assignee_group_id IS NULL OR t.assignee_id = ").push_bind(agent);
    q.push(" OR t.assignee_group_id IN (SELECT group_id FROM agent_group_members WHERE user_id = ")
        .push_bind(agent);
    q.push(") OR EXISTS (SELECT 1 FROM ticket_cc c WHERE c.ticket_id = t.id AND c.user_id = ")
        .push_bind(agent)
        .push("))");
}

/// `%text%` with LIKE's wildcards in `text` escaped, so a search for `100%` means what it says.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(super::like_pattern("100%_a\\b"), "%100\\%\\_a\\\\b%");
    }
}

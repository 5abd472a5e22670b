//! Views: the rows and counts a view selects (keyset-paginated, in the view's sort), and the
//! stored custom views with each user's order and hiding.

mod buckets;
pub mod filter;
mod stored;

pub use buckets::Buckets;
pub use filter::{ViewFilter, Viewer};
pub use stored::*;

use super::catalog::decode_text;
use super::tickets::push_agent_scope;
use super::{decode_code, Db, Dialect, TicketScope};
use baton_core::{BuiltinView, GroupRef, SortDir, SortField, TicketRow, UserRef};
use crate::storage::{Conn, Error, Sql};

/// The sort key of a row as SQL, and whether it is an integer (bound as such in the cursor).
fn sort_key(field: SortField) -> (&'static str, bool) {
    match field {
        SortField::CreatedAt => ("t.created_at", false),
        SortField::UpdatedAt => ("t.updated_at", false),
        SortField::Number => ("t.number", true),
        SortField::Priority => (
            "(CASE t.priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END)",
            true,
        ),
        SortField::Status => (
            "(CASE t.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending' THEN 2 \
             WHEN 'solved' THEN 3 WHEN 'confirmed' THEN 4 WHEN 'rated' THEN 5 ELSE 6 END)",
            true,
        ),
    }
}

/// Where the previous page ended: its last row's sort key (as text) and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct After {
    pub key: String,
    pub id: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub struct ViewRow {
    pub id: i64,
    number: i64,
    title: String,
    status: String,
    priority: String,
    channel: String,
    requester_id: i64,
    requester_name: String,
    assignee_id: Option<i64>,
    assignee_name: Option<String>,
    group_id: Option<i64>,
    group_name: Option<String>,
    type_name: Option<String>,
    tags: Option<String>,
    starred: bool,
    created_at: String,
    updated_at: String,
    version: i64,
    sla_due_at: Option<String>,
    sla_breached: bool,
    /// The sort key of this row as text, for the next cursor.
    pub sort_key: String,
}

impl ViewRow {
    pub fn into_row(self) -> Result<TicketRow, Error> {
        Ok(TicketRow {
            status: decode_code("status", &self.status)?,
            priority: decode_code("priority", &self.priority)?,
            channel: decode_code("channel", &self.channel)?,
            type_name: self.type_name.as_deref().map(|n| decode_text("type_name", n)).transpose()?,
            id: self.id,
            number: self.number,
            title: self.title,
            requester: UserRef { id: self.requester_id, name: self.requester_name },
            assignee: self.assignee_id.zip(self.assignee_name).map(|(id, name)| UserRef { id, name }),
            group: self.group_id.zip(self.group_name).map(|(id, name)| GroupRef { id, name }),
            // Tags are joined with the unit separator, which a tag cannot contain.
            tags: self.tags.map(|t| t.split('\u{1f}').map(str::to_owned).collect()).unwrap_or_default(),
            starred: self.starred,
            created_at: self.created_at,
            updated_at: self.updated_at,
            version: self.version,
            sla_due_at: self.sla_due_at,
            sla_breached: self.sla_breached,
        })
    }
}

/// Staff scope: the tenant, narrowed to an agent's share unless they see everything. Views are
/// staff-only, so the customer parts of `TicketScope` never apply here.
fn push_staff_scope(q: &mut Sql, scope: TicketScope) {
    q.push(" t.tenant_id = ").push_bind(scope.tenant_id);
    if let Some(agent) = scope.agent_id {
        push_agent_scope(q, agent);
    }
}

/// The ticket table as a view reads it. The starred and CC'd views select a few tickets by id
/// (`t.id IN (…)`), which SQLite would rather find by walking the tenant's whole index; without
/// an index on `t` it looks each one up by rowid instead (100k desk: ~45 ms → under 2 ms).
/// (PostgreSQL plans these by itself and has no such hint.)
fn tickets_for(filter: &ViewFilter, dialect: Dialect) -> &'static str {
    match (filter, dialect) {
        (ViewFilter::Builtin(BuiltinView::Starred | BuiltinView::Cc), Dialect::Sqlite) => "tickets t NOT INDEXED",
        _ => "tickets t",
    }
}

/// One page of `filter` in `(field, dir)` order, then id in the same direction.
#[allow(clippy::too_many_arguments)]
pub async fn page(
    db: &Db,
    scope: TicketScope,
    filter: &ViewFilter,
    viewer: Viewer<'_>,
    (field, dir): (SortField, SortDir),
    after: Option<&After>,
    limit: i64,
) -> Result<Vec<ViewRow>, Error> {
    let (key, numeric) = sort_key(field);
    let tickets = tickets_for(filter, db.dialect());
    // Tags joined by the unit separator (no tag contains it), in tag order.
    let tags = match db.dialect() {
        Dialect::Sqlite => "(SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM ticket_tags WHERE ticket_id = t.id ORDER BY tag))",
        Dialect::Postgres => "(SELECT string_agg(tag, chr(31) ORDER BY tag) FROM ticket_tags WHERE ticket_id = t.id)",
    };
    let mut q = Sql::new(format!(
        "SELECT t.id, t.number, t.title, t.status, t.priority, t.channel, t.requester_id,
                u.name AS requester_name, t.assignee_id, a.name AS assignee_name,
                t.assignee_group_id AS group_id, ag.name AS group_name, ty.name AS type_name,
                {tags} AS tags,
                EXISTS (SELECT 1 FROM ticket_stars s WHERE s.ticket_id = t.id AND s.user_id = ",
    ));
    q.push_bind(viewer.user_id);
    q.push(format!(
        ") AS starred, t.created_at, t.updated_at, t.version, t.sla_due_at, t.sla_breached, CAST({key} AS TEXT) AS sort_key
         FROM {tickets}
         JOIN users u ON u.id = t.requester_id
         LEFT JOIN users a ON a.id = t.assignee_id
         LEFT JOIN agent_groups ag ON ag.id = t.assignee_group_id
         LEFT JOIN ticket_types ty ON ty.id = t.type_id
         WHERE"
    ));
    push_staff_scope(&mut q, scope);
    filter::push_filter(&mut q, filter, viewer, db.dialect());
    let (cmp, order) = match dir {
        SortDir::Asc => (">", "ASC"),
        SortDir::Desc => ("<", "DESC"),
    };
    if let Some(after) = after {
        let bind_key = |q: &mut Sql| {
            if numeric {
                q.push_bind(after.key.parse::<i64>().unwrap_or_default());
            } else {
                q.push_bind(after.key.clone());
            }
        };
        q.push(format!(" AND ({key} {cmp} "));
        bind_key(&mut q);
        q.push(format!(" OR ({key} = "));
        bind_key(&mut q);
        q.push(format!(" AND t.id {cmp} ")).push_bind(after.id).push("))");
    }
    q.push(format!(" ORDER BY {key} {order}, t.id {order} LIMIT ")).push_bind(limit);
    q.fetch_all(&mut db.acquire().await?).await
}

/// How many tickets `filter` selects.
pub async fn count(
    conn: &mut Conn,
    scope: TicketScope,
    filter: &ViewFilter,
    viewer: Viewer<'_>,
) -> Result<i64, Error> {
    let mut q = Sql::new(format!("SELECT COUNT(*) FROM {} WHERE", tickets_for(filter, conn.dialect())));
    push_staff_scope(&mut q, scope);
    filter::push_filter(&mut q, filter, viewer, conn.dialect());
    q.fetch_scalar(conn).await
}

/// What a user's view counts were computed from: the tenant's last event id, and the count and
/// the sum of the ticket ids of the user's stars (starring emits no event; swapping one star for
/// another of the same sum is the one change it misses, and then only for `FRESH_FOR`).
pub async fn counts_stamp(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<(i64, i64, i64), Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM events WHERE tenant_id = $1),
                (SELECT COUNT(*) FROM ticket_stars WHERE user_id = $2),
                (SELECT CAST(COALESCE(SUM(ticket_id), 0) AS BIGINT) FROM ticket_stars WHERE user_id = $2)",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_one(c).await)
    .map_err(Error::from)
}

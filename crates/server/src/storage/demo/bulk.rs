//! The statements of the bulk benchmark seed (`crate::demo::bulk`): a few lookups in the demo
//! desk, and multi-row INSERTs of customers, tickets, their report facts and messages.
//!
//! The inserts write [`ROWS_PER_INSERT`] rows per statement: one statement per row would make
//! 100k tickets take minutes instead of seconds. The lookups by ticket id alone take ids the
//! seeder has just inserted into the tenant.

use crate::storage::{encode_code, Conn, Error, Sql};
use baton_core::{Channel, MessageKind, Priority, Role, Status};

/// Rows per INSERT: 1,000 rows × at most 12 columns stays far below SQLite's 32,766 parameters.
pub const ROWS_PER_INSERT: usize = 1_000;

/// The (agent group, member) pairs of `tenant_id`, by group, then user.
pub async fn group_members(conn: &mut Conn, tenant_id: i64) -> Result<Vec<(i64, i64)>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT m.group_id, m.user_id FROM agent_group_members m WHERE m.tenant_id = $1 ORDER BY 1, 2",
    )
    .bind(tenant_id)
    .fetch_all(c).await)
    .map_err(Error::from)
}

/// The number the next ticket of `tenant_id` gets: the highest so far plus one.
pub async fn next_ticket_number(conn: &mut Conn, tenant_id: i64) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE tenant_id = $1")
        .bind(tenant_id)
        .fetch_one(c).await)
        .map_err(Error::from)
}

/// The password hash of some user of `tenant_id`; an error if the tenant has no user.
pub async fn any_password_hash(conn: &mut Conn, tenant_id: i64) -> Result<String, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT password_hash FROM users WHERE tenant_id = $1 LIMIT 1")
        .bind(tenant_id)
        .fetch_one(c).await)
        .map_err(Error::from)
}

/// How many users (of any role) `tenant_id` has.
pub async fn count_users(conn: &mut Conn, tenant_id: i64) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE tenant_id = $1")
        .bind(tenant_id)
        .fetch_one(c).await)
        .map_err(Error::from)
}

/// The ids of `tenant_id`'s customers, ascending.
pub async fn customer_ids(conn: &mut Conn, tenant_id: i64) -> Result<Vec<i64>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT id FROM users WHERE tenant_id = $1 AND role = 'customer' ORDER BY id")
        .bind(tenant_id)
        .fetch_all(c).await)
        .map_err(Error::from)
}

/// The `created_at` of ticket `ticket_id`.
pub async fn ticket_created_at(conn: &mut Conn, ticket_id: i64) -> Result<String, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT created_at FROM tickets WHERE id = $1")
        .bind(ticket_id)
        .fetch_one(c).await)
        .map_err(Error::from)
}

/// The requester of ticket `ticket_id`.
pub async fn ticket_requester(conn: &mut Conn, ticket_id: i64) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT requester_id FROM tickets WHERE id = $1")
        .bind(ticket_id)
        .fetch_one(c).await)
        .map_err(Error::from)
}

/// A customer to insert.
pub struct NewCustomer {
    pub email: String,
    pub name: String,
}

/// Inserts `customers` into `tenant_id`, all with `password_hash`, created `now`. Emails are
/// stored as given: unlike `users::create`, nothing normalizes them.
pub async fn insert_customers(
    conn: &mut Conn,
    tenant_id: i64,
    customers: &[NewCustomer],
    password_hash: &str,
    now: &str,
) -> Result<(), Error> {
    for part in customers.chunks(ROWS_PER_INSERT) {
        let mut q = Sql::new(
            "INSERT INTO users (tenant_id, email, name, role, password_hash, created_at) ",
        );
        q.push_values(part, |b, c| {
            b.push_bind(tenant_id)
                .push_bind(c.email.as_str())
                .push_bind(c.name.as_str())
                .push_bind(Role::Customer.code())
                .push_bind(password_hash)
                .push_bind(now);
        });
        q.execute(conn).await?;
    }
    Ok(())
}

/// A ticket to insert, with its number given (not taken from the tenant's highest).
pub struct NewTicket<'a> {
    pub number: i64,
    pub title: String,
    pub description: &'a str,
    pub status: Status,
    pub priority: Priority,
    pub channel: Channel,
    pub requester_id: i64,
    pub created_at: String,
    pub updated_at: String,
    pub assignee_group_id: Option<i64>,
    pub assignee_id: Option<i64>,
}

/// Inserts `tickets` into `tenant_id`; their ids, in the order of `tickets`.
pub async fn insert_tickets(
    conn: &mut Conn,
    tenant_id: i64,
    tickets: &[NewTicket<'_>],
) -> Result<Vec<i64>, Error> {
    let mut all = Vec::with_capacity(tickets.len());
    for part in tickets.chunks(ROWS_PER_INSERT) {
        let mut q = Sql::new(
            "INSERT INTO tickets (tenant_id, number, title, description, status, priority, channel,
             requester_id, created_at, updated_at, assignee_group_id, assignee_id) ",
        );
        q.push_values(part, |b, t| {
            b.push_bind(tenant_id)
                .push_bind(t.number)
                .push_bind(t.title.as_str())
                .push_bind(t.description)
                .push_bind(t.status.code())
                .push_bind(encode_code(&t.priority))
                .push_bind(encode_code(&t.channel))
                .push_bind(t.requester_id)
                .push_bind(t.created_at.as_str())
                .push_bind(t.updated_at.as_str())
                .push_bind(t.assignee_group_id)
                .push_bind(t.assignee_id);
        });
        q.push(" RETURNING id");
        let mut ids: Vec<i64> = q.fetch_scalars(conn).await?;
        // RETURNING order is not promised; ids are allocated in VALUES order, so sorting
        // restores it.
        ids.sort_unstable();
        all.extend(ids);
    }
    // The tickets came with numbers of their own: move the tenant's counter past them.
    if let Some(last) = tickets.iter().map(|r| r.number).max() {
        crate::storage::tickets::numbers::reserve_numbers(conn, tenant_id, last).await?;
    }
    Ok(all)
}

/// The report facts of a seeded ticket (see `reports::facts`): its creation and, for a ticket
/// solved or later, one solve.
pub struct NewFacts<'a> {
    pub ticket_id: i64,
    pub created_at: &'a str,
    pub solved_at: Option<&'a str>,
    pub resolution_secs: Option<i64>,
    pub solved_by: Option<i64>,
}

/// Inserts the facts rows of seeded tickets of `tenant_id`.
pub async fn insert_facts(conn: &mut Conn, tenant_id: i64, facts: &[NewFacts<'_>]) -> Result<(), Error> {
    for part in facts.chunks(ROWS_PER_INSERT) {
        let mut q = Sql::new(
            "INSERT INTO ticket_facts (ticket_id, tenant_id, created_at, customer_first_at, first_solved_at,
             first_resolution_secs, last_solved_at, full_resolution_secs, solved_by, solves) ",
        );
        q.push_values(part, |b, f| {
            b.push_bind(f.ticket_id)
                .push_bind(tenant_id)
                .push_bind(f.created_at)
                .push_bind(f.created_at)
                .push_bind(f.solved_at)
                .push_bind(f.resolution_secs)
                .push_bind(f.solved_at)
                .push_bind(f.resolution_secs)
                .push_bind(f.solved_by)
                .push_bind(i64::from(f.solved_at.is_some()));
        });
        q.execute(conn).await?;
    }
    Ok(())
}

/// A public message to insert.
pub struct NewMessage {
    pub ticket_id: i64,
    pub author_id: Option<i64>,
    pub body: String,
    pub created_at: String,
}

/// Inserts `messages` into `tenant_id`, all public.
pub async fn insert_public_messages(
    conn: &mut Conn,
    tenant_id: i64,
    messages: &[NewMessage],
) -> Result<(), Error> {
    let kind = encode_code(&MessageKind::Public);
    for part in messages.chunks(ROWS_PER_INSERT) {
        let mut q = Sql::new(
            "INSERT INTO messages (tenant_id, ticket_id, kind, author_id, body, created_at) ",
        );
        q.push_values(part, |b, m| {
            b.push_bind(tenant_id)
                .push_bind(m.ticket_id)
                .push_bind(kind.as_str())
                .push_bind(m.author_id)
                .push_bind(m.body.as_str())
                .push_bind(m.created_at.as_str());
        });
        q.execute(conn).await?;
    }
    Ok(())
}

//! `baton-server seed`: a large desk for benchmarks — the demo data plus N tickets with M messages
//! each, spread over a year, over all statuses, priorities, agent groups and 2,000 requesters,
//! and one ticket with 1,000 messages. Multi-row inserts in a few transactions, so 100k tickets
//! take seconds, not the minutes one-row-per-statement inserts would.

use super::{seed_if_empty, SeedError, TENANT};
use crate::storage::{self, tenants, Db};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

/// Rows per INSERT: 1,000 rows × at most 12 columns stays far below SQLite's 32,766 parameters.
const CHUNK: usize = 1_000;
/// Tickets per transaction.
const TX_TICKETS: usize = 10_000;
/// Extra requesters, so lists and counts do not all point at one customer.
const REQUESTERS: usize = 2_000;
/// Messages of the one long thread.
const LONG_THREAD: usize = 1_000;

/// (status, weight): most of a real desk is closed.
const STATUSES: &[(&str, u64)] = &[
    ("new", 8), ("open", 12), ("pending", 8), ("solved", 10), ("confirmed", 4), ("rated", 8), ("closed", 50),
];
const PRIORITIES: &[(&str, u64)] = &[("low", 20), ("normal", 60), ("high", 15), ("urgent", 5)];
const CHANNELS: &[(&str, u64)] = &[("web", 60), ("widget", 20), ("email", 10), ("phone", 10)];

/// What was seeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seeded {
    pub tickets: usize,
    pub messages: usize,
    /// The id of the ticket with the long thread.
    pub long_ticket: i64,
}

/// A tiny deterministic generator (xorshift64*): the same desk on every run, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, table: &'a [(&'a str, u64)]) -> &'a str {
        let total: u64 = table.iter().map(|(_, w)| w).sum();
        let mut at = self.below(total);
        for (value, weight) in table {
            if at < *weight {
                return value;
            }
            at -= weight;
        }
        table[0].0
    }
}

/// Seeds the demo (if the database is empty), then `tickets` tickets of `per_ticket` messages
/// into the demo tenant.
pub async fn seed(db: &Db, tickets: usize, per_ticket: usize) -> Result<Seeded, SeedError> {
    seed_if_empty(db).await?;
    let tenant_id = tenants::find_by_name(db, TENANT).await?.ok_or(sqlx::Error::RowNotFound)?;
    let now = storage::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tx = storage::begin_write(db).await?;
    let requesters = add_requesters(&mut tx, tenant_id, &storage::timestamp(now)).await?;
    let groups: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT m.group_id, m.user_id FROM agent_group_members m WHERE m.tenant_id = ? ORDER BY 1, 2",
    )
    .bind(tenant_id)
    .fetch_all(&mut *tx)
    .await?;
    let first_number: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE tenant_id = ?")
            .bind(tenant_id)
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    let year = 365 * 24 * 3600;
    let mut messages = 0;
    let mut long_ticket = 0;
    for start in (0..tickets).step_by(TX_TICKETS) {
        let mut tx = storage::begin_write(db).await?;
        let end = (start + TX_TICKETS).min(tickets);
        for chunk in (start..end).step_by(CHUNK) {
            let rows: Vec<TicketSeed> = (chunk..(chunk + CHUNK).min(end))
                .map(|i| {
                    let age = rng.below(year) as i64;
                    let created = now - time::Duration::seconds(age);
                    let updated = created + time::Duration::seconds(rng.below(age.max(1) as u64) as i64);
                    let (group, assignee) = match groups.get(rng.below(groups.len() as u64 + 1) as usize) {
                        Some((g, a)) => (Some(*g), (rng.below(3) > 0).then_some(*a)),
                        None => (None, None),
                    };
                    TicketSeed {
                        number: first_number + i as i64,
                        status: rng.pick(STATUSES),
                        priority: rng.pick(PRIORITIES),
                        channel: rng.pick(CHANNELS),
                        requester: requesters[rng.below(requesters.len() as u64) as usize],
                        created: storage::timestamp(created),
                        updated: storage::timestamp(updated),
                        group,
                        assignee,
                    }
                })
                .collect();
            let ids = insert_tickets(&mut tx, tenant_id, &rows).await?;
            if long_ticket == 0 {
                long_ticket = ids.first().copied().unwrap_or_default();
            }
            let thread: Vec<(i64, i64, &str)> = ids
                .iter()
                .zip(&rows)
                .flat_map(|(id, r)| (0..per_ticket).map(move |k| (*id, k as i64, r.created.as_str())))
                .collect();
            messages += insert_messages(&mut tx, tenant_id, &thread, &rows_authors(&rows, &ids)).await?;
        }
        tx.commit().await?;
    }
    if long_ticket != 0 {
        let mut tx = storage::begin_write(db).await?;
        let created: String = sqlx::query_scalar("SELECT created_at FROM tickets WHERE id = ?")
            .bind(long_ticket)
            .fetch_one(&mut *tx)
            .await?;
        let extra = LONG_THREAD.saturating_sub(per_ticket);
        let thread: Vec<(i64, i64, &str)> =
            (0..extra).map(|k| (long_ticket, (per_ticket + k) as i64, created.as_str())).collect();
        let requester: i64 = sqlx::query_scalar("SELECT requester_id FROM tickets WHERE id = ?")
            .bind(long_ticket)
            .fetch_one(&mut *tx)
            .await?;
        let authors = std::collections::HashMap::from([(long_ticket, requester)]);
        for part in thread.chunks(CHUNK) {
            messages += insert_messages(&mut tx, tenant_id, part, &authors).await?;
        }
        tx.commit().await?;
    }
    Ok(Seeded { tickets, messages, long_ticket })
}

struct TicketSeed {
    number: i64,
    status: &'static str,
    priority: &'static str,
    channel: &'static str,
    requester: i64,
    created: String,
    updated: String,
    group: Option<i64>,
    assignee: Option<i64>,
}

fn rows_authors(rows: &[TicketSeed], ids: &[i64]) -> std::collections::HashMap<i64, i64> {
    ids.iter().zip(rows).map(|(id, r)| (*id, r.requester)).collect()
}

/// `REQUESTERS` customers sharing one password hash (nobody signs in as them); all requester ids.
async fn add_requesters(conn: &mut SqliteConnection, tenant_id: i64, now: &str) -> Result<Vec<i64>, sqlx::Error> {
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE tenant_id = ? LIMIT 1")
        .bind(tenant_id)
        .fetch_one(&mut *conn)
        .await?;
    let start: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE tenant_id = ?")
        .bind(tenant_id)
        .fetch_one(&mut *conn)
        .await?;
    for chunk in (0..REQUESTERS).collect::<Vec<_>>().chunks(CHUNK) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO users (tenant_id, email, name, role, password_hash, created_at) ",
        );
        q.push_values(chunk, |mut b, i| {
            let n = start + *i as i64;
            b.push_bind(tenant_id)
                .push_bind(format!("customer{n}@bench.test"))
                .push_bind(format!("Customer {n}"))
                .push_bind("customer")
                .push_bind(hash.clone())
                .push_bind(now.to_owned());
        });
        q.build().execute(&mut *conn).await?;
    }
    sqlx::query_scalar("SELECT id FROM users WHERE tenant_id = ? AND role = 'customer' ORDER BY id")
        .bind(tenant_id)
        .fetch_all(conn)
        .await
}

async fn insert_tickets(conn: &mut SqliteConnection, tenant_id: i64, rows: &[TicketSeed]) -> Result<Vec<i64>, sqlx::Error> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT INTO tickets (tenant_id, number, title, description, status, priority, channel,
             requester_id, created_at, updated_at, assignee_group_id, assignee_id) ",
    );
    q.push_values(rows, |mut b, r| {
        b.push_bind(tenant_id)
            .push_bind(r.number)
            .push_bind(format!("Bench ticket {}", r.number))
            .push_bind("Seeded for the benchmark.")
            .push_bind(r.status)
            .push_bind(r.priority)
            .push_bind(r.channel)
            .push_bind(r.requester)
            .push_bind(r.created.clone())
            .push_bind(r.updated.clone())
            .push_bind(r.group)
            .push_bind(r.assignee);
    });
    q.push(" RETURNING id");
    let mut ids: Vec<i64> = q.build_query_scalar().fetch_all(conn).await?;
    // RETURNING order is not promised; ids are allocated in VALUES order, so sorting restores it.
    ids.sort_unstable();
    Ok(ids)
}

/// (ticket, index in its thread, ticket created_at): public messages by the requester, a minute
/// apart.
async fn insert_messages(
    conn: &mut SqliteConnection,
    tenant_id: i64,
    thread: &[(i64, i64, &str)],
    requesters: &std::collections::HashMap<i64, i64>,
) -> Result<usize, sqlx::Error> {
    for part in thread.chunks(CHUNK) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO messages (tenant_id, ticket_id, kind, author_id, body, created_at) ",
        );
        q.push_values(part, |mut b, (ticket, k, created)| {
            let at = storage::parse_timestamp(created)
                .map(|t| storage::timestamp(t + time::Duration::minutes(*k)))
                .unwrap_or_else(|| (*created).to_owned());
            b.push_bind(tenant_id)
                .push_bind(*ticket)
                .push_bind("public")
                .push_bind(requesters.get(ticket).copied())
                .push_bind(format!("Message {k} of the thread: a few lines of text, as a customer writes them."))
                .push_bind(at);
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(thread.len())
}

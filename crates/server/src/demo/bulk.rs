//! `baton-server seed`: a large desk for benchmarks — the demo data plus N tickets with M messages
//! each, spread over a year, over all statuses, priorities, agent groups and 2,000 requesters,
//! and one ticket with 1,000 messages. Multi-row inserts in a few transactions, so 100k tickets
//! take seconds, not the minutes one-row-per-statement inserts would.

use super::{seed_if_empty, SeedError, TENANT};
use crate::storage::demo::bulk::{self as store, NewCustomer, NewMessage, NewTicket};
use crate::storage::{self, tenants, Conn, Db};
use baton_core::{Channel, Priority, Status};
use std::collections::HashMap;

/// Rows generated and inserted at a time: one INSERT each (`store::ROWS_PER_INSERT`).
const CHUNK: usize = store::ROWS_PER_INSERT;
/// Tickets per transaction.
const TX_TICKETS: usize = 10_000;
/// Extra requesters, so lists and counts do not all point at one customer.
const REQUESTERS: usize = 2_000;
/// Messages of the one long thread.
const LONG_THREAD: usize = 1_000;

/// (status, weight): most of a real desk is closed.
const STATUSES: &[(Status, u64)] = &[
    (Status::New, 8),
    (Status::Open, 12),
    (Status::Pending, 8),
    (Status::Solved, 10),
    (Status::Confirmed, 4),
    (Status::Rated, 8),
    (Status::Closed, 50),
];
const PRIORITIES: &[(Priority, u64)] = &[
    (Priority::Low, 20),
    (Priority::Normal, 60),
    (Priority::High, 15),
    (Priority::Urgent, 5),
];
const CHANNELS: &[(Channel, u64)] = &[
    (Channel::Web, 60),
    (Channel::Widget, 20),
    (Channel::Email, 10),
    (Channel::Phone, 10),
];

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

    fn pick<T: Copy>(&mut self, table: &[(T, u64)]) -> T {
        let total: u64 = table.iter().map(|(_, w)| w).sum();
        let mut at = self.below(total);
        for (value, weight) in table {
            if at < *weight {
                return *value;
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
    let tenant_id = tenants::find_by_name(db, TENANT)
        .await?
        .ok_or(SeedError::NoDemoTenant(TENANT))?;
    let now = storage::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tx = db.begin_write().await?;
    let requesters = add_requesters(&mut tx, tenant_id, &storage::timestamp(now)).await?;
    let groups = store::group_members(&mut tx, tenant_id).await?;
    let first_number = store::next_ticket_number(&mut tx, tenant_id).await?;
    tx.commit().await?;
    let year = 365 * 24 * 3600;
    let mut messages = 0;
    let mut long_ticket = 0;
    for start in (0..tickets).step_by(TX_TICKETS) {
        let mut tx = db.begin_write().await?;
        let end = (start + TX_TICKETS).min(tickets);
        for chunk in (start..end).step_by(CHUNK) {
            let rows: Vec<NewTicket> = (chunk..(chunk + CHUNK).min(end))
                .map(|i| {
                    let age = rng.below(year) as i64;
                    let created = now - time::Duration::seconds(age);
                    let updated =
                        created + time::Duration::seconds(rng.below(age.max(1) as u64) as i64);
                    let (group, assignee) =
                        match groups.get(rng.below(groups.len() as u64 + 1) as usize) {
                            Some((g, a)) => (Some(*g), (rng.below(3) > 0).then_some(*a)),
                            None => (None, None),
                        };
                    let number = first_number + i as i64;
                    // The field order is the order the generator is drawn from: keep it, or the
                    // desk changes from one version to the next.
                    NewTicket {
                        number,
                        title: format!("Bench ticket {number}"),
                        description: "Seeded for the benchmark.",
                        status: rng.pick(STATUSES),
                        priority: rng.pick(PRIORITIES),
                        channel: rng.pick(CHANNELS),
                        requester_id: requesters[rng.below(requesters.len() as u64) as usize],
                        created_at: storage::timestamp(created),
                        updated_at: storage::timestamp(updated),
                        assignee_group_id: group,
                        assignee_id: assignee,
                    }
                })
                .collect();
            let ids = store::insert_tickets(&mut tx, tenant_id, &rows).await?;
            store::insert_facts(&mut tx, tenant_id, &facts(&ids, &rows)).await?;
            if long_ticket == 0 {
                long_ticket = ids.first().copied().unwrap_or_default();
            }
            let thread: Vec<(i64, i64, &str)> = ids
                .iter()
                .zip(&rows)
                .flat_map(|(id, r)| {
                    (0..per_ticket).map(move |k| (*id, k as i64, r.created_at.as_str()))
                })
                .collect();
            messages +=
                insert_messages(&mut tx, tenant_id, &thread, &rows_authors(&rows, &ids)).await?;
        }
        tx.commit().await?;
    }
    if long_ticket != 0 {
        let mut tx = db.begin_write().await?;
        let created = store::ticket_created_at(&mut tx, long_ticket).await?;
        let extra = LONG_THREAD.saturating_sub(per_ticket);
        let thread: Vec<(i64, i64, &str)> = (0..extra)
            .map(|k| (long_ticket, (per_ticket + k) as i64, created.as_str()))
            .collect();
        let requester = store::ticket_requester(&mut tx, long_ticket).await?;
        let authors = HashMap::from([(long_ticket, requester)]);
        for part in thread.chunks(CHUNK) {
            messages += insert_messages(&mut tx, tenant_id, part, &authors).await?;
        }
        tx.commit().await?;
    }
    Ok(Seeded {
        tickets,
        messages,
        long_ticket,
    })
}

/// The report facts of seeded tickets (reports count only tickets with facts): a ticket solved or
/// later was solved once, at its `updated_at`, by its assignee; the seed has no staff replies or
/// ratings. Drawn from nothing random, so the seeded desk stays the same.
fn facts<'a>(ids: &[i64], rows: &'a [NewTicket]) -> Vec<store::NewFacts<'a>> {
    ids.iter()
        .zip(rows)
        .map(|(id, r)| {
            let solved = matches!(r.status, Status::Solved | Status::Confirmed | Status::Rated | Status::Closed);
            let secs = match (storage::parse_timestamp(&r.created_at), storage::parse_timestamp(&r.updated_at)) {
                (Some(a), Some(b)) => (b - a).whole_seconds(),
                _ => 0,
            };
            store::NewFacts {
                ticket_id: *id,
                created_at: &r.created_at,
                solved_at: solved.then_some(r.updated_at.as_str()),
                resolution_secs: solved.then_some(secs),
                solved_by: if solved { r.assignee_id } else { None },
            }
        })
        .collect()
}

/// Ticket id → requester id, for `ids` as returned for `rows`.
fn rows_authors(rows: &[NewTicket], ids: &[i64]) -> HashMap<i64, i64> {
    ids.iter()
        .zip(rows)
        .map(|(id, r)| (*id, r.requester_id))
        .collect()
}

/// `REQUESTERS` customers sharing one password hash (nobody signs in as them); all requester ids.
async fn add_requesters(
    conn: &mut Conn,
    tenant_id: i64,
    now: &str,
) -> Result<Vec<i64>, storage::Error> {
    let hash = store::any_password_hash(conn, tenant_id).await?;
    let start = store::count_users(conn, tenant_id).await?;
    let customers: Vec<NewCustomer> = (0..REQUESTERS)
        .map(|i| {
            let n = start + i as i64;
            NewCustomer {
                email: format!("customer{n}@bench.test"),
                name: format!("Customer {n}"),
            }
        })
        .collect();
    store::insert_customers(conn, tenant_id, &customers, &hash, now).await?;
    store::customer_ids(conn, tenant_id).await
}

/// (ticket, index in its thread, ticket created_at): public messages by the requester, a minute
/// apart; how many.
async fn insert_messages(
    conn: &mut Conn,
    tenant_id: i64,
    thread: &[(i64, i64, &str)],
    requesters: &HashMap<i64, i64>,
) -> Result<usize, storage::Error> {
    for part in thread.chunks(CHUNK) {
        let rows: Vec<NewMessage> = part
            .iter()
            .map(|(ticket, k, created)| NewMessage {
                ticket_id: *ticket,
                author_id: requesters.get(ticket).copied(),
                body: format!(
                    "Message {k} of the thread: a few lines of text, as a customer writes them."
                ),
                created_at: storage::parse_timestamp(created)
                    .map(|t| storage::timestamp(t + time::Duration::minutes(*k)))
                    .unwrap_or_else(|| (*created).to_owned()),
            })
            .collect();
        store::insert_public_messages(conn, tenant_id, &rows).await?;
    }
    Ok(thread.len())
}

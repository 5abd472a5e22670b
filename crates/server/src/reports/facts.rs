//! Recording the facts reports count (DOMAIN.md "Reports"), each in the caller's transaction so a
//! fact exists exactly when the change that makes it committed: a ticket created (or registered by
//! staff), a public message, a status move, a rating. The definitions live here, once:
//! - the first reply is the first public message by staff — on a ticket staff registered, the
//!   first after the customer's own first public message — timed from the ticket's creation;
//! - the first and the last move to `solved` give the resolution times (first, full);
//! - a move from `solved` back to `open` is a reopen of the same ticket, never a new one.

use crate::storage::reports::facts as store;
use crate::storage::{self, Conn};
use baton_core::{MessageKind, Status};

/// Whole seconds from `from` to `to` (stored timestamps); 0 for a value that does not parse.
fn seconds(from: &str, to: &str) -> i64 {
    match (storage::parse_timestamp(from), storage::parse_timestamp(to)) {
        (Some(a), Some(b)) => (b - a).whole_seconds(),
        _ => 0,
    }
}

/// A new ticket, created at `at`; `by_staff` when staff registered it for a customer.
pub async fn created(conn: &mut Conn, tenant_id: i64, ticket_id: i64, at: &str, by_staff: bool) -> Result<(), storage::Error> {
    store::insert(conn, tenant_id, ticket_id, at, by_staff).await
}

/// A message of `kind` posted at `at` by `author_id` (`staff` when the author is staff).
pub async fn message(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    kind: MessageKind,
    author_id: i64,
    staff: bool,
    at: &str,
) -> Result<(), storage::Error> {
    if kind != MessageKind::Public {
        return Ok(());
    }
    let Some(facts) = store::get(conn, tenant_id, ticket_id).await? else {
        return Ok(());
    };
    if !staff {
        if facts.customer_first_at.is_none() {
            store::customer_spoke(conn, tenant_id, ticket_id, at).await?;
        }
        return Ok(());
    }
    if facts.first_reply_at.is_none() && facts.customer_first_at.is_some() {
        let secs = seconds(&facts.created_at, at);
        store::first_reply(conn, tenant_id, ticket_id, at, secs, author_id).await?;
    }
    Ok(())
}

/// A status move `from` → `to` at `at`, while the ticket was assigned to `assignee`.
pub async fn status(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    (from, to): (Status, Status),
    at: &str,
    assignee: Option<i64>,
) -> Result<(), storage::Error> {
    if to == Status::Solved && from != Status::Solved {
        let Some(facts) = store::get(conn, tenant_id, ticket_id).await? else {
            return Ok(());
        };
        let secs = seconds(&facts.created_at, at);
        store::solved(conn, tenant_id, ticket_id, at, secs, assignee).await?;
    }
    if from == Status::Solved && to == Status::Open {
        store::reopened(conn, tenant_id, ticket_id).await?;
    }
    Ok(())
}

/// The customer's rating, given at `at`.
pub async fn rated(conn: &mut Conn, tenant_id: i64, ticket_id: i64, rating: u8, at: &str) -> Result<(), storage::Error> {
    store::rated(conn, tenant_id, ticket_id, rating, at).await
}

#[cfg(test)]
mod tests {
    use super::seconds;

    #[test]
    fn seconds_between_stored_timestamps() {
        let cases = [
            ("2026-01-01T00:00:00Z", "2026-01-01T01:00:05Z", 3605),
            ("2026-01-31T23:00:00Z", "2026-02-01T01:00:00Z", 7200),
            ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", 0),
            ("garbage", "2026-01-01T00:00:00Z", 0),
        ];
        for (from, to, want) in cases {
            assert_eq!(seconds(from, to), want, "{from} → {to}");
        }
    }
}

//! The facts of one ticket (migration 0016): written by `reports::facts` in the transaction of
//! the change that makes them, read back only to compute what the next fact needs.

use crate::storage::{Conn, Error};

/// What the next fact of a ticket depends on.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FactsRow {
    pub created_at: String,
    pub customer_first_at: Option<String>,
    pub first_reply_at: Option<String>,
}

/// The facts row of a new ticket created at `created_at`; a ticket staff registered waits for
/// the customer's first message before a reply counts.
pub async fn insert(conn: &mut Conn, tenant_id: i64, ticket_id: i64, created_at: &str, by_staff: bool) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO ticket_facts (ticket_id, tenant_id, created_at, registered_by_staff, customer_first_at)
         VALUES ($1, $2, $3, $4, CASE WHEN $4 THEN NULL ELSE $3 END)",
    )
    .bind(ticket_id)
    .bind(tenant_id)
    .bind(created_at)
    .bind(by_staff)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<Option<FactsRow>, Error> {
    Ok(crate::on!(conn, |c| sqlx::query_as(
        "SELECT created_at, customer_first_at, first_reply_at FROM ticket_facts WHERE tenant_id = $1 AND ticket_id = $2",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_optional(c).await)?)
}

/// The customer spoke (their first public message on a ticket staff registered).
pub async fn customer_spoke(conn: &mut Conn, tenant_id: i64, ticket_id: i64, at: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE ticket_facts SET customer_first_at = $1
         WHERE tenant_id = $2 AND ticket_id = $3 AND customer_first_at IS NULL",
    )
    .bind(at)
    .bind(tenant_id)
    .bind(ticket_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The first public staff reply that counts: at `at`, `secs` after creation, by `author_id`.
pub async fn first_reply(conn: &mut Conn, tenant_id: i64, ticket_id: i64, at: &str, secs: i64, author_id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE ticket_facts SET first_reply_at = $1, first_reply_secs = $2, first_reply_by = $3
         WHERE tenant_id = $4 AND ticket_id = $5 AND first_reply_at IS NULL",
    )
    .bind(at)
    .bind(secs)
    .bind(author_id)
    .bind(tenant_id)
    .bind(ticket_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A move to `solved` at `at`, `secs` after creation, while assigned to `assignee`: the first
/// solve sets the first-resolution facts and the solver, every solve the last ones.
pub async fn solved(conn: &mut Conn, tenant_id: i64, ticket_id: i64, at: &str, secs: i64, assignee: Option<i64>) -> Result<(), Error> {
    // In an UPDATE's SET every column names its value before the update, on both databases.
    crate::on!(conn, |c| sqlx::query(
        "UPDATE ticket_facts SET
             first_solved_at = COALESCE(first_solved_at, $1),
             first_resolution_secs = COALESCE(first_resolution_secs, $2),
             solved_by = CASE WHEN first_solved_at IS NULL THEN $3 ELSE solved_by END,
             last_solved_at = $1, full_resolution_secs = $2, solves = solves + 1
         WHERE tenant_id = $4 AND ticket_id = $5",
    )
    .bind(at)
    .bind(secs)
    .bind(assignee)
    .bind(tenant_id)
    .bind(ticket_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A move from `solved` back to `open`.
pub async fn reopened(conn: &mut Conn, tenant_id: i64, ticket_id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE ticket_facts SET reopens = reopens + 1 WHERE tenant_id = $1 AND ticket_id = $2")
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The customer's rating (given once, on the `rate` transition).
pub async fn rated(conn: &mut Conn, tenant_id: i64, ticket_id: i64, rating: u8, at: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE ticket_facts SET rating = $1, rated_at = $2 WHERE tenant_id = $3 AND ticket_id = $4")
        .bind(i64::from(rating))
        .bind(at)
        .bind(tenant_id)
        .bind(ticket_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

//! Ticket numbers: per tenant, consecutive, never two alike, from the tenant's counter row
//! (migration 0009) rather than MAX(number) + 1, which two concurrent creates can both read.

use crate::storage::{Conn, Error};

/// Takes the tenant's next ticket number from its counter row (migration 0009). The row stays
/// locked until the transaction ends, so concurrent creates get consecutive numbers, never one
/// twice; UNIQUE (tenant_id, number) is the backstop.
pub async fn next_number(tx: &mut Conn, tenant_id: i64) -> Result<i64, Error> {
    crate::on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO tenant_counters (tenant_id, last_ticket_number) VALUES ($1, 1)
         ON CONFLICT (tenant_id) DO UPDATE SET last_ticket_number = tenant_counters.last_ticket_number + 1
         RETURNING last_ticket_number",
    )
    .bind(tenant_id)
    .fetch_one(c).await)
    .map_err(Error::from)
}

/// Makes the tenant's counter at least `number`, after tickets were inserted with numbers of
/// their own (the bulk seeder, imports).
pub async fn reserve_numbers(tx: &mut Conn, tenant_id: i64, number: i64) -> Result<(), Error> {
    crate::on!(tx, |c| sqlx::query(
        "INSERT INTO tenant_counters (tenant_id, last_ticket_number) VALUES ($1, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET last_ticket_number = $2
         WHERE tenant_counters.last_ticket_number < $2",
    )
    .bind(tenant_id)
    .bind(number)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Locks the tenant's counter row until the transaction ends (no row yet: no ticket to lock
/// either). See `tickets::get_for_update` for why ticket writes take it first.
pub async fn lock_counter(tx: &mut Conn, tenant_id: i64) -> Result<(), Error> {
    let _: Option<i64> = crate::on!(tx, |c| sqlx::query_scalar(
        "SELECT tenant_id FROM tenant_counters WHERE tenant_id = $1 FOR UPDATE",
    )
    .bind(tenant_id)
    .fetch_optional(c).await)?;
    Ok(())
}

//! Confidential info (机密信息) of a ticket: the requester sets, replaces or clears it; staff reveal
//! it, one recorded reveal at a time. The plaintext exists only in the request that sets it and
//! the response to a reveal — never in a log line, an error, a list or an event.

use super::staff_only;
use crate::auth::CurrentUser;
use crate::events::{self, Change};
use crate::error::Error;
use crate::services::Services;
use crate::secret::ticket_aad;
use crate::storage::tickets::{self as ticket_store, TicketRow};
use crate::storage::{self, confidential as store};
use baton_core::problem::field_code;
use baton_core::validate::CONFIDENTIAL_MAX;
use baton_core::{ConfidentialReveal, ConfidentialValue, Permission};
use crate::storage::Conn;

/// Sets (or with an empty value clears) the confidential info of ticket `id`; requester only.
pub async fn put_confidential(
    app: &Services,
    user: &CurrentUser,
    id: i64,
    new: ConfidentialValue,
) -> Result<(), Error> {
    if new.value.chars().count() > CONFIDENTIAL_MAX {
        return Err(Error::field("value", field_code::TOO_LONG));
    }
    let mut tx = app.db.begin_write().await?;
    let row = visible(&mut tx, user, id).await?;
    if row.requester_id != user.id {
        return Err(Error::Forbidden(
            "only the requester sets confidential info",
        ));
    }
    let now = storage::timestamp(app.clock.now());
    if new.value.trim().is_empty() {
        store::clear(&mut tx, user.tenant_id, id).await?;
    } else {
        let sealed = app
            .cipher
            .seal(&new.value, &ticket_aad(user.tenant_id, id))
            .map_err(|e| Error::Internal(e.to_string()))?;
        store::put(&mut tx, user.tenant_id, id, &sealed, user.id, &now).await?;
    }
    // Not a property staff edit: `updated_at` moves, the version does not.
    ticket_store::touch_updated(&mut tx, user.tenant_id, id, &now).await?;
    let event = events::record(
        &mut tx,
        &row,
        user.tenant_id,
        Change::Updated(row.status()?),
    )
    .await?;
    app.events.commit(tx, vec![event]).await?;
    Ok(())
}

/// The confidential info of ticket `id`, for staff with `tickets.reveal_confidential`; the reveal
/// is recorded in the same transaction, so no value leaves without its audit row.
pub async fn reveal_confidential(
    app: &Services,
    user: &CurrentUser,
    id: i64,
) -> Result<ConfidentialValue, Error> {
    staff_only(user)?;
    user.require(Permission::TicketsRevealConfidential)?;
    let mut tx = app.db.begin_write().await?;
    visible(&mut tx, user, id).await?;
    let sealed = store::get(&mut tx, user.tenant_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let value = app
        .cipher
        .open(&sealed, &ticket_aad(user.tenant_id, id))
        // The error names the ticket, never the value (which could not be read anyway).
        .map_err(|e| Error::Internal(format!("ticket {id}: {e}")))?;
    store::record_reveal(
        &mut tx,
        user.tenant_id,
        id,
        user.id,
        &storage::timestamp(app.clock.now()),
    )
    .await?;
    tx.commit().await?;
    Ok(ConfidentialValue { value })
}

/// Who revealed the confidential info of ticket `id`, and when; any staff who see the ticket: the
/// log holds no secret, and whoever may not reveal may still audit who did.
pub async fn reveals(
    app: &Services,
    user: &CurrentUser,
    id: i64,
) -> Result<Vec<ConfidentialReveal>, Error> {
    staff_only(user)?;
    let mut conn = app.db.acquire().await?;
    visible(&mut conn, user, id).await?;
    Ok(store::reveals(&mut conn, user.tenant_id, id).await?)
}

async fn visible(
    conn: &mut Conn,
    user: &CurrentUser,
    id: i64,
) -> Result<TicketRow, Error> {
    ticket_store::get(conn, user.ticket_scope(), id)
        .await?
        .ok_or(Error::NotFound)
}

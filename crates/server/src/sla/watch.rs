//! The SLA's watch, a scheduler job (`scheduler::jobs`): a ticket whose due time has passed is
//! computed again (its breach recorded, and staff consoles told with a `ticket.updated`; once per
//! due time, also when another target of the ticket was breached before), and one
//! due within [`WARN_BEFORE`] is marked warned once per due time (the hook notifications will
//! hang on). Only tickets with a running timer are looked at (the partial index on
//! `sla_due_at`), not every open ticket.

use super::refresh;
use crate::error::Error;
use crate::events::{self, Change};
use crate::services::Services;
use crate::storage::sla::tickets as sla_tickets;
use crate::storage::tickets as ticket_store;
use crate::storage::{self, TicketScope};

/// How long before a due time it is announced.
pub const WARN_BEFORE: time::Duration = time::Duration::minutes(30);

/// How often it runs.
pub const EVERY: time::Duration = time::Duration::minutes(1);

const BATCH: i64 = 500;

/// One pass; how many tickets were found breached and how many warned.
pub async fn run(app: &Services) -> Result<(usize, usize), Error> {
    let now = app.clock.now();
    let (at, cutoff) = (storage::timestamp(now), storage::timestamp(now + WARN_BEFORE));
    let (mut breached, mut warned) = (0, 0);
    for (tenant_id, id, due) in sla_tickets::coming_due(&app.db, &at, &cutoff, BATCH).await? {
        let mut tx = app.db.begin_write().await?;
        let Some(row) = ticket_store::get_for_update(&mut tx, TicketScope::whole_tenant(tenant_id), id).await? else {
            continue;
        };
        if due <= at {
            refresh(&mut tx, tenant_id, &row, now).await?;
            sla_tickets::set_due_seen(&mut tx, tenant_id, id).await?;
            let mut live = vec![events::record(&mut tx, &row, tenant_id, Change::StaffUpdated(row.status()?)).await?];
            live.extend(crate::notifications::on_sla(&mut tx, app, tenant_id, &row, true).await?);
            app.events.commit(tx, live).await?;
            breached += 1;
        } else {
            sla_tickets::set_warned(&mut tx, tenant_id, id, &at).await?;
            let live = crate::notifications::on_sla(&mut tx, app, tenant_id, &row, false).await?;
            app.events.commit(tx, live).await?;
            tracing::info!(tenant_id, ticket_id = id, due = %due, "an SLA target comes due soon");
            warned += 1;
        }
    }
    Ok((breached, warned))
}

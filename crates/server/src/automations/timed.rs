//! Time rules (the scheduler's `automations` job): for each desk's active time rule, the tickets
//! whose basis time (created, updated, solved, pending, SLA due) lies at least its hours back and
//! that meet its conditions are selected in one statement, then each is decided again under its
//! lock and run on once per basis time (`automation_runs`), [`PER_COMMIT`] tickets a transaction. The work per pass is bounded
//! ([`BATCH`] tickets per rule); the next pass takes the rest. Running a pass twice changes
//! nothing the second time.

use super::run::parts;
use super::trigger_of;
use crate::error::Error;
use crate::services::Services;
use crate::storage::automations::{self as store, runs, AutomationRow};
use crate::storage::tickets as ticket_store;
use crate::storage::events::StoredEvent;
use crate::storage::{self, TicketScope, Tx};
use crate::tickets::by_rule::{self, Rule};
use baton_core::automation::{TimeBasis, Trigger};

/// How often the job runs: a rule fires at most this late after its hours have passed.
pub const EVERY: time::Duration = time::Duration::minutes(5);

/// Tickets one rule runs on per pass.
pub const BATCH: i64 = 500;

/// Tickets a rule runs on in one write transaction: one commit (on SQLite one fsync) per this
/// many rather than per ticket, for the writer lock held ~this many tickets' changes (~1 ms each).
pub const PER_COMMIT: usize = 20;

/// One pass over every desk's time rules; how many rule runs it made.
pub async fn run(app: &Services) -> Result<usize, Error> {
    let now = app.clock.now();
    let now_text = storage::timestamp(now);
    let tenants = store::timed_tenants(&mut app.db.acquire().await?).await?;
    let mut fired = 0;
    for tenant_id in tenants {
        let rules = store::active(&mut app.db.acquire().await?, tenant_id, "time").await?;
        for row in &rules {
            let Some(Trigger::Time { basis, hours }) = trigger_of(row) else { continue };
            let cutoff = storage::timestamp(now - time::Duration::hours(hours));
            let (conditions, _) = parts(row)?;
            let rule = (row.id, basis, conditions.as_slice());
            let started = std::time::Instant::now();
            let due = runs::due(&mut app.db.acquire().await?, tenant_id, rule, &cutoff, (&now_text, now.unix_timestamp()), BATCH).await?;
            let (selected_ms, due_count) = (started.elapsed().as_millis() as u64, due.len());
            for chunk in due.chunks(PER_COMMIT) {
                let mut tx = app.db.begin_write().await?;
                let mut live = Vec::new();
                for (ticket_id, basis_at) in chunk {
                    if let Some(events) = fire(app, &mut tx, tenant_id, row, (basis, basis_at, &cutoff), *ticket_id).await? {
                        fired += 1;
                        live.extend(events);
                    }
                }
                app.events.commit(tx, live).await?;
            }
            // What `scripts/bench-automations.sh` reads: the selection's and the whole rule's time.
            tracing::debug!(tenant_id, rule_id = row.id, due = due_count, selected_ms, elapsed_ms = started.elapsed().as_millis() as u64, "time rule pass");
        }
    }
    Ok(fired)
}

/// Runs rule `row` on ticket `ticket_id` in `tx` if, under its lock, it is still due for
/// `basis_at`; the live events of what it did, or `None`. The rule's own change (a new updated
/// time) is recorded as run too, so it never retriggers it.
async fn fire(
    app: &Services,
    tx: &mut Tx,
    tenant_id: i64,
    row: &AutomationRow,
    (basis, basis_at, cutoff): (TimeBasis, &str, &str),
    ticket_id: i64,
) -> Result<Option<Vec<StoredEvent>>, Error> {
    let Some(ticket) = ticket_store::get_for_update(tx, TicketScope::whole_tenant(tenant_id), ticket_id).await? else {
        return Ok(None);
    };
    if ticket.trashed_at.is_some() || ticket.suspended_at.is_some() {
        return Ok(None);
    }
    let now = app.clock.now();
    let now_text = storage::timestamp(now);
    let still = runs::basis_of(tx, tenant_id, ticket_id, basis).await?;
    if still.as_deref() != Some(basis_at) || basis_at > cutoff {
        return Ok(None);
    }
    let (conditions, actions) = parts(row)?;
    if !store::matches(tx, tenant_id, ticket_id, &conditions, (&now_text, now.unix_timestamp())).await?
        || !runs::claim(tx, row.id, ticket_id, basis_at, &now_text).await?
    {
        return Ok(None);
    }
    let applied = by_rule::apply(app, tx, tenant_id, ticket_id, Rule { id: row.id, name: &row.name }, &actions).await?;
    if let Some(after) = runs::basis_of(tx, tenant_id, ticket_id, basis).await?.filter(|b| b != basis_at) {
        runs::claim(tx, row.id, ticket_id, &after, &now_text).await?;
    }
    Ok(Some(applied.live))
}

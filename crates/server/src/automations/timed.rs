//! Time rules (the scheduler's `automations` job): for each desk's active time rule, the tickets
//! whose basis time (created, updated, solved, pending, SLA due) lies at least its hours back and
//! that meet its conditions are selected in one statement, then each is decided again under its
//! lock and run on once per basis time (`automation_runs`). The work per pass is bounded
//! ([`BATCH`] tickets per rule); the next pass takes the rest. Running a pass twice changes
//! nothing the second time.

use super::run::parts;
use super::trigger_of;
use crate::error::Error;
use crate::services::Services;
use crate::storage::automations::{self as store, runs, AutomationRow};
use crate::storage::tickets as ticket_store;
use crate::storage::{self, TicketScope};
use crate::tickets::by_rule::{self, Rule};
use baton_core::automation::{TimeBasis, Trigger};

/// How often the job runs: a rule fires at most this late after its hours have passed.
pub const EVERY: time::Duration = time::Duration::minutes(5);

/// Tickets one rule runs on per pass.
pub const BATCH: i64 = 500;

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
            for (ticket_id, basis_at) in due {
                if fire(app, tenant_id, row, (basis, &basis_at, &cutoff), ticket_id).await? {
                    fired += 1;
                }
            }
            // What `scripts/bench-automations.sh` reads: the selection's and the whole rule's time.
            tracing::debug!(tenant_id, rule_id = row.id, due = due_count, selected_ms, elapsed_ms = started.elapsed().as_millis() as u64, "time rule pass");
        }
    }
    Ok(fired)
}

/// Runs rule `row` on ticket `ticket_id` if, under its lock, it is still due for `basis_at`; the
/// rule's own change (a new updated time) is recorded as run too, so it never retriggers it.
async fn fire(app: &Services, tenant_id: i64, row: &AutomationRow, (basis, basis_at, cutoff): (TimeBasis, &str, &str), ticket_id: i64) -> Result<bool, Error> {
    let mut tx = app.db.begin_write().await?;
    let Some(ticket) = ticket_store::get_for_update(&mut tx, TicketScope::whole_tenant(tenant_id), ticket_id).await? else {
        return Ok(false);
    };
    if ticket.trashed_at.is_some() || ticket.suspended_at.is_some() {
        return Ok(false);
    }
    let now = app.clock.now();
    let now_text = storage::timestamp(now);
    let still = runs::basis_of(&mut tx, tenant_id, ticket_id, basis).await?;
    if still.as_deref() != Some(basis_at) || basis_at > cutoff {
        return Ok(false);
    }
    let (conditions, actions) = parts(row)?;
    if !store::matches(&mut tx, tenant_id, ticket_id, &conditions, (&now_text, now.unix_timestamp())).await?
        || !runs::claim(&mut tx, row.id, ticket_id, basis_at, &now_text).await?
    {
        return Ok(false);
    }
    let applied = by_rule::apply(app, &mut tx, tenant_id, ticket_id, Rule { id: row.id, name: &row.name }, &actions).await?;
    if let Some(after) = runs::basis_of(&mut tx, tenant_id, ticket_id, basis).await?.filter(|b| b != basis_at) {
        runs::claim(&mut tx, row.id, ticket_id, &after, &now_text).await?;
    }
    app.events.commit(tx, applied.live).await?;
    Ok(true)
}

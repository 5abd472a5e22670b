//! Event rules: run in the transaction of the ticket change that triggers them, so a rule's
//! changes commit (or roll back) with it. The desk's active rules of the event run once each, in
//! order; a rule's changes trigger no rules (the loop guard, see `automations`).

use crate::error::Error;
use crate::services::Services;
use crate::storage::automations::{self as store, AutomationRow};
use crate::storage::events::StoredEvent;
use crate::storage::{self, Tx};
use crate::tickets::by_rule::{self, Rule};
use baton_core::automation::{RuleAction, TicketEvent};
use baton_core::Condition;

/// A rule's conditions and actions as stored (checked when saved).
pub(crate) fn parts(row: &AutomationRow) -> Result<(Vec<Condition>, Vec<RuleAction>), Error> {
    let bad = |e: serde_json::Error| Error::Internal(format!("automation {} does not read back: {e}", row.id));
    Ok((serde_json::from_str(&row.conditions).map_err(bad)?, serde_json::from_str(&row.actions).map_err(bad)?))
}

/// Runs the desk's active rules for `event` on ticket `ticket_id` (locked in `tx` by the change);
/// the live events of what they did, to commit with the change. Which rules the ticket meets is
/// asked of all of them in one statement; after a rule changed the ticket, once more of the rules
/// after it, so each still sees the ticket as the ones before left it.
pub async fn on_event(app: &Services, tx: &mut Tx, tenant_id: i64, ticket_id: i64, event: TicketEvent) -> Result<Vec<StoredEvent>, Error> {
    let rules = store::active(tx, tenant_id, event.code()).await?;
    let mut live = Vec::new();
    if rules.is_empty() {
        return Ok(live);
    }
    let parsed = rules.iter().map(parts).collect::<Result<Vec<_>, _>>()?;
    let now = app.clock.now();
    let now_text = storage::timestamp(now);
    let mut next = 0;
    while next < rules.len() {
        let conditions: Vec<&[Condition]> = parsed[next..].iter().map(|(c, _)| c.as_slice()).collect();
        let met = store::which_match(tx, tenant_id, ticket_id, &conditions, (&now_text, now.unix_timestamp())).await?;
        let mut changed = false;
        let from = next;
        for i in met.into_iter().map(|i| from + i) {
            let (row, (_, actions)) = (&rules[i], &parsed[i]);
            let applied = by_rule::apply(app, tx, tenant_id, ticket_id, Rule { id: row.id, name: &row.name }, actions).await?;
            live.extend(applied.live);
            next = i + 1;
            if applied.acted {
                changed = true;
                break;
            }
        }
        if !changed {
            break;
        }
    }
    Ok(live)
}

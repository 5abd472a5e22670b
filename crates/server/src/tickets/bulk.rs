//! Bulk actions (`POST /tickets/bulk`): one operation on up to 100 tickets, each done by the very
//! service function its single-ticket endpoint calls (so each change is audited as a system entry
//! and announced as `ticket.updated` exactly like a single edit), each with its own outcome.
//! Bulk names no versions: it applies to whatever is stored.

use super::{act, patch, set_flag, Flag};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use baton_core::problem::field_code;
use baton_core::{BulkOp, BulkRequest, Permission, Ticket, TicketAction, TicketPatch};

/// Most tickets one bulk request may name.
pub const MAX_BULK: usize = 100;

/// Applies `req.op` to each of `req.ids` in order; each id with its own outcome, exactly as the
/// single request would have had it (a ticket the agent may not see is a `NotFound` of its own).
/// Refused as a whole (403) without `tickets.bulk` (customers included), and trash or restore
/// without `tickets.delete` (which each ticket would refuse anyway).
pub async fn bulk(
    app: &Services,
    user: &CurrentUser,
    req: BulkRequest,
) -> Result<Vec<(i64, Result<Ticket, Error>)>, Error> {
    user.require(Permission::TicketsBulk)?;
    if matches!(req.op, BulkOp::Trash | BulkOp::Restore) {
        user.require(Permission::TicketsDelete)?;
    }
    if req.ids.is_empty() || req.ids.len() > MAX_BULK {
        return Err(Error::field("ids", field_code::INVALID_VALUE));
    }
    let mut results = Vec::with_capacity(req.ids.len());
    for &id in &req.ids {
        let outcome = one(app, user, id, &req.op).await;
        if let Err(e @ (Error::Storage(_) | Error::Internal(_))) = &outcome {
            tracing::error!(error = %e, ticket = id, "bulk item failed");
        }
        results.push((id, outcome));
    }
    Ok(results)
}

async fn one(app: &Services, user: &CurrentUser, id: i64, op: &BulkOp) -> Result<Ticket, Error> {
    match op {
        BulkOp::Assign { assignee_id, group_id } => {
            let edit = TicketPatch { assignee_id: Some(*assignee_id), group_id: *group_id, ..TicketPatch::default() };
            patch::apply(app, user, id, None, edit).await
        }
        BulkOp::Priority { priority } => {
            let edit = TicketPatch { priority: Some(*priority), ..TicketPatch::default() };
            patch::apply(app, user, id, None, edit).await
        }
        BulkOp::Action { action } => {
            let event = TicketAction { action: *action, rating: None, comment: None };
            act(app, user, id, None, event).await
        }
        BulkOp::Trash => set_flag(app, user, id, None, Flag::Trash).await,
        BulkOp::Restore => set_flag(app, user, id, None, Flag::Restore).await,
    }
}


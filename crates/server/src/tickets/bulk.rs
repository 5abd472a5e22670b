//! Bulk actions (`POST /tickets/bulk`): one operation on up to 100 tickets, each done by the very
//! service function its single-ticket endpoint calls (so each change is audited as a system entry
//! and announced as `ticket.updated` exactly like a single edit), each with its own outcome.
//! Bulk names no versions: it applies to whatever is stored.

use super::{act, patch, set_flag, Flag};
use crate::auth::CurrentUser;
use crate::http::{AppState, Error};
use baton_core::problem::field_code;
use baton_core::{BulkItem, BulkOp, BulkRequest, BulkResult, Ticket, TicketAction, TicketPatch};

/// Most tickets one bulk request may name.
pub const MAX_BULK: usize = 100;

/// Applies `req.op` to each of `req.ids` in order. Customers are refused as a whole (403); a
/// ticket the agent may not see is a 404 in its own item, exactly as the single request would be.
pub async fn bulk(app: &AppState, user: &CurrentUser, req: BulkRequest) -> Result<BulkResult, Error> {
    if !user.role.is_staff() {
        return Err(Error::Forbidden("bulk actions are for staff"));
    }
    if req.ids.is_empty() || req.ids.len() > MAX_BULK {
        return Err(Error::field("ids", field_code::INVALID_VALUE));
    }
    let mut results = Vec::with_capacity(req.ids.len());
    for &id in &req.ids {
        let outcome = one(app, user, id, &req.op).await;
        results.push(item(id, outcome));
    }
    Ok(BulkResult { results })
}

async fn one(app: &AppState, user: &CurrentUser, id: i64, op: &BulkOp) -> Result<Ticket, Error> {
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

/// The outcome of one ticket as the single request would have answered it.
fn item(id: i64, outcome: Result<Ticket, Error>) -> BulkItem {
    match outcome {
        Ok(_) => BulkItem { id, ok: true, status: 200, code: None, reason: None },
        Err(e) => {
            if matches!(e, Error::Database(_) | Error::Internal(_)) {
                tracing::error!(error = %e, ticket = id, "bulk item failed");
            }
            let problem = e.problem();
            BulkItem { id, ok: false, status: problem.status, code: Some(problem.code), reason: problem.reason }
        }
    }
}

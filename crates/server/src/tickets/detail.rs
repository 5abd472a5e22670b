//! The full ticket as one user sees it: its row, plus what lives in other tables (custom field
//! values, attachments, whether confidential info is set), the actions the user may take (none
//! while it is trashed or suspended), and for staff the staff part (assignment, CC, tags, star,
//! flags, version, SLA timers).

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::tickets::{fields, staff as staff_store, TicketDetails, TicketRow};
use crate::storage::{attachments, confidential};
use baton_core::status;
use baton_core::sla::TimerName;
use baton_core::Ticket;
use crate::storage::Conn;

/// `row` as `user` sees it. Group members who did not ask the ticket get no lifecycle actions.
pub(super) async fn full(
    conn: &mut Conn,
    user: &CurrentUser,
    row: TicketRow,
) -> Result<Ticket, Error> {
    // A trashed or suspended ticket does not move until it is restored or unsuspended, so it
    // offers no status action at all (the flag's own endpoint is what staff may do).
    let flagged = row.trashed_at.is_some() || row.suspended_at.is_some();
    let allowed_actions = if user.may_act_on(row.requester_id) && !flagged {
        status::allowed_actions(row.status()?, user.actor())
    } else {
        Vec::new()
    };
    let sla = crate::sla::of_ticket(conn, user.tenant_id, row.id).await?;
    // The customer sees only when a reply is promised: a reply timer that runs now.
    let reply_by = sla.as_ref().and_then(|sla| {
        sla.timers
            .iter()
            .filter(|t| matches!(t.kind, TimerName::FirstReply | TimerName::NextReply))
            .find(|t| t.stopped_at.is_none() && !t.paused)
            .and_then(|t| t.due_at.clone())
    });
    let staff = if user.role.is_staff() {
        let mut staff = row.staff_base();
        staff.cc = staff_store::cc(conn, user.tenant_id, row.id).await?;
        staff.tags = staff_store::tags(conn, user.tenant_id, row.id).await?;
        staff.starred = staff_store::starred(conn, user.id, row.id).await?;
        staff.sla = sla;
        staff.workflow = crate::workflows::ticket::of_ticket(conn, user.tenant_id, row.id).await?;
        Some(staff)
    } else {
        None
    };
    let details = TicketDetails {
        staff,
        allowed_actions,
        fields: fields::list(conn, user.tenant_id, row.id).await?,
        attachments: attachments::of_ticket(conn, user.tenant_id, row.id).await?,
        confidential_set: confidential::is_set(conn, user.tenant_id, row.id).await?,
        reply_by,
    };
    Ok(row.into_ticket(details)?)
}

//! The full ticket as one user sees it: its row, plus what lives in other tables (custom field
//! values, attachments, whether confidential info is set) and the actions the user may take.

use crate::auth::CurrentUser;
use crate::http::Error;
use crate::storage::tickets::{fields, TicketDetails, TicketRow};
use crate::storage::{attachments, confidential};
use baton_core::status;
use baton_core::Ticket;
use sqlx::SqliteConnection;

/// `row` as `user` sees it. Group members who did not ask the ticket get no lifecycle actions.
pub(super) async fn full(
    conn: &mut SqliteConnection,
    user: &CurrentUser,
    row: TicketRow,
) -> Result<Ticket, Error> {
    let allowed_actions = if user.may_act_on(row.requester_id) {
        status::allowed_actions(row.status()?, user.actor())
    } else {
        Vec::new()
    };
    let details = TicketDetails {
        allowed_actions,
        fields: fields::list(conn, user.tenant_id, row.id).await?,
        attachments: attachments::of_ticket(conn, user.tenant_id, row.id).await?,
        confidential_set: confidential::is_set(conn, user.tenant_id, row.id).await?,
    };
    Ok(row.into_ticket(details)?)
}

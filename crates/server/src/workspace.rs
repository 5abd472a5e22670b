//! The agent workspace beyond tickets and views (issue 4): the directory of agent groups and
//! agents, quick replies, per-user settings, customers (with phone registration) and presence.
//! Each service checks tenant and role itself; the SQL of these small resources lives beside it.

pub mod customers;
pub mod directory;
pub mod presence;
pub mod quick_replies;
pub mod settings;

use crate::auth::CurrentUser;
use crate::error::Error;

/// Non-ticket agent resources answer customers 403: there is no id whose existence to hide.
pub(crate) fn staff(user: &CurrentUser) -> Result<(), Error> {
    if user.role.is_staff() {
        Ok(())
    } else {
        Err(Error::Forbidden("agents only"))
    }
}

/// Checks that staff `user` may see ticket `id` (404 otherwise, customers included: presence is
/// ticket-scoped) and names them for the viewers list.
pub async fn presence_viewer(db: &crate::storage::Db, user: &CurrentUser, id: i64) -> Result<baton_core::UserRef, Error> {
    if !user.role.is_staff() || !crate::storage::tickets::visible(db, user.ticket_scope(), id).await? {
        return Err(Error::NotFound);
    }
    let name = crate::storage::users::name(db, user.tenant_id, user.id).await?.ok_or(Error::NotFound)?;
    Ok(baton_core::UserRef { id: user.id, name })
}

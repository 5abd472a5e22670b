//! Routing (issue 13, DOMAIN.md "Routing"): where a new ticket goes ([`assign`]: the first
//! matching rule, else its sub-type's group, then the group's mode), the rules ([`rules`]) and
//! agent groups ([`groups`]) as admins set them (`settings.manage`), and agents' availability.

pub mod assign;
pub mod groups;
pub mod rules;

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::{routing as store, Db};

/// `PUT /me/availability`: whether routing may give `user` (staff) new tickets.
pub async fn set_availability(db: &Db, user: &CurrentUser, available: bool) -> Result<(), Error> {
    crate::workspace::staff(user)?;
    store::set_available(db, user.tenant_id, user.id, available).await?;
    tracing::info!(tenant_id = user.tenant_id, user_id = user.id, available, "availability set");
    Ok(())
}

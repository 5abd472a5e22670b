//! The trash and suspended flags (staff with `tickets.delete`; `If-Match` optional), and
//! per-agent stars, which are the agent's own bookmark and so change neither the version nor the
//! thread.

use super::audit::{check_version, finish};
use super::staff_only;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::tickets::staff::{self as staff_store, Column, Value};
use crate::storage::tickets::{self as ticket_store};
use crate::storage::{self};
use baton_core::{change_field, FieldValue, Permission, SystemChange, Ticket};

/// A flag and whether it is being set or cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Trash,
    Restore,
    Suspend,
    Unsuspend,
}

impl Flag {
    fn column(self) -> Column {
        match self {
            Flag::Trash | Flag::Restore => Column::TrashedAt,
            Flag::Suspend | Flag::Unsuspend => Column::SuspendedAt,
        }
    }

    fn sets(self) -> bool {
        matches!(self, Flag::Trash | Flag::Suspend)
    }

    /// The change the thread records: `trashed` or `suspended`, from and to a boolean.
    fn change(self) -> SystemChange {
        let name = match self.column() {
            Column::TrashedAt => change_field::TRASHED,
            _ => change_field::SUSPENDED,
        };
        let on = self.sets();
        SystemChange::new(name, Some(FieldValue::Bool(!on)), Some(FieldValue::Bool(on)))
    }
}

/// Sets or clears `flag` on ticket `id`. Setting a flag that is already set (or clearing one that
/// is clear) changes nothing and answers the ticket as it is. Customers get 404 (the ticket is not
/// theirs to know), staff without `tickets.delete` 403.
pub async fn set_flag(
    app: &Services,
    user: &CurrentUser,
    id: i64,
    expected: Option<i64>,
    flag: Flag,
) -> Result<Ticket, Error> {
    staff_only(user)?;
    user.require(Permission::TicketsDelete)?;
    let mut tx = app.db.begin_write().await?;
    let row = ticket_store::get_for_update(&mut tx, user.ticket_scope(), id).await?.ok_or(Error::NotFound)?;
    check_version(&mut tx, user, &row, expected).await?;
    let current = match flag.column() {
        Column::TrashedAt => row.trashed_at.is_some(),
        _ => row.suspended_at.is_some(),
    };
    if current == flag.sets() {
        let ticket = super::detail::full(&mut tx, user, row).await?;
        tx.commit().await?;
        return Ok(ticket);
    }
    let value = flag.sets().then(|| storage::timestamp(app.clock.now()));
    staff_store::set(&mut tx, user.tenant_id, id, flag.column(), &Value::Text(value)).await?;
    finish(app, tx, user, id, expected, &[flag.change()], None).await
}

/// Stars (`on`) or unstars ticket `id` for `user`.
pub async fn star(app: &Services, user: &CurrentUser, id: i64, on: bool) -> Result<(), Error> {
    staff_only(user)?;
    let mut conn = app.db.acquire().await?;
    ticket_store::get(&mut conn, user.ticket_scope(), id).await?.ok_or(Error::NotFound)?;
    let now = storage::timestamp(app.clock.now());
    staff_store::set_star(&mut conn, user.tenant_id, user.id, id, on, &now).await?;
    Ok(())
}

//! Customer groups (客户组) in the admin console (`/admin/customer-groups`, `customers.manage`):
//! listed with their active members, created and changed (name unique in the desk: 409; whether
//! members share tickets). The workspace's `GET /customer-groups` stays the agents' list.

use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::customers_admin::groups::{self as store, GroupRow};
use crate::storage::{self, Conn};
use baton_core::problem::field_code;
use baton_core::{AdminCustomerGroup, CustomerGroupSpec, Permission};

/// The longest group name, in characters.
pub const NAME_MAX: usize = 100;

fn admin_group(g: GroupRow) -> AdminCustomerGroup {
    AdminCustomerGroup { id: g.id, name: g.name, shares_tickets: g.shares_tickets, members: g.members }
}

/// The desk's customer groups by name.
pub async fn list(app: &Services, user: &CurrentUser) -> Result<Vec<AdminCustomerGroup>, Error> {
    user.require(Permission::CustomersManage)?;
    let mut conn = app.db.acquire().await?;
    Ok(store::list(&mut conn, user.tenant_id).await?.into_iter().map(admin_group).collect())
}

/// The name of a spec, trimmed: 1 to [`NAME_MAX`] characters.
fn checked_name(name: &str) -> Result<&str, Error> {
    let name = name.trim();
    if name.is_empty() {
        Err(Error::field("name", field_code::REQUIRED))
    } else if name.chars().count() > NAME_MAX {
        Err(Error::field("name", field_code::TOO_LONG))
    } else {
        Ok(name)
    }
}

fn taken(e: storage::Error) -> Error {
    if e.is_unique_violation() {
        Error::AlreadyExists("the desk has a customer group of this name")
    } else {
        e.into()
    }
}

async fn one(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<AdminCustomerGroup, Error> {
    store::one(conn, tenant_id, id).await?.map(admin_group).ok_or(Error::NotFound)
}

/// A new customer group (a name is required; it shares no tickets unless asked).
pub async fn create(app: &Services, user: &CurrentUser, spec: CustomerGroupSpec) -> Result<AdminCustomerGroup, Error> {
    user.require(Permission::CustomersManage)?;
    let name = checked_name(spec.name.as_deref().unwrap_or_default())?;
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let id = store::create(&mut tx, user.tenant_id, name, spec.shares_tickets.unwrap_or(false), &now).await.map_err(taken)?;
    let group = one(&mut tx, user.tenant_id, id).await?;
    audit::record(&mut tx, app, user, Entry::new("customer_group.created", id, &group.name).diff(None, Some(&group))).await?;
    tx.commit().await?;
    Ok(group)
}

/// Renames group `id` and/or switches its sharing.
pub async fn change(app: &Services, user: &CurrentUser, id: i64, spec: CustomerGroupSpec) -> Result<AdminCustomerGroup, Error> {
    user.require(Permission::CustomersManage)?;
    let name = spec.name.as_deref().map(checked_name).transpose()?;
    let mut tx = app.db.begin_write().await?;
    let before = one(&mut tx, user.tenant_id, id).await?;
    let was = store::one(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    let shares = spec.shares_tickets.unwrap_or(was.shares_tickets);
    store::update(&mut tx, user.tenant_id, id, name.unwrap_or(&was.name), shares).await.map_err(taken)?;
    let group = one(&mut tx, user.tenant_id, id).await?;
    audit::record(&mut tx, app, user, Entry::new("customer_group.updated", id, &group.name).diff(Some(&before), Some(&group))).await?;
    tx.commit().await?;
    Ok(group)
}

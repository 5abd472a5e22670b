//! `PATCH /admin/customers/{id}`: name, email (unique in the desk: 409), phone, customer group,
//! deactivation and reactivation.
//!
//! Deactivating takes the path of a staff deactivation (`agents::change`): sign-in refused (the
//! same 401 as a wrong password), their unused links voided, every session deleted after the
//! commit, so their event streams end at the next owner recheck. A new email voids their unused
//! links too (they went to the old address). A merged customer cannot be reactivated.

use super::one;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::customers_admin::{self as store, groups, Fields};
use crate::storage::{self, agents, password_tokens, sessions, users};
use baton_core::agent::checks::CUSTOMER_NAME_MAX;
use baton_core::problem::{code, field_code};
use baton_core::validate::{is_email, is_phone};
use baton_core::{AdminCustomer, CustomerPatch, FieldError, Permission};

/// The checks of a patch that need no database: one error per field.
fn check(patch: &CustomerPatch) -> Result<(), Error> {
    let mut errors = Vec::new();
    if let Some(name) = &patch.name {
        if name.trim().is_empty() {
            errors.push(FieldError::new("name", field_code::REQUIRED));
        } else if name.trim().chars().count() > CUSTOMER_NAME_MAX {
            errors.push(FieldError::new("name", field_code::TOO_LONG));
        }
    }
    if let Some(email) = &patch.email {
        if email.trim().is_empty() {
            errors.push(FieldError::new("email", field_code::REQUIRED));
        } else if !is_email(&users::normalize_email(email)) {
            errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
        }
    }
    if let Some(Some(phone)) = &patch.phone {
        if !phone.trim().is_empty() && !is_phone(phone.trim()) {
            errors.push(FieldError::new("phone", field_code::INVALID_PHONE));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(Error::Validation(errors)) }
}

/// Applies `patch` to customer `id` of the caller's desk; them as the list shows them now.
pub async fn change(app: &Services, user: &CurrentUser, id: i64, patch: CustomerPatch) -> Result<AdminCustomer, Error> {
    user.require(Permission::CustomersManage)?;
    check(&patch)?;
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let was = store::one(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    if patch.active == Some(true) && was.merged_into.is_some() {
        return Err(Error::Conflict { code: code::CONFLICT, detail: "a merged customer stays merged" });
    }
    let group_id = match patch.customer_group_id {
        None => was.group_id,
        Some(None) => None,
        Some(Some(group)) => {
            groups::one(&mut tx, user.tenant_id, group).await?.ok_or_else(|| Error::field("customer_group_id", field_code::INVALID_VALUE))?;
            Some(group)
        }
    };
    let email = patch.email.as_deref().map(users::normalize_email).unwrap_or_else(|| was.email.clone());
    let new_email = email != was.email;
    if new_email && store::email_of_another(&mut tx, user.tenant_id, id, &email).await? {
        return Err(Error::AlreadyExists("a user of this desk has this email"));
    }
    let phone = match &patch.phone {
        None => was.phone.clone(),
        Some(p) => p.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned),
    };
    let name = patch.name.as_deref().map_or(was.name.as_str(), str::trim);
    let fields = Fields { name, email: &email, phone: phone.as_deref(), group_id };
    match store::set_fields(&mut tx, user.tenant_id, id, &fields).await {
        Ok(()) => {}
        Err(e) if e.is_unique_violation() => return Err(Error::AlreadyExists("a user of this desk has this email")),
        Err(e) => return Err(e.into()),
    }
    let deactivating = patch.active == Some(false) && was.deactivated_at.is_none();
    if deactivating {
        agents::set_deactivated(&mut tx, user.tenant_id, id, Some(&now)).await?;
    } else if patch.active == Some(true) && was.deactivated_at.is_some() {
        agents::set_deactivated(&mut tx, user.tenant_id, id, None).await?;
    }
    if deactivating || new_email {
        password_tokens::void_unused(&mut tx, user.tenant_id, id, None, &now).await?;
    }
    let reactivating = patch.active == Some(true) && was.deactivated_at.is_some();
    let action = if deactivating { "customer.deactivated" } else if reactivating { "customer.reactivated" } else { "customer.updated" };
    let mut entry = Entry::new(action, id, name);
    for (field, old, new) in [("name", Some(was.name.as_str()), Some(name)), ("email", Some(was.email.as_str()), Some(email.as_str())), ("phone", was.phone.as_deref(), phone.as_deref())] {
        if old != new {
            entry = entry.field(field, old, new);
        }
    }
    if group_id != was.group_id {
        entry = entry.field("customer_group_id", was.group_id, group_id);
    }
    if action != "customer.updated" || !entry.changes.is_empty() {
        audit::record(&mut tx, app, user, entry).await?;
    }
    tx.commit().await?;
    if deactivating {
        // Refused from the commit on (`storage::sessions::find` skips deactivated users).
        let ended = sessions::delete_all_of(&app.db, user.tenant_id, id).await?;
        tracing::info!(tenant_id = user.tenant_id, user_id = id, by = user.id, ended, "customer deactivated");
    }
    let mut conn = app.db.acquire().await?;
    one(&mut conn, user.tenant_id, id).await
}

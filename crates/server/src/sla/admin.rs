//! Setting the SLA up (`/admin/sla/…`, permission `settings.manage`): business calendars and the
//! ordered policies. A change applies to each ticket from its next change on (as in the big help
//! desks: a ticket's targets are not rewritten behind the agent's back).

use super::convert::{self, PolicyBody};
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::sla::{self as store, Named};
use crate::storage::{self, Db};
use baton_core::problem::{code, field_code::INVALID_VALUE};
use baton_core::sla::{Calendar, CalendarSpec, PolicyOrder, PolicySpec, SlaCalendar, SlaPolicy};
use baton_core::{FieldError, Permission};

fn stored(e: serde_json::Error) -> Error {
    Error::Internal(format!("a stored SLA definition does not read back: {e}"))
}

fn to_calendar(row: store::CalendarRow) -> Result<SlaCalendar, Error> {
    let calendar: Calendar = serde_json::from_str(&row.definition).map_err(stored)?;
    Ok(SlaCalendar { id: row.id, spec: convert::calendar_spec(row.name, &calendar) })
}

fn to_policy(row: store::PolicyRow) -> Result<SlaPolicy, Error> {
    let body: PolicyBody = serde_json::from_str(&row.definition).map_err(stored)?;
    let spec = PolicySpec { name: row.name, calendar_id: row.calendar_id, conditions: body.conditions, targets: body.targets };
    Ok(SlaPolicy { id: row.id, position: row.position, spec })
}

fn taken(e: storage::Error) -> Error {
    if e.is_unique_violation() { Error::AlreadyExists("name") } else { e.into() }
}

pub async fn calendars(db: &Db, user: &CurrentUser) -> Result<Vec<SlaCalendar>, Error> {
    user.require(Permission::SettingsManage)?;
    let mut conn = db.acquire().await?;
    store::calendars(&mut conn, user.tenant_id).await?.into_iter().map(to_calendar).collect()
}

/// Creates (`id` none) or replaces calendar `id`.
pub async fn save_calendar(app: &Services, user: &CurrentUser, id: Option<i64>, spec: &CalendarSpec) -> Result<SlaCalendar, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let calendar = convert::calendar(spec).map_err(Error::Validation)?;
    let definition = serde_json::to_string(&calendar).map_err(stored)?;
    let name = spec.name.trim();
    let mut tx = db.begin_write().await?;
    let before = match id {
        Some(id) => store::calendar(&mut tx, user.tenant_id, id).await?.map(to_calendar).transpose()?,
        None => None,
    };
    let id = match id {
        None => store::create_calendar(&mut tx, user.tenant_id, name, &definition, &storage::timestamp(app.clock.now()))
            .await
            .map_err(taken)?,
        Some(id) => {
            if !store::replace_calendar(&mut tx, user.tenant_id, id, name, &definition).await.map_err(taken)? {
                return Err(Error::NotFound);
            }
            id
        }
    };
    let after = to_calendar(store::calendar(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?)?;
    let action = if before.is_some() { "sla_calendar.updated" } else { "sla_calendar.created" };
    audit::record(&mut tx, app, user, Entry::new(action, id, name).diff(before.as_ref().map(|c| &c.spec), Some(&after.spec))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, calendar_id = id, by = user.id, "SLA calendar saved");
    Ok(after)
}

/// Deletes calendar `id`; one a policy counts in is refused (409 `calendar_in_use`).
pub async fn delete_calendar(app: &Services, user: &CurrentUser, id: i64) -> Result<(), Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    if store::calendar_in_use(&mut tx, user.tenant_id, id).await? {
        return Err(Error::Conflict { code: code::CALENDAR_IN_USE, detail: "a policy counts in this calendar" });
    }
    let before = store::calendar(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    if !store::delete_calendar(&mut tx, user.tenant_id, id).await? {
        return Err(Error::NotFound);
    }
    audit::record(&mut tx, app, user, Entry::new("sla_calendar.deleted", id, &before.name)).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn policies(db: &Db, user: &CurrentUser) -> Result<Vec<SlaPolicy>, Error> {
    user.require(Permission::SettingsManage)?;
    let mut conn = db.acquire().await?;
    store::policies(&mut conn, user.tenant_id).await?.into_iter().map(to_policy).collect()
}

/// Checks a policy against the desk: its calendar and the customers, groups and types it names.
async fn check_policy(db: &Db, user: &CurrentUser, spec: &PolicySpec) -> Result<(), Error> {
    let mut errors = convert::check_policy(spec);
    if let Some(calendar_id) = spec.calendar_id {
        let mut conn = db.acquire().await?;
        if store::calendar(&mut conn, user.tenant_id, calendar_id).await?.is_none() {
            errors.push(FieldError::new("calendar_id", INVALID_VALUE));
        }
    }
    let c = &spec.conditions;
    let named = [
        ("conditions.customer_ids", Named::Customers, &c.customer_ids),
        ("conditions.customer_group_ids", Named::CustomerGroups, &c.customer_group_ids),
        ("conditions.type_ids", Named::Types, &c.type_ids),
        ("conditions.subtype_ids", Named::Subtypes, &c.subtype_ids),
    ];
    for (field, what, ids) in named {
        if !store::all_in_desk(db, user.tenant_id, what, ids).await? {
            errors.push(FieldError::new(field, INVALID_VALUE));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(Error::Validation(errors)) }
}

/// Creates (`id` none: tried after the others) or replaces policy `id`.
pub async fn save_policy(app: &Services, user: &CurrentUser, id: Option<i64>, spec: &PolicySpec) -> Result<SlaPolicy, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    check_policy(db, user, spec).await?;
    let body = PolicyBody { conditions: spec.conditions.clone(), targets: spec.targets.clone() };
    let definition = serde_json::to_string(&body).map_err(stored)?;
    let name = spec.name.trim();
    let mut tx = db.begin_write().await?;
    let before = match id {
        Some(id) => store::policies(&mut tx, user.tenant_id).await?.into_iter().find(|p| p.id == id).map(to_policy).transpose()?,
        None => None,
    };
    let id = match id {
        None => store::create_policy(&mut tx, user.tenant_id, name, spec.calendar_id, &definition, &storage::timestamp(app.clock.now()))
            .await
            .map_err(taken)?,
        Some(id) => {
            if !store::replace_policy(&mut tx, user.tenant_id, id, name, spec.calendar_id, &definition).await.map_err(taken)? {
                return Err(Error::NotFound);
            }
            id
        }
    };
    let after = to_policy(store::policies(&mut tx, user.tenant_id).await?.into_iter().find(|p| p.id == id).ok_or(Error::NotFound)?)?;
    let action = if before.is_some() { "sla_policy.updated" } else { "sla_policy.created" };
    audit::record(&mut tx, app, user, Entry::new(action, id, name).diff(before.as_ref().map(|p| &p.spec), Some(&after.spec))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, policy_id = id, by = user.id, "SLA policy saved");
    Ok(after)
}

pub async fn delete_policy(app: &Services, user: &CurrentUser, id: i64) -> Result<(), Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let before = store::policies(&mut tx, user.tenant_id).await?.into_iter().find(|p| p.id == id).ok_or(Error::NotFound)?;
    if !store::delete_policy(&mut tx, user.tenant_id, id).await? {
        return Err(Error::NotFound);
    }
    audit::record(&mut tx, app, user, Entry::new("sla_policy.deleted", id, &before.name)).await?;
    tx.commit().await?;
    Ok(())
}

/// Orders the policies: `ids` must name each of the desk's policies once.
pub async fn order_policies(app: &Services, user: &CurrentUser, order: &PolicyOrder) -> Result<Vec<SlaPolicy>, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let mut have: Vec<i64> = store::policies(&mut tx, user.tenant_id).await?.iter().map(|p| p.id).collect();
    let mut given = order.ids.clone();
    have.sort_unstable();
    given.sort_unstable();
    if have != given {
        return Err(Error::Validation(vec![FieldError::new("ids", INVALID_VALUE)]));
    }
    for (position, id) in (1..).zip(&order.ids) {
        store::set_position(&mut tx, user.tenant_id, *id, position).await?;
    }
    audit::record(&mut tx, app, user, Entry::new("sla_policy.reordered", None, "").field("ids", None::<()>, Some(&order.ids))).await?;
    tx.commit().await?;
    policies(db, user).await
}

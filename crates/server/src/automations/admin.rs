//! The desk's rules as admins set them (`/admin/automations`, permission `settings.manage`):
//! checked by field (baton_core's checks, then the groups, agents, types and quick replies the
//! actions name, which must be this desk's), ordered, deactivated or deleted.

use super::{to_automation, trigger_columns};
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::automations::{self as store, AutomationFields};
use crate::storage::tickets::staff as staff_store;
use crate::storage::{self, catalog, Db};
use baton_core::automation::{validate_spec, Automation, AutomationOrder, AutomationSpec, NotifyWho, RuleAction};
use baton_core::problem::field_code::{INVALID_VALUE, REQUIRED};
use baton_core::{FieldError, Permission};

pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<Automation>, Error> {
    user.require(Permission::SettingsManage)?;
    let mut conn = db.acquire().await?;
    store::list(&mut conn, user.tenant_id).await?.into_iter().map(to_automation).collect()
}

/// Rule `id` of the desk; 404 for any other (another desk's too).
pub async fn get(db: &Db, user: &CurrentUser, id: i64) -> Result<Automation, Error> {
    list(db, user).await?.into_iter().find(|a| a.id == id).ok_or(Error::NotFound)
}

/// The ids the actions name, checked against the desk: `actions[<i>].<field>` when unknown.
async fn check_ids(db: &Db, user: &CurrentUser, spec: &AutomationSpec, errors: &mut Vec<FieldError>) -> Result<(), Error> {
    let tenant = user.tenant_id;
    let mut conn = db.acquire().await?;
    let mut types = None;
    for (i, action) in spec.actions.iter().enumerate() {
        let bad = |part: &str, code: &str| FieldError { field: format!("actions[{i}].{part}"), code: code.to_owned() };
        // The id an action names that the desk does not have, by its field.
        let unknown = match action {
            RuleAction::AssignGroup { group_id } => staff_store::group_name(&mut conn, tenant, *group_id).await?.is_none().then_some("group_id"),
            RuleAction::AssignAgent { agent_id } | RuleAction::Notify { to: NotifyWho::Agent, agent_id: Some(agent_id) } => {
                staff_store::staff_name(&mut conn, tenant, *agent_id).await?.is_none().then_some("agent_id")
            }
            RuleAction::QuickReply { quick_reply_id } => {
                store::public_quick_reply(&mut conn, tenant, *quick_reply_id).await?.is_none().then_some("quick_reply_id")
            }
            _ => None,
        };
        if let Some(part) = unknown {
            errors.push(bad(part, INVALID_VALUE));
        }
        if let RuleAction::SetType { type_id, subtype_id } = action {
            if types.is_none() {
                types = Some(catalog::load(db, tenant).await?);
            }
            match types.as_deref().unwrap_or_default().iter().find(|t| t.id == *type_id) {
                None => errors.push(bad("type_id", INVALID_VALUE)),
                Some(ty) => match subtype_id {
                    Some(s) if ty.subtype(*s).is_none() => errors.push(bad("subtype_id", INVALID_VALUE)),
                    None if !ty.subtypes.is_empty() => errors.push(bad("subtype_id", REQUIRED)),
                    _ => {}
                },
            }
        }
    }
    Ok(())
}

fn taken(e: storage::Error) -> Error {
    if e.is_unique_violation() { Error::AlreadyExists("name") } else { e.into() }
}

/// Creates (`id` none: run after the others) or replaces rule `id`.
pub async fn save(app: &Services, user: &CurrentUser, id: Option<i64>, spec: &AutomationSpec) -> Result<Automation, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut errors = validate_spec(spec);
    check_ids(db, user, spec, &mut errors).await?;
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let json = |v: Result<String, serde_json::Error>| v.map_err(|e| Error::Internal(e.to_string()));
    let conditions = json(serde_json::to_string(&spec.conditions))?;
    let actions = json(serde_json::to_string(&spec.actions))?;
    let (trigger_kind, time_basis, hours) = trigger_columns(&spec.trigger);
    let fields = AutomationFields { name: spec.name.trim(), active: spec.active, trigger_kind, time_basis, hours, conditions: &conditions, actions: &actions };
    let mut tx = db.begin_write().await?;
    let before = match id {
        Some(id) => store::list(&mut tx, user.tenant_id).await?.into_iter().find(|r| r.id == id).map(to_automation).transpose()?,
        None => None,
    };
    let id = match id {
        None => store::create(&mut tx, user.tenant_id, &fields, &storage::timestamp(app.clock.now())).await.map_err(taken)?,
        Some(id) => {
            if !store::replace(&mut tx, user.tenant_id, id, &fields).await.map_err(taken)? {
                return Err(Error::NotFound);
            }
            id
        }
    };
    let after = to_automation(store::list(&mut tx, user.tenant_id).await?.into_iter().find(|r| r.id == id).ok_or(Error::NotFound)?)?;
    let action = if before.is_some() { "automation.updated" } else { "automation.created" };
    audit::record(&mut tx, app, user, Entry::new(action, id, spec.name.trim()).diff(before.as_ref().map(|a| &a.spec), Some(&after.spec))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, automation_id = id, by = user.id, "automation saved");
    Ok(after)
}

/// Deletes rule `id` (with its runs): it never runs again.
pub async fn delete(app: &Services, user: &CurrentUser, id: i64) -> Result<(), Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let before = store::list(&mut tx, user.tenant_id).await?.into_iter().find(|r| r.id == id).ok_or(Error::NotFound)?;
    if !store::delete(&mut tx, user.tenant_id, id).await? {
        return Err(Error::NotFound);
    }
    audit::record(&mut tx, app, user, Entry::new("automation.deleted", id, &before.name)).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, automation_id = id, by = user.id, "automation deleted");
    Ok(())
}

/// Orders the rules: `ids` must name each of the desk's rules once.
pub async fn order(app: &Services, user: &CurrentUser, order: &AutomationOrder) -> Result<Vec<Automation>, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let mut have: Vec<i64> = store::list(&mut tx, user.tenant_id).await?.iter().map(|r| r.id).collect();
    let mut given = order.ids.clone();
    have.sort_unstable();
    given.sort_unstable();
    if have != given {
        return Err(Error::field("ids", INVALID_VALUE));
    }
    for (position, id) in (1..).zip(&order.ids) {
        store::set_position(&mut tx, user.tenant_id, *id, position).await?;
    }
    audit::record(&mut tx, app, user, Entry::new("automation.reordered", None, "").field("ids", None::<()>, Some(&order.ids))).await?;
    tx.commit().await?;
    list(db, user).await
}

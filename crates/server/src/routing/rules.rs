//! Routing rules as admins set them (`/admin/routing/rules`, permission `settings.manage`):
//! ordered, first match; each names a group of the desk and maybe one of its members.

use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::routing::rules::{self as store, RuleFields, RuleRow};
use crate::storage::sla::{all_in_desk, Named};
use crate::storage::{self, groups::admin as groups, Db};
use baton_core::problem::field_code::{INVALID_VALUE, REQUIRED, TOO_LONG};
use baton_core::routing::{RoutingConditions, RuleOrder};
use baton_core::{FieldError, Permission, RoutingRule, RuleSpec};

/// The longest rule name, in characters.
pub const NAME_MAX: usize = 100;

fn to_rule(row: RuleRow) -> Result<RoutingRule, Error> {
    let conditions: RoutingConditions = serde_json::from_str(&row.conditions)
        .map_err(|e| Error::Internal(format!("routing rule {} does not read back: {e}", row.id)))?;
    let spec = RuleSpec { name: row.name, conditions, group_id: row.group_id, agent_id: row.agent_id };
    Ok(RoutingRule { id: row.id, position: row.position, spec })
}

pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<RoutingRule>, Error> {
    user.require(Permission::SettingsManage)?;
    let mut conn = db.acquire().await?;
    store::list(&mut conn, user.tenant_id).await?.into_iter().map(to_rule).collect()
}

/// A name as given: trimmed, 1 to `max` characters.
pub fn check_name(name: &str, max: usize, errors: &mut Vec<FieldError>) {
    let name = name.trim();
    if name.is_empty() {
        errors.push(FieldError::new("name", REQUIRED));
    } else if name.chars().count() > max {
        errors.push(FieldError::new("name", TOO_LONG));
    }
}

/// Every mistake of `spec`, by field: the name, the group and agent (of this desk, the agent a
/// member of the group), and the types, sub-types and customer groups the conditions name.
async fn check(db: &Db, user: &CurrentUser, spec: &RuleSpec) -> Result<(), Error> {
    let mut errors = Vec::new();
    check_name(&spec.name, NAME_MAX, &mut errors);
    let mut conn = db.acquire().await?;
    let group = groups::list(&mut conn, user.tenant_id, Some(spec.group_id)).await?;
    if group.is_empty() {
        errors.push(FieldError::new("group_id", INVALID_VALUE));
    } else if let Some(agent) = spec.agent_id {
        let member = groups::members(&mut conn, user.tenant_id)
            .await?
            .iter()
            .any(|(g, u, _, _)| *g == spec.group_id && *u == agent);
        if !member || !groups::active_staff(&mut conn, user.tenant_id, agent).await? {
            errors.push(FieldError::new("agent_id", INVALID_VALUE));
        }
    }
    drop(conn);
    let c = &spec.conditions;
    let named = [
        ("conditions.type_ids", Named::Types, &c.type_ids),
        ("conditions.subtype_ids", Named::Subtypes, &c.subtype_ids),
        ("conditions.customer_group_ids", Named::CustomerGroups, &c.customer_group_ids),
    ];
    for (field, what, ids) in named {
        if !all_in_desk(db, user.tenant_id, what, ids).await? {
            errors.push(FieldError::new(field, INVALID_VALUE));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(Error::Validation(errors)) }
}

fn taken(e: storage::Error) -> Error {
    if e.is_unique_violation() { Error::AlreadyExists("name") } else { e.into() }
}

/// Creates (`id` none: tried after the others) or replaces rule `id`.
pub async fn save(app: &Services, user: &CurrentUser, id: Option<i64>, spec: &RuleSpec) -> Result<RoutingRule, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    check(db, user, spec).await?;
    let conditions = serde_json::to_string(&spec.conditions).map_err(|e| Error::Internal(e.to_string()))?;
    let fields = RuleFields { name: spec.name.trim(), conditions: &conditions, group_id: spec.group_id, agent_id: spec.agent_id };
    let mut tx = db.begin_write().await?;
    let before = match id {
        Some(id) => store::list(&mut tx, user.tenant_id).await?.into_iter().find(|r| r.id == id).map(to_rule).transpose()?,
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
    let after = to_rule(store::list(&mut tx, user.tenant_id).await?.into_iter().find(|r| r.id == id).ok_or(Error::NotFound)?)?;
    let action = if before.is_some() { "routing_rule.updated" } else { "routing_rule.created" };
    audit::record(&mut tx, app, user, Entry::new(action, id, &after.spec.name).diff(before.as_ref().map(|r| &r.spec), Some(&after.spec))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, rule_id = id, by = user.id, "routing rule saved");
    Ok(after)
}

pub async fn delete(app: &Services, user: &CurrentUser, id: i64) -> Result<(), Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let before = store::list(&mut tx, user.tenant_id).await?.into_iter().find(|r| r.id == id).ok_or(Error::NotFound)?;
    if !store::delete(&mut tx, user.tenant_id, id).await? {
        return Err(Error::NotFound);
    }
    audit::record(&mut tx, app, user, Entry::new("routing_rule.deleted", id, &before.name)).await?;
    tx.commit().await?;
    Ok(())
}

/// Orders the rules: `ids` must name each of the desk's rules once.
pub async fn order(app: &Services, user: &CurrentUser, order: &RuleOrder) -> Result<Vec<RoutingRule>, Error> {
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
    audit::record(&mut tx, app, user, Entry::new("routing_rule.reordered", None, "").field("ids", None::<()>, Some(&order.ids))).await?;
    tx.commit().await?;
    list(db, user).await
}

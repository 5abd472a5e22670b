//! Ticket types (工单大类) and sub-types (工单小类): create, rename, switch off, order, and each
//! sub-type's handling group (routing sends its new tickets there).

use super::reorder;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::catalog::admin::{self as store, Table};
use crate::storage::catalog::{insert_subtype, insert_type};
use crate::storage::groups::admin as groups;
use crate::storage::{self, Conn, Db};
use baton_core::dto::catalog_admin::{check_text, tidy, NAME_MAX};
use baton_core::problem::field_code;
use baton_core::{AdminField, AdminSubtype, AdminTicketType, CatalogOrder, FieldError, Permission, SubtypeSpec, TypeSpec};
use std::collections::HashMap;

/// The whole catalog, active or not, types in order with their sub-types and fields.
pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<AdminTicketType>, Error> {
    user.require(Permission::SettingsManage)?;
    let types = store::types(db, user.tenant_id).await?;
    let subtypes = store::subtypes(db, user.tenant_id).await?;
    let mut type_fields: HashMap<i64, Vec<AdminField>> = HashMap::new();
    let mut subtype_fields: HashMap<i64, Vec<AdminField>> = HashMap::new();
    for row in store::fields(db, user.tenant_id).await? {
        let (type_id, subtype_id) = (row.type_id, row.subtype_id);
        let field = row.decode()?;
        match (type_id, subtype_id) {
            (Some(t), _) => type_fields.entry(t).or_default().push(field),
            (None, Some(s)) => subtype_fields.entry(s).or_default().push(field),
            (None, None) => {}
        }
    }
    let mut subtypes_of: HashMap<i64, Vec<AdminSubtype>> = HashMap::new();
    for s in subtypes {
        subtypes_of.entry(s.owner_id).or_default().push(AdminSubtype {
            name: storage::catalog::decode_text("name", &s.name)?,
            active: s.active,
            group_id: s.group_id,
            fields: subtype_fields.remove(&s.id).unwrap_or_default(),
            id: s.id,
        });
    }
    types
        .into_iter()
        .map(|t| {
            Ok(AdminTicketType {
                name: storage::catalog::decode_text("name", &t.name)?,
                active: t.active,
                subtypes: subtypes_of.remove(&t.id).unwrap_or_default(),
                fields: type_fields.remove(&t.id).unwrap_or_default(),
                id: t.id,
            })
        })
        .collect()
}

/// Type `id` as [`list`] shows it (404 when it is not the tenant's).
pub async fn one(db: &Db, user: &CurrentUser, id: i64) -> Result<AdminTicketType, Error> {
    list(db, user).await?.into_iter().find(|t| t.id == id).ok_or(Error::NotFound)
}

fn checked_name(spec_name: &baton_core::Text) -> Result<baton_core::Text, Error> {
    let mut errors = Vec::new();
    check_text("name", spec_name, NAME_MAX, &mut errors);
    if errors.is_empty() { Ok(tidy(spec_name)) } else { Err(Error::Validation(errors)) }
}

/// Creates (`id` none, last in order) or changes type `id`.
pub async fn save_type(app: &Services, user: &CurrentUser, id: Option<i64>, spec: &TypeSpec) -> Result<AdminTicketType, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let name = checked_name(&spec.name)?;
    let before = match id {
        Some(id) => one(db, user, id).await.ok().map(|t| TypeSpec { name: t.name, active: t.active }),
        None => None,
    };
    let mut tx = db.begin_write().await?;
    let id = match id {
        Some(id) => {
            if !store::update_type(&mut tx, user.tenant_id, id, &name, spec.active).await? {
                return Err(Error::NotFound);
            }
            id
        }
        None => {
            let position = store::next_position(&mut tx, Table::Types, user.tenant_id).await?;
            let now = storage::timestamp(app.clock.now());
            let id = insert_type(&mut tx, user.tenant_id, &name, position, &now).await?;
            store::update_type(&mut tx, user.tenant_id, id, &name, spec.active).await?;
            id
        }
    };
    let action = if before.is_some() { "ticket_type.updated" } else { "ticket_type.created" };
    let after = TypeSpec { name: name.clone(), active: spec.active };
    audit::record(&mut tx, app, user, Entry::new(action, id, name.get("en")).diff(before.as_ref(), Some(&after))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, by = user.id, type_id = id, active = spec.active, "ticket type saved");
    one(db, user, id).await
}

/// The agent group must be the tenant's.
async fn check_group(conn: &mut Conn, tenant_id: i64, group_id: Option<i64>) -> Result<(), Error> {
    match group_id {
        Some(g) if groups::list(conn, tenant_id, Some(g)).await?.is_empty() => {
            Err(Error::Validation(vec![FieldError::new("group_id", field_code::INVALID_VALUE)]))
        }
        _ => Ok(()),
    }
}

/// Adds a sub-type to type `type_id` (last in order); the type after it.
pub async fn add_subtype(app: &Services, user: &CurrentUser, type_id: i64, spec: &SubtypeSpec) -> Result<AdminTicketType, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let name = checked_name(&spec.name)?;
    let mut tx = db.begin_write().await?;
    if !store::type_exists(&mut tx, user.tenant_id, type_id).await? {
        return Err(Error::NotFound);
    }
    check_group(&mut tx, user.tenant_id, spec.group_id).await?;
    let position = store::next_position(&mut tx, Table::Subtypes, type_id).await?;
    let now = storage::timestamp(app.clock.now());
    let id = insert_subtype(&mut tx, user.tenant_id, type_id, &name, position, &now).await?;
    store::update_subtype(&mut tx, user.tenant_id, id, &name, spec.active, spec.group_id).await?;
    let after = SubtypeSpec { name: name.clone(), ..spec.clone() };
    audit::record(&mut tx, app, user, Entry::new("subtype.created", id, name.get("en")).diff(None, Some(&after))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, by = user.id, type_id, subtype_id = id, "sub-type added");
    one(db, user, type_id).await
}

/// Changes sub-type `id`; its type after the change.
pub async fn save_subtype(app: &Services, user: &CurrentUser, id: i64, spec: &SubtypeSpec) -> Result<AdminTicketType, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let name = checked_name(&spec.name)?;
    let before = list(db, user).await?.into_iter().flat_map(|t| t.subtypes).find(|s| s.id == id);
    let before = before.map(|s| SubtypeSpec { name: s.name, active: s.active, group_id: s.group_id });
    let mut tx = db.begin_write().await?;
    let type_id = store::type_of_subtype(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    check_group(&mut tx, user.tenant_id, spec.group_id).await?;
    store::update_subtype(&mut tx, user.tenant_id, id, &name, spec.active, spec.group_id).await?;
    let after = SubtypeSpec { name: name.clone(), ..spec.clone() };
    audit::record(&mut tx, app, user, Entry::new("subtype.updated", id, name.get("en")).diff(before.as_ref(), Some(&after))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, by = user.id, subtype_id = id, active = spec.active, "sub-type saved");
    one(db, user, type_id).await
}

/// Orders the tenant's types.
pub async fn order_types(app: &Services, user: &CurrentUser, order: &CatalogOrder) -> Result<Vec<AdminTicketType>, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    reorder(&mut tx, Table::Types, user.tenant_id, user.tenant_id, order).await?;
    audit::record(&mut tx, app, user, Entry::new("ticket_type.reordered", None, "").field("ids", None::<()>, Some(&order.ids))).await?;
    tx.commit().await?;
    list(db, user).await
}

/// Orders the sub-types of type `type_id`.
pub async fn order_subtypes(app: &Services, user: &CurrentUser, type_id: i64, order: &CatalogOrder) -> Result<AdminTicketType, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    if !store::type_exists(&mut tx, user.tenant_id, type_id).await? {
        return Err(Error::NotFound);
    }
    reorder(&mut tx, Table::Subtypes, user.tenant_id, type_id, order).await?;
    audit::record(&mut tx, app, user, Entry::new("subtype.reordered", None, "").field("ids", None::<()>, Some(&order.ids))).await?;
    tx.commit().await?;
    one(db, user, type_id).await
}

//! Custom fields of a type (asked for every sub-type) or of one sub-type: added with their key,
//! kind, dictionary and cascade parent (fixed from then on), relabelled, made required or not,
//! switched off, ordered. Keys are unique across a type and all its sub-types: a ticket's values
//! are one map by key.

use super::reorder;
use super::types::one;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::catalog::admin::{self as store, Table};
use crate::storage::catalog::{insert_field, Owner};
use baton_core::dto::catalog_admin::tidy;
use baton_core::problem::field_code;
use baton_core::{AdminTicketType, CatalogOrder, CustomField, FieldChange, FieldError, NewField, Permission};

/// Adds a field to type `type_id` (or to its sub-type `new.subtype_id`), last in order; the type
/// after it.
pub async fn add(app: &Services, user: &CurrentUser, type_id: i64, new: &NewField) -> Result<AdminTicketType, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut errors = new.check();
    let mut tx = db.begin_write().await?;
    let tenant = user.tenant_id;
    if !store::type_exists(&mut tx, tenant, type_id).await? {
        return Err(Error::NotFound);
    }
    if let Some(subtype) = new.subtype_id {
        if store::type_of_subtype(&mut tx, tenant, subtype).await? != Some(type_id) {
            errors.push(FieldError::new("subtype_id", field_code::INVALID_VALUE));
        }
    }
    if let Some(dictionary) = new.dictionary_id {
        if !store::dictionary_exists(&mut tx, tenant, dictionary).await? {
            errors.push(FieldError::new("dictionary_id", field_code::INVALID_VALUE));
        }
    }
    let siblings = store::fields_of_type(&mut tx, tenant, type_id).await?;
    if let Some(parent) = &new.parent {
        // The parent is asked on the same form before this field: the type's, or this sub-type's.
        let usable = siblings.iter().any(|f| {
            &f.key == parent && f.dictionary_id.is_some() && (f.type_id.is_some() || f.subtype_id == new.subtype_id)
        });
        if !usable {
            errors.push(FieldError::new("parent", field_code::INVALID_VALUE));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    if siblings.iter().any(|f| f.key == new.key) {
        return Err(Error::AlreadyExists("a field with this key in this type"));
    }
    let (owner, table, owner_id) = match new.subtype_id {
        Some(s) => (Owner::Subtype(s), Table::SubtypeFields, s),
        None => (Owner::Type(type_id), Table::TypeFields, type_id),
    };
    let position = store::next_position(&mut tx, table, owner_id).await?;
    let field = CustomField {
        key: new.key.clone(),
        label: tidy(&new.label),
        kind: new.kind,
        required: new.required,
        options: Vec::new(),
        parent: new.parent.clone(),
        help: new.help.as_ref().map(tidy).filter(|h| !h.0.is_empty()),
    };
    let id = insert_field(&mut tx, tenant, owner, &field, new.dictionary_id, position).await?;
    audit::record(&mut tx, app, user, Entry::new("field.created", id, &new.key).diff(None, Some(new))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = tenant, by = user.id, type_id, field_id = id, kind = new.kind.as_str(), "custom field added");
    one(db, user, type_id).await
}

/// Changes field `id` (label, required, help, switched on or off); its type after the change.
pub async fn save(app: &Services, user: &CurrentUser, id: i64, change: &FieldChange) -> Result<AdminTicketType, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let errors = change.check();
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let before = super::types::list(db, user).await?.into_iter().flat_map(|t| t.fields.into_iter().chain(t.subtypes.into_iter().flat_map(|s| s.fields))).find(|f| f.id == id);
    let mut tx = db.begin_write().await?;
    let row = store::field(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    let type_id = match (row.type_id, row.subtype_id) {
        (Some(t), _) => t,
        (None, Some(s)) => store::type_of_subtype(&mut tx, user.tenant_id, s).await?.ok_or(Error::NotFound)?,
        (None, None) => return Err(Error::NotFound),
    };
    let help = change.help.as_ref().map(tidy).filter(|h| !h.0.is_empty());
    store::update_field(&mut tx, user.tenant_id, id, &tidy(&change.label), change.required, help.as_ref(), change.active).await?;
    let after = FieldChange { label: tidy(&change.label), help, ..change.clone() };
    let entry = Entry::new("field.updated", id, before.as_ref().map_or("", |f| f.key.as_str()));
    audit::record(&mut tx, app, user, match &before { Some(b) => entry.patch(b, &after), None => entry }).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, by = user.id, field_id = id, active = change.active, "custom field saved");
    one(db, user, type_id).await
}

/// Orders the fields of one type or one sub-type: `order.ids` names each of them once.
pub async fn order(app: &Services, user: &CurrentUser, order: &CatalogOrder) -> Result<AdminTicketType, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let first = match order.ids.first() {
        Some(id) => store::field(&mut tx, user.tenant_id, *id).await?,
        None => None,
    };
    let Some(first) = first else {
        return Err(Error::field("ids", field_code::INVALID_VALUE));
    };
    let (table, owner, type_id) = match (first.type_id, first.subtype_id) {
        (Some(t), _) => (Table::TypeFields, t, t),
        (None, Some(s)) => (Table::SubtypeFields, s, store::type_of_subtype(&mut tx, user.tenant_id, s).await?.ok_or(Error::NotFound)?),
        (None, None) => return Err(Error::NotFound),
    };
    reorder(&mut tx, table, user.tenant_id, owner, order).await?;
    audit::record(&mut tx, app, user, Entry::new("field.reordered", None, "").field("ids", None::<()>, Some(&order.ids))).await?;
    tx.commit().await?;
    one(db, user, type_id).await
}

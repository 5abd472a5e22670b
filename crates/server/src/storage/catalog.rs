//! The ticket catalog: types, sub-types, custom fields and the dictionaries their options come
//! from. Read whole per tenant (it is small and every submit form needs all of it), active parts
//! only; written by the demo seed and the admin console ([`admin`]).

pub mod admin;

use super::Db;
use baton_core::{CustomField, FieldKind, FieldOption, Subtype, Text, TicketType};
use crate::storage::{Conn, Error};
use std::collections::HashMap;

/// A stored locale → text JSON object.
pub(crate) fn decode_text(column: &str, json: &str) -> Result<Text, Error> {
    serde_json::from_str(json)
        .map_err(|e| Error::corrupt(format!("column {column}: {e}")))
}

#[derive(sqlx::FromRow)]
struct NamedRow {
    id: i64,
    owner_id: i64,
    name: String,
}

#[derive(sqlx::FromRow)]
struct FieldRow {
    type_id: Option<i64>,
    subtype_id: Option<i64>,
    key: String,
    label: String,
    kind: String,
    required: bool,
    dictionary_id: Option<i64>,
    parent_key: Option<String>,
    help: Option<String>,
}

#[derive(sqlx::FromRow)]
struct OptionRow {
    dictionary_id: i64,
    value: String,
    label: String,
    parent_value: Option<String>,
}

/// The active catalog of `tenant_id`, types and sub-types in their configured order. (A sub-type
/// of a switched-off type goes with it.)
pub async fn load(db: &Db, tenant_id: i64) -> Result<Vec<TicketType>, Error> {
    let mut conn = db.begin_read().await?;
    let types: Vec<NamedRow> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, tenant_id AS owner_id, name FROM ticket_types
         WHERE tenant_id = $1 AND active ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await)?;
    if types.is_empty() {
        return Ok(Vec::new());
    }
    let subtypes: Vec<NamedRow> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, type_id AS owner_id, name FROM ticket_subtypes
         WHERE tenant_id = $1 AND active ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await)?;
    let fields: Vec<FieldRow> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT type_id, subtype_id, key, label, kind, required, dictionary_id, parent_key, help
         FROM custom_fields WHERE tenant_id = $1 AND active ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await)?;
    let options: Vec<OptionRow> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT dictionary_id, value, label, parent_value FROM dictionary_options
         WHERE tenant_id = $1 AND active ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await)?;
    assemble(types, subtypes, fields, options)
}

fn assemble(
    types: Vec<NamedRow>,
    subtypes: Vec<NamedRow>,
    fields: Vec<FieldRow>,
    options: Vec<OptionRow>,
) -> Result<Vec<TicketType>, Error> {
    let mut by_dictionary: HashMap<i64, Vec<FieldOption>> = HashMap::new();
    for o in options {
        by_dictionary
            .entry(o.dictionary_id)
            .or_default()
            .push(FieldOption {
                label: decode_text("label", &o.label)?,
                value: o.value,
                parent_value: o.parent_value,
            });
    }
    let mut type_fields: HashMap<i64, Vec<CustomField>> = HashMap::new();
    let mut subtype_fields: HashMap<i64, Vec<CustomField>> = HashMap::new();
    for f in fields {
        let kind = FieldKind::from_code(&f.kind)
            .ok_or_else(|| Error::corrupt(format!("column kind: {:?}", f.kind)))?;
        let field = CustomField {
            label: decode_text("label", &f.label)?,
            kind,
            required: f.required,
            options: f
                .dictionary_id
                .and_then(|d| by_dictionary.get(&d))
                .cloned()
                .unwrap_or_default(),
            parent: f.parent_key,
            help: f
                .help
                .as_deref()
                .map(|h| decode_text("help", h))
                .transpose()?,
            key: f.key,
        };
        match (f.type_id, f.subtype_id) {
            (Some(t), _) => type_fields.entry(t).or_default().push(field),
            (None, Some(s)) => subtype_fields.entry(s).or_default().push(field),
            (None, None) => {}
        }
    }
    let mut subtypes_of: HashMap<i64, Vec<Subtype>> = HashMap::new();
    for s in subtypes {
        subtypes_of.entry(s.owner_id).or_default().push(Subtype {
            name: decode_text("name", &s.name)?,
            fields: subtype_fields.remove(&s.id).unwrap_or_default(),
            id: s.id,
        });
    }
    types
        .into_iter()
        .map(|t| {
            Ok(TicketType {
                name: decode_text("name", &t.name)?,
                subtypes: subtypes_of.remove(&t.id).unwrap_or_default(),
                fields: type_fields.remove(&t.id).unwrap_or_default(),
                id: t.id,
            })
        })
        .collect()
}

/// The ids of the fields a ticket of `type_id` and `subtype_id` has, by key.
pub async fn field_ids(
    conn: &mut Conn,
    tenant_id: i64,
    type_id: i64,
    subtype_id: Option<i64>,
) -> Result<HashMap<String, i64>, Error> {
    let rows: Vec<(String, i64)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT key, id FROM custom_fields
         WHERE tenant_id = $1 AND (type_id = $2 OR ($3 IS NOT NULL AND subtype_id = $3))",
    )
    .bind(tenant_id)
    .bind(type_id)
    .bind(subtype_id)
    .fetch_all(c).await)?;
    Ok(rows.into_iter().collect())
}

pub(crate) fn json(text: &Text) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "{}".to_owned())
}

/// Adds a type; its id.
pub async fn insert_type(
    conn: &mut Conn,
    tenant_id: i64,
    name: &Text,
    position: i64,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO ticket_types (tenant_id, name, position, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(tenant_id)
    .bind(json(name))
    .bind(position)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Adds a sub-type of `type_id`; its id.
pub async fn insert_subtype(
    conn: &mut Conn,
    tenant_id: i64,
    type_id: i64,
    name: &Text,
    position: i64,
    now: &str,
) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO ticket_subtypes (tenant_id, type_id, name, position, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(tenant_id)
    .bind(type_id)
    .bind(json(name))
    .bind(position)
    .bind(now)
    .fetch_one(c).await).map_err(Error::from)
}

/// Adds a dictionary with its options (in order); its id.
pub async fn insert_dictionary(
    conn: &mut Conn,
    tenant_id: i64,
    name: &str,
    options: &[FieldOption],
    now: &str,
) -> Result<i64, Error> {
    let id: i64 = crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO dictionaries (tenant_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(tenant_id)
    .bind(name)
    .bind(now)
    .fetch_one(c).await)?;
    for (position, o) in (0_i64..).zip(options) {
        crate::on!(conn, |c| sqlx::query(
            "INSERT INTO dictionary_options (tenant_id, dictionary_id, value, label, parent_value, position)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(&o.value)
        .bind(json(&o.label))
        .bind(&o.parent_value)
        .bind(position)
        .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(id)
}

/// Where a field is asked: on every sub-type of a type, or on one sub-type.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Type(i64),
    Subtype(i64),
}

/// Adds a custom field (options come from `dictionary_id`).
pub async fn insert_field(
    conn: &mut Conn,
    tenant_id: i64,
    owner: Owner,
    field: &CustomField,
    dictionary_id: Option<i64>,
    position: i64,
) -> Result<i64, Error> {
    let (type_id, subtype_id) = match owner {
        Owner::Type(t) => (Some(t), None),
        Owner::Subtype(s) => (None, Some(s)),
    };
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO custom_fields (tenant_id, type_id, subtype_id, key, label, kind, required,
                                    dictionary_id, parent_key, help, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(tenant_id)
    .bind(type_id)
    .bind(subtype_id)
    .bind(&field.key)
    .bind(json(&field.label))
    .bind(field.kind.as_str())
    .bind(field.required)
    .bind(dictionary_id)
    .bind(&field.parent)
    .bind(field.help.as_ref().map(json))
    .bind(position)
    .fetch_one(c).await).map_err(Error::from)
}


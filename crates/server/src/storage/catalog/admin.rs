//! The catalog as the admin console writes it: every type, sub-type, field and option, active or
//! not, and the statements that change them (`crate::catalog`). Nothing here deletes: parts are
//! switched off, since tickets refer to them.

use super::{decode_text, json};
use crate::storage::{Conn, Db, Error, Sql};
use baton_core::{AdminField, DictionaryOption, FieldKind, Text};

/// A type or sub-type row: `owner_id` is the tenant for a type, the type for a sub-type.
#[derive(Debug, sqlx::FromRow)]
pub struct PartRow {
    pub id: i64,
    pub owner_id: i64,
    pub name: String,
    pub active: bool,
    pub group_id: Option<i64>,
}

#[derive(Debug, sqlx::FromRow)]
pub struct FieldRow {
    pub id: i64,
    pub type_id: Option<i64>,
    pub subtype_id: Option<i64>,
    pub key: String,
    pub label: String,
    pub kind: String,
    pub required: bool,
    pub dictionary_id: Option<i64>,
    pub parent_key: Option<String>,
    pub help: Option<String>,
    pub active: bool,
}

impl FieldRow {
    pub fn decode(self) -> Result<AdminField, Error> {
        Ok(AdminField {
            id: self.id,
            kind: FieldKind::from_code(&self.kind).ok_or_else(|| Error::corrupt(format!("column kind: {:?}", self.kind)))?,
            label: decode_text("label", &self.label)?,
            help: self.help.as_deref().map(|h| decode_text("help", h)).transpose()?,
            key: self.key,
            required: self.required,
            dictionary_id: self.dictionary_id,
            parent: self.parent_key,
            active: self.active,
        })
    }
}

/// Every type of the tenant, in order.
pub async fn types(db: &Db, tenant_id: i64) -> Result<Vec<PartRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT id, tenant_id AS owner_id, name, active, CAST(NULL AS BIGINT) AS group_id FROM ticket_types
         WHERE tenant_id = $1 ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// Every sub-type of the tenant, in order.
pub async fn subtypes(db: &Db, tenant_id: i64) -> Result<Vec<PartRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT id, type_id AS owner_id, name, active, group_id FROM ticket_subtypes
         WHERE tenant_id = $1 ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// Every field of the tenant, in order.
pub async fn fields(db: &Db, tenant_id: i64) -> Result<Vec<FieldRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT id, type_id, subtype_id, key, label, kind, required, dictionary_id, parent_key, help, active
         FROM custom_fields WHERE tenant_id = $1 ORDER BY position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// The next position after the last of a list (`table`'s rows of `owner_column` = `owner`).
pub async fn next_position(conn: &mut Conn, table: Table, owner: i64) -> Result<i64, Error> {
    let mut sql = Sql::new("SELECT CAST(COALESCE(MAX(position) + 1, 0) AS BIGINT) FROM ");
    sql.push(table.name()).push(" WHERE ").push(table.owner_column()).push(" = ").push_bind(owner);
    sql.fetch_scalar(conn).await
}

/// The lists the admin console orders.
#[derive(Debug, Clone, Copy)]
pub enum Table {
    /// A tenant's types.
    Types,
    /// A type's sub-types.
    Subtypes,
    /// The fields of a type (not of its sub-types).
    TypeFields,
    /// The fields of a sub-type.
    SubtypeFields,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Types => "ticket_types",
            Table::Subtypes => "ticket_subtypes",
            Table::TypeFields | Table::SubtypeFields => "custom_fields",
        }
    }

    fn owner_column(self) -> &'static str {
        match self {
            Table::Types => "tenant_id",
            Table::Subtypes | Table::TypeFields => "type_id",
            Table::SubtypeFields => "subtype_id",
        }
    }
}

/// The ids of `table`'s rows of `owner` in the tenant, in their order.
pub async fn ids(conn: &mut Conn, table: Table, tenant_id: i64, owner: i64) -> Result<Vec<i64>, Error> {
    let mut sql = Sql::new("SELECT id FROM ");
    sql.push(table.name()).push(" WHERE tenant_id = ").push_bind(tenant_id);
    sql.push(" AND ").push(table.owner_column()).push(" = ").push_bind(owner).push(" ORDER BY position, id");
    sql.fetch_scalars(conn).await
}

/// Gives each of `ids` (rows of `table`) its index as position.
pub async fn set_positions(conn: &mut Conn, table: Table, tenant_id: i64, ids: &[i64]) -> Result<(), Error> {
    for (position, id) in (0_i64..).zip(ids) {
        let mut sql = Sql::new("UPDATE ");
        sql.push(table.name()).push(" SET position = ").push_bind(position);
        sql.push(" WHERE tenant_id = ").push_bind(tenant_id).push(" AND id = ").push_bind(*id);
        sql.execute(conn).await?;
    }
    Ok(())
}

/// Renames a type and switches it on or off; whether it exists in the tenant.
pub async fn update_type(conn: &mut Conn, tenant_id: i64, id: i64, name: &Text, active: bool) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("UPDATE ticket_types SET name = $3, active = $4 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(json(name))
        .bind(active)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// A sub-type's name, switch and handling group; whether it exists in the tenant.
pub async fn update_subtype(conn: &mut Conn, tenant_id: i64, id: i64, name: &Text, active: bool, group_id: Option<i64>) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "UPDATE ticket_subtypes SET name = $3, active = $4, group_id = $5 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(json(name))
    .bind(active)
    .bind(group_id)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The type of sub-type `id` in the tenant.
pub async fn type_of_subtype(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<i64>, Error> {
    crate::on!(conn, |c| sqlx::query_scalar("SELECT type_id FROM ticket_subtypes WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// Whether type `id` is the tenant's.
pub async fn type_exists(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    owned(conn, "ticket_types", tenant_id, id).await
}

/// Whether row `id` of `table` (a name of this module, never input) is the tenant's.
async fn owned(conn: &mut Conn, table: &str, tenant_id: i64, id: i64) -> Result<bool, Error> {
    let mut sql = Sql::new("SELECT COUNT(*) FROM ");
    sql.push(table).push(" WHERE tenant_id = ").push_bind(tenant_id).push(" AND id = ").push_bind(id);
    Ok(sql.fetch_scalar::<i64>(conn).await? > 0)
}

/// The fields of type `type_id` and of all its sub-types: a ticket's fields share one namespace
/// of keys, so a key is unique across them.
pub async fn fields_of_type(conn: &mut Conn, tenant_id: i64, type_id: i64) -> Result<Vec<FieldRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, type_id, subtype_id, key, label, kind, required, dictionary_id, parent_key, help, active
         FROM custom_fields WHERE tenant_id = $1
           AND (type_id = $2 OR subtype_id IN (SELECT id FROM ticket_subtypes WHERE tenant_id = $1 AND type_id = $2))
         ORDER BY position, id",
    )
    .bind(tenant_id)
    .bind(type_id)
    .fetch_all(c).await).map_err(Error::from)
}

/// Field `id` of the tenant.
pub async fn field(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<Option<FieldRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "SELECT id, type_id, subtype_id, key, label, kind, required, dictionary_id, parent_key, help, active
         FROM custom_fields WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// What may change on a field; whether it exists in the tenant.
pub async fn update_field(conn: &mut Conn, tenant_id: i64, id: i64, label: &Text, required: bool, help: Option<&Text>, active: bool) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "UPDATE custom_fields SET label = $3, required = $4, help = $5, active = $6 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(json(label))
    .bind(required)
    .bind(help.map(json))
    .bind(active)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Every dictionary of the tenant: (id, name), by name.
pub async fn dictionaries(db: &Db, tenant_id: i64) -> Result<Vec<(i64, String)>, Error> {
    crate::on!(db, |c| sqlx::query_as("SELECT id, name FROM dictionaries WHERE tenant_id = $1 ORDER BY name, id")
        .bind(tenant_id)
        .fetch_all(c).await).map_err(Error::from)
}

#[derive(sqlx::FromRow)]
struct OptionRow {
    dictionary_id: i64,
    value: String,
    label: String,
    parent_value: Option<String>,
    active: bool,
}

/// Every option of the tenant's dictionaries: (dictionary id, option), active ones first, each
/// part in order.
pub async fn options(db: &Db, tenant_id: i64) -> Result<Vec<(i64, DictionaryOption)>, Error> {
    let rows: Vec<OptionRow> = crate::on!(db, |c| sqlx::query_as(
        "SELECT dictionary_id, value, label, parent_value, active FROM dictionary_options
         WHERE tenant_id = $1 ORDER BY dictionary_id, active DESC, position, id",
    )
    .bind(tenant_id)
    .fetch_all(c).await)?;
    rows.into_iter()
        .map(|r| {
            let option = DictionaryOption { label: decode_text("label", &r.label)?, value: r.value, parent_value: r.parent_value, active: r.active };
            Ok((r.dictionary_id, option))
        })
        .collect()
}

/// Whether dictionary `id` is the tenant's.
pub async fn dictionary_exists(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<bool, Error> {
    owned(conn, "dictionaries", tenant_id, id).await
}

/// Renames dictionary `id`; whether it exists in the tenant. A name taken is a unique violation.
pub async fn rename_dictionary(conn: &mut Conn, tenant_id: i64, id: i64, name: &str) -> Result<bool, Error> {
    let n = crate::on!(conn, |c| sqlx::query("UPDATE dictionaries SET name = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .bind(name)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Switches off every option of dictionary `id` (before [`put_option`] switches the listed ones
/// back on).
pub async fn retire_options(conn: &mut Conn, tenant_id: i64, id: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("UPDATE dictionary_options SET active = FALSE WHERE tenant_id = $1 AND dictionary_id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The option (value, parent value) of dictionary `id`, active, with this label and position:
/// the existing row if there is one, else a new one.
pub async fn put_option(conn: &mut Conn, tenant_id: i64, id: i64, value: &str, label: &Text, parent_value: Option<&str>, position: i64) -> Result<(), Error> {
    let n = crate::on!(conn, |c| sqlx::query(
        "UPDATE dictionary_options SET label = $4, position = $6, active = TRUE
         WHERE tenant_id = $1 AND dictionary_id = $2 AND value = $3 AND COALESCE(parent_value, '') = COALESCE($5, '')",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(value)
    .bind(json(label))
    .bind(parent_value)
    .bind(position)
    .execute(c).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        crate::on!(conn, |c| sqlx::query(
            "INSERT INTO dictionary_options (tenant_id, dictionary_id, value, label, parent_value, position)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(value)
        .bind(json(label))
        .bind(parent_value)
        .bind(position)
        .execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

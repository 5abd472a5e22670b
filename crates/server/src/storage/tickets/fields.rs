//! A ticket's custom field values, stored as JSON next to the field they fill.

use baton_core::{FieldEntry, FieldValue};
use crate::storage::{Conn, Error};

/// Stores `value` for field `field_id` of a ticket.
pub async fn insert(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    field_id: i64,
    value: &FieldValue,
) -> Result<(), Error> {
    let json = serde_json::to_string(value)
        .map_err(|e| Error::corrupt(format!("field value: {e}")))?;
    crate::on!(conn, |c| sqlx::query(
        "INSERT INTO ticket_field_values (tenant_id, ticket_id, field_id, value) VALUES ($1, $2, $3, $4)",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(field_id)
    .bind(json)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A ticket's values in the order its form shows them: the type's fields, then the sub-type's.
pub async fn list(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
) -> Result<Vec<FieldEntry>, Error> {
    let rows: Vec<(String, String)> = crate::on!(conn, |c| sqlx::query_as(
        "SELECT f.key, v.value FROM ticket_field_values v
         JOIN custom_fields f ON f.id = v.field_id AND f.tenant_id = v.tenant_id
         WHERE v.tenant_id = $1 AND v.ticket_id = $2
         ORDER BY f.subtype_id IS NOT NULL, f.position, f.id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .fetch_all(c).await)?;
    rows.into_iter()
        .map(|(key, json)| {
            let value = serde_json::from_str(&json)
                .map_err(|e| Error::corrupt(format!("field {key}: {e}")))?;
            Ok(FieldEntry { key, value })
        })
        .collect()
}

/// Sets (`Some`) or clears (`None`) the value of field `field_id` of a ticket.
pub async fn set(
    conn: &mut Conn,
    tenant_id: i64,
    ticket_id: i64,
    field_id: i64,
    value: Option<&FieldValue>,
) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query("DELETE FROM ticket_field_values WHERE tenant_id = $1 AND ticket_id = $2 AND field_id = $3")
        .bind(tenant_id)
        .bind(ticket_id)
        .bind(field_id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    match value {
        Some(value) => insert(conn, tenant_id, ticket_id, field_id, value).await,
        None => Ok(()),
    }
}

/// Removes the value a ticket holds under `key`, whichever type's field it fills (a change of
/// type drops the old type's values, and moves those the new type also has to its own fields).
pub async fn remove(conn: &mut Conn, tenant_id: i64, ticket_id: i64, key: &str) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "DELETE FROM ticket_field_values
         WHERE tenant_id = $1 AND ticket_id = $2
           AND field_id IN (SELECT id FROM custom_fields WHERE tenant_id = $1 AND key = $3)",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(key)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

//! A ticket's thread: public messages, internal notes and system entries (a status change, or one
//! property change stored as field, from and to, each value JSON text).

use super::{decode_code, encode_code, Db};
use baton_core::{change_field, FieldValue, Message, MessageKind, Status, StatusChange, SystemChange, ThreadEntry, UserRef};
use crate::storage::{Conn, Error};

const SELECT: &str = "SELECT m.id, m.ticket_id, m.kind, m.author_id, u.name AS author_name, m.body,
           m.status_from, m.status_to, m.change_field, m.change_from, m.change_to, m.created_at
    FROM messages m LEFT JOIN users u ON u.id = m.author_id AND u.tenant_id = m.tenant_id";

#[derive(Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub ticket_id: i64,
    pub kind: String,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub body: String,
    pub status_from: Option<String>,
    pub status_to: Option<String>,
    pub change_field: Option<String>,
    pub change_from: Option<String>,
    pub change_to: Option<String>,
    pub created_at: String,
}

/// A stored change value (JSON text) back as a value.
fn decode_value(column: &str, text: Option<&str>) -> Result<Option<FieldValue>, Error> {
    text.map(|t| serde_json::from_str(t).map_err(|e| Error::corrupt(format!("column {column}: {e}"))))
        .transpose()
}

fn encode_value(value: Option<&FieldValue>) -> Option<String> {
    // A FieldValue always serializes (strings, finite numbers, booleans, lists of strings).
    value.and_then(|v| serde_json::to_string(v).ok())
}

impl MessageRow {
    pub fn into_entry(self) -> Result<ThreadEntry, Error> {
        let status_change = match (&self.status_from, &self.status_to) {
            (Some(from), Some(to)) => Some(StatusChange {
                from: decode_code::<Status>("status_from", from)?,
                to: decode_code::<Status>("status_to", to)?,
            }),
            _ => None,
        };
        let change = match self.change_field {
            Some(field) => Some(SystemChange {
                field,
                from: decode_value("change_from", self.change_from.as_deref())?,
                to: decode_value("change_to", self.change_to.as_deref())?,
            }),
            None => None,
        };
        let kind = decode_code::<MessageKind>("kind", &self.kind)?;
        // System entries keep who triggered them for the audit trail, but the wire shows them
        // without an author, as the contract says.
        let author = match (kind, self.author_id, self.author_name) {
            (MessageKind::System, _, _) => None,
            (_, Some(id), Some(name)) => Some(UserRef { id, name }),
            _ => None,
        };
        let message = Message {
            id: self.id,
            ticket_id: self.ticket_id,
            kind,
            author,
            body: self.body,
            status_change,
            created_at: self.created_at,
            attachments: Vec::new(),
        };
        Ok(ThreadEntry { message, change })
    }
}

/// A thread entry to insert.
pub struct NewMessageRow<'a> {
    pub tenant_id: i64,
    pub ticket_id: i64,
    pub kind: MessageKind,
    pub author_id: Option<i64>,
    pub body: &'a str,
    pub status_change: Option<StatusChange>,
    pub change: Option<&'a SystemChange>,
    /// For a system entry: the ticket version its change produced.
    pub version: Option<i64>,
    pub now: &'a str,
}

/// Inserts a thread entry; its id.
pub async fn insert(tx: &mut Conn, m: &NewMessageRow<'_>) -> Result<i64, Error> {
    crate::on!(tx, |c| sqlx::query_scalar(
        "INSERT INTO messages (tenant_id, ticket_id, kind, author_id, body, status_from, status_to,
                               change_field, change_from, change_to, version, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(m.tenant_id)
    .bind(m.ticket_id)
    .bind(encode_code(&m.kind))
    .bind(m.author_id)
    .bind(m.body)
    .bind(m.status_change.map(|c| c.from.code()))
    .bind(m.status_change.map(|c| c.to.code()))
    .bind(m.change.map(|c| c.field.as_str()))
    .bind(m.change.and_then(|c| encode_value(c.from.as_ref())))
    .bind(m.change.and_then(|c| encode_value(c.to.as_ref())))
    .bind(m.version)
    .bind(m.now)
    .fetch_one(c).await).map_err(Error::from)
}

/// One entry of a ticket of `tenant_id`.
pub async fn get(
    conn: &mut Conn,
    tenant_id: i64,
    id: i64,
) -> Result<Option<MessageRow>, Error> {
    crate::on!(conn, |c| sqlx::query_as(&format!("{SELECT} WHERE m.tenant_id = $1 AND m.id = $2"))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(c).await).map_err(Error::from)
}

/// The whole thread of a ticket, oldest first. Staff get every entry; customers (`staff` false)
/// public messages and status changes only: never internal notes, nor the system entries of
/// property and flag changes (nor the unstructured ones written before migration 0010).
pub async fn list(
    db: &Db,
    tenant_id: i64,
    ticket_id: i64,
    staff: bool,
) -> Result<Vec<MessageRow>, Error> {
    crate::on!(db, |c| sqlx::query_as(&format!(
        "{SELECT} WHERE m.tenant_id = $1 AND m.ticket_id = $2
           AND ($3 OR m.kind = 'public' OR (m.kind = 'system' AND m.status_to IS NOT NULL))
         ORDER BY m.id"
    ))
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(staff)
    .fetch_all(c).await).map_err(Error::from)
}

/// The properties whose changes produced a version after `version` of a ticket, each once, in
/// the order they first changed (`status` for status changes).
pub async fn changed_since(conn: &mut Conn, tenant_id: i64, ticket_id: i64, version: i64) -> Result<Vec<String>, Error> {
    let rows: Vec<String> = crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT CASE WHEN status_to IS NOT NULL THEN $4 ELSE change_field END
         FROM messages
         WHERE tenant_id = $1 AND ticket_id = $2 AND kind = 'system' AND version > $3
           AND (status_to IS NOT NULL OR change_field IS NOT NULL)
         ORDER BY id",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(version)
    .bind(change_field::STATUS)
    .fetch_all(c).await)?;
    let mut out: Vec<String> = Vec::new();
    for field in rows {
        if !out.contains(&field) {
            out.push(field);
        }
    }
    Ok(out)
}

/// Whether `user_id` made the change that produced `version` of a ticket (one of its system
/// entries at that version is theirs).
pub async fn changed_by(conn: &mut Conn, tenant_id: i64, ticket_id: i64, version: i64, user_id: i64) -> Result<bool, Error> {
    let n: i64 = crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM messages
         WHERE tenant_id = $1 AND ticket_id = $2 AND kind = 'system' AND version = $3 AND author_id = $4",
    )
    .bind(tenant_id)
    .bind(ticket_id)
    .bind(version)
    .bind(user_id)
    .fetch_one(c).await)?;
    Ok(n > 0)
}

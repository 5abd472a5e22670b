//! The mail outbox (`mail_outbox`, migration 0020): mail written with what caused it, the rows the
//! sending job finds due, what became of each attempt, and the admin's list (never a body).

use crate::storage::{Conn, Db, Error, Sql};

/// A mail to queue.
pub struct NewMail<'a> {
    pub tenant_id: i64,
    pub user_id: Option<i64>,
    /// `setup`, `invitation` or `password_reset` (the table's CHECK).
    pub kind: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    pub message_id: &'a str,
    pub now: &'a str,
    /// The ticket a notification mail is about, and the Message-ID it threads under
    /// (In-Reply-To and References; migration 0026).
    pub ticket_id: Option<i64>,
    pub references: Option<&'a str>,
}

/// Queues a mail, due at once; its id.
pub async fn enqueue(conn: &mut Conn, m: &NewMail<'_>) -> Result<i64, Error> {
    crate::on!(conn, |c| sqlx::query_scalar(
        "INSERT INTO mail_outbox (tenant_id, user_id, kind, to_address, subject, body_text, body_html,
                                  message_id, status, attempts, created_at, next_attempt_at, ticket_id,
                                  references_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', 0, $9, $9, $10, $11)
         RETURNING id",
    )
    .bind(m.tenant_id)
    .bind(m.user_id)
    .bind(m.kind)
    .bind(m.to)
    .bind(m.subject)
    .bind(m.text)
    .bind(m.html)
    .bind(m.message_id)
    .bind(m.now)
    .bind(m.ticket_id)
    .bind(m.references)
    .fetch_one(c).await).map_err(Error::from)
}

/// A queued mail whose time has come, as the job sends it.
#[derive(Debug, sqlx::FromRow)]
pub struct Due {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub message_id: String,
    pub attempts: i64,
    pub references_id: Option<String>,
}

/// Up to `limit` queued mails due at `now`, the longest waiting first.
pub async fn due(db: &Db, now: &str, limit: i64) -> Result<Vec<Due>, Error> {
    crate::on!(db, |c| sqlx::query_as(
        "SELECT id, to_address, subject, body_text, body_html, message_id, attempts, references_id FROM mail_outbox
         WHERE status = 'queued' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(c).await).map_err(Error::from)
}

/// Records that mail `id` was sent at `now`: its bodies are blanked (they held single-use links).
pub async fn sent(db: &Db, id: i64, now: &str) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "UPDATE mail_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1,
                next_attempt_at = NULL, body_text = '', body_html = ''
         WHERE id = $1 AND status = 'queued'",
    )
    .bind(id)
    .bind(now)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records a failed attempt at mail `id`: tried again at `retry_at`, or `failed` for good when
/// `None` (its bodies blanked then too).
pub async fn attempt_failed(db: &Db, id: i64, error: &str, retry_at: Option<&str>) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query(
        "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
                status = CASE WHEN $3 IS NULL THEN 'failed' ELSE 'queued' END,
                body_text = CASE WHEN $3 IS NULL THEN '' ELSE body_text END,
                body_html = CASE WHEN $3 IS NULL THEN '' ELSE body_html END
         WHERE id = $1 AND status = 'queued'",
    )
    .bind(id)
    .bind(error)
    .bind(retry_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A mail as the admin's list shows it: everything but the bodies.
#[derive(Debug, sqlx::FromRow)]
pub struct Listed {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub kind: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: String,
    pub next_attempt_at: Option<String>,
    pub sent_at: Option<String>,
}

/// The desk's mail, newest first: `limit` rows with ids below `before` (all when `None`), of
/// `status` when given.
pub async fn list(
    conn: &mut Conn,
    tenant_id: i64,
    status: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Listed>, Error> {
    let mut sql = Sql::new(
        "SELECT id, to_address, subject, kind, status, attempts, last_error, created_at, next_attempt_at, sent_at
         FROM mail_outbox WHERE tenant_id = ",
    );
    sql.push_bind(tenant_id);
    if let Some(status) = status {
        sql.push(" AND status = ").push_bind(status.to_owned());
    }
    if let Some(before) = before {
        sql.push(" AND id < ").push_bind(before);
    }
    sql.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
    sql.fetch_all(conn).await
}

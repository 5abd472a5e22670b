//! Quick replies (canned responses): public ones have no owner, private ones their owner's id.

use crate::storage::{Db, Error};
use baton_core::{QuickReply, ReplyVisibility, UserRef};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    owner_id: Option<i64>,
    owner_name: Option<String>,
    title: String,
    body: String,
}

impl Row {
    fn into_reply(self) -> QuickReply {
        let owner = self.owner_id.zip(self.owner_name).map(|(id, name)| UserRef { id, name });
        let visibility = if owner.is_some() { ReplyVisibility::Private } else { ReplyVisibility::Public };
        QuickReply { id: self.id, title: self.title, body: self.body, visibility, owner }
    }
}

const SELECT: &str = "SELECT q.id, q.owner_id, u.name AS owner_name, q.title, q.body
     FROM quick_replies q LEFT JOIN users u ON u.id = q.owner_id";

/// The public replies of the tenant and those `user_id` owns, by title.
pub async fn list(db: &Db, tenant_id: i64, user_id: i64) -> Result<Vec<QuickReply>, Error> {
    let rows: Vec<Row> = crate::on!(db, |c| sqlx::query_as(&format!(
        "{SELECT} WHERE q.tenant_id = $1 AND (q.owner_id IS NULL OR q.owner_id = $2) ORDER BY q.title, q.id"
    ))
    .bind(tenant_id)
    .bind(user_id)
    .fetch_all(c).await)?;
    Ok(rows.into_iter().map(Row::into_reply).collect())
}

/// Reply `id` if it is public or owned by `user_id`.
pub async fn find(db: &Db, tenant_id: i64, user_id: i64, id: i64) -> Result<Option<QuickReply>, Error> {
    let row: Option<Row> = crate::on!(db, |c| sqlx::query_as(&format!(
        "{SELECT} WHERE q.tenant_id = $1 AND q.id = $2 AND (q.owner_id IS NULL OR q.owner_id = $3)"
    ))
    .bind(tenant_id)
    .bind(id)
    .bind(user_id)
    .fetch_optional(c).await)?;
    Ok(row.map(Row::into_reply))
}

/// What a quick reply is made of; `owner_id` `None` makes it public.
pub struct ReplyWrite<'a> {
    pub owner_id: Option<i64>,
    pub title: &'a str,
    pub body: &'a str,
}

/// Inserts a reply; its id.
pub async fn insert(db: &Db, tenant_id: i64, r: &ReplyWrite<'_>, now: &str) -> Result<i64, Error> {
    crate::on!(db, |c| sqlx::query_scalar(
        "INSERT INTO quick_replies (tenant_id, owner_id, title, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(tenant_id)
    .bind(r.owner_id)
    .bind(r.title)
    .bind(r.body)
    .bind(now)
    .fetch_one(c).await)
    .map_err(Error::from)
}

/// Replaces reply `id`'s owner, title and body.
pub async fn update(db: &Db, tenant_id: i64, id: i64, r: &ReplyWrite<'_>) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("UPDATE quick_replies SET owner_id = $1, title = $2, body = $3 WHERE tenant_id = $4 AND id = $5")
        .bind(r.owner_id)
        .bind(r.title)
        .bind(r.body)
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(db: &Db, tenant_id: i64, id: i64) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("DELETE FROM quick_replies WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

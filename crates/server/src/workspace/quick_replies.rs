//! Quick replies (canned responses): public ones (`owner_id` NULL) written by admins, private ones
//! by their owner alone. Someone else's private reply does not exist for you (404).

use super::staff;
use crate::auth::CurrentUser;
use crate::http::Error;
use crate::storage::{self, Db};
use baton_core::agent::checks;
use baton_core::{NewQuickReply, QuickReply, ReplyVisibility, Role, UserRef};

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

fn is_admin(user: &CurrentUser) -> bool {
    matches!(user.role, Role::Admin | Role::Owner)
}

/// The public replies and mine, by title.
pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<QuickReply>, Error> {
    staff(user)?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE q.tenant_id = ? AND (q.owner_id IS NULL OR q.owner_id = ?) ORDER BY q.title, q.id"
    ))
    .bind(user.tenant_id)
    .bind(user.id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Row::into_reply).collect())
}

/// Reply `id` as `user` may see it: public, or their own; anything else is 404.
async fn find(db: &Db, user: &CurrentUser, id: i64) -> Result<QuickReply, Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE q.tenant_id = ? AND q.id = ? AND (q.owner_id IS NULL OR q.owner_id = ?)"
    ))
    .bind(user.tenant_id)
    .bind(id)
    .bind(user.id)
    .fetch_optional(db)
    .await?;
    row.map(Row::into_reply).ok_or(Error::NotFound)
}

/// Validation, and public replies for admins only.
fn check(user: &CurrentUser, new: &NewQuickReply) -> Result<Option<i64>, Error> {
    checks::new_quick_reply(new).map_err(Error::Validation)?;
    match new.visibility {
        ReplyVisibility::Public if !is_admin(user) => Err(Error::Forbidden("only admins write public quick replies")),
        ReplyVisibility::Public => Ok(None),
        ReplyVisibility::Private => Ok(Some(user.id)),
    }
}

pub async fn create(db: &Db, user: &CurrentUser, new: NewQuickReply) -> Result<QuickReply, Error> {
    staff(user)?;
    let owner = check(user, &new)?;
    let now = storage::timestamp(storage::now());
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO quick_replies (tenant_id, owner_id, title, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(user.tenant_id)
    .bind(owner)
    .bind(new.title.trim())
    .bind(&new.body)
    .bind(now)
    .fetch_one(db)
    .await?;
    find(db, user, id).await
}

/// Whether `user` may change `reply`: their own, or a public one if they are an admin.
fn may_write(user: &CurrentUser, reply: &QuickReply) -> Result<(), Error> {
    match reply.visibility {
        ReplyVisibility::Public if !is_admin(user) => Err(Error::Forbidden("only admins write public quick replies")),
        _ => Ok(()),
    }
}

pub async fn update(db: &Db, user: &CurrentUser, id: i64, new: NewQuickReply) -> Result<QuickReply, Error> {
    staff(user)?;
    let current = find(db, user, id).await?;
    may_write(user, &current)?;
    let owner = check(user, &new)?;
    sqlx::query("UPDATE quick_replies SET owner_id = ?, title = ?, body = ? WHERE tenant_id = ? AND id = ?")
        .bind(owner)
        .bind(new.title.trim())
        .bind(&new.body)
        .bind(user.tenant_id)
        .bind(id)
        .execute(db)
        .await?;
    find(db, user, id).await
}

pub async fn delete(db: &Db, user: &CurrentUser, id: i64) -> Result<(), Error> {
    staff(user)?;
    let current = find(db, user, id).await?;
    may_write(user, &current)?;
    sqlx::query("DELETE FROM quick_replies WHERE tenant_id = ? AND id = ?")
        .bind(user.tenant_id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

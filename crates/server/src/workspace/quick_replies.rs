//! Quick replies (canned responses): public ones (`owner_id` NULL) written by holders of
//! `views.manage_public` (shared workspace content, like public views), private ones by their
//! owner alone. Someone else's private reply does not exist for you (404).

use super::staff;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::quick_replies::{self as store, ReplyWrite};
use crate::storage::{self, Db};
use baton_core::agent::checks;
use baton_core::{NewQuickReply, Permission, QuickReply, ReplyVisibility};

/// Public replies are shared workspace content every agent sees, as public views are: the same
/// permission writes both (not `settings.manage`, which configures how tickets flow).
const PUBLIC: Permission = Permission::ViewsManagePublic;

/// The public replies and mine, by title.
pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<QuickReply>, Error> {
    staff(user)?;
    Ok(store::list(db, user.tenant_id, user.id).await?)
}

/// Reply `id` as `user` may see it: public, or their own; anything else is 404.
async fn find(db: &Db, user: &CurrentUser, id: i64) -> Result<QuickReply, Error> {
    store::find(db, user.tenant_id, user.id, id).await?.ok_or(Error::NotFound)
}

/// Validation, and public replies for holders of [`PUBLIC`] only.
fn check(user: &CurrentUser, new: &NewQuickReply) -> Result<Option<i64>, Error> {
    checks::new_quick_reply(new).map_err(Error::Validation)?;
    match new.visibility {
        ReplyVisibility::Public => user.require(PUBLIC).map(|()| None),
        ReplyVisibility::Private => Ok(Some(user.id)),
    }
}

pub async fn create(db: &Db, user: &CurrentUser, new: NewQuickReply) -> Result<QuickReply, Error> {
    staff(user)?;
    let owner = check(user, &new)?;
    let now = storage::timestamp(storage::now());
    let write = ReplyWrite { owner_id: owner, title: new.title.trim(), body: &new.body };
    let id = store::insert(db, user.tenant_id, &write, &now).await?;
    find(db, user, id).await
}

/// Whether `user` may change `reply`: their own, or a public one with [`PUBLIC`].
fn may_write(user: &CurrentUser, reply: &QuickReply) -> Result<(), Error> {
    match reply.visibility {
        ReplyVisibility::Public => user.require(PUBLIC),
        ReplyVisibility::Private => Ok(()),
    }
}

pub async fn update(db: &Db, user: &CurrentUser, id: i64, new: NewQuickReply) -> Result<QuickReply, Error> {
    staff(user)?;
    let current = find(db, user, id).await?;
    may_write(user, &current)?;
    let owner = check(user, &new)?;
    let write = ReplyWrite { owner_id: owner, title: new.title.trim(), body: &new.body };
    store::update(db, user.tenant_id, id, &write).await?;
    find(db, user, id).await
}

pub async fn delete(db: &Db, user: &CurrentUser, id: i64) -> Result<(), Error> {
    staff(user)?;
    let current = find(db, user, id).await?;
    may_write(user, &current)?;
    store::delete(db, user.tenant_id, id).await?;
    Ok(())
}

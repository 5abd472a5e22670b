//! Creating, changing and deleting custom views, and ordering and hiding views — for oneself, or
//! (with `views.manage_public`, public views) for everyone.

use super::{custom, manages_public, require_staff, resolve, Resolved};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::views::{self as view_store, ViewWrite};
use crate::storage::{self};
use baton_core::problem::field_code;
use baton_core::views::conditions::ConditionField;
use baton_core::{validate_new_view, FieldError, NewView, SortDir, View, ViewHidden, ViewOrder, ViewScope};
use baton_core::{Permission, Visibility};

/// Validates `new` for `user`: the shared rules, then custom field keys against the tenant, then
/// who may make a public view.
async fn check(app: &Services, user: &CurrentUser, new: &NewView) -> Result<(), Error> {
    let mut errors = validate_new_view(new).err().unwrap_or_default();
    for (i, c) in new.conditions.iter().enumerate() {
        if let Some(ConditionField::Custom(key)) = ConditionField::parse(&c.field) {
            if !view_store::field_key_exists(&app.db, user.tenant_id, &key).await? {
                errors.push(FieldError {
                    field: format!("conditions[{i}].field"),
                    code: field_code::UNKNOWN_FIELD.to_owned(),
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    if new.visibility == Visibility::Public && !manages_public(user) {
        return Err(Error::MissingPermission(Permission::ViewsManagePublic));
    }
    Ok(())
}

fn encode(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))
}

async fn write(app: &Services, user: &CurrentUser, new: &NewView, id: Option<i64>) -> Result<i64, Error> {
    let conditions = encode(&new.conditions)?;
    let columns = encode(&new.columns)?;
    let w = ViewWrite {
        owner_id: (new.visibility == Visibility::Private).then_some(user.id),
        name: new.name.trim(),
        conditions: &conditions,
        sort_field: new.sort.field.code(),
        sort_dir: if new.sort.dir == SortDir::Asc { "asc" } else { "desc" },
        columns: &columns,
    };
    let now = storage::timestamp(app.clock.now());
    match id {
        Some(id) => {
            view_store::update(&app.db, user.tenant_id, id, &w, &now).await?;
            Ok(id)
        }
        None => Ok(view_store::insert(&app.db, user.tenant_id, &w, &now).await?),
    }
}

pub async fn create(app: &Services, user: &CurrentUser, new: NewView) -> Result<View, Error> {
    require_staff(user)?;
    check(app, user, &new).await?;
    let id = write(app, user, &new, None).await?;
    reread(app, user, id).await
}

async fn reread(app: &Services, user: &CurrentUser, id: i64) -> Result<View, Error> {
    let stored = view_store::get(&app.db, user.tenant_id, user.id, id).await?.ok_or(Error::NotFound)?;
    Ok(custom(user, stored)?.view)
}

/// The custom view `id` if `user` may change it: 404 if they cannot see it, 403 if it is a
/// built-in, or a public view and they lack `views.manage_public`.
async fn editable(app: &Services, user: &CurrentUser, id: &str) -> Result<(i64, Resolved), Error> {
    let r = resolve(app, user, id).await?;
    if r.view.builtin.is_some() {
        return Err(Error::Forbidden("built-in views cannot be changed"));
    }
    if !r.view.editable {
        return Err(Error::MissingPermission(Permission::ViewsManagePublic));
    }
    let n = r.view.id.parse().map_err(|_| Error::NotFound)?;
    Ok((n, r))
}

pub async fn update(app: &Services, user: &CurrentUser, id: &str, new: NewView) -> Result<View, Error> {
    let (n, _) = editable(app, user, id).await?;
    check(app, user, &new).await?;
    write(app, user, &new, Some(n)).await?;
    reread(app, user, n).await
}

pub async fn delete(app: &Services, user: &CurrentUser, id: &str) -> Result<(), Error> {
    let (n, _) = editable(app, user, id).await?;
    view_store::delete(&app.db, user.tenant_id, n).await?;
    Ok(())
}

/// Everyone-scope changes need `views.manage_public`, and only public views have one.
async fn public_id(app: &Services, user: &CurrentUser, id: &str) -> Result<i64, Error> {
    user.require(Permission::ViewsManagePublic)?;
    let r = resolve(app, user, id).await?;
    if r.view.visibility != Visibility::Public {
        return Err(Error::field("scope", field_code::INVALID_VALUE));
    }
    r.view.id.parse().map_err(|_| Error::NotFound)
}

pub async fn set_order(app: &Services, user: &CurrentUser, order: ViewOrder) -> Result<(), Error> {
    require_staff(user)?;
    let mut ids = Vec::new();
    for id in &order.ids {
        let resolved = match order.scope {
            ViewScope::Me => resolve(app, user, id).await.map(|r| r.view.id)?,
            ViewScope::Everyone => public_id(app, user, id).await?.to_string(),
        };
        ids.push(resolved);
    }
    let mut tx = app.db.begin_write().await?;
    for (position, id) in (1_i64..).zip(&ids) {
        match order.scope {
            ViewScope::Me => view_store::set_pref(&mut tx, user.id, id, Some(position), None).await?,
            ViewScope::Everyone => {
                let n = id.parse().map_err(|_| Error::NotFound)?;
                view_store::set_public(&mut tx, user.tenant_id, n, Some(position), None).await?
            }
        }
    }
    tx.commit().await?;
    Ok(())
}

pub async fn set_hidden(app: &Services, user: &CurrentUser, id: &str, h: ViewHidden) -> Result<(), Error> {
    let mut conn = app.db.acquire().await?;
    match h.scope {
        ViewScope::Me => {
            let key = resolve(app, user, id).await?.view.id;
            view_store::set_pref(&mut conn, user.id, &key, None, Some(h.hidden)).await?;
        }
        ViewScope::Everyone => {
            let n = public_id(app, user, id).await?;
            view_store::set_public(&mut conn, user.tenant_id, n, None, Some(h.hidden)).await?;
        }
    }
    Ok(())
}

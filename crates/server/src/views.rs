//! The views service: which views an agent has (built-ins, public, their private ones) in their
//! order, custom view editing with its permissions, and the pages and counts views select.
//!
//! Views are staff-only: customers get 403, as views are not ticket-scoped resources.

mod edit;
mod counts;
mod tickets;

pub use edit::{create, delete, set_hidden, set_order, update};
pub use counts::{counts, CountsCache};
pub use tickets::{page, PageQuery};

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::views::{self as view_store, StoredView};
use crate::storage::views::ViewFilter;
use baton_core::{BuiltinView, Column, Condition, SortDir, SortField, View, ViewSort, Visibility};
use baton_core::{Permission, UserRef, DEFAULT_COLUMNS};

/// Views are the agent workspace's; a customer asking gets 403.
pub(crate) fn require_staff(user: &CurrentUser) -> Result<(), Error> {
    if user.role.is_staff() {
        Ok(())
    } else {
        Err(Error::Forbidden("views are for agents"))
    }
}

/// Public views, and the order and hiding of views for everyone, are `views.manage_public`'s.
pub(crate) fn manages_public(user: &CurrentUser) -> bool {
    user.can(Permission::ViewsManagePublic)
}

/// A view together with what it selects.
pub(crate) struct Resolved {
    pub view: View,
    pub filter: ViewFilter,
}

fn builtin(b: BuiltinView) -> Resolved {
    let view = View {
        id: b.key().to_owned(),
        builtin: Some(b),
        name: b.name().to_owned(),
        visibility: Visibility::Builtin,
        owner: None,
        conditions: Vec::new(),
        sort: ViewSort::default(),
        columns: DEFAULT_COLUMNS.to_vec(),
        hidden: false,
        editable: false,
    };
    Resolved { view, filter: ViewFilter::Builtin(b) }
}

fn custom(user: &CurrentUser, s: StoredView) -> Result<Resolved, Error> {
    let conditions: Vec<Condition> = serde_json::from_str(&s.conditions)
        .map_err(|e| Error::Internal(format!("view {} conditions: {e}", s.id)))?;
    let columns: Vec<Column> = serde_json::from_str(&s.columns)
        .map_err(|e| Error::Internal(format!("view {} columns: {e}", s.id)))?;
    let public = s.owner_id.is_none();
    let view = View {
        id: s.id.to_string(),
        builtin: None,
        name: s.name,
        visibility: if public { Visibility::Public } else { Visibility::Private },
        owner: s.owner_id.zip(s.owner_name).map(|(id, name)| UserRef { id, name }),
        conditions: conditions.clone(),
        sort: ViewSort {
            field: SortField::from_code(&s.sort_field).unwrap_or_default(),
            dir: if s.sort_dir == "asc" { SortDir::Asc } else { SortDir::Desc },
        },
        columns: if columns.is_empty() { DEFAULT_COLUMNS.to_vec() } else { columns },
        hidden: s.hidden,
        editable: if public { manages_public(user) } else { true },
    };
    Ok(Resolved { view, filter: ViewFilter::Custom(conditions) })
}

/// Every view `user` has, in their order (their own positions first, then the defaults:
/// built-ins, public by the admins' order, private by creation).
pub(crate) async fn all(app: &Services, user: &CurrentUser) -> Result<Vec<Resolved>, Error> {
    require_staff(user)?;
    let mut views: Vec<(i64, Resolved)> = Vec::new();
    for (i, b) in BuiltinView::ALL.into_iter().enumerate() {
        views.push((i as i64, builtin(b)));
    }
    for s in view_store::visible(&app.db, user.tenant_id, user.id).await? {
        let base = if s.owner_id.is_none() { 1_000 } else { 1_000_000 };
        let position = base + s.position;
        views.push((position, custom(user, s)?));
    }
    let prefs = view_store::prefs(&app.db, user.id).await?;
    for (position, r) in &mut views {
        if let Some((_, p, h)) = prefs.iter().find(|(k, _, _)| *k == r.view.id) {
            if let Some(p) = p {
                // Personal positions sort before any default.
                *position = p - 1_000_000_000;
            }
            if let Some(h) = h {
                r.view.hidden = *h;
            }
        }
    }
    views.sort_by_key(|(p, _)| *p);
    Ok(views.into_iter().map(|(_, r)| r).collect())
}

/// One view by id (a built-in key or a custom view number); 404 if `user` may not see it.
pub(crate) async fn resolve(app: &Services, user: &CurrentUser, id: &str) -> Result<Resolved, Error> {
    require_staff(user)?;
    let mut resolved = match BuiltinView::from_key(id) {
        Some(b) => builtin(b),
        None => {
            let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
            let stored = view_store::get(&app.db, user.tenant_id, user.id, id).await?.ok_or(Error::NotFound)?;
            custom(user, stored)?
        }
    };
    // The user's own hiding, as the list shows it.
    let prefs = view_store::prefs(&app.db, user.id).await?;
    if let Some((_, _, Some(hidden))) = prefs.iter().find(|(k, _, _)| *k == resolved.view.id) {
        resolved.view.hidden = *hidden;
    }
    Ok(resolved)
}

pub async fn list(app: &Services, user: &CurrentUser) -> Result<Vec<View>, Error> {
    Ok(all(app, user).await?.into_iter().map(|r| r.view).collect())
}

pub async fn get(app: &Services, user: &CurrentUser, id: &str) -> Result<View, Error> {
    Ok(resolve(app, user, id).await?.view)
}

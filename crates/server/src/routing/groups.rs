//! Agent groups as admins set them (`/admin/groups`, permission `settings.manage`): name,
//! assignment mode, members (active staff of the desk) and managers (members who manage).

use super::rules::check_name;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::groups::{self as memberships, admin as store};
use crate::storage::{self, decode_code, Conn, Db};
use baton_core::problem::{code, field_code::INVALID_VALUE};
use baton_core::{AdminGroup, AssignMode, FieldError, GroupPatch, NewGroup, Permission, UserRef};
use std::collections::BTreeSet;

/// The longest group name, in characters.
pub const NAME_MAX: usize = 100;

/// The desk's groups by name, or group `id` alone, with members and managers.
async fn read(conn: &mut Conn, tenant_id: i64, id: Option<i64>) -> Result<Vec<AdminGroup>, Error> {
    let groups = store::list(conn, tenant_id, id).await?;
    let members = store::members(conn, tenant_id).await?;
    groups
        .into_iter()
        .map(|(id, name, mode)| {
            let mode: AssignMode = decode_code("assign_mode", &mode)?;
            let of_group = members.iter().filter(|m| m.0 == id);
            let refs = |manager_only: bool| {
                of_group.clone().filter(|m| !manager_only || m.3).map(|m| UserRef { id: m.1, name: m.2.clone() }).collect()
            };
            Ok(AdminGroup { id, name, mode, members: refs(false), managers: refs(true) })
        })
        .collect::<Result<_, storage::Error>>()
        .map_err(Error::from)
}

pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<AdminGroup>, Error> {
    user.require(Permission::SettingsManage)?;
    let mut conn = db.acquire().await?;
    read(&mut conn, user.tenant_id, None).await
}

/// Every mistake of the people given: `new_members` must be active staff of the desk, managers
/// among the group's `members`.
async fn check_people(
    conn: &mut Conn,
    tenant_id: i64,
    new_members: &[i64],
    managers: &[i64],
    members: &[i64],
    errors: &mut Vec<FieldError>,
) -> Result<(), Error> {
    for id in new_members {
        if !store::active_staff(conn, tenant_id, *id).await? {
            errors.push(FieldError::new("members", INVALID_VALUE));
            break;
        }
    }
    if managers.iter().any(|m| !members.contains(m)) {
        errors.push(FieldError::new("managers", INVALID_VALUE));
    }
    Ok(())
}

fn taken(e: storage::Error) -> Error {
    if e.is_unique_violation() { Error::AlreadyExists("name") } else { e.into() }
}

/// Makes group `id`'s members and managers exactly these; members who stay keep their turn.
async fn set_people(conn: &mut Conn, tenant_id: i64, id: i64, members: &[i64], managers: &[i64]) -> Result<(), Error> {
    let wanted: BTreeSet<i64> = members.iter().copied().collect();
    for (group, user, _, _) in store::members(conn, tenant_id).await? {
        if group == id && !wanted.contains(&user) {
            store::remove_member(conn, tenant_id, id, user).await?;
        }
    }
    for user in &wanted {
        memberships::add_member(conn, tenant_id, id, *user).await?;
        memberships::set_manager(conn, tenant_id, id, *user, managers.contains(user)).await?;
    }
    Ok(())
}

pub async fn create(app: &Services, user: &CurrentUser, new: &NewGroup) -> Result<AdminGroup, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut errors = Vec::new();
    check_name(&new.name, NAME_MAX, &mut errors);
    let mut tx = db.begin_write().await?;
    check_people(&mut tx, user.tenant_id, &new.members, &new.managers, &new.members, &mut errors).await?;
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let now = storage::timestamp(app.clock.now());
    let id = memberships::create(&mut tx, user.tenant_id, new.name.trim(), new.mode.code(), &now).await.map_err(taken)?;
    set_people(&mut tx, user.tenant_id, id, &new.members, &new.managers).await?;
    let group = read(&mut tx, user.tenant_id, Some(id)).await?.pop().ok_or(Error::NotFound)?;
    audit::record(&mut tx, app, user, Entry::new("agent_group.created", id, &group.name).diff(None, Some(&group))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, group_id = id, by = user.id, "agent group created");
    Ok(group)
}

pub async fn update(app: &Services, user: &CurrentUser, id: i64, patch: &GroupPatch) -> Result<AdminGroup, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let current = read(&mut tx, user.tenant_id, Some(id)).await?.pop().ok_or(Error::NotFound)?;
    let mut errors = Vec::new();
    if let Some(name) = &patch.name {
        check_name(name, NAME_MAX, &mut errors);
    }
    let ids = |refs: &[UserRef]| refs.iter().map(|r| r.id).collect::<Vec<_>>();
    let members = patch.members.clone().unwrap_or_else(|| ids(&current.members));
    let managers = patch.managers.clone().unwrap_or_else(|| {
        // Managers who leave with a new member list stop managing.
        ids(&current.managers).into_iter().filter(|m| members.contains(m)).collect()
    });
    // Members who stay were checked when they joined; only a new list is checked again.
    let given = if patch.members.is_some() { members.as_slice() } else { &[] };
    check_people(&mut tx, user.tenant_id, given, &managers, &members, &mut errors).await?;
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let name = patch.name.as_deref().map(str::trim).unwrap_or(&current.name);
    let mode = patch.mode.unwrap_or(current.mode);
    store::update(&mut tx, user.tenant_id, id, name, mode.code()).await.map_err(taken)?;
    set_people(&mut tx, user.tenant_id, id, &members, &managers).await?;
    let group = read(&mut tx, user.tenant_id, Some(id)).await?.pop().ok_or(Error::NotFound)?;
    audit::record(&mut tx, app, user, Entry::new("agent_group.updated", id, &group.name).diff(Some(&current), Some(&group))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, group_id = id, by = user.id, "agent group changed");
    Ok(group)
}

/// Deletes group `id`; one a rule or a sub-type routes to is refused (409 `group_in_use`). Its
/// tickets keep their assignee and lose the group.
pub async fn delete(app: &Services, user: &CurrentUser, id: i64) -> Result<(), Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    if store::in_use(&mut tx, user.tenant_id, id).await? {
        return Err(Error::Conflict { code: code::GROUP_IN_USE, detail: "a routing rule, a sub-type or a workflow step sends tickets to this group" });
    }
    let before = read(&mut tx, user.tenant_id, Some(id)).await?.pop().ok_or(Error::NotFound)?;
    if !store::delete(&mut tx, user.tenant_id, id).await? {
        return Err(Error::NotFound);
    }
    audit::record(&mut tx, app, user, Entry::new("agent_group.deleted", id, &before.name)).await?;
    tx.commit().await?;
    Ok(())
}

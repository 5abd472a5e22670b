//! The roles admin API (`agents.manage`): the built-in roles and the tenant's custom ones, and
//! which role each staff user holds.
//!
//! Rules beyond the permission itself:
//! - Nobody grants what they do not hold: a role written, given or taken away must be covered by
//!   the caller's own permissions, so `agents.manage` in a custom role cannot make its holder (or
//!   anyone) more than they are. Admins and the owner hold everything, so this never stops them.
//! - The owner keeps their role; nobody is made owner (that happens once, when the desk opens).
//! - A desk keeps an admin: the last admin (when there is no owner) cannot be made an agent.
//! - A custom role someone holds cannot be deleted (409 `role_in_use`).

use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::roles::{self as store, RoleRow};
use crate::storage::{self, Conn};
use crate::workspace::directory;
use baton_core::problem::{code, field_code};
use baton_core::roles::{agent_role, role_name};
use baton_core::{AgentInfo, AgentRole, NewRole, Permission, Permissions, Role, RoleInfo, RolePatch};

/// The built-in roles as listed, with their English names (clients translate by `builtin`).
const BUILT_IN: [(Role, &str); 3] = [(Role::Owner, "Owner"), (Role::Admin, "Admin"), (Role::Agent, "Agent")];

fn info(row: RoleRow) -> RoleInfo {
    RoleInfo {
        id: Some(row.id),
        builtin: None,
        name: row.name,
        permissions: store::decode(&row.permissions),
        members: row.members,
    }
}

/// Refuses to grant (or take away) permissions `user` does not hold themselves.
fn may_grant(user: &CurrentUser, set: Permissions) -> Result<(), Error> {
    if user.permissions.covers(set) {
        Ok(())
    } else {
        Err(Error::Forbidden("a role may not grant permissions you do not hold"))
    }
}

/// Refuses to give `change` (a built-in role and maybe a custom one of the desk) unless `user`
/// holds everything it grants; a `role_id` the desk does not have is a 422 on `role_id`.
pub(crate) async fn may_give(conn: &mut Conn, user: &CurrentUser, change: &AgentRole) -> Result<(), Error> {
    let granted = match change.role_id {
        Some(role_id) => match store::get(conn, user.tenant_id, role_id).await? {
            Some(row) => Some(store::decode(&row.permissions)),
            None => return Err(Error::field("role_id", field_code::INVALID_VALUE)),
        },
        None => None,
    };
    may_grant(user, Permissions::effective(change.role, granted))
}

/// The role of staff user `id` of the caller's desk (404 for customers, unknown ids and other
/// desks'), refusing unless `user` holds everything `id` may do now: nobody changes the role or
/// the account of someone who is more than they are (admins and the owner hold everything).
pub(crate) async fn may_manage(conn: &mut Conn, user: &CurrentUser, id: i64) -> Result<Role, Error> {
    let target = store::staff_role(conn, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    let role: Role = storage::decode_code("role", &target.role)?;
    let custom = target.permissions.as_deref().map(store::decode);
    may_grant(user, Permissions::effective(role, custom))?;
    Ok(role)
}

/// Every role of the caller's desk: the built-ins (owner, admin, agent), then the custom roles
/// by name, each with its permissions and how many staff hold it.
pub async fn list(app: &Services, user: &CurrentUser) -> Result<Vec<RoleInfo>, Error> {
    user.require(Permission::AgentsManage)?;
    let mut conn = app.db.acquire().await?;
    let counts = store::builtin_members(&mut conn, user.tenant_id).await?;
    let mut roles: Vec<RoleInfo> = BUILT_IN
        .into_iter()
        .map(|(role, name)| RoleInfo {
            id: None,
            builtin: Some(role),
            name: name.to_owned(),
            permissions: Permissions::of_role(role),
            members: counts.iter().find(|(code, _)| code == role.code()).map_or(0, |(_, n)| *n),
        })
        .collect();
    roles.extend(store::list(&mut conn, user.tenant_id).await?.into_iter().map(info));
    Ok(roles)
}

/// Custom role `id` of the caller's desk (404 for another desk's or an unknown id).
async fn find(conn: &mut Conn, user: &CurrentUser, id: i64) -> Result<RoleInfo, Error> {
    store::get(conn, user.tenant_id, id).await?.map(info).ok_or(Error::NotFound)
}

pub async fn create(app: &Services, user: &CurrentUser, new: NewRole) -> Result<RoleInfo, Error> {
    user.require(Permission::AgentsManage)?;
    role_name(&new.name).map_err(Error::Validation)?;
    may_grant(user, new.permissions)?;
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let id = store::insert(&mut tx, user.tenant_id, new.name.trim(), new.permissions, &now)
        .await?
        .ok_or(Error::AlreadyExists("a role with this name exists"))?;
    let role = find(&mut tx, user, id).await?;
    audit::record(&mut tx, app, user, Entry::new("role.created", id, &role.name).field("permissions", None::<()>, Some(role.permissions))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, role_id = id, by = user.id, "role created");
    Ok(role)
}

/// Renames custom role `id` and/or replaces its permissions; its holders have the new set from
/// their next request on.
pub async fn update(app: &Services, user: &CurrentUser, id: i64, patch: RolePatch) -> Result<RoleInfo, Error> {
    user.require(Permission::AgentsManage)?;
    if let Some(name) = &patch.name {
        role_name(name).map_err(Error::Validation)?;
    }
    let mut tx = app.db.begin_write().await?;
    let current = find(&mut tx, user, id).await?;
    may_grant(user, current.permissions)?;
    if let Some(set) = patch.permissions {
        may_grant(user, set)?;
    }
    let now = storage::timestamp(app.clock.now());
    let name = patch.name.as_deref().map(str::trim);
    match store::update(&mut tx, user.tenant_id, id, name, patch.permissions, &now).await {
        Err(e) if e.is_unique_violation() => return Err(Error::AlreadyExists("a role with this name exists")),
        other => other?,
    };
    let role = find(&mut tx, user, id).await?;
    audit::record(&mut tx, app, user, Entry::new("role.updated", id, &role.name).diff(Some(&current), Some(&role))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, role_id = id, by = user.id, "role changed");
    Ok(role)
}

const IN_USE: Error = Error::Conflict { code: code::ROLE_IN_USE, detail: "staff hold this role; give them another first" };

/// Deletes custom role `id`; refused while anyone holds it.
pub async fn delete(app: &Services, user: &CurrentUser, id: i64) -> Result<(), Error> {
    user.require(Permission::AgentsManage)?;
    let mut tx = app.db.begin_write().await?;
    let current = find(&mut tx, user, id).await?;
    may_grant(user, current.permissions)?;
    if current.members > 0 {
        return Err(IN_USE);
    }
    match store::delete_unused(&mut tx, user.tenant_id, id).await {
        Ok(true) => {}
        // Someone was given the role since the count (the foreign key refuses, or the guard).
        Ok(false) => return Err(IN_USE),
        Err(e) if e.is_foreign_key_violation() => return Err(IN_USE),
        Err(e) => return Err(e.into()),
    }
    audit::record(&mut tx, app, user, Entry::new("role.deleted", id, &current.name)).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, role_id = id, by = user.id, "role deleted");
    Ok(())
}

/// Makes staff user `id` an admin, or an agent with custom role `role_id` (or the built-in agent
/// set); the agent as `GET /agents` lists them.
pub async fn set_agent_role(app: &Services, user: &CurrentUser, id: i64, change: AgentRole) -> Result<AgentInfo, Error> {
    user.require(Permission::AgentsManage)?;
    agent_role(&change).map_err(Error::Validation)?;
    let mut tx = app.db.begin_write().await?;
    store::lock_staff(&mut tx, user.tenant_id).await?;
    // Whatever the target can do now is taken away, whatever the new role can do is given.
    let role = may_manage(&mut tx, user, id).await?;
    if role == Role::Owner {
        return Err(Error::Forbidden("the owner's role cannot be changed"));
    }
    may_give(&mut tx, user, &change).await?;
    if role == Role::Admin && change.role != Role::Admin && store::other_admins(&mut tx, user.tenant_id, id).await? == 0 {
        return Err(Error::Conflict { code: code::LAST_ADMIN, detail: "the desk needs an admin or owner" });
    }
    let was = store::staff_role(&mut tx, user.tenant_id, id).await?.ok_or(Error::NotFound)?;
    store::set_staff_role(&mut tx, user.tenant_id, id, change.role, change.role_id).await?;
    let name = storage::agents::list(&mut tx, user.tenant_id, Some(id), crate::accounts::NO_PASSWORD).await?.pop().map(|a| a.name).unwrap_or_default();
    let entry = Entry::new("agent.role_changed", id, &name).field("role", Some(&was.role), Some(change.role.code()));
    audit::record(&mut tx, app, user, entry.field("role_id", was.role_id, change.role_id)).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, user_id = id, by = user.id, role = change.role.code(), role_id = ?change.role_id, "staff role set");
    directory::agents(&app.db, user)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(Error::NotFound)
}

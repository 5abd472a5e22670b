//! `PATCH /admin/agents/{id}`: rename, set agent groups, deactivate or reactivate.
//!
//! Deactivating ends the person's sessions (their event streams close at the next owner
//! recheck), refuses their sign-in (the same 401 as a wrong password) and their reset links, and
//! hands their new, open and pending tickets back to their group: each is unassigned like any
//! reassignment, with its thread entry and event, by whoever deactivated them. The owner and
//! oneself cannot be deactivated.

use super::{check_groups, check_name, one};
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::roles;
use crate::services::Services;
use crate::storage::{self, agents as store, password_tokens, sessions};
use baton_core::{AdminAgent, AgentPatch, Permission, Role};

/// Applies `patch` to staff user `id` of the caller's desk; them as the list shows them now.
pub async fn change(app: &Services, user: &CurrentUser, id: i64, patch: AgentPatch) -> Result<AdminAgent, Error> {
    user.require(Permission::AgentsManage)?;
    let mut errors = Vec::new();
    if let Some(name) = &patch.name {
        check_name(name, &mut errors);
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let role = roles::may_manage(&mut tx, user, id).await?;
    if patch.active == Some(false) {
        if role == Role::Owner {
            return Err(Error::Forbidden("the owner cannot be deactivated"));
        }
        if id == user.id {
            return Err(Error::Forbidden("you cannot deactivate yourself"));
        }
    }
    let was = store::list(&mut tx, user.tenant_id, Some(id), super::NO_PASSWORD).await?.pop().ok_or(Error::NotFound)?;
    let mut entry = Entry::new("agent.updated", id, &was.name);
    if let Some(name) = patch.name.as_deref().map(str::trim).filter(|n| *n != was.name) {
        store::set_name(&mut tx, user.tenant_id, id, name).await?;
        entry = entry.field("name", Some(&was.name), Some(name));
    }
    if let Some(groups) = &patch.group_ids {
        let groups = check_groups(&mut tx, user.tenant_id, groups).await?;
        store::set_groups(&mut tx, user.tenant_id, id, &groups).await?;
        entry = entry.field("group_ids", None::<()>, Some(&groups));
    }
    let deactivating = patch.active == Some(false) && was.deactivated_at.is_none();
    match patch.active {
        Some(false) if deactivating => {
            store::set_deactivated(&mut tx, user.tenant_id, id, Some(&now)).await?;
            // Every link they hold dies with the account: invitations and resets alike.
            password_tokens::void_unused(&mut tx, user.tenant_id, id, None, &now).await?;
            entry.action = "agent.deactivated";
        }
        Some(true) if was.deactivated_at.is_some() => {
            store::set_deactivated(&mut tx, user.tenant_id, id, None).await?;
            entry.action = "agent.reactivated";
        }
        _ => {}
    }
    // A patch that changed nothing leaves no entry.
    if entry.action != "agent.updated" || !entry.changes.is_empty() {
        audit::record(&mut tx, app, user, entry).await?;
    }
    tx.commit().await?;
    if deactivating {
        // Sessions are refused from the commit on (`storage::sessions::find` skips deactivated
        // users); deleting them also tidies the table.
        let ended = sessions::delete_all_of(&app.db, user.tenant_id, id).await?;
        let handed_back = hand_back(app, user, id).await?;
        tracing::info!(tenant_id = user.tenant_id, user_id = id, by = user.id, ended, handed_back, "staff user deactivated");
    }
    one(app, user.tenant_id, id).await
}

/// Unassigns the new, open and pending tickets of user `id`, each like a reassignment by `by`;
/// how many. A ticket that fails is logged and left: the deactivation itself stands.
async fn hand_back(app: &Services, by: &CurrentUser, id: i64) -> Result<usize, Error> {
    let mut conn = app.db.acquire().await?;
    let tickets = store::assigned_open(&mut conn, by.tenant_id, id).await?;
    drop(conn);
    let mut done = 0;
    for ticket in tickets {
        match crate::tickets::unassign(app, by, ticket).await {
            Ok(_) => done += 1,
            Err(e) => tracing::error!(error = %e, ticket, "cannot hand a deactivated agent's ticket back"),
        }
    }
    Ok(done)
}

//! Staff accounts as the admin console manages them (`/admin/agents`, `agents.manage`): the list
//! with where each stands, invitations by mail (7 days, single-use; a resend voids the earlier
//! links), renaming, agent groups, and deactivation ([`change`]).
//!
//! The role rules are `roles`': nobody invites someone with more than they hold, nor changes an
//! account of someone who is more than they are.

mod change;

pub use change::change;

use crate::accounts::{issue_link, password_link, NO_PASSWORD, SETUP_TTL};
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::mail::{self, Kind, Lang};
use crate::roles;
use crate::services::Services;
use crate::storage::{self, agents as store, directory, users, Conn};
use baton_core::problem::{code, field_code};
use baton_core::validate::is_email;
use baton_core::{AdminAgent, AgentInfo, AgentRole, AgentState, FieldError, GroupRef, NewAgent, Permission, Role};
use std::collections::BTreeMap;

/// How long an invitation link works.
pub const INVITE_TTL: time::Duration = SETUP_TTL;

/// The longest name, in characters.
pub const NAME_MAX: usize = 100;

/// Every staff user of the caller's desk, by name.
pub async fn list(app: &Services, user: &CurrentUser) -> Result<Vec<AdminAgent>, Error> {
    user.require(Permission::AgentsManage)?;
    listed(app, user.tenant_id, None).await
}

/// Staff user `id` as the list shows them (404 when the desk has none of that id).
async fn one(app: &Services, tenant_id: i64, id: i64) -> Result<AdminAgent, Error> {
    listed(app, tenant_id, Some(id)).await?.pop().ok_or(Error::NotFound)
}

async fn listed(app: &Services, tenant_id: i64, id: Option<i64>) -> Result<Vec<AdminAgent>, Error> {
    let mut conn = app.db.acquire().await?;
    let rows = store::list(&mut conn, tenant_id, id, NO_PASSWORD).await?;
    drop(conn);
    let names: BTreeMap<i64, String> = directory::agent_groups(&app.db, tenant_id).await?.into_iter().map(|(id, name, _)| (id, name)).collect();
    let mut groups: BTreeMap<i64, Vec<GroupRef>> = BTreeMap::new();
    for (group_id, user_id, _) in directory::memberships(&app.db, tenant_id).await? {
        if let Some(name) = names.get(&group_id) {
            groups.entry(user_id).or_default().push(GroupRef { id: group_id, name: name.clone() });
        }
    }
    rows.into_iter()
        .map(|r| {
            let mut groups = groups.remove(&r.id).unwrap_or_default();
            groups.sort_by(|a, b| a.name.cmp(&b.name));
            let state = match (&r.deactivated_at, r.invited) {
                (Some(_), _) => AgentState::Deactivated,
                (None, 1) => AgentState::Invited,
                (None, _) => AgentState::Active,
            };
            Ok(AdminAgent {
                agent: AgentInfo { id: r.id, name: r.name, email: r.email, role: storage::decode_code("role", &r.role)?, role_id: r.role_id, groups, available: r.available },
                state,
                invited_at: r.invited_at,
                last_seen_at: r.last_seen_at,
            })
        })
        .collect::<Result<_, storage::Error>>()
        .map_err(Error::from)
}

/// A name as given: trimmed, 1 to [`NAME_MAX`] characters.
fn check_name(name: &str, errors: &mut Vec<FieldError>) {
    if name.trim().is_empty() {
        errors.push(FieldError::new("name", field_code::REQUIRED));
    } else if name.trim().chars().count() > NAME_MAX {
        errors.push(FieldError::new("name", field_code::TOO_LONG));
    }
}

/// Refuses `group_ids` unless each is an agent group of the desk; them, without duplicates.
async fn check_groups(conn: &mut Conn, tenant_id: i64, ids: &[i64]) -> Result<Vec<i64>, Error> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if store::groups_found(conn, tenant_id, &ids).await? != ids.len() {
        return Err(Error::field("group_ids", field_code::INVALID_VALUE));
    }
    Ok(ids)
}

/// Invites `new` to the caller's desk: a staff user without a password (state `invited`), in
/// their groups, with an invitation mail in `lang` whose link works once for [`INVITE_TTL`].
pub async fn invite(app: &Services, user: &CurrentUser, new: NewAgent, lang: Lang) -> Result<AdminAgent, Error> {
    user.require(Permission::AgentsManage)?;
    let email = users::normalize_email(&new.email);
    let mut errors = Vec::new();
    if !is_email(&email) {
        errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
    }
    check_name(&new.name, &mut errors);
    let role = AgentRole { role: new.role, role_id: new.role_id };
    if let Err(role_errors) = baton_core::roles::agent_role(&role) {
        errors.extend(role_errors);
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let inviter = users::me(&app.db, user.tenant_id, user.id).await?.ok_or(Error::Unauthenticated)?;
    let now = app.clock.now();
    let created = storage::timestamp(now);
    let mut tx = app.db.begin_write().await?;
    roles::may_give(&mut tx, user, &role).await?;
    let groups = check_groups(&mut tx, user.tenant_id, &new.group_ids).await?;
    if store::email_taken(&mut tx, user.tenant_id, &email).await? {
        return Err(Error::AlreadyExists("a user of this desk has this email"));
    }
    let row = users::NewUser {
        tenant_id: user.tenant_id,
        email: &email,
        name: new.name.trim(),
        role: Role::Agent,
        customer_group_id: None,
        password_hash: NO_PASSWORD,
    };
    let id = match users::create(&mut tx, &row, &created).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => return Err(Error::AlreadyExists("a user of this desk has this email")),
        Err(e) => return Err(e.into()),
    };
    storage::roles::set_staff_role(&mut tx, user.tenant_id, id, role.role, role.role_id).await?;
    store::set_groups(&mut tx, user.tenant_id, id, &groups).await?;
    let inv = Invitation { tenant_id: user.tenant_id, id, to: &email, name: new.name.trim(), desk: &inviter.tenant.name, by: &inviter.name, lang };
    send_invitation(app, &mut tx, now, &inv).await?;
    // The invitation's link never: its token is a password until used.
    let entry = Entry::new("agent.invited", id, new.name.trim()).field("email", None::<()>, Some(&email)).field("role", None::<()>, Some(role.role.code()));
    audit::record(&mut tx, app, user, entry.field("role_id", None::<()>, role.role_id).field("group_ids", None::<()>, Some(&groups))).await?;
    tx.commit().await?;
    app.mailer.wake();
    tracing::info!(tenant_id = user.tenant_id, user_id = id, by = user.id, "agent invited");
    one(app, user.tenant_id, id).await
}

/// An invitation to write: to whom, from which desk and whom, in which language.
struct Invitation<'a> {
    tenant_id: i64,
    id: i64,
    to: &'a str,
    name: &'a str,
    desk: &'a str,
    by: &'a str,
    lang: Lang,
}

/// A new invitation link (the invitee's earlier ones stop working) and its mail, in `tx`.
async fn send_invitation(app: &Services, tx: &mut Conn, now: time::OffsetDateTime, inv: &Invitation<'_>) -> Result<(), Error> {
    let token = issue_link(tx, now, inv.tenant_id, inv.id, "invite", INVITE_TTL).await?;
    store::set_invited_at(tx, inv.tenant_id, inv.id, &storage::timestamp(now)).await?;
    let outgoing = mail::Outgoing {
        kind: Kind::Invitation,
        lang: inv.lang,
        tenant_id: inv.tenant_id,
        user_id: inv.id,
        to: inv.to,
        name: inv.name,
        desk: inv.desk,
        by: Some(inv.by),
        link: &password_link(&app.mailer.public_url, &token),
    };
    mail::enqueue(tx, now, &app.mailer.public_url, &outgoing).await?;
    Ok(())
}

/// Sends staff user `id` (still `invited`) a fresh invitation in `lang`; their earlier links stop
/// working. Anyone else is a 409 `conflict`.
pub async fn resend(app: &Services, user: &CurrentUser, id: i64, lang: Lang) -> Result<(), Error> {
    user.require(Permission::AgentsManage)?;
    let inviter = users::me(&app.db, user.tenant_id, user.id).await?.ok_or(Error::Unauthenticated)?;
    let now = app.clock.now();
    let mut tx = app.db.begin_write().await?;
    roles::may_manage(&mut tx, user, id).await?;
    let target = store::list(&mut tx, user.tenant_id, Some(id), NO_PASSWORD).await?.pop().ok_or(Error::NotFound)?;
    if target.invited != 1 || target.deactivated_at.is_some() {
        return Err(Error::Conflict { code: code::CONFLICT, detail: "only someone still invited gets an invitation again" });
    }
    let inv = Invitation { tenant_id: user.tenant_id, id, to: &target.email, name: &target.name, desk: &inviter.tenant.name, by: &inviter.name, lang };
    send_invitation(app, &mut tx, now, &inv).await?;
    audit::record(&mut tx, app, user, Entry::new("agent.invitation_resent", id, &target.name)).await?;
    tx.commit().await?;
    app.mailer.wake();
    tracing::info!(tenant_id = user.tenant_id, user_id = id, by = user.id, "invitation sent again");
    Ok(())
}

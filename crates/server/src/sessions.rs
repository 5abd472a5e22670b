//! Signing in and out, and who a session token belongs to. The token is returned once to the
//! caller (HTTP puts it in a cookie); the database keeps only its SHA-256.

use crate::auth::{self, CurrentUser, SESSION_TTL};
use crate::error::Error;
use crate::limits::{self, Attempt};
use crate::services::Services;
use crate::storage::{self, roles, sessions, users};
use baton_core::{Me, Permissions, Role};

/// A new session: its token (shown once) and who signed in.
pub struct SignedIn {
    pub token: String,
    pub me: Me,
}

/// The most accounts one login checks the password of (an email without `tenant`): each check is
/// an argon2 run, so the work of one request stays bounded.
const MAX_ACCOUNTS: i64 = 10;

/// Checks `email` and `password` in the desk of slug `tenant`, or in every desk when `tenant` is
/// `None` (or blank), and opens a session of [`SESSION_TTL`].
///
/// Without a tenant, an email of one desk signs in as before; an email of several desks whose
/// password matches one of them is `TenantRequired`, so only someone who knows a password learns
/// that the email is in several desks. An unknown tenant, email or password is the same
/// `InvalidCredentials`: no desk can tell another's users apart from strangers, or lock them out.
pub async fn login(
    app: &Services,
    email: &str,
    password: String,
    tenant: Option<&str>,
    ip: Option<std::net::IpAddr>,
) -> Result<SignedIn, Error> {
    let tenant = tenant.map(str::trim).filter(|t| !t.is_empty());
    // Limits first: a flood costs a counter update per attempt, never an argon2 run.
    limits::per_ip(app, Attempt::Login, ip).await?;
    limits::account_open(app, email, tenant).await?;
    let found = users::find_for_login(&app.db, email, tenant, MAX_ACCOUNTS).await?;
    let hashes: Vec<String> = found.iter().map(|c| c.password_hash.clone()).collect();
    // argon2 takes tens of milliseconds of CPU: off the async workers. An unknown email is checked
    // against a dummy hash so it costs the same time as a wrong password.
    let matches = auth::hashing(move || {
        if hashes.is_empty() {
            auth::verify_password(&password, None);
            return Vec::new();
        }
        hashes.iter().map(|h| auth::verify_password(&password, Some(h))).collect::<Vec<_>>()
    })
    .await
    .map_err(|e| Error::Internal(format!("password check task failed: {e}")))?;
    let accounts = found.len();
    let mut matched = found.into_iter().zip(matches).filter_map(|(c, ok)| ok.then_some(c));
    let user = match matched.next() {
        Some(_) if accounts > 1 => return Err(Error::TenantRequired),
        Some(user) => user,
        None => {
            limits::login_failed(app, email, tenant, ip).await?;
            return Err(Error::InvalidCredentials);
        }
    };
    limits::login_succeeded(app, email, tenant).await?;
    open(app, user.id, user.tenant_id).await
}

/// Opens a session of [`SESSION_TTL`] for user `user_id` of `tenant_id` (whose password was just
/// checked or set).
pub(crate) async fn open(app: &Services, user_id: i64, tenant_id: i64) -> Result<SignedIn, Error> {
    let now = app.clock.now();
    let token = auth::new_token();
    let created = storage::timestamp(now);
    sessions::purge_expired(&app.db, &created).await?;
    let expires = storage::timestamp(now + SESSION_TTL);
    sessions::create(&app.db, &auth::token_hash(&token), user_id, tenant_id, &created, &expires).await?;
    let me = users::me(&app.db, tenant_id, user_id)
        .await?
        .ok_or(Error::InvalidCredentials)?;
    tracing::info!(user_id, tenant_id, "signed in");
    Ok(SignedIn { token, me })
}

/// Ends the session of `token` (nothing happens for an unknown one).
pub async fn logout(app: &Services, token: &str) -> Result<(), Error> {
    sessions::delete(&app.db, &auth::token_hash(token)).await?;
    Ok(())
}

/// Ends every session of `user`, on every device (this one too); their event streams end within
/// `events::OWNER_RECHECK`.
pub async fn logout_everywhere(app: &Services, user: &CurrentUser) -> Result<(), Error> {
    let sessions = sessions::delete_all_of(&app.db, user.tenant_id, user.id).await?;
    tracing::info!(user_id = user.id, tenant_id = user.tenant_id, sessions, "signed out everywhere");
    Ok(())
}

/// The signed-in user of a live session `token`, with their effective permissions (one query);
/// `Unauthenticated` otherwise.
pub async fn resolve(app: &Services, token: &str) -> Result<CurrentUser, Error> {
    live(app, &auth::token_hash(token), true).await?.ok_or(Error::Unauthenticated)
}

/// How stale a session's `last_seen_at` may get before a request writes it again: a write every
/// few minutes per session instead of one per request, at the price of that much slack in the
/// idle timeout.
const TOUCH_EVERY: time::Duration = time::Duration::minutes(5);

/// The user of the session with this token hash if it is live: not past its lifetime and, for
/// staff, used within the idle time (`Services::staff_idle`). `touch` records the use.
async fn live(app: &Services, token_hash: &[u8], touch: bool) -> Result<Option<CurrentUser>, Error> {
    let now = app.clock.now();
    let stamp = storage::timestamp(now);
    let Some(row) = sessions::find(&app.db, token_hash, &stamp).await? else { return Ok(None) };
    let seen = row.seen_at.as_deref().and_then(storage::parse_timestamp);
    let user = current_user(row)?;
    if let (Some(idle), Some(seen)) = (app.staff_idle, seen) {
        if user.role.is_staff() && now - seen >= idle {
            return Ok(None);
        }
    }
    if touch && seen.is_none_or(|seen| now - seen >= TOUCH_EVERY) {
        sessions::touch(&app.db, token_hash, &stamp).await?;
    }
    Ok(Some(user))
}

/// The signed-in user a session (or stream ticket) row stands for.
pub(crate) fn current_user(row: sessions::SessionRow) -> Result<CurrentUser, Error> {
    let role = Role::from_code(&row.role)
        .ok_or_else(|| Error::Internal(format!("user {} has an unknown role", row.user_id)))?;
    let custom = row.role_permissions.as_deref().map(roles::decode);
    Ok(CurrentUser {
        id: row.user_id,
        tenant_id: row.tenant_id,
        role,
        share_group_id: row.share_group_id,
        permissions: Permissions::effective(role, custom),
    })
}

/// Whom a live event stream serves: the user as they were when it opened, and the session it
/// was opened with (the SHA-256 of its token; `None` for a stream ticket older than migration 0017).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamOwner {
    pub user: CurrentUser,
    pub session: Option<Vec<u8>>,
}

impl StreamOwner {
    /// Whether the stream may go on: its session is still live and its user still has exactly
    /// the role, group and permissions the stream was opened with. A stream that may not ends;
    /// its client reconnects and is refused, or served with the rights it has now.
    pub async fn still_holds(&self, app: &Services) -> Result<bool, Error> {
        let now = match &self.session {
            Some(hash) => live(app, hash, false).await?,
            None => match sessions::user(&app.db, self.user.tenant_id, self.user.id).await? {
                Some(row) => Some(current_user(row)?),
                None => None,
            },
        };
        Ok(now == Some(self.user))
    }
}

/// Who `user` is, as `GET /me` answers. The session outlived its user only if the user was
/// deleted between the two reads.
pub async fn me(app: &Services, user: &CurrentUser) -> Result<Me, Error> {
    users::me(&app.db, user.tenant_id, user.id).await?.ok_or(Error::Unauthenticated)
}

//! Accounts: creating a desk with its owner, and the single-use links that set a password.
//!
//! A link's token goes out once (printed by `baton-server tenant create`, later mailed); the
//! database keeps only its SHA-256, as for sessions. Redeeming a link marks it used in the same
//! statement that checks it, so a link works once even when two tabs race.

mod reset;
mod signup;

pub use reset::{request_reset, RESET_TTL};
pub use signup::{sign_up, SIGNUP_TTL};

use crate::auth;
use crate::error::Error;
use crate::mail::{self, Kind, Lang};
use crate::services::Services;
use crate::sessions::{self, SignedIn};
use crate::storage::{self, password_tokens, tenants, users, Db};
use baton_core::problem::field_code;
use baton_core::validate::{self, is_email, is_slug};
use baton_core::{FieldError, Role};
use time::OffsetDateTime;

/// How long an owner's setup link (and an agent's invitation) works.
pub const SETUP_TTL: time::Duration = time::Duration::days(7);

/// The longest tenant name, in characters.
pub const TENANT_NAME_MAX: usize = 100;

/// A password hash no password matches: an account whose owner has not set one yet.
pub const NO_PASSWORD: &str = "!password-not-set";

/// A desk to create and the email of its owner.
pub struct NewTenant<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub owner_email: &'a str,
}

/// A desk created: its id, its owner's, and the token of the owner's setup link (shown once).
#[derive(Debug)]
pub struct CreatedTenant {
    pub tenant_id: i64,
    pub owner_id: i64,
    pub token: String,
}

/// How the owner's setup link is also mailed: the base of the link, the mail's language.
pub struct SetupMail<'a> {
    pub public_url: &'a str,
    pub lang: Lang,
}

/// Creates a desk and its owner (no password yet) and a setup link of [`SETUP_TTL`] from `now`,
/// in one transaction. A slug already taken is `AlreadyExists("slug")`; a bad slug, name or email
/// is a `Validation` naming the field (`slug`, `name`, `owner_email`). No mail is queued (see
/// [`create_tenant_mailing`]).
pub async fn create_tenant(
    db: &Db,
    now: OffsetDateTime,
    new: &NewTenant<'_>,
) -> Result<CreatedTenant, Error> {
    create_tenant_mailing(db, now, new, None).await
}

/// [`create_tenant`], and with `mail` the setup link also queued as a mail to the owner in the
/// same transaction (`baton-server tenant create`).
pub async fn create_tenant_mailing(
    db: &Db,
    now: OffsetDateTime,
    new: &NewTenant<'_>,
    mail: Option<&SetupMail<'_>>,
) -> Result<CreatedTenant, Error> {
    let name = new.name.trim();
    let email = users::normalize_email(new.owner_email);
    let mut errors = Vec::new();
    if !is_slug(new.slug) {
        errors.push(FieldError::new("slug", field_code::INVALID_SLUG));
    }
    if name.is_empty() {
        errors.push(FieldError::new("name", field_code::REQUIRED));
    } else if name.chars().count() > TENANT_NAME_MAX {
        errors.push(FieldError::new("name", field_code::TOO_LONG));
    }
    if !is_email(&email) {
        errors.push(FieldError::new("owner_email", field_code::INVALID_EMAIL));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let created = storage::timestamp(now);
    let mut tx = db.begin_write().await?;
    let tenant_id = match tenants::create(&mut tx, name, new.slug, &created).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => return Err(Error::AlreadyExists("slug")),
        Err(e) => return Err(e.into()),
    };
    // Until the owner names themselves, the part of the email before the `@`.
    let owner_name = email.split('@').next().unwrap_or(&email).to_owned();
    let owner = users::NewUser {
        tenant_id,
        email: &email,
        name: &owner_name,
        role: Role::Owner,
        customer_group_id: None,
        password_hash: NO_PASSWORD,
    };
    let owner_id = users::create(&mut tx, &owner, &created).await?;
    let token = issue_link(&mut tx, now, tenant_id, owner_id, "setup", SETUP_TTL).await?;
    if let Some(m) = mail {
        // The language of the setup mail is the new desk's.
        tenants::update_settings(&mut tx, tenant_id, &tenants::SettingsChange { language: Some(m.lang.code()), ..Default::default() }).await?;
        let outgoing = mail::Outgoing {
            kind: Kind::Setup,
            lang: m.lang,
            tenant_id,
            user_id: owner_id,
            to: &email,
            name: &owner_name,
            desk: name,
            by: None,
            link: &password_link(m.public_url, &token),
        };
        mail::enqueue(&mut tx, now, m.public_url, &outgoing).await?;
    }
    tx.commit().await?;
    tracing::info!(tenant_id, owner_id, slug = new.slug, "created a desk");
    Ok(CreatedTenant { tenant_id, owner_id, token })
}

/// A new single-use link of `purpose` (`setup`, `invite`, `reset`, `signup`) for user `user_id`, valid for
/// `ttl` from `now`: its token (the database keeps the hash). Earlier unused links of the same
/// purpose for that user stop working, and expired links of anyone are purged.
pub(crate) async fn issue_link(
    conn: &mut storage::Conn,
    now: OffsetDateTime,
    tenant_id: i64,
    user_id: i64,
    purpose: &str,
    ttl: time::Duration,
) -> Result<String, Error> {
    let created = storage::timestamp(now);
    password_tokens::purge_expired(conn, &created).await?;
    password_tokens::void_unused(conn, tenant_id, user_id, purpose, &created).await?;
    let token = auth::new_token();
    let row = password_tokens::NewToken {
        token_hash: &auth::token_hash(&token),
        tenant_id,
        user_id,
        purpose,
        now: &created,
        expires_at: &storage::timestamp(now + ttl),
    };
    password_tokens::create(conn, &row).await?;
    Ok(token)
}

/// The link that sets a password with `token`: the SPA's `/set-password` page under `public_url`.
pub fn password_link(public_url: &str, token: &str) -> String {
    format!("{}/set-password?token={token}", public_url.trim_end_matches('/'))
}

/// Sets the password of the account a link's `token` was made for and signs it in. The password
/// is checked against the policy first, so a weak one does not use up the link; an unknown, used
/// or expired link is `TokenInvalid`. Every session the account had ends first (their streams
/// within `events::OWNER_RECHECK`): a reset is often what follows a stolen password, and the
/// thief's session must not outlive it.
pub async fn set_password(
    app: &Services,
    token: &str,
    password: String,
    ip: Option<std::net::IpAddr>,
) -> Result<SignedIn, Error> {
    // Before anything else: a guesser of links gets nothing, not even the policy's answer.
    crate::limits::per_ip(app, crate::limits::Attempt::PasswordLink, ip).await?;
    let errors = validate::password("password", &password);
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let hash = auth::hashing(move || auth::hash_password(&password))
        .await
        .map_err(|e| Error::Internal(format!("password hash task failed: {e}")))?
        .map_err(|e| Error::Internal(e.to_string()))?;
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let link = password_tokens::redeem(&mut tx, &auth::token_hash(token), &now)
        .await?
        .ok_or(Error::TokenInvalid)?;
    // A deactivated account's links are dead too (the rollback leaves this one as it was).
    if !users::is_active(&mut tx, link.tenant_id, link.user_id).await? {
        return Err(Error::TokenInvalid);
    }
    users::set_password_hash(&mut tx, link.tenant_id, link.user_id, &hash).await?;
    tx.commit().await?;
    let ended = storage::sessions::delete_all_of(&app.db, link.tenant_id, link.user_id).await?;
    tracing::info!(user_id = link.user_id, tenant_id = link.tenant_id, purpose = link.purpose, sessions_ended = ended, "password set");
    sessions::open(app, link.user_id, link.tenant_id).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_password_meets_the_policy() {
        assert_eq!(baton_core::validate::password("password", crate::demo::PASSWORD), Vec::new());
    }

    #[test]
    fn links_do_not_double_the_slash() {
        for base in ["http://127.0.0.1:8080", "http://127.0.0.1:8080/"] {
            assert_eq!(
                super::password_link(base, "abc"),
                "http://127.0.0.1:8080/set-password?token=abc"
            );
        }
    }
}

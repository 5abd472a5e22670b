//! Password reset (`POST /password-resets`): whoever knows an email asks, and each matching
//! active account gets a mailed single-use link of [`RESET_TTL`]. The answer is the same whether
//! or not an account exists, and the work nearly so: the same lookup in the same write
//! transaction either way; only the links and mails themselves are extra.

use super::{issue_link, password_link};
use crate::error::Error;
use crate::limits::{self, Attempt};
use crate::mail::{self, Kind, Lang};
use crate::services::Services;
use crate::storage::{self, password_tokens, users};
use baton_core::problem::field_code;
use baton_core::validate::is_email;

/// How long a reset link works.
pub const RESET_TTL: time::Duration = time::Duration::hours(1);

/// The most accounts one request mails (an email without `tenant` may be in several desks).
const MAX_ACCOUNTS: i64 = 10;

/// Mails a reset link to every active account with `email` (in the desk of slug `tenant` when
/// given), in `lang`. A newer link makes that account's older unused reset links stop working.
/// Only a malformed email and the rate limit are refused.
pub async fn request_reset(
    app: &Services,
    email: &str,
    tenant: Option<&str>,
    lang: Lang,
    ip: Option<std::net::IpAddr>,
) -> Result<(), Error> {
    limits::per_ip(app, Attempt::PasswordReset, ip).await?;
    let email = users::normalize_email(email);
    if email.is_empty() {
        return Err(Error::field("email", field_code::REQUIRED));
    }
    if !is_email(&email) {
        return Err(Error::field("email", field_code::INVALID_EMAIL));
    }
    let tenant = tenant.map(str::trim).filter(|t| !t.is_empty());
    let now = app.clock.now();
    let mut tx = app.db.begin_write().await?;
    password_tokens::purge_expired(&mut tx, &storage::timestamp(now)).await?;
    let accounts = users::find_for_reset(&mut tx, &email, tenant, MAX_ACCOUNTS).await?;
    for account in &accounts {
        let token = issue_link(&mut tx, now, account.tenant_id, account.id, "reset", RESET_TTL).await?;
        let outgoing = mail::Outgoing {
            kind: Kind::PasswordReset,
            lang,
            tenant_id: account.tenant_id,
            user_id: account.id,
            to: &email,
            name: &account.name,
            desk: &account.desk,
            by: None,
            link: &password_link(&app.mailer.public_url, &token),
        };
        mail::enqueue(&mut tx, now, &app.mailer.public_url, &outgoing).await?;
    }
    tx.commit().await?;
    if !accounts.is_empty() {
        app.mailer.wake();
    }
    // Logged without the email: the log must not become a list of who has accounts.
    tracing::info!(tenant = tenant.unwrap_or("*"), "password reset requested");
    Ok(())
}

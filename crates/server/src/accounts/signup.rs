//! Customer sign-up (`POST /signups`, DOMAIN.md "Setting up a desk"): a customer names an email
//! and a name at a desk that takes sign-ups (its `signup_mode`, `settings`), and reads a mail.
//!
//! The account is made without a password and the mail carries a single-use link (purpose
//! `signup`, [`SIGNUP_TTL`]) to the same "set your password" page invitations use: following it
//! proves the address, and until then nobody can sign in as that customer. The answer is the same
//! whether or not the email has an account — an existing one gets a mail saying so, with a reset
//! link — so sign-up never tells a stranger who is a customer of the desk.

use super::{issue_link, password_link, NO_PASSWORD, RESET_TTL};
use crate::error::Error;
use crate::limits::{self, Attempt};
use crate::mail::{self, Kind, Lang};
use crate::services::Services;
use crate::storage::{self, tenants, users};
use baton_core::problem::field_code;
use baton_core::validate::is_email;
use baton_core::{FieldError, Role, SignUpRequest, SignupMode};

/// How long a sign-up's confirmation link works.
pub const SIGNUP_TTL: time::Duration = time::Duration::hours(24);

/// The longest customer name, in characters.
pub const NAME_MAX: usize = 100;

/// Signs `req.email` up at the desk `req.tenant` names (or the installation's only desk), mailing
/// the confirmation link in `lang`; an existing account gets a reset link instead, a deactivated
/// one nothing. Refused: a malformed request (`Validation`), a desk that takes no sign-ups
/// (`SignupClosed`) or not this email's domain (`email`: `email_domain_not_allowed`), an unknown
/// desk (`tenant`: `invalid_value`), no desk named on a multi-desk installation (`TenantRequired`),
/// and the per-address rate limit.
pub async fn sign_up(app: &Services, req: &SignUpRequest, lang: Lang, ip: Option<std::net::IpAddr>) -> Result<(), Error> {
    limits::per_ip(app, Attempt::SignUp, ip).await?;
    let email = users::normalize_email(&req.email);
    let name = req.name.trim();
    let mut errors = Vec::new();
    if email.is_empty() {
        errors.push(FieldError::new("email", field_code::REQUIRED));
    } else if !is_email(&email) {
        errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
    }
    if name.is_empty() {
        errors.push(FieldError::new("name", field_code::REQUIRED));
    } else if name.chars().count() > NAME_MAX {
        errors.push(FieldError::new("name", field_code::TOO_LONG));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let slug = req.tenant.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let now = app.clock.now();
    let mut tx = app.db.begin_write().await?;
    let desks = tenants::for_signup(&mut tx, slug, 2).await?;
    let desk = match (slug, desks.as_slice()) {
        (_, [desk]) => desk,
        (Some(_), _) => return Err(Error::field("tenant", field_code::INVALID_VALUE)),
        (None, []) => return Err(Error::SignupClosed),
        (None, _) => return Err(Error::TenantRequired),
    };
    let mode = SignupMode::from_code(&desk.signup_mode).unwrap_or_default();
    if matches!(mode, SignupMode::Staff | SignupMode::Sso) {
        return Err(Error::SignupClosed);
    }
    if !mode.admits(&email, &crate::settings::domains(&desk.signup_domains)) {
        return Err(Error::field("email", field_code::EMAIL_DOMAIN_NOT_ALLOWED));
    }
    let account = users::find_in_desk(&mut tx, desk.id, &email, NO_PASSWORD).await?;
    let (user_id, kind, person) = match account {
        // Deactivated: nothing, and the same answer.
        Some(a) if !a.active => {
            tx.commit().await?;
            return Ok(());
        }
        Some(a) if a.has_password => (a.id, Kind::AccountExists, a.name),
        // Made by staff, or signed up before without confirming: this is how they claim it.
        Some(a) => (a.id, Kind::SignUp, a.name),
        None => {
            let user = users::NewUser {
                tenant_id: desk.id,
                email: &email,
                name,
                role: Role::Customer,
                customer_group_id: None,
                password_hash: NO_PASSWORD,
            };
            let id = users::create(&mut tx, &user, &storage::timestamp(now)).await?;
            (id, Kind::SignUp, name.to_owned())
        }
    };
    let (purpose, ttl) = match kind {
        Kind::AccountExists => ("reset", RESET_TTL),
        _ => ("signup", SIGNUP_TTL),
    };
    let token = issue_link(&mut tx, now, desk.id, user_id, purpose, ttl).await?;
    let outgoing = mail::Outgoing {
        kind,
        lang,
        tenant_id: desk.id,
        user_id,
        to: &email,
        name: &person,
        desk: &desk.name,
        by: None,
        link: &password_link(&app.mailer.public_url, &token),
    };
    mail::enqueue(&mut tx, now, &app.mailer.public_url, &outgoing).await?;
    tx.commit().await?;
    app.mailer.wake();
    // Without the email: the log must not become a list of who signed up.
    tracing::info!(tenant_id = desk.id, "sign-up requested");
    Ok(())
}

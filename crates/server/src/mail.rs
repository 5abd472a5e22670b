//! Mail (issue 12): what the server sends (a new desk's setup link, invitations, password resets)
//! and how it leaves. A mail is rendered and queued in the outbox (`storage::mail`) inside the
//! transaction of what caused it, so it exists exactly when that commits; the scheduler's
//! [`send`] job delivers it over SMTP (lettre), retries with a growing delay, and gives up as
//! `failed` with the last error kept. Without `--smtp-url` mail simply stays queued: the admin's
//! outbox lists it (`GET /admin/mail`), and `baton-server tenant create` prints its link anyway.
//!
//! Language: a mail a request causes (invitation, reset) is written in that request's
//! (`Accept-Language`: `zh*` is zh-CN, anything else English); a notification in the language the
//! recipient last read in (their stream's), else the desk's (`/admin/settings`); `tenant create
//! --language` sets the new desk's and its setup mail's.

// notifications (issue 13): ticket mail and digests
pub mod notice;
pub mod outbox;
pub mod send;
mod templates;

pub use templates::Lang;

use crate::error::Error;
use crate::storage::{self, mail as store, Conn};
use lettre::message::Mailbox;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::Tokio1Executor;
use std::sync::Arc;
use time::OffsetDateTime;
use tokio::sync::Notify;

/// The default sender, when `--mail-from` is not given.
pub const DEFAULT_FROM: &str = "Baton <baton@localhost>";

/// What a mail is about: its template and the outbox's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A new desk's owner sets a password (`tenant create`).
    Setup,
    /// An agent is invited to a desk.
    Invitation,
    /// Someone asked to reset a password.
    PasswordReset,
    /// A customer signed up: the link proves the address and sets the password.
    SignUp,
    /// Someone signed up with the address of an existing account: the link resets its password.
    AccountExists,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Setup => "setup",
            Kind::Invitation => "invitation",
            Kind::PasswordReset => "password_reset",
            Kind::SignUp => "signup",
            Kind::AccountExists => "account_exists",
        }
    }
}

/// One mail to write: to whom, about what, in which language, and the link it carries.
pub struct Outgoing<'a> {
    pub kind: Kind,
    pub lang: Lang,
    pub tenant_id: i64,
    pub user_id: i64,
    pub to: &'a str,
    /// The recipient's name, as the desk knows it.
    pub name: &'a str,
    /// The desk's name (in the subject and the text).
    pub desk: &'a str,
    /// Who caused the mail, when that is someone (an invitation's inviter).
    pub by: Option<&'a str>,
    /// The single-use link the mail carries.
    pub link: &'a str,
}

/// Renders `mail` and queues it in the outbox, due at `now`, inside the caller's transaction.
/// `public_url`'s host ends its Message-ID. Its id.
pub async fn enqueue(conn: &mut Conn, now: OffsetDateTime, public_url: &str, mail: &Outgoing<'_>) -> Result<i64, Error> {
    let rendered = templates::render(mail);
    let message_id = format!("<{}.{}@{}>", now.unix_timestamp(), crate::auth::new_token().get(..24).unwrap_or_default(), host_of(public_url));
    let row = store::NewMail {
        tenant_id: mail.tenant_id,
        user_id: Some(mail.user_id),
        kind: mail.kind.code(),
        to: mail.to,
        subject: &rendered.subject,
        text: &rendered.text,
        html: &rendered.html,
        message_id: &message_id,
        now: &storage::timestamp(now),
        ticket_id: None,
        references: None,
    };
    Ok(store::enqueue(conn, &row).await?)
}

/// The host of an http(s) URL, for Message-IDs (`localhost` when there is none).
pub(crate) fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "localhost".to_owned())
}

/// How this server sends mail: the SMTP transport (`None` without `--smtp-url`), the sender, the
/// base of links, and a wake-up for the sending job when mail was queued here.
#[derive(Clone)]
pub struct Mailer {
    pub transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    pub from: Mailbox,
    /// Where people reach this server: the base of the links mail carries.
    pub public_url: String,
    wake: Arc<Notify>,
}

/// A setting the mailer cannot be made from; one line, without the SMTP password.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("invalid --smtp-url {url:?}: {reason} (expected smtp://user:pass@host:port, smtps://… or …?tls=required)")]
    SmtpUrl { url: String, reason: String },
    #[error("invalid --mail-from {0:?}: expected an address, e.g. {DEFAULT_FROM}")]
    From(String),
    #[error("invalid --public-url {0:?}: expected an http(s) URL, e.g. http://127.0.0.1:8080")]
    PublicUrl(String),
}

/// How long one SMTP conversation may take before the attempt counts as failed.
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

impl Mailer {
    /// Checks the settings without connecting anywhere (`Config::validate`).
    pub fn check(smtp_url: Option<&str>, from: &str, public_url: &str) -> Result<(), MailConfigError> {
        if let Some(url) = smtp_url {
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| MailConfigError::SmtpUrl {
                url: storage::redacted(url),
                reason: e.to_string(),
            })?;
        }
        from.parse::<Mailbox>().map_err(|_| MailConfigError::From(from.to_owned()))?;
        if !baton_core::validate::is_http_url(public_url) {
            return Err(MailConfigError::PublicUrl(public_url.to_owned()));
        }
        Ok(())
    }

    /// The mailer for these settings (checked by [`Mailer::check`]). Needs a tokio runtime: the
    /// transport's connection pool runs a task of its own.
    pub fn new(smtp_url: Option<&str>, from: &str, public_url: &str) -> Result<Mailer, MailConfigError> {
        Mailer::check(smtp_url, from, public_url)?;
        let transport = smtp_url
            .map(|url| {
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map(|b| b.timeout(Some(SMTP_TIMEOUT)).build())
                    .map_err(|e| MailConfigError::SmtpUrl { url: storage::redacted(url), reason: e.to_string() })
            })
            .transpose()?;
        Ok(Mailer {
            transport,
            from: from.parse().map_err(|_| MailConfigError::From(from.to_owned()))?,
            public_url: public_url.trim_end_matches('/').to_owned(),
            wake: Arc::default(),
        })
    }

    /// Whether mail leaves this server (`--smtp-url` given).
    pub fn sends(&self) -> bool {
        self.transport.is_some()
    }

    /// Tells the sending job that mail was queued (it runs at once if this process holds the
    /// scheduler's lease; otherwise the holder finds it at its next round).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Resolves when [`Mailer::wake`] was called.
    pub async fn woken(&self) {
        self.wake.notified().await;
    }
}

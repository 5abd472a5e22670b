//! The sending job (scheduler): queued mail whose time has come goes out over SMTP, a few at a
//! time; after a failure the rest waits for the next round. A failed attempt is tried again
//! after [`BACKOFF`] (1 min, 5 min, 30 min, 2 h, 6 h); after the last the mail is `failed`, its
//! error kept for the admin. Without a transport nothing is tried: mail waits in the outbox.
//!
//! Runs on the replica holding the scheduler's lease only. Should two ever overlap (a holder that
//! stalled past its lease), a mail may go out twice; it is never lost.

use crate::error::Error;
use crate::services::Services;
use crate::storage::{self, mail as store};
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncTransport, Message};

/// How often the job runs: every scheduler round (a third of the lease), and at once when mail
/// is queued on the process that holds the lease.
pub const EVERY: time::Duration = time::Duration::ZERO;

/// The most mails one run sends: a long queue drains over several rounds, each renewing the lease.
const BATCH: i64 = 20;

/// How long after each failed attempt the next one comes; a mail failing once more is `failed`.
pub const BACKOFF: [time::Duration; 5] = [
    time::Duration::minutes(1),
    time::Duration::minutes(5),
    time::Duration::minutes(30),
    time::Duration::hours(2),
    time::Duration::hours(6),
];

/// The longest `last_error` kept.
const ERROR_MAX: usize = 500;

/// Sends the mail due now; how many went out.
pub async fn run(app: &Services) -> Result<usize, Error> {
    let Some(transport) = &app.mailer.transport else { return Ok(0) };
    let now = app.clock.now();
    let due = store::due(&app.db, &storage::timestamp(now), BATCH).await?;
    let mut sent = 0;
    for mail in due {
        let result = match message(&app.mailer.from, &mail) {
            Ok(message) => transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => {
                store::sent(&app.db, mail.id, &storage::timestamp(app.clock.now())).await?;
                tracing::info!(mail_id = mail.id, "mail sent");
                sent += 1;
            }
            Err(error) => {
                let error: String = error.chars().take(ERROR_MAX).collect();
                let retry_at = usize::try_from(mail.attempts)
                    .ok()
                    .and_then(|n| BACKOFF.get(n))
                    .map(|delay| storage::timestamp(app.clock.now() + *delay));
                store::attempt_failed(&app.db, mail.id, &error, retry_at.as_deref()).await?;
                match &retry_at {
                    Some(at) => tracing::warn!(mail_id = mail.id, %error, retry_at = %at, "mail not sent; will retry"),
                    None => tracing::error!(mail_id = mail.id, %error, "mail not sent; giving up"),
                }
                // The rest waits for the next round: a server that is down or slow would fail
                // (or time out on) each of them in turn, holding the scheduler for minutes.
                break;
            }
        }
    }
    Ok(sent)
}

/// The SMTP message of an outbox row: plain text with an HTML alternative.
fn message(from: &Mailbox, mail: &store::Due) -> Result<Message, String> {
    let to: Mailbox = mail.to_address.parse().map_err(|e| format!("bad recipient address: {e}"))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(mail.message_id.clone()));
    // A ticket's mails thread under one root id in the reader's client (notifications).
    if let Some(root) = &mail.references_id {
        builder = builder.in_reply_to(root.clone()).references(root.clone());
    }
    builder
        .multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(mail.body_text.clone()))
                .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(mail.body_html.clone())),
        )
        .map_err(|e| format!("cannot build the message: {e}"))
}

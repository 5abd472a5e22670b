//! The hourly digest (a scheduler job): staff who chose it get one mail listing what would have
//! been mailed one by one. A notification waits at most an hour: a digest goes out once the
//! oldest waiting one is an hour old, and takes everything waiting then. Notes, bodies and
//! confidential info are never in it, as in every notification mail.

use crate::error::Error;
use crate::mail::notice::{self, Notice, Recipient};
use crate::mail::Lang;
use crate::services::Services;
use crate::storage::notifications::{self as store, digest as pending};
use crate::storage;
use baton_core::NotificationKind;

/// How often it runs.
pub const EVERY: time::Duration = time::Duration::minutes(1);

/// How long a notification waits for its digest at most.
pub const HOUR: time::Duration = time::Duration::hours(1);

/// People handled per pass, and notifications per digest (the rest goes in the next one).
const BATCH: i64 = 200;
const MOST: i64 = 100;

/// One pass; how many digests were queued.
pub async fn run(app: &Services) -> Result<usize, Error> {
    let now = app.clock.now();
    let stamp = storage::timestamp(now);
    let mut sent = 0;
    for (tenant_id, user_id) in pending::due(&app.db, &storage::timestamp(now - HOUR), BATCH).await? {
        let mut tx = app.db.begin_write().await?;
        let rows = pending::pending(&mut tx, tenant_id, user_id, MOST).await?;
        let Some(last) = rows.last().map(|r| r.id) else { continue };
        if let Some(person) = store::person(&mut tx, tenant_id, user_id).await? {
            let desk = store::desk_name(&mut tx, tenant_id).await?;
            let notices: Vec<Notice<'_>> = rows
                .iter()
                .filter_map(|r| {
                    let kind = NotificationKind::from_code(&r.kind)?;
                    Some(Notice { kind, ticket_id: r.ticket_id, number: r.ticket_number, title: &r.ticket_title, actor: r.actor_name.as_deref() })
                })
                .collect();
            let recipient = Recipient {
                tenant_id,
                user_id,
                to: &person.email,
                name: &person.name,
                staff: person.role != "customer",
                lang: Lang::from_code(person.language.as_deref().unwrap_or("en")),
                desk: &desk,
            };
            notice::enqueue_digest(&mut tx, now, &app.mailer.public_url, &recipient, &notices).await?;
            sent += 1;
        }
        // A deactivated person's waiting notifications are dropped from the digest all the same.
        pending::clear(&mut tx, tenant_id, user_id, last, &stamp).await?;
        tx.commit().await?;
    }
    if sent > 0 {
        app.mailer.wake();
    }
    Ok(sent)
}

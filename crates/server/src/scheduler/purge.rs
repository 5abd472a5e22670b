//! The purge job: what has outlived its use. Events older than their retention (a client away
//! longer refetches everything), stream tickets nobody redeemed, presence rows of viewers who
//! went silent (announced, in case the replica that would have swept them is gone), idempotency
//! keys older than [`IDEMPOTENCY_DAYS`], rate-limit counters of windows a day past, uploads never
//! sent within a day (rows and bytes), notifications older than 90 days, audit log entries older
//! than a year.

use crate::error::Error;
use crate::events::RETENTION;
use crate::services::Services;
use crate::storage::{self, events, idempotency, stream_tickets};
use crate::workspace::presence;

/// How long an `Idempotency-Key` is remembered: the contract promises at least a day; a client
/// retrying a lost request does so within minutes.
pub const IDEMPOTENCY_DAYS: i64 = 7;

/// How often it runs.
pub const EVERY: time::Duration = time::Duration::minutes(1);

pub async fn run(app: &Services) -> Result<(), Error> {
    let now = app.clock.now();
    let mut conn = app.db.acquire().await?;
    let events = events::prune(&mut conn, &storage::timestamp(now - RETENTION)).await?;
    drop(conn);
    let tickets = stream_tickets::purge_expired(&app.db, &storage::timestamp(now)).await?;
    let viewers = presence::sweep(app).await?;
    let keys = idempotency::purge_older_than(&app.db, &storage::timestamp(now - time::Duration::days(IDEMPOTENCY_DAYS))).await?;
    let counters = crate::limits::purge(app).await?;
    let uploads = crate::attachments::purge_unsent(app).await?;
    // Streams of a replica that died (notifications, issue 13).
    let streams = crate::notifications::online::sweep(app).await?;
    let notifications = crate::notifications::inbox::purge(app).await?;
    // audit log (issue 12): entries older than a year.
    let audit = crate::audit::purge(app).await?;
    tracing::debug!(events, tickets, viewers, keys, counters, uploads, streams, notifications, audit, "purged");
    Ok(())
}

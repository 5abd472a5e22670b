//! Whether a person is online in Baton: they hold a live event stream (`GET /events`) on some
//! replica. Each open stream is a row ([`Online`]), renewed every [`RENEW`] while it lives and
//! deleted when it ends; a replica that dies leaves rows that stop counting after [`LIFETIME`].
//! The rows use the wall clock: they are about real connections, not the desk's clock.

use crate::error::Error;
use crate::services::Services;
use crate::mail::Lang;
use crate::storage::notifications::{online as store, prefs};
use crate::storage::{Conn, Db};
use std::time::Duration;
use tokio::sync::oneshot;

/// How often an open stream renews its row.
pub const RENEW: Duration = Duration::from_secs(20);

/// How long a row counts without renewal.
pub const LIFETIME: Duration = Duration::from_secs(60);

fn wall_ms() -> i64 {
    i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn cutoff_ms() -> i64 {
    wall_ms() - i64::try_from(LIFETIME.as_millis()).unwrap_or(i64::MAX)
}

/// Whether `user_id` has a live stream open anywhere.
pub async fn is_online(conn: &mut Conn, tenant_id: i64, user_id: i64) -> Result<bool, Error> {
    Ok(store::is_online(conn, tenant_id, user_id, cutoff_ms()).await?)
}

/// An open stream's presence: keeps its row renewed, deletes it when dropped.
#[derive(Debug)]
pub struct Online {
    _stop: oneshot::Sender<()>,
}

impl Online {
    /// Records that `user_id` opened a stream and keeps it so while this lives; remembers the
    /// language they read (`lang`, from the stream's request) for their mail. In a task of its
    /// own: opening a stream never waits for a write (a busy database must not refuse streams).
    pub fn start(app: &Services, tenant_id: i64, user_id: i64, lang: Lang) -> Online {
        let (stop, stopped) = oneshot::channel();
        tokio::spawn(keep(app.db.clone(), (tenant_id, user_id), lang, stopped));
        Online { _stop: stop }
    }
}

async fn keep(db: Db, (tenant_id, user_id): (i64, i64), lang: Lang, mut stopped: oneshot::Receiver<()>) {
    let language = match lang {
        Lang::ZhCn => "zh-CN",
        Lang::En => "en",
    };
    match db.acquire().await {
        Ok(mut conn) => {
            if let Err(e) = prefs::set_language(&mut conn, tenant_id, user_id, language).await {
                tracing::warn!(error = %e, "cannot remember a user's language");
            }
        }
        Err(e) => tracing::warn!(error = %e, "cannot remember a user's language"),
    }
    let id = match store::open(&db, tenant_id, user_id, wall_ms()).await {
        Ok(id) => id,
        Err(e) => {
            // Counted offline: they may get a mail they did not need, never miss one.
            tracing::warn!(error = %e, "cannot record an online stream");
            return;
        }
    };
    let mut every = tokio::time::interval_at(tokio::time::Instant::now() + RENEW, RENEW);
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            _ = every.tick() => {
                if let Err(e) = store::renew(&db, id, wall_ms()).await {
                    tracing::warn!(error = %e, "cannot renew an online stream");
                }
            }
        }
    }
    if let Err(e) = store::close(&db, id).await {
        // The row goes stale after LIFETIME and the sweep removes it.
        tracing::warn!(error = %e, "cannot close an online stream");
    }
}

/// Deletes stale rows (a scheduler job); how many.
pub async fn sweep(app: &Services) -> Result<u64, Error> {
    Ok(store::sweep(&app.db, cutoff_ms()).await?)
}

//! Uploads waiting to be sent with a ticket or message: how many one user may hold (a quota, so
//! one account cannot fill the store with files it never sends), and the purge of those left
//! unsent past a day.

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::{self, attachments as store};

/// Unlinked uploads one user may hold at once (a message with many files fits easily).
pub const MAX_FILES: i64 = 50;
/// Their bytes, in uploads of the largest size allowed.
pub const MAX_FULL_SIZE_UPLOADS: u64 = 10;
/// How long an upload may wait unsent before it is purged.
pub const KEEP: time::Duration = time::Duration::hours(24);
/// Uploads purged per run (the scheduler runs every minute).
const PURGE_BATCH: i64 = 500;

/// Refuses a new upload while `user` holds too many unsent ones (429 `rate_limited`: sending the
/// message they are for, or waiting for the purge, frees the room).
pub async fn check_quota(services: &Services, user: &CurrentUser) -> Result<(), Error> {
    let (files, bytes) = store::pending_of(&services.db, user.tenant_id, user.id).await?;
    let max_bytes = services.max_upload_bytes().saturating_mul(MAX_FULL_SIZE_UPLOADS);
    if files >= MAX_FILES || u64::try_from(bytes).unwrap_or(0) >= max_bytes {
        tracing::warn!(user_id = user.id, files, bytes, "upload refused: too many unsent uploads");
        return Err(Error::RateLimited { retry_after_secs: 60 });
    }
    Ok(())
}

/// Removes uploads unsent for [`KEEP`], rows first, then their bytes; how many.
pub async fn purge(services: &Services) -> Result<usize, Error> {
    let before = storage::timestamp(services.clock.now() - KEEP);
    let keys = store::take_orphans(&services.db, &before, PURGE_BATCH).await?;
    for key in &keys {
        // A blob left behind costs space, not correctness: its row is gone.
        if let Err(e) = services.blobs.delete(key).await {
            tracing::warn!(error = %e, "cannot remove the bytes of a purged upload");
        }
    }
    Ok(keys.len())
}

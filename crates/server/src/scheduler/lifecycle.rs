//! The lifecycle job: solved tickets nobody confirmed close after the desk's days, trashed and
//! suspended ones are purged after 30 (`tickets::automatic`).

use crate::error::Error;
use crate::services::Services;
use crate::tickets::automatic;

/// How often it runs: a ticket closes at most this late after its days have run out.
pub const EVERY: time::Duration = time::Duration::minutes(5);

pub async fn run(app: &Services) -> Result<(), Error> {
    let closed = automatic::auto_close(app).await?;
    let purged = automatic::purge_flagged(app).await?;
    tracing::debug!(closed, purged, "lifecycle");
    Ok(())
}

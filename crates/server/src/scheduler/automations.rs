//! The automations job (issue 13): the desks' time rules (`automations::timed`).

use crate::error::Error;
use crate::services::Services;

pub use crate::automations::timed::EVERY;

pub async fn run(app: &Services) -> Result<(), Error> {
    let fired = crate::automations::timed::run(app).await?;
    tracing::debug!(fired, "automations");
    Ok(())
}

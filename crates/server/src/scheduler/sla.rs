//! The SLA job: breaches and warnings as due times come and pass (`sla::watch`).

use crate::error::Error;
use crate::services::Services;

pub use crate::sla::watch::EVERY;

pub async fn run(app: &Services) -> Result<(), Error> {
    let (breached, warned) = crate::sla::watch::run(app).await?;
    tracing::debug!(breached, warned, "sla watch");
    Ok(())
}

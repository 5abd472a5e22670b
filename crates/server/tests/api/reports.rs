//! Reports (issue 14): a small desk built through the API on a stopped clock, every metric of the
//! summary and the workload per agent asserted against values computed by hand (`desk`), the
//! filters, the tickets behind the numbers and their CSV export (`drill`), and who may read
//! them (`access`).

mod access;
mod comments;
mod desk;
mod drill;
mod xlsx;
mod backfill;
// Session 10: the desk's time zone.
mod zone;
mod sla;

use crate::support::TestApp;

/// The application for a report test. Fixtures span a day or more on the test clock with the
/// sessions opened at their start, so staff sessions have no idle timeout here (it is tested in
/// `session_idle`).
pub async fn app() -> TestApp {
    TestApp::with(|c| c.staff_idle_minutes = 0).await
}

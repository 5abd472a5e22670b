//! SLA (issue 13): calendars and policies set up through the admin API (`admin`), and the timers
//! they put on tickets as those change and the clock moves (`timers`).

mod admin;
mod attainment;
mod views;
mod timers;

use crate::support::TestApp;
use serde_json::{json, Value};

/// The application on a stopped clock at Monday 7 December 2026, 10:00 in Shanghai (02:00 UTC).
pub async fn app() -> TestApp {
    let app = TestApp::with(|c| c.staff_idle_minutes = 0).await;
    app.services.clock.pin(time::macros::datetime!(2026-12-07 02:00 UTC));
    app
}

/// Shanghai office hours: Monday to Friday 09:00–12:00 and 13:00–18:00.
pub fn office(name: &str) -> Value {
    let day = json!([{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "18:00"}]);
    json!({
        "name": name,
        "time_zone": "Asia/Shanghai",
        "week": [day, day, day, day, day, [], []],
        "holidays": [{"date": "2026-12-25", "name": "Office closed"}],
    })
}

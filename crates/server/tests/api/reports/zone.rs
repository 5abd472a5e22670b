//! The desk's time zone (session 10): a report's period and its day, week and month buckets begin
//! at local midnight in the zone of `/admin/settings`, across a change to daylight saving time.
//!
//! The desk counts in America/New_York, where clocks spring forward on Sunday 2030-03-10 at 02:00
//! (UTC−5 → UTC−4), so local 2030-03-10 runs from 05:00Z to 04:00Z the next day (23 hours).
//! Tickets, created near local midnight (times UTC; their local day):
//!
//! | ticket | created | local day | |
//! |---|---|---|---|
//! | A | 03-09 04:30 | 03-08 (23:30 EST) | |
//! | B | 03-09 05:10 | 03-09 (00:10) | |
//! | G | 03-10 04:20 | 03-09 (23:20) | |
//! | C | 03-10 04:50 | 03-09 (23:50) | |
//! | D | 03-10 05:30 | 03-10 (00:30 EST) | solved 03-11 03:45 = 03-10 23:45 EDT |
//! | E | 03-11 03:30 | 03-10 (23:30 EDT) | |
//! | F | 03-11 04:30 | 03-11 (00:30 EDT) | |
//!
//! Days 03-09..03-11 (local): created B, G, C on the 9th and D, E on the 10th; D solved on the
//! 10th. In UTC the same period would hold A, B on the 9th and G, C, D on the 10th instead.

use super::desk::get;
use crate::support::{TestApp, ALICE, OWNER};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use time::macros::datetime;

/// Builds the desk above; the owner's token.
async fn build(app: &TestApp) -> String {
    app.services.clock.pin(datetime!(2030-03-09 04:30:00 UTC));
    let (alice, owner) = (app.login(ALICE).await, app.login(OWNER).await);
    let res = app.call(Method::PATCH, "/api/v1/admin/settings").token(&owner).json(&json!({ "time_zone": "America/New_York" })).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["time_zone"], json!("America/New_York"));
    let times = [
        ("A", datetime!(2030-03-09 04:30:00 UTC)),
        ("B", datetime!(2030-03-09 05:10:00 UTC)),
        ("G", datetime!(2030-03-10 04:20:00 UTC)),
        ("C", datetime!(2030-03-10 04:50:00 UTC)),
        ("D", datetime!(2030-03-10 05:30:00 UTC)),
        ("E", datetime!(2030-03-11 03:30:00 UTC)),
        ("F", datetime!(2030-03-11 04:30:00 UTC)),
    ];
    let mut d = 0;
    for (title, at) in times {
        app.services.clock.pin(at);
        let id = app.create_ticket(&alice, title).await["id"].as_i64().expect("id");
        if title == "D" {
            d = id;
        }
    }
    app.services.clock.pin(datetime!(2030-03-11 03:45:00 UTC));
    let res = app.act(&owner, d, json!({ "action": "complete" })).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    owner
}

fn titles(page: &Value) -> Vec<String> {
    let mut titles: Vec<String> =
        page["items"].as_array().into_iter().flatten().filter_map(|t| t["title"].as_str().map(str::to_owned)).collect();
    titles.sort();
    titles
}

fn series(summary: &Value) -> Vec<(String, i64, i64)> {
    summary["series"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| (p["start"].as_str().unwrap_or("").to_owned(), p["created"].as_i64().unwrap_or(-1), p["solved"].as_i64().unwrap_or(-1)))
        .collect()
}

fn points(want: &[(&str, i64, i64)]) -> Vec<(String, i64, i64)> {
    want.iter().map(|(d, c, s)| ((*d).to_owned(), *c, *s)).collect()
}

#[tokio::test]
async fn days_weeks_and_months_begin_at_the_desks_midnight() {
    let app = crate::reports::app().await;
    let owner = build(&app).await;
    let summary = get(&app, &owner, "/api/v1/reports/summary?from=2030-03-09&to=2030-03-11").await;
    assert_eq!((summary["created"].clone(), summary["solved"].clone()), (json!(5), json!(1)), "{summary}");
    assert_eq!(series(&summary), points(&[("2030-03-09", 3, 0), ("2030-03-10", 2, 1)]));
    // The two days before: 03-07 and 03-08, A alone.
    assert_eq!(summary["previous"]["created"], json!(1), "{summary}");
    let page = get(&app, &owner, "/api/v1/reports/tickets?metric=created&from=2030-03-09&to=2030-03-11").await;
    assert_eq!(titles(&page), ["B", "C", "D", "E", "G"]);
    let page = get(&app, &owner, "/api/v1/reports/tickets?metric=created&from=2030-03-10&to=2030-03-11").await;
    assert_eq!(titles(&page), ["D", "E"], "the 23-hour day");
    let page = get(&app, &owner, "/api/v1/reports/tickets?metric=solved&from=2030-03-10&to=2030-03-11").await;
    assert_eq!(titles(&page), ["D"]);

    // Without an end the series runs to the last ticket's local day (the seeded desk's tickets
    // are older: a start keeps them out).
    let summary = get(&app, &owner, "/api/v1/reports/summary?from=2030-03-08").await;
    let want = [("2030-03-08", 1, 0), ("2030-03-09", 3, 0), ("2030-03-10", 2, 1), ("2030-03-11", 1, 0)];
    assert_eq!(series(&summary), points(&want), "{summary}");
    // Weeks from Monday: 03-04..03-10 holds A to E, 03-11.. holds F; the month holds all.
    let summary = get(&app, &owner, "/api/v1/reports/summary?interval=week&from=2030-03-05").await;
    assert_eq!(series(&summary), points(&[("2030-03-04", 6, 1), ("2030-03-11", 1, 0)]));
    let summary = get(&app, &owner, "/api/v1/reports/summary?interval=month&from=2030-03-01&to=2030-04-01").await;
    assert_eq!(series(&summary), points(&[("2030-03-01", 7, 1)]));

    // The same tickets counted in UTC.
    let res = app.call(Method::PATCH, "/api/v1/admin/settings").token(&owner).json(&json!({ "time_zone": "UTC" })).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let summary = get(&app, &owner, "/api/v1/reports/summary?from=2030-03-09&to=2030-03-11").await;
    assert_eq!(series(&summary), points(&[("2030-03-09", 2, 0), ("2030-03-10", 3, 0)]));
}

#[tokio::test]
async fn the_time_zone_is_an_iana_name() {
    let app = crate::reports::app().await;
    let owner = app.login(OWNER).await;
    let patch = |body: Value| app.call(Method::PATCH, "/api/v1/admin/settings").token(&owner).json(&body).send();
    // (time_zone, status, field error)
    let cases = [
        ("Mars/Olympus", StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_value")),
        ("", StatusCode::UNPROCESSABLE_ENTITY, Some("required")),
        ("asia/shanghai", StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_value")),
        ("Europe/Berlin", StatusCode::OK, None),
    ];
    for (zone, status, error) in cases {
        let res = patch(json!({ "time_zone": zone })).await;
        assert_eq!(res.status, status, "{zone}: {}", res.text());
        if let Some(code) = error {
            assert_eq!(res.field_errors(), crate::support::pairs(&[("time_zone", code)]), "{zone}");
        }
    }
    let settings = get(&app, &owner, "/api/v1/admin/settings").await;
    assert_eq!(settings["time_zone"], json!("Europe/Berlin"));
}

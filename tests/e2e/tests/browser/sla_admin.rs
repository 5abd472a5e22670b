//! `/admin/sla` in Chromium on the real server (issue 13): a business calendar whose holidays
//! come from a holiday list — typed lines (a range, a make-up working day, a line it cannot
//! read, named) and an iCalendar file chosen in the file input — checked in the form and saved.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

async fn rows(b: &baton_e2e::Browser, list: &str) -> usize {
    let css = format!("[data-testid='calendar-{list}'] [data-testid='calendar-day-row']");
    b.driver.find_all(By::Css(css)).await.expect("query").len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_builds_a_calendars_holidays_from_a_list_and_an_icalendar_file() {
    let stack = Stack::start().await;
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("zh-CN").await;
    b.login(&stack.base_url(), "admin@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/sla")).await;
    b.click("sla-calendar-new").await;
    b.type_into("calendar-name", "上海办公时间").await;

    b.find_by(By::Css("[data-testid='holiday-import'] summary")).await.click().await.expect("open the import");
    b.set_value("holiday-import-text", "日期,名称\n2027-01-01 元旦\n2027-02-06..2027-02-08,春节\n2027-02-14 补班 09:00-18:00\n2027-13-01 坏的一行\n").await;
    b.click("holiday-import-add").await;
    let said = b.wait_text("holiday-import-status", |t| !t.is_empty()).await;
    assert!(said.contains("4 个节假日") && said.contains("1 个补班日") && said.contains("第 5 行"), "{said}");
    assert_eq!((rows(&b, "holidays").await, rows(&b, "exceptions").await), (4, 1));

    // A published holiday calendar (.ics): New Year again (merged, not doubled) and two days more.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let ics = dir.path().join("holidays.ics");
    std::fs::write(&ics, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271001\r\nDTEND;VALUE=DATE:20271003\r\nSUMMARY:国庆节\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").expect("write");
    b.find("holiday-import-file").await.send_keys(ics.to_string_lossy()).await.expect("choose the file");
    // The file's text fills the list (the textarea's value).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let value = b.find("holiday-import-text").await.prop("value").await.expect("value").unwrap_or_default();
        if value.contains("BEGIN:VCALENDAR") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the file was not read: {value}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    b.click("holiday-import-add").await;
    b.wait_text("holiday-import-status", |t| t.contains("3 个节假日")).await;
    assert_eq!(rows(&b, "holidays").await, 6);
    b.assert_accessible("the calendar form with the holiday import").await;

    b.click("calendar-save").await;
    b.find_by(By::Css("[data-testid='sla-calendar']")).await;
    let admin = ApiClient::login(&stack.base_url(), "admin@baton.test").await;
    let (_, calendars) = admin.get("/api/v1/admin/sla/calendars").await;
    let saved = calendars.as_array().into_iter().flatten().find(|c| c["name"] == "上海办公时间").cloned().expect("saved");
    let dates: Vec<&str> = saved["holidays"].as_array().into_iter().flatten().filter_map(|h| h["date"].as_str()).collect();
    assert_eq!(dates, ["2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-10-01", "2027-10-02"], "{saved}");
    assert_eq!(saved["holidays"][0]["name"], "New Year", "the file's name replaced the typed one: {saved}");
    assert_eq!(saved["exceptions"], serde_json::json!([{"date": "2027-02-14", "name": "补班", "windows": [{"start": "09:00", "end": "18:00"}]}]));
    b.quit().await;
}

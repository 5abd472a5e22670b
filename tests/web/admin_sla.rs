//! /admin/settings and /admin/sla against a fake backend: the desk's settings with local and
//! server field errors (input kept), calendars and policies listed, reordered with the arrows,
//! deleted after a confirmation (a calendar in use is refused), and the editors' 422 errors
//! shown beside the weekday, holiday and priority target they name.

use crate::fake_server::answered as until;
use crate::fake_server::{answer, problem, provide_app, staff, FakeServer};
use crate::support::{mount, type_into, value_of, Mounted};
use baton::i18n::Locale;
use baton::pages::admin::{AdminSettings, AdminSla};
use baton_core::Role;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn invalid(method: &'static str, path: &'static str, errors: Value) -> crate::fake_server::Answer {
    answer(method, path, 422, json!({"type": "about:blank", "title": "invalid", "status": 422, "code": "validation_failed", "errors": errors}))
}

fn click(el: web_sys::Element) {
    el.unchecked_into::<web_sys::HtmlElement>().click();
}

fn submit(page: &Mounted, testid: &str) {
    click(page.testid(testid));
}

fn error_for(page: &Mounted, field: &str) -> Option<String> {
    page.find(&format!("[data-testid='field-error'][data-field='{field}']")).and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn desk_settings_are_checked_saved_and_refusals_show_beside_their_field() {
    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"settings": true})),
        answer("GET", "/admin/settings", 200, json!({"name": "Acme", "slug": "acme", "auto_close_days": 7})),
        invalid("PATCH", "/admin/settings", json!([{"field": "name", "code": "too_long"}])),
    ]);
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["settings.manage"])));
        view! { <AdminSettings /> }
    });
    until("the form", || page.find("[data-testid='settings-form']").is_some()).await;
    assert_eq!(value_of(&page.testid("settings-slug")), "acme");
    assert!(page.testid("settings-slug").has_attribute("readonly"));

    // Out of range: refused here, nothing sent.
    type_into(&page.testid("settings-auto-close"), "91");
    submit(&page, "settings-save");
    until("the local error", || error_for(&page, "auto_close_days").is_some()).await;
    assert!(server.sent("PATCH", "/admin/settings").is_empty());

    // The server's refusal beside the name, what was typed kept; only what changed is sent.
    type_into(&page.testid("settings-auto-close"), "0");
    type_into(&page.testid("settings-name"), "Acme Support");
    submit(&page, "settings-save");
    until("the server's error", || error_for(&page, "name").is_some()).await;
    assert_eq!(server.sent("PATCH", "/admin/settings"), [json!({"name": "Acme Support", "auto_close_days": 0})]);
    assert_eq!(value_of(&page.testid("settings-name")), "Acme Support");
    assert_eq!(page.testid("settings-name").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(error_for(&page, "auto_close_days").is_none());
}

#[wasm_bindgen_test]
async fn the_sign_up_mode_asks_for_domains_only_when_it_needs_them() {
    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"settings": true})),
        answer("GET", "/admin/settings", 200, json!({"name": "Acme", "slug": "acme", "auto_close_days": 3, "signup_mode": "staff", "signup_domains": []})),
        answer("PATCH", "/admin/settings", 200, json!({"name": "Acme", "slug": "acme", "auto_close_days": 3, "signup_mode": "domains", "signup_domains": ["acme.cn", "acme.test"]})),
    ]);
    let page = mount(Locale::ZhCn, || {
        provide_app(Some(staff(1, Role::Admin, &["settings.manage"])));
        view! { <AdminSettings /> }
    });
    until("the form", || page.find("[data-testid='settings-form']").is_some()).await;
    assert_eq!(value_of(&page.testid("settings-signup")), "staff");
    assert_eq!(page.text_of_all("#settings-signup option"), ["仅由客服创建客户", "仅通过单点登录", "任何人均可注册", "仅限下列邮箱域名注册"]);
    assert!(page.find("[data-testid='settings-domains']").is_none());

    crate::support::choose(&page.testid("settings-signup"), "domains");
    until("the domains field", || page.find("[data-testid='settings-domains']").is_some()).await;
    // Domains mode without a domain: refused here, beside the field.
    submit(&page, "settings-save");
    until("the local error", || error_for(&page, "signup_domains").is_some()).await;
    assert!(server.sent("PATCH", "/admin/settings").is_empty());

    type_into(&page.testid("settings-domains"), "ACME.test，acme.cn");
    submit(&page, "settings-save");
    until("saved", || !server.sent("PATCH", "/admin/settings").is_empty()).await;
    assert_eq!(server.sent("PATCH", "/admin/settings"), [json!({"signup_mode": "domains", "signup_domains": ["acme.test", "acme.cn"]})]);
    until("the notice", || !page.text("admin-notice").is_empty()).await;
    assert!(error_for(&page, "signup_domains").is_none());
}

// Session 10 (reports): the desk's time zone.
#[wasm_bindgen_test]
async fn the_time_zone_is_sent_and_a_refusal_shows_beside_it() {
    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"settings": true})),
        answer("GET", "/admin/settings", 200, json!({"name": "Acme", "slug": "acme", "auto_close_days": 3, "time_zone": "Asia/Shanghai"})),
        invalid("PATCH", "/admin/settings", json!([{"field": "time_zone", "code": "invalid_value"}])),
    ]);
    let page = mount(Locale::ZhCn, || {
        provide_app(Some(staff(1, Role::Admin, &["settings.manage"])));
        view! { <AdminSettings /> }
    });
    until("the form", || page.find("[data-testid='settings-form']").is_some()).await;
    assert_eq!(value_of(&page.testid("settings-time-zone")), "Asia/Shanghai");
    assert!(page.all("#settings-time-zones option").len() > 3, "common zones are offered");
    type_into(&page.testid("settings-time-zone"), "Mars/Olympus");
    submit(&page, "settings-save");
    until("the server's error", || error_for(&page, "time_zone").is_some()).await;
    assert_eq!(server.sent("PATCH", "/admin/settings"), [json!({"time_zone": "Mars/Olympus"})]);
    assert_eq!(value_of(&page.testid("settings-time-zone")), "Mars/Olympus", "what was typed stays");
    assert_eq!(page.testid("settings-time-zone").get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = error_for(&page, "time_zone").unwrap_or_default();
    assert!(!message.is_empty() && !message.contains("invalid_value"), "translated: {message}");
}

fn sla_backend() -> FakeServer {
    let week = json!([[{"start": "09:00", "end": "18:00"}], [], [], [], [], [], []]);
    FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"sla": true})),
        answer("GET", "/admin/sla/calendars", 200, json!([
            {"id": 4, "name": "Office", "time_zone": "Asia/Shanghai", "week": week, "holidays": [{"date": "2027-01-01", "name": "New year"}], "exceptions": []}
        ])),
        answer("GET", "/admin/sla/policies", 200, json!([
            {"id": 1, "position": 0, "name": "VIP", "calendar_id": 4, "conditions": {"customer_group_ids": [3]},
             "targets": [{"priority": "urgent", "first_reply": 30, "resolution": 480}]},
            {"id": 2, "position": 1, "name": "Everyone", "calendar_id": null, "conditions": {}, "targets": []}
        ])),
        answer("GET", "/ticket-types", 200, json!([])),
        answer("GET", "/customer-groups", 200, json!([{"id": 3, "name": "Gold"}])),
        answer("PUT", "/admin/sla/policies/order", 204, Value::Null),
        problem("DELETE", "/admin/sla/calendars/4", 409, "calendar_in_use"),
        invalid("PUT", "/admin/sla/calendars/4", json!([{"field": "week.2.1", "code": "invalid_value"}, {"field": "holidays.0.date", "code": "invalid_value"}])),
        invalid("PUT", "/admin/sla/policies/1", json!([{"field": "targets.1.first_reply", "code": "invalid_value"}])),
    ])
}

fn mount_sla() -> Mounted {
    mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["settings.manage"])));
        view! { <AdminSla /> }
    })
}

#[wasm_bindgen_test]
async fn policies_reorder_with_the_arrows_and_a_calendar_in_use_is_not_deleted() {
    let server = sla_backend();
    let page = mount_sla();
    until("the lists", || page.all("[data-testid='sla-policy']").len() == 2).await;
    assert_eq!(page.all("[data-testid='sla-calendar']").len(), 1);
    let first = page.get("[data-policy-id='1'] [data-testid='sla-up']");
    assert!(first.has_attribute("disabled"), "the first cannot move up");
    assert_eq!(first.get_attribute("aria-label").as_deref(), Some("Move VIP up"));

    click(page.get("[data-policy-id='1'] [data-testid='sla-down']"));
    until("the new order", || {
        page.all("[data-testid='sla-policy']").first().and_then(|p| p.get_attribute("data-policy-id")).as_deref() == Some("2")
    })
    .await;
    assert_eq!(server.sent("PUT", "/admin/sla/policies/order"), [json!({"ids": [2, 1]})]);
    // At the bottom now: its "down" arrow is disabled, so focus is on its "up" one.
    until("focus follows the policy", || {
        leptos::prelude::document().active_element().map(|e| e.id()).as_deref() == Some("policy-up-1")
    })
    .await;

    // Delete asks first; the server refuses a calendar in use, and it stays.
    click(page.get("[data-calendar-id='4'] [data-testid='sla-delete']"));
    assert!(server.requests().iter().all(|(m, ..)| m != "DELETE"), "nothing deleted before the confirmation");
    until("the question", || page.find("[data-testid='sla-confirm-yes']").is_some()).await;
    click(page.testid("sla-confirm-yes"));
    until("the refusal", || page.text("admin-notice").contains("used by a policy")).await;
    assert_eq!(page.all("[data-testid='sla-calendar']").len(), 1);
}

#[wasm_bindgen_test]
async fn the_editors_show_the_servers_errors_beside_the_day_holiday_and_target() {
    let server = sla_backend();
    let page = mount_sla();
    until("the lists", || page.all("[data-testid='sla-calendar']").len() == 1).await;

    click(page.get("[data-calendar-id='4'] [data-testid='sla-edit']"));
    until("the calendar editor", || page.find("[data-testid='calendar-form']").is_some()).await;
    assert_eq!(value_of(&page.get("[data-testid='calendar-day'][data-day='0']")), "09:00-18:00");
    type_into(&page.get("[data-testid='calendar-day'][data-day='2']"), "09:00-12:00, 13:00-25:00");
    submit(&page, "calendar-save");
    until("the errors", || error_for(&page, "week.2.1").is_some()).await;
    let sent = server.sent("PUT", "/admin/sla/calendars/4");
    assert_eq!(sent[0]["week"][2], json!([{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "25:00"}]));
    assert_eq!(sent[0]["holidays"], json!([{"date": "2027-01-01", "name": "New year"}]));
    // Beside Wednesday's input and inside the first holiday's row, the typed text kept.
    let wednesday = page.get("[data-testid='calendar-day'][data-day='2']").parent_element().expect("row");
    assert!(wednesday.query_selector("[data-field='week.2.1']").expect("selector").is_some());
    let holiday = page.get("[data-testid='calendar-holidays'] [data-testid='calendar-day-row']");
    assert!(holiday.query_selector("[data-field='holidays.0.date']").expect("selector").is_some());
    assert_eq!(value_of(&page.get("[data-testid='calendar-day'][data-day='2']")), "09:00-12:00, 13:00-25:00");
    submit(&page, "calendar-cancel");

    click(page.get("[data-policy-id='1'] [data-testid='sla-edit']"));
    until("the policy editor", || page.find("[data-testid='policy-form']").is_some()).await;
    let target = |p: &str, t: &str| page.get(&format!("[data-testid='policy-target-row'][data-priority='{p}'] [data-target='{t}']"));
    assert_eq!(value_of(&target("urgent", "first_reply")), "30");
    assert_eq!(value_of(&target("urgent", "resolution")), "8", "whole hours are shown in hours");
    type_into(&target("high", "first_reply"), "2");
    submit(&page, "policy-save");
    until("the target error", || error_for(&page, "targets.urgent.first_reply").is_some()).await;
    let sent = server.sent("PUT", "/admin/sla/policies/1");
    // High comes before urgent: the server's `targets.1` is urgent's row.
    assert_eq!(sent[0]["targets"], json!([
        {"priority": "high", "first_reply": 120},
        {"priority": "urgent", "first_reply": 30, "resolution": 480}
    ]));
    assert_eq!(sent[0]["conditions"]["customer_group_ids"], json!([3]));
    let urgent = page.get("[data-testid='policy-target-row'][data-priority='urgent']");
    assert!(urgent.query_selector("[data-field='targets.urgent.first_reply']").expect("selector").is_some());
}

//! The admin console's pages against a fake backend (`fake_server`): who sees them and the top
//! bar's entry (permission × capability), the staff table and its actions, the invitation form's
//! checks and refusals, and the mail outbox with its filter, its pages and the no-SMTP notice.

use crate::fake_server::{answer, problem, provide_app, staff, FakeServer};
use crate::fake_server::answered as until;
use crate::support::{choose, mount, type_into, value_of, Mounted};
use baton::i18n::Locale;
use baton::pages::admin::{AdminAgents, AdminLink, AdminMail};
use baton_core::Role;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const ADMIN: &[&str] = &["agents.manage", "settings.manage"];

fn agents() -> Value {
    json!([
        {"id": 1, "name": "Olive Owner", "email": "olive@acme.test", "role": "owner", "role_id": null,
         "groups": [], "state": "active", "invited_at": null, "last_seen_at": null},
        {"id": 7, "name": "Ann Lee", "email": "ann@acme.test", "role": "agent", "role_id": null,
         "groups": [{"id": 2, "name": "Billing"}], "state": "invited", "invited_at": "2026-12-07T10:00:00Z", "last_seen_at": null},
        {"id": 8, "name": "Bo Chen", "email": "bo@acme.test", "role": "agent", "role_id": 5,
         "groups": [{"id": 2, "name": "Billing"}, {"id": 3, "name": "Returns"}], "state": "active", "invited_at": null, "last_seen_at": null},
        {"id": 9, "name": "Cy Ma", "email": "cy@acme.test", "role": "admin", "role_id": null,
         "groups": [], "state": "deactivated", "invited_at": null, "last_seen_at": null}
    ])
}

fn agent_backend(extra: Vec<crate::fake_server::Answer>) -> FakeServer {
    let mut answers = extra;
    answers.extend([
        answer("GET", "/capabilities", 200, json!({"invitations": true, "mail": true})),
        answer("GET", "/admin/agents", 200, agents()),
        answer("GET", "/groups", 200, json!([
            {"id": 2, "name": "Billing", "auto_assign": false, "members": []},
            {"id": 3, "name": "Returns", "auto_assign": true, "members": []}
        ])),
        answer("GET", "/admin/roles", 200, json!([
            {"id": null, "builtin": "owner", "name": "Owner", "permissions": [], "members": 1},
            {"id": null, "builtin": "admin", "name": "Admin", "permissions": [], "members": 1},
            {"id": null, "builtin": "agent", "name": "Agent", "permissions": [], "members": 1},
            {"id": 5, "builtin": null, "name": "Supervisor", "permissions": [], "members": 1}
        ])),
    ]);
    FakeServer::start(answers)
}

fn row(page: &Mounted, id: i64) -> web_sys::Element {
    page.get(&format!("[data-testid='agent-row'][data-agent-id='{id}']"))
}

fn in_row(page: &Mounted, id: i64, testid: &str) -> Option<web_sys::Element> {
    row(page, id).query_selector(&format!("[data-testid='{testid}']")).expect("selector")
}

fn click_in(page: &Mounted, id: i64, testid: &str) {
    let button = in_row(page, id, testid).unwrap_or_else(|| panic!("no {testid} in row {id}"));
    button.unchecked_into::<web_sys::HtmlElement>().click();
}

fn mount_agents(locale: Locale) -> Mounted {
    mount(locale, || {
        provide_app(Some(staff(1, Role::Owner, ADMIN)));
        view! { <AdminAgents /> }
    })
}

#[wasm_bindgen_test]
async fn the_admin_entry_and_pages_need_the_permission_and_the_capability() {
    // (permissions, capabilities) → the entry's target, and what /admin/agents shows.
    let cases: [(&[&str], Value, Option<&str>, &str); 5] = [
        (&["agents.manage"], json!({"invitations": true, "mail": true}), Some("/admin/agents"), "table"),
        (&["settings.manage"], json!({"invitations": true, "mail": true}), Some("/admin/mail"), "forbidden"),
        (&["agents.manage"], json!({"mail": true}), None, "unavailable"),
        (&["reports.view"], json!({"invitations": true, "mail": true}), None, "forbidden"),
        (&["agents.manage", "settings.manage"], json!({}), None, "unavailable"),
    ];
    for (permissions, caps, entry, shown) in cases {
        let server = FakeServer::start(vec![
            answer("GET", "/capabilities", 200, caps.clone()),
            answer("GET", "/admin/agents", 200, agents()),
        ]);
        let me = staff(3, Role::Agent, permissions);
        let page = mount(Locale::En, move || {
            provide_app(Some(me.clone()));
            view! { <ul><AdminLink me=Signal::stored(Some(me)) /></ul> <AdminAgents /> }
        });
        let label = format!("{permissions:?} {caps}");
        until(&label, || page.find("[data-testid='agents-table'], [data-testid='admin-refused']").is_some()).await;
        let link = page.find("[data-testid='nav-admin']").and_then(|a| a.get_attribute("href"));
        assert_eq!(link.as_deref(), entry, "{label}");
        match page.find("[data-testid='admin-refused']") {
            Some(refused) => assert_eq!(refused.get_attribute("data-code").as_deref(), Some(shown), "{label}"),
            None => assert_eq!(shown, "table", "{label}"),
        }
        drop((page, server));
    }
}

#[wasm_bindgen_test]
async fn the_staff_table_shows_state_role_groups_and_the_actions_each_state_allows() {
    let _server = agent_backend(Vec::new());
    let page = mount_agents(Locale::En);
    until("the table", || page.find("[data-testid='agents-table']").is_some()).await;
    until("the roles", || page.all("[data-agent-id='8'] option").len() == 3).await;
    let states: Vec<_> = page.all("[data-testid='agent-row']").iter().map(|r| r.get_attribute("data-state").unwrap_or_default()).collect();
    assert_eq!(states, ["active", "invited", "active", "deactivated"]);
    assert_eq!(page.text_of_all("[data-testid='agent-state']"), ["Active", "Invited", "Active", "Deactivated"]);
    assert_eq!(in_row(&page, 8, "agent-groups").and_then(|g| g.text_content()).as_deref(), Some("Billing, Returns"));
    // The owner's role is text; the others' a select showing their role (a custom one by name).
    assert_eq!(in_row(&page, 1, "agent-role").map(|r| r.tag_name()).as_deref(), Some("SPAN"));
    assert_eq!(in_row(&page, 8, "agent-role").map(|s| crate::support::selected(&s)).as_deref(), Some("agent:5"));
    assert_eq!(in_row(&page, 9, "agent-role").map(|s| crate::support::selected(&s)).as_deref(), Some("admin"));
    // Actions: resend only while invited; nobody deactivates the owner or themselves.
    let actions = |id| ["agent-resend", "agent-deactivate", "agent-reactivate"].map(|t| in_row(&page, id, t).is_some());
    assert_eq!(actions(1), [false, false, false]);
    assert_eq!(actions(7), [true, true, false]);
    assert_eq!(actions(8), [false, true, false]);
    assert_eq!(actions(9), [false, false, true]);
}

#[wasm_bindgen_test]
async fn deactivating_asks_first_and_a_refusal_shows_in_the_row() {
    let server = agent_backend(vec![
        answer("PATCH", "/admin/agents/8", 200, json!({"id": 8, "name": "Bo Chen", "email": "bo@acme.test", "role": "agent",
            "role_id": 5, "groups": [], "state": "deactivated", "invited_at": null, "last_seen_at": null})),
        problem("POST", "/admin/agents/7/invitation", 409, "conflict"),
        problem("PUT", "/admin/agents/8/role", 403, "forbidden"),
    ]);
    let page = mount_agents(Locale::En);
    until("the table", || page.find("[data-testid='agents-table']").is_some()).await;
    until("the roles", || page.all("[data-agent-id='8'] option").len() == 3).await;

    click_in(&page, 8, "agent-deactivate");
    until("the confirmation", || in_row(&page, 8, "agent-confirm").is_some()).await;
    assert!(server.sent("PATCH", "/admin/agents/8").is_empty(), "nothing sent before the confirmation");
    click_in(&page, 8, "agent-confirm-no");
    until("closed", || in_row(&page, 8, "agent-confirm").is_none()).await;
    click_in(&page, 8, "agent-deactivate");
    until("the confirmation", || in_row(&page, 8, "agent-confirm-yes").is_some()).await;
    click_in(&page, 8, "agent-confirm-yes");
    until("the notice", || page.text("admin-notice") == "Bo Chen is deactivated.").await;
    assert_eq!(server.sent("PATCH", "/admin/agents/8"), vec![json!({"active": false})]);

    // Resending to someone who accepted meanwhile (409 conflict): said in the row.
    click_in(&page, 7, "agent-resend");
    until("the row's error", || in_row(&page, 7, "agent-row-error").is_some()).await;
    assert_eq!(in_row(&page, 7, "agent-row-error").and_then(|e| e.text_content()).as_deref(),
        Some("This agent has already accepted the invitation."));

    // A refused role change puts the select back.
    let select = in_row(&page, 8, "agent-role").expect("select");
    choose(&select, "admin");
    until("the row's error", || in_row(&page, 8, "agent-row-error").is_some()).await;
    assert_eq!(server.sent("PUT", "/admin/agents/8/role"), vec![json!({"role": "admin", "role_id": null})]);
    assert_eq!(crate::support::selected(&select), "agent:5");
}

#[wasm_bindgen_test]
async fn the_invitation_form_checks_sends_and_keeps_what_was_typed_when_refused() {
    let server = agent_backend(vec![problem("POST", "/admin/agents", 409, "already_exists")]);
    let page = mount_agents(Locale::En);
    until("the table", || page.find("[data-testid='agents-table']").is_some()).await;
    page.click("invite-open");
    until("the form", || page.find("[data-testid='invite-form']").is_some()).await;
    until("the groups", || page.all("[data-testid='invite-group']").len() == 2).await;
    page.click("invite-submit");
    until("the field errors", || page.field_error("email").is_some() && page.field_error("name").is_some()).await;
    assert!(server.sent("POST", "/admin/agents").is_empty());

    type_into(&page.testid("invite-email"), "dee@acme.test");
    type_into(&page.testid("invite-name"), "Dee Wu");
    until("the roles", || page.all("#invite-role option").len() == 3).await;
    choose(&page.testid("invite-role"), "agent:5");
    crate::support::check(&page.all("[data-testid='invite-group']")[1], true);
    page.click("invite-submit");
    until("the refusal", || page.find("[data-testid='invite-error']").is_some()).await;
    assert_eq!(page.text("invite-error"), "This email already belongs to a user of this desk.");
    assert_eq!(server.sent("POST", "/admin/agents"),
        vec![json!({"email": "dee@acme.test", "name": "Dee Wu", "role": "agent", "role_id": 5, "group_ids": [3]})]);
    assert_eq!(value_of(&page.testid("invite-email")), "dee@acme.test");
    assert_eq!(value_of(&page.testid("invite-name")), "Dee Wu");
}

#[wasm_bindgen_test]
async fn an_invitation_sent_is_announced_and_a_groups_refusal_shows_next_to_the_groups() {
    let invited = json!({"id": 10, "name": "Dee Wu", "email": "dee@acme.test", "role": "agent", "role_id": null,
        "groups": [], "state": "invited", "invited_at": "2026-12-07T11:00:00Z", "last_seen_at": null});
    for (status, body) in [
        (422, json!({"type": "about:blank", "title": "Invalid", "status": 422, "code": "validation_failed",
            "errors": [{"field": "group_ids", "code": "invalid_value"}]})),
        (201, invited),
    ] {
        let server = agent_backend(vec![answer("POST", "/admin/agents", status, body)]);
        let page = mount_agents(Locale::ZhCn);
        until("the table", || page.find("[data-testid='agents-table']").is_some()).await;
        page.click("invite-open");
        until("the form", || page.find("[data-testid='invite-form']").is_some()).await;
        type_into(&page.testid("invite-email"), "dee@acme.test");
        type_into(&page.testid("invite-name"), "Dee Wu");
        page.click("invite-submit");
        if status == 422 {
            until("the groups' error", || page.field_error("group_ids").is_some()).await;
            assert_eq!(value_of(&page.testid("invite-name")), "Dee Wu");
        } else {
            until("the notice", || !page.text("admin-notice").is_empty()).await;
            assert_eq!(page.text("admin-notice"), "邀请已发送至 dee@acme.test，链接 7 天内有效。");
            assert!(page.find("[data-testid='invite-form']").is_none(), "the form closes");
            until("the list reloaded", || server.requests().iter().filter(|r| r.1 == "/admin/agents" && r.0 == "GET").count() == 2).await;
        }
        drop((page, server));
    }
}

fn mail(id: i64, status: &str, error: Option<&str>) -> Value {
    json!({"id": id, "to": format!("m{id}@acme.test"), "subject": format!("Subject {id}"), "kind": if id % 2 == 0 { "invitation" } else { "digest" },
        "status": status, "attempts": 2, "last_error": error, "created_at": "2026-12-07T10:00:00Z",
        "next_attempt_at": if status == "queued" { Some("2026-12-07T10:05:00Z") } else { None }, "sent_at": null})
}

#[wasm_bindgen_test]
async fn the_outbox_filters_by_status_loads_more_and_says_when_smtp_is_missing() {
    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"invitations": true, "mail": true})),
        answer("GET", "/admin/mail", 200, json!({"smtp": false, "items": [mail(4, "failed", Some("550 mailbox unavailable")), mail(3, "queued", None)], "next_cursor": "c2"})),
    ]);
    let original = window().location().pathname().unwrap_or_default();
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["settings.manage"])));
        view! { <AdminMail /> }
    });
    until("the table", || page.find("[data-testid='mail-table']").is_some()).await;
    assert!(page.text("mail-no-smtp").starts_with("No mail server is configured"));
    assert_eq!(page.text_of_all("[data-testid='mail-to']"), ["m4@acme.test", "m3@acme.test"]);
    assert_eq!(page.text_of_all("[data-testid='mail-status-badge']"), ["Failed", "Queued"]);
    assert_eq!(page.text_of_all("[data-testid='mail-last-error']"), ["550 mailbox unavailable", ""]);
    assert_eq!(page.text_of_all("[data-kind]"), ["Invitation", "digest"]);

    page.click("load-more");
    until("the next page", || page.all("[data-testid='mail-row']").len() == 4).await;
    let queries: Vec<String> = server.requests().into_iter().filter(|r| r.1 == "/admin/mail").map(|r| r.2).collect();
    assert_eq!(queries, ["", "?cursor=c2"]);

    choose(&page.testid("mail-status"), "failed");
    until("asked again", || server.requests().iter().filter(|r| r.1 == "/admin/mail").count() == 3).await;
    assert_eq!(server.requests().into_iter().filter(|r| r.1 == "/admin/mail").map(|r| r.2).next_back().as_deref(), Some("?status=failed"));
    until("the list started over", || page.all("[data-testid='mail-row']").len() == 2).await;
    drop(page);
    crate::fake_server::visit(&original);
}

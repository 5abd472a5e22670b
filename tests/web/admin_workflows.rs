//! /admin/workflows against a fake backend (issue 13): the templates listed with their steps; the
//! editor sends the whole template (steps in order with keys, groups, required fields and next
//! steps), and the server's 422 shows beside the field of the step it names, what was typed kept.

use crate::fake_server::answered as until;
use crate::fake_server::{answer, provide_app, staff, FakeServer};
use crate::support::{mount, type_into, value_of};
use baton::i18n::Locale;
use baton::pages::admin::AdminWorkflows;
use baton_core::Role;
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn click(el: web_sys::Element) {
    el.unchecked_into::<web_sys::HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn templates_are_listed_edited_whole_and_refusals_show_beside_the_step() {
    let step = |id: i64, key: &str, name: &str, group: (i64, &str), required: &[&str], next: &[&str]| {
        json!({"id": id, "key": key, "name": name, "group": {"id": group.0, "name": group.1}, "required_fields": required, "next": next})
    };
    let workflow = json!({"id": 9, "name": "退货", "type_id": 3, "steps": [
        step(11, "intake", "客服受理", (1, "Support"), &["amount"], &["approval"]),
        step(12, "approval", "主管审批", (2, "Supervisors"), &[], &[]),
    ]});
    let server = FakeServer::start(vec![
        answer("GET", "/capabilities", 200, json!({"workflows": true})),
        answer("GET", "/admin/workflows", 200, json!([workflow])),
        answer("GET", "/ticket-types", 200, json!([{"id": 3, "name": {"en": "Returns"}, "subtypes": [],
            "fields": [{"key": "amount", "label": {"en": "Amount paid"}, "kind": "number", "required": false}]}])),
        answer("GET", "/groups", 200, json!([
            {"id": 1, "name": "Support", "auto_assign": false, "members": []},
            {"id": 2, "name": "Supervisors", "auto_assign": false, "members": []}
        ])),
        answer("PUT", "/admin/workflows/9", 422, json!({"type": "about:blank", "title": "invalid", "status": 422,
            "code": "validation_failed", "errors": [{"field": "steps.1.group_id", "code": "invalid_value"}]})),
    ]);
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["settings.manage"])));
        view! { <AdminWorkflows /> }
    });
    until("the list", || page.find("[data-testid='workflow-row']").is_some()).await;
    let row = page.testid("workflow-row").text_content().unwrap_or_default();
    assert!(row.contains("退货") && row.contains("客服受理 (Support) → 主管审批 (Supervisors)"), "{row}");

    click(page.testid("workflow-edit"));
    until("the editor", || page.all("[data-testid='workflow-step-row']").len() == 2).await;
    let required = page.get("[data-testid='step-required'][value='amount']");
    assert!(required.unchecked_ref::<web_sys::HtmlInputElement>().checked(), "the intake step requires the amount");
    type_into(&page.testid("workflow-name"), "退货 v2");
    page.click("workflow-save");
    until("the server's error", || page.find("[data-testid='field-error'][data-field='steps.1.group_id']").is_some()).await;
    let sent = server.sent("PUT", "/admin/workflows/9");
    assert_eq!(sent, [json!({"name": "退货 v2", "type_id": 3, "steps": [
        {"key": "intake", "name": "客服受理", "group_id": 1, "required_fields": ["amount"], "next": ["approval"]},
        {"key": "approval", "name": "主管审批", "group_id": 2, "required_fields": [], "next": []}
    ]})]);
    // Beside the second step's group, and what was typed stays.
    let rows = page.all("[data-testid='workflow-step-row']");
    assert!(rows[1].query_selector("[data-field='steps.1.group_id']").ok().flatten().is_some());
    assert_eq!(value_of(&page.testid("workflow-name")), "退货 v2");
}

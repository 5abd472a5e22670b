//! /admin/types against a fake backend (issue 12): the types in order with their sub-types and
//! fields, a type added, a field added (checked first by `NewField::check`, then the server's 422
//! beside its input, what was typed kept), a field switched off, and a dictionary edited whole
//! (switched-off options shown muted, a bad option named in its row before anything is sent).

use crate::fake_server::answered as until;
use crate::fake_server::{answer, provide_app, staff, FakeServer};
use crate::support::{choose, mount, type_into, value_of, Mounted};
use baton::i18n::Locale;
use baton::pages::admin::AdminCatalog;
use baton_core::Role;
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn field(id: i64, key: &str, kind: &str, dictionary: Option<i64>, active: bool) -> Value {
    json!({"id": id, "key": key, "label": {"en": key, "zh-CN": key}, "kind": kind, "required": kind == "text",
        "help": null, "dictionary_id": dictionary, "parent": null, "active": active})
}

fn returns(order_no_active: bool) -> Value {
    json!({"id": 3, "name": {"en": "Returns", "zh-CN": "退货"}, "active": true,
        "subtypes": [{"id": 31, "name": {"en": "Damaged", "zh-CN": "破损"}, "active": true, "group_id": 1,
            "fields": [field(8, "reason", "select", Some(5), true)]}],
        "fields": [field(7, "order_no", "text", None, order_no_active)]})
}

fn dictionary() -> Value {
    json!({"id": 5, "name": "Reasons", "options": [
        {"value": "broken", "label": {"en": "Broken", "zh-CN": "损坏"}, "parent_value": null, "active": true},
        {"value": "late", "label": {"en": "Late", "zh-CN": "迟到"}, "parent_value": null, "active": false}
    ]})
}

fn start(more: Vec<crate::fake_server::Answer>) -> FakeServer {
    let mut answers = vec![
        answer("GET", "/capabilities", 200, json!({"catalog": true})),
        answer("GET", "/admin/ticket-types", 200, json!([returns(true),
            {"id": 4, "name": {"en": "Old", "zh-CN": "旧"}, "active": false, "subtypes": [], "fields": []}])),
        answer("GET", "/admin/dictionaries", 200, json!([dictionary()])),
        answer("GET", "/groups", 200, json!([{"id": 1, "name": "Support", "auto_assign": false, "members": []}])),
    ];
    answers.extend(more);
    FakeServer::start(answers)
}

async fn open() -> Mounted {
    let page = mount(Locale::En, || {
        provide_app(Some(staff(1, Role::Admin, &["settings.manage"])));
        view! { <AdminCatalog /> }
    });
    until("the types", || page.all("[data-testid='catalog-type']").len() == 2).await;
    page
}

fn within(page: &Mounted, scope: &str, testid: &str) -> web_sys::Element {
    page.get(&format!("{scope} [data-testid='{testid}']"))
}

#[wasm_bindgen_test]
async fn types_are_listed_added_and_a_refused_field_shows_beside_its_input() {
    let server = start(vec![
        answer("POST", "/admin/ticket-types", 201, json!({"id": 6, "name": {"en": "Billing", "zh-CN": "账单"}, "active": true, "subtypes": [], "fields": []})),
        answer("POST", "/admin/ticket-types/3/fields", 422, json!({"type": "about:blank", "title": "invalid", "status": 422,
            "code": "validation_failed", "errors": [{"field": "dictionary_id", "code": "invalid_value"}]})),
    ]);
    let page = open().await;
    let types = page.all("[data-testid='catalog-type']");
    assert_eq!(types[1].get_attribute("data-active").as_deref(), Some("false"), "the old type is shown switched off");
    let text = types[0].text_content().unwrap_or_default();
    assert!(text.contains("Returns · 退货") && text.contains("Damaged · 破损"), "{text}");
    assert_eq!(page.all("[data-testid='catalog-field']").len(), 2, "the type's field and the sub-type's");
    assert_eq!(value_of(&page.testid("subtype-group")), "1");
    assert!(page.text("catalog-intro").contains("switched off, never deleted"));

    // A type: both names sent, added at the end.
    type_into(&within(&page, "[data-testid='type-form']", "name-en"), "Billing");
    type_into(&within(&page, "[data-testid='type-form']", "name-zh"), "账单");
    page.click("type-form-add");
    until("the new type", || page.all("[data-testid='catalog-type']").len() == 3).await;
    assert_eq!(server.sent("POST", "/admin/ticket-types"), [json!({"name": {"en": "Billing", "zh-CN": "账单"}, "active": true})]);

    // A field: a bad key is named before anything is sent…
    let form = "[data-testid='catalog-type'][data-type-id='3'] [data-testid='field-form']";
    choose(&within(&page, form, "field-owner"), "31");
    type_into(&within(&page, form, "field-key"), "Bad Key");
    type_into(&within(&page, form, "label-en"), "Colour");
    choose(&within(&page, form, "field-kind"), "select");
    choose(&within(&page, form, "field-dictionary"), "5");
    // The sub-type's select field is a cascade parent once the field is the sub-type's.
    until("the parent offered", || page.find(&format!("{form} [data-testid='field-parent'] option[value='reason']")).is_some()).await;
    choose(&within(&page, form, "field-parent"), "reason");
    within(&page, form, "field-add").unchecked_into::<web_sys::HtmlElement>().click();
    until("the key's error", || page.field_error("key").is_some()).await;
    assert!(server.sent("POST", "/admin/ticket-types/3/fields").is_empty(), "checked before sending");
    // …then the server's refusal of the dictionary shows beside the dictionary, the input kept.
    type_into(&within(&page, form, "field-key"), "colour");
    within(&page, form, "field-add").unchecked_into::<web_sys::HtmlElement>().click();
    until("the server's error", || page.field_error("dictionary_id").is_some()).await;
    assert_eq!(server.sent("POST", "/admin/ticket-types/3/fields"), [json!({"subtype_id": 31, "key": "colour",
        "label": {"en": "Colour"}, "kind": "select", "required": false, "help": null, "dictionary_id": 5, "parent": "reason"})]);
    assert!(page.field_error("key").is_none(), "the key is fine now");
    let error = page.field_error("dictionary_id").expect("the error");
    assert!(error.parent_element().and_then(|p| p.query_selector("[data-testid='field-dictionary']").ok().flatten()).is_some(), "beside the dictionary");
    assert_eq!(value_of(&within(&page, form, "field-key")), "colour");
    assert_eq!(value_of(&within(&page, form, "label-en")), "Colour");
}

#[wasm_bindgen_test]
async fn a_field_is_switched_off_not_deleted() {
    let server = start(vec![answer("PUT", "/admin/fields/7", 200, returns(false))]);
    let page = open().await;
    let row = "[data-testid='catalog-field'][data-key='order_no']";
    assert_eq!(page.get(row).get_attribute("data-active").as_deref(), Some("true"));
    within(&page, row, "field-toggle").unchecked_into::<web_sys::HtmlElement>().click();
    until("switched off", || page.find(&format!("{row}[data-active='false']")).is_some()).await;
    assert_eq!(server.sent("PUT", "/admin/fields/7"), [json!({"label": {"en": "order_no", "zh-CN": "order_no"}, "required": true, "help": null, "active": false})]);
    assert!(server.requests().iter().all(|(m, ..)| m != "DELETE"));
}

#[wasm_bindgen_test]
async fn a_dictionary_is_edited_whole_and_bad_options_named_in_their_row() {
    let saved = json!({"id": 5, "name": "Return reasons", "options": [
        {"value": "broken", "label": {"en": "Broken", "zh-CN": "损坏"}, "parent_value": null, "active": true},
        {"value": "wrong", "label": {"en": "Wrong item"}, "parent_value": null, "active": true},
        {"value": "late", "label": {"en": "Late", "zh-CN": "迟到"}, "parent_value": null, "active": false}
    ]});
    let server = start(vec![answer("PUT", "/admin/dictionaries/5", 200, saved)]);
    let page = open().await;
    assert!(page.text("dictionary-off").contains("Late (late)"), "switched-off options are shown apart");
    page.click("dictionary-edit");
    until("the editor", || page.all("[data-testid='option-row']").len() == 1).await;
    assert_eq!(page.all("[data-testid='option-off']").len(), 1, "the switched-off option, to add back");
    type_into(&page.testid("dictionary-name"), "Return reasons");
    page.click("option-add");
    until("a new row", || page.all("[data-testid='option-row']").len() == 2).await;
    let rows = page.all("[data-testid='option-row']");
    let input = |row: &web_sys::Element, id: &str| row.query_selector(&format!("[data-testid='{id}']")).ok().flatten().expect(id);
    type_into(&input(&rows[1], "option-en"), "Wrong item");
    page.click("dictionary-save");
    until("the empty value named", || page.field_error("options[1].value").is_some()).await;
    assert!(rows[1].query_selector("[data-field='options[1].value']").ok().flatten().is_some(), "in its row");
    assert!(server.sent("PUT", "/admin/dictionaries/5").is_empty());
    type_into(&input(&rows[1], "option-value"), "wrong");
    page.click("dictionary-save");
    until("saved", || page.find("[data-testid='dictionary-form']").is_none()).await;
    assert_eq!(server.sent("PUT", "/admin/dictionaries/5"), [json!({"name": "Return reasons", "options": [
        {"value": "broken", "label": {"en": "Broken", "zh-CN": "损坏"}, "parent_value": null},
        {"value": "wrong", "label": {"en": "Wrong item"}, "parent_value": null}
    ]})]);
    assert!(page.text("dictionary-row").contains("Wrong item (wrong)"));
}

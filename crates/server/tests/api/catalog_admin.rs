//! The catalog set up by an admin (issue 12: `/admin/ticket-types`, `/admin/subtypes`,
//! `/admin/fields`, `/admin/dictionaries`, `settings.manage`): a type built from nothing —
//! bilingual names, a sub-type routed to a group, a dictionary select with a cascade below it and
//! a date — is what the customer's form offers and what a ticket fills; parts switched off leave
//! the form and stay on the tickets that have them; every refusal names its field, and another
//! desk, an agent without the permission and a customer get nothing.

use crate::support::{TestApp, AGENT, ALICE, OTHER_AGENT, OWNER};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

async fn send(app: &TestApp, token: &str, method: Method, path: &str, body: Value) -> crate::support::Response {
    app.call(method, &format!("/api/v1{path}")).token(token).json(&body).send().await
}

fn ok(res: &crate::support::Response, status: StatusCode) -> Value {
    assert_eq!(res.status, status, "{}", res.text());
    res.json()
}

/// A group of the demo desk to route to.
async fn a_group(app: &TestApp, owner: &str) -> i64 {
    let groups = app.get("/api/v1/groups").token(owner).send().await.json();
    groups[0]["id"].as_i64().expect("a group")
}

/// The type "Warranty" with sub-type "Repair" (routed to a group), a province select on the type,
/// a city select cascading below it on the sub-type, and a purchase date: (type id, sub-type id).
async fn warranty(app: &TestApp, owner: &str) -> (i64, i64) {
    let provinces = ok(&send(app, owner, Method::POST, "/admin/dictionaries", json!({"name": "Provinces", "options": [
        {"value": "gd", "label": {"en": "Guangdong", "zh-CN": "广东"}},
        {"value": "zj", "label": {"en": "Zhejiang", "zh-CN": "浙江"}},
    ]})).await, StatusCode::CREATED)["id"].as_i64().expect("id");
    let cities = ok(&send(app, owner, Method::POST, "/admin/dictionaries", json!({"name": "Cities", "options": [
        {"value": "sz", "label": {"en": "Shenzhen", "zh-CN": "深圳"}, "parent_value": "gd"},
        {"value": "hz", "label": {"en": "Hangzhou", "zh-CN": "杭州"}, "parent_value": "zj"},
    ]})).await, StatusCode::CREATED)["id"].as_i64().expect("id");
    let ty = ok(&send(app, owner, Method::POST, "/admin/ticket-types", json!({"name": {"en": " Warranty ", "zh-CN": "保修"}})).await, StatusCode::CREATED);
    assert_eq!((ty["name"]["en"].clone(), ty["active"].clone()), (json!("Warranty"), json!(true)), "names are trimmed");
    let type_id = ty["id"].as_i64().expect("id");
    let group = a_group(app, owner).await;
    let ty = ok(&send(app, owner, Method::POST, &format!("/admin/ticket-types/{type_id}/subtypes"), json!({"name": {"en": "Repair", "zh-CN": "维修"}, "group_id": group})).await, StatusCode::CREATED);
    assert_eq!(ty["subtypes"][0]["group_id"], group);
    let subtype_id = ty["subtypes"][0]["id"].as_i64().expect("id");
    let fields = [
        json!({"key": "province", "label": {"en": "Province", "zh-CN": "省份"}, "kind": "select", "required": true, "dictionary_id": provinces}),
        json!({"subtype_id": subtype_id, "key": "city", "label": {"en": "City", "zh-CN": "城市"}, "kind": "select", "required": true, "dictionary_id": cities, "parent": "province"}),
        json!({"subtype_id": subtype_id, "key": "bought_on", "label": {"en": "Bought on", "zh-CN": "购买日期"}, "kind": "date", "help": {"en": "As on the receipt"}}),
    ];
    for field in fields {
        ok(&send(app, owner, Method::POST, &format!("/admin/ticket-types/{type_id}/fields"), field).await, StatusCode::CREATED);
    }
    (type_id, subtype_id)
}

fn warranty_ticket(type_id: i64, subtype_id: i64, city: &str) -> Value {
    json!({"title": "Screen flickers", "description": "Since last week.", "type_id": type_id, "subtype_id": subtype_id,
           "fields": {"province": "gd", "city": city, "bought_on": "2026-11-02"}})
}

#[tokio::test]
async fn a_type_built_from_nothing_is_what_the_form_offers_and_a_ticket_fills() {
    let app = TestApp::new().await;
    let (owner, alice) = (app.login(OWNER).await, app.login(ALICE).await);
    let (type_id, subtype_id) = warranty(&app, &owner).await;
    let form = app.get("/api/v1/ticket-types").token(&alice).send().await.json();
    let ty = form.as_array().expect("types").iter().find(|t| t["id"] == type_id).expect("the new type is offered").clone();
    assert_eq!(ty["name"], json!({"en": "Warranty", "zh-CN": "保修"}));
    assert_eq!(ty["fields"][0]["options"].as_array().map(Vec::len), Some(2));
    let sub = &ty["subtypes"][0];
    assert_eq!(sub["fields"].as_array().map(|f| f.iter().map(|f| f["key"].clone()).collect::<Vec<_>>()), Some(vec![json!("city"), json!("bought_on")]));
    assert_eq!(sub["fields"][0]["parent"], "province");
    assert_eq!(sub["fields"][1]["help"]["en"], "As on the receipt");

    // A city of another province is refused; the right one makes the ticket, in the sub-type's group.
    let res = app.post("/api/v1/tickets").token(&alice).json(&warranty_ticket(type_id, subtype_id, "hz")).send().await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(res.field_errors(), crate::support::pairs(&[("fields.city", "invalid_value")]));
    let ticket = ok(&app.post("/api/v1/tickets").token(&alice).json(&warranty_ticket(type_id, subtype_id, "sz")).send().await, StatusCode::CREATED);
    let staff_view = app.get(&format!("/api/v1/tickets/{}", ticket["id"])).token(&owner).send().await.json();
    let group = a_group(&app, &owner).await;
    assert_eq!(staff_view["staff"]["group"]["id"], group, "{staff_view}");
}

#[tokio::test]
async fn parts_switched_off_leave_the_form_and_stay_on_old_tickets() {
    let app = TestApp::new().await;
    let (owner, alice) = (app.login(OWNER).await, app.login(ALICE).await);
    let (type_id, subtype_id) = warranty(&app, &owner).await;
    let ticket = ok(&app.post("/api/v1/tickets").token(&alice).json(&warranty_ticket(type_id, subtype_id, "sz")).send().await, StatusCode::CREATED);
    let ty = ok(&app.get("/api/v1/admin/ticket-types").token(&owner).send().await, StatusCode::OK);
    let admin_type = ty.as_array().expect("types").iter().find(|t| t["id"] == type_id).expect("listed").clone();
    let date_id = admin_type["subtypes"][0]["fields"][1]["id"].as_i64().expect("field id");

    // The date is switched off (and its label changed): gone from the form, kept on the ticket.
    let change = json!({"label": {"en": "Purchase date"}, "required": false, "active": false});
    let after = ok(&send(&app, &owner, Method::PUT, &format!("/admin/fields/{date_id}"), change).await, StatusCode::OK);
    assert_eq!(after["subtypes"][0]["fields"][1]["active"], false);
    let form = app.get("/api/v1/ticket-types").token(&alice).send().await.json();
    let offered = form.as_array().expect("types").iter().find(|t| t["id"] == type_id).expect("type").clone();
    assert_eq!(offered["subtypes"][0]["fields"].as_array().map(Vec::len), Some(1));
    let kept = app.get(&format!("/api/v1/tickets/{}", ticket["id"])).token(&alice).send().await.json();
    assert!(kept["fields"].as_array().expect("fields").iter().any(|f| f["key"] == "bought_on" && f["value"] == "2026-11-02"), "{kept}");

    // The whole type switched off: not offered, not accepted for a new ticket, the old one keeps it.
    ok(&send(&app, &owner, Method::PUT, &format!("/admin/ticket-types/{type_id}"), json!({"name": {"en": "Warranty"}, "active": false})).await, StatusCode::OK);
    let form = app.get("/api/v1/ticket-types").token(&alice).send().await.json();
    assert!(form.as_array().expect("types").iter().all(|t| t["id"] != type_id));
    let res = app.post("/api/v1/tickets").token(&alice).json(&warranty_ticket(type_id, subtype_id, "sz")).send().await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let kept = app.get(&format!("/api/v1/tickets/{}", ticket["id"])).token(&alice).send().await.json();
    assert_eq!(kept["type"]["id"], type_id);
}

#[tokio::test]
async fn dictionaries_keep_left_out_options_switched_off_and_take_them_back() {
    let app = TestApp::new().await;
    let owner = app.login(OWNER).await;
    let option = |v: &str| json!({"value": v, "label": {"en": v.to_uppercase()}});
    let made = ok(&send(&app, &owner, Method::POST, "/admin/dictionaries", json!({"name": "Sizes", "options": [option("s"), option("m"), option("l")]})).await, StatusCode::CREATED);
    let id = made["id"].as_i64().expect("id");
    let path = format!("/admin/dictionaries/{id}");
    let put = |options: Vec<Value>| send(&app, &owner, Method::PUT, &path, json!({"name": "Sizes", "options": options}));
    let after = ok(&put(vec![option("l"), option("s")]).await, StatusCode::OK);
    let listed: Vec<(Value, Value)> = after["options"].as_array().expect("options").iter().map(|o| (o["value"].clone(), o["active"].clone())).collect();
    assert_eq!(listed, [(json!("l"), json!(true)), (json!("s"), json!(true)), (json!("m"), json!(false))]);
    let after = ok(&put(vec![option("m")]).await, StatusCode::OK);
    assert_eq!(after["options"][0], json!({"value": "m", "label": {"en": "M"}, "parent_value": null, "active": true}));
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM dictionary_options WHERE dictionary_id = {id}")).await, 3, "nothing deleted");
    // Names are unique in a desk.
    send(&app, &owner, Method::POST, "/admin/dictionaries", json!({"name": "Sizes", "options": []})).await.problem(StatusCode::CONFLICT, "already_exists");
}

#[tokio::test]
async fn every_refusal_names_its_field_and_changes_nothing() {
    let app = TestApp::new().await;
    let owner = app.login(OWNER).await;
    let (type_id, subtype_id) = warranty(&app, &owner).await;
    let other_type = ok(&send(&app, &owner, Method::POST, "/admin/ticket-types", json!({"name": {"en": "Other"}})).await, StatusCode::CREATED)["id"].as_i64().expect("id");
    let fields = format!("/admin/ticket-types/{type_id}/fields");
    let text = json!({"en": "Label"});
    // (method, path, body, status, code, field errors)
    type Case<'a> = (Method, String, Value, StatusCode, &'a str, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (Method::POST, "/admin/ticket-types".into(), json!({"name": {"fr": "Garantie"}}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("name", "invalid_value")]),
        (Method::POST, "/admin/ticket-types".into(), json!({"name": {"en": " "}}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("name", "required")]),
        (Method::POST, fields.clone(), json!({"key": "Bad Key", "label": text, "kind": "text"}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("key", "invalid_value")]),
        (Method::POST, fields.clone(), json!({"key": "colour", "label": text, "kind": "radio"}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("dictionary_id", "required")]),
        (Method::POST, fields.clone(), json!({"key": "colour", "label": text, "kind": "radio", "dictionary_id": 999_999}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("dictionary_id", "invalid_value")]),
        (Method::POST, fields.clone(), json!({"key": "town", "label": text, "kind": "text", "parent": "province"}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("parent", "invalid_value")]),
        (Method::POST, fields.clone(), json!({"subtype_id": subtype_id, "key": "x", "label": text, "kind": "select", "dictionary_id": 999_999, "parent": "nope"}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("dictionary_id", "invalid_value"), ("parent", "invalid_value")]),
        (Method::POST, format!("/admin/ticket-types/{other_type}/fields"), json!({"subtype_id": subtype_id, "key": "x", "label": text, "kind": "text"}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("subtype_id", "invalid_value")]),
        // A key is unique across the type and all its sub-types.
        (Method::POST, fields.clone(), json!({"key": "city", "label": text, "kind": "text"}), StatusCode::CONFLICT, "already_exists", vec![]),
        (Method::PUT, format!("/admin/fields/{}", 999_999), json!({"label": text}), StatusCode::NOT_FOUND, "not_found", vec![]),
        (Method::PUT, "/admin/fields/order".into(), json!({"ids": []}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("ids", "invalid_value")]),
        (Method::PUT, format!("/admin/subtypes/{subtype_id}"), json!({"name": text, "group_id": 999_999}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("group_id", "invalid_value")]),
        (Method::PUT, format!("/admin/ticket-types/{type_id}/subtypes/order"), json!({"ids": [subtype_id, subtype_id]}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("ids", "invalid_value")]),
        (Method::PUT, "/admin/ticket-types/order".into(), json!({"ids": [type_id]}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("ids", "invalid_value")]),
        (Method::POST, "/admin/dictionaries".into(), json!({"name": "", "options": [{"value": "a", "label": {"en": ""}}]}), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", vec![("name", "required"), ("options[0].label", "required")]),
    ];
    let before = app.get("/api/v1/admin/ticket-types").token(&owner).send().await.json();
    for (method, path, body, status, code, errors) in cases {
        let res = send(&app, &owner, method.clone(), &path, body.clone()).await;
        assert_eq!(res.status, status, "{method} {path} {body}: {}", res.text());
        let problem = res.problem(status, code);
        let named: Vec<(&str, &str)> = problem.errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(named, errors, "{method} {path} {body}");
    }
    let field_id = before[3]["fields"][0]["id"].as_i64().expect("province's id");
    let res = send(&app, &owner, Method::PUT, &format!("/admin/fields/{field_id}"), json!({"label": text, "kind": "text"})).await;
    assert_eq!(res.field_errors(), crate::support::pairs(&[("kind", "invalid_value")]), "the kind is fixed");
    assert_eq!(app.get("/api/v1/admin/ticket-types").token(&owner).send().await.json(), before, "nothing changed");

    // Orders that name each part once are taken.
    let ids: Vec<i64> = before.as_array().expect("types").iter().rev().filter_map(|t| t["id"].as_i64()).collect();
    let after = ok(&send(&app, &owner, Method::PUT, "/admin/ticket-types/order", json!({"ids": ids})).await, StatusCode::OK);
    assert_eq!(after.as_array().expect("types").iter().filter_map(|t| t["id"].as_i64()).collect::<Vec<_>>(), ids);
}

#[tokio::test]
async fn another_desk_an_agent_without_the_permission_and_a_customer_get_nothing() {
    let app = TestApp::new().await;
    let owner = app.login(OWNER).await;
    let (type_id, subtype_id) = warranty(&app, &owner).await;
    let (agent, alice) = (app.login(AGENT).await, app.login(ALICE).await);
    let name = json!({"name": {"en": "Taken"}});
    for (token, status) in [(&agent, StatusCode::FORBIDDEN), (&alice, StatusCode::FORBIDDEN)] {
        assert_eq!(app.get("/api/v1/admin/ticket-types").token(token).send().await.status, status);
        assert_eq!(send(&app, token, Method::PUT, &format!("/admin/ticket-types/{type_id}"), name.clone()).await.status, status);
        assert_eq!(app.get("/api/v1/admin/dictionaries").token(token).send().await.status, status);
    }
    // The other desk's admin: our parts do not exist for them.
    sqlx::query("UPDATE users SET role = 'admin' WHERE email = $1").bind(OTHER_AGENT).execute(&app.sql).await.expect("promote");
    let other = app.login(OTHER_AGENT).await;
    let cases = [
        (Method::PUT, format!("/admin/ticket-types/{type_id}"), name.clone()),
        (Method::PUT, format!("/admin/subtypes/{subtype_id}"), name.clone()),
        (Method::POST, format!("/admin/ticket-types/{type_id}/subtypes"), name.clone()),
        (Method::POST, format!("/admin/ticket-types/{type_id}/fields"), json!({"key": "x", "label": {"en": "X"}, "kind": "text"})),
    ];
    for (method, path, body) in cases {
        send(&app, &other, method.clone(), &path, body).await.problem(StatusCode::NOT_FOUND, "not_found");
    }
    let theirs = app.get("/api/v1/admin/ticket-types").token(&other).send().await.json();
    assert!(theirs.as_array().expect("types").iter().all(|t| t["id"] != type_id), "{theirs}");
    let mine = app.get("/api/v1/admin/dictionaries").token(&owner).send().await.json();
    let theirs = app.get("/api/v1/admin/dictionaries").token(&other).send().await.json();
    let dictionary = mine[0]["id"].clone();
    assert!(theirs.as_array().expect("list").iter().all(|d| d["id"] != dictionary));
    let res = send(&app, &other, Method::PUT, &format!("/admin/dictionaries/{dictionary}"), json!({"name": "Mine now", "options": []})).await;
    res.problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.count("SELECT COUNT(*) FROM ticket_types WHERE name LIKE '%Taken%'").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM dictionaries WHERE name = 'Mine now'").await, 0);
}

//! Ticket types, sub-types and custom fields: the catalog as listed, and a ticket filling every
//! kind of field (the refusals are in `fields`).

use crate::support::{TestApp, ALICE, DAVE};
use axum::http::StatusCode;
use serde_json::{json, Value};

/// The first bytes of a PNG: enough for the type check.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";

/// A valid "Returns → Return of goods" ticket with only its required fields filled.
pub async fn returns_ticket(app: &TestApp, token: &str) -> Value {
    let (type_id, subtype_id) = app.type_ids(token, "Returns", "Return of goods").await;
    json!({
        "title": "Broken kettle",
        "description": "Arrived cracked.",
        "type_id": type_id,
        "subtype_id": subtype_id,
        "fields": { "order_no": "A-1001", "agree": true },
    })
}

#[tokio::test]
async fn the_catalog_lists_types_subtypes_and_fields_in_both_languages() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let res = app.get("/api/v1/ticket-types").token(&alice).send().await;
    assert_eq!(res.status, StatusCode::OK);
    let types = res.json();
    let names: Vec<(&str, &str)> = types
        .as_array()
        .expect("a list")
        .iter()
        .map(|t| {
            (
                t["name"]["en"].as_str().unwrap_or(""),
                t["name"]["zh-CN"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Technical issue", "技术问题"),
            ("Billing", "账单"),
            ("Returns", "退换货")
        ]
    );
    let subtypes = |i: usize| -> Vec<String> {
        types[i]["subtypes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| s["name"]["zh-CN"].to_string())
            .collect()
    };
    assert_eq!(subtypes(0), ["\"网站打不开\"", "\"邮件问题\""]);
    assert_eq!(subtypes(1), ["\"发票\"", "\"退款\""]);
    let goods = &types[2]["subtypes"][0];
    assert_eq!(goods["name"]["en"], "Return of goods");
    let fields = goods["fields"].as_array().expect("fields");
    let mut kinds: Vec<&str> = fields.iter().filter_map(|f| f["kind"].as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "attachment",
            "checkbox",
            "date",
            "datetime",
            "multiselect",
            "number",
            "radio",
            "select",
            "text",
            "textarea"
        ]
    );
    let field = |key: &str| {
        fields
            .iter()
            .find(|f| f["key"] == key)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(field("order_no")["required"], true);
    assert_eq!(field("order_no")["help"]["zh-CN"], "见订单确认邮件");
    assert_eq!(field("category")["options"][0]["value"], "appliance");
    assert_eq!(
        field("category")["options"][0]["label"]["zh-CN"],
        "家用电器"
    );
    assert_eq!(field("city")["parent"], "province");
    assert_eq!(
        field("city")["options"][0],
        json!({ "value": "hangzhou", "label": { "en": "Hangzhou", "zh-CN": "杭州" }, "parent_value": "zhejiang" })
    );
    // Another desk has its own (empty) catalog.
    let dave = app.login(DAVE).await;
    assert_eq!(
        app.get("/api/v1/ticket-types")
            .token(&dave)
            .send()
            .await
            .json(),
        json!([])
    );
    // And it needs a session.
    app.get("/api/v1/ticket-types")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn a_ticket_fills_every_kind_of_field() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let upload = app.post("/api/v1/attachments").token(&alice).multipart(
        "file",
        "kettle.png",
        "image/png",
        PNG,
    );
    let photo = upload.send().await.json()["id"]
        .as_i64()
        .expect("attachment id");
    let mut body = returns_ticket(&app, &alice).await;
    body["related_url"] = "https://shop.example.com/orders/A-1001".into();
    body["fields"] = json!({
        "order_no": "A-1001",
        "reason": "The lid is cracked.\nThe box was fine.",
        "amount": 129.5,
        "purchase_date": "2024-02-29",
        "pickup_time": "2024-03-02T09:30",
        "category": "appliance",
        "accessories": ["box", "manual"],
        "condition": "damaged",
        "province": "zhejiang",
        "city": "hangzhou",
        "photos": [photo.to_string()],
        "agree": true,
    });
    let res = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&body)
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let ticket = res.json();
    assert_eq!(ticket["type"]["name"]["en"], "Returns");
    assert_eq!(ticket["subtype"]["name"]["zh-CN"], "退货");
    assert_eq!(
        ticket["related_url"],
        "https://shop.example.com/orders/A-1001"
    );
    let keys: Vec<&str> = ticket["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["key"].as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "order_no",
            "reason",
            "amount",
            "purchase_date",
            "pickup_time",
            "category",
            "accessories",
            "condition",
            "province",
            "city",
            "photos",
            "agree"
        ],
        "in the order of the form"
    );
    let value = |key: &str| {
        ticket["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["key"] == key)
            .map(|f| f["value"].clone())
    };
    assert_eq!(value("amount"), Some(json!(129.5)));
    assert_eq!(value("accessories"), Some(json!(["box", "manual"])));
    assert_eq!(value("agree"), Some(json!(true)));
    assert_eq!(value("photos"), Some(json!([photo.to_string()])));
    assert_eq!(
        ticket["attachments"][0]["id"], photo,
        "an attachment field links its files"
    );
    assert_eq!(ticket["confidential_set"], false);
    // Reading it back gives the same document; the list names its type.
    let id = ticket["id"].as_i64().unwrap_or_default();
    let again = app
        .get(&format!("/api/v1/tickets/{id}"))
        .token(&alice)
        .send()
        .await
        .json();
    assert_eq!(again["fields"], ticket["fields"]);
    let list = app
        .get("/api/v1/tickets?q=kettle")
        .token(&alice)
        .send()
        .await
        .json();
    assert_eq!(list["items"][0]["type_name"]["en"], "Returns");
}

//! Custom field values and types refused by `POST /tickets`: each bad value named `fields.<key>`,
//! cascading options, and type / sub-type membership.

use crate::catalog::returns_ticket;
use crate::support::{pairs, TestApp, ALICE, DAVE};
use axum::http::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn each_bad_value_is_named_fields_key() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let base = returns_ticket(&app, &alice).await;
    let long_text = "x".repeat(201);
    let long_area = "x".repeat(5001);
    let cases: Vec<(&str, Value, &str)> = vec![
        ("order_no", json!(""), "required"),
        ("order_no", json!(long_text), "too_long"),
        ("order_no", json!(12), "invalid_value"),
        ("reason", json!(long_area), "too_long"),
        ("amount", json!("12"), "invalid_number"),
        ("purchase_date", json!("2023-02-29"), "invalid_date"),
        ("purchase_date", json!("29/02/2024"), "invalid_date"),
        ("pickup_time", json!("2024-03-02 09:30"), "invalid_date"),
        ("category", json!("weapons"), "invalid_value"),
        ("accessories", json!(["box", "box"]), "invalid_value"),
        ("accessories", json!("box"), "invalid_value"),
        ("condition", json!("like new"), "invalid_value"),
        ("agree", json!(false), "required"),
        ("agree", json!("yes"), "invalid_value"),
        ("photos", json!(["not-an-id"]), "invalid_value"),
        ("photos", json!(["999999"]), "invalid_value"),
        ("colour", json!("red"), "invalid_value"),
    ];
    for (key, value, code) in cases {
        let mut body = base.clone();
        body["fields"][key] = value.clone();
        let res = app
            .post("/api/v1/tickets")
            .token(&alice)
            .json(&body)
            .send()
            .await;
        assert_eq!(
            res.field_errors(),
            pairs(&[(&format!("fields.{key}"), code)]),
            "{key} = {value}"
        );
    }
    let mut body = base.clone();
    body["related_url"] = "javascript:alert(1)".into();
    let res = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&body)
        .send()
        .await;
    assert_eq!(res.field_errors(), pairs(&[("related_url", "invalid_url")]));
    // Nothing was created by any of them.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM tickets WHERE title = 'Broken kettle'")
            .await,
        0
    );
}

#[tokio::test]
async fn cascading_options_follow_the_parent() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let base = returns_ticket(&app, &alice).await;
    let cases = [
        (json!("zhejiang"), json!("hangzhou"), None),
        (json!("guangdong"), json!("shenzhen"), None),
        (json!("guangdong"), json!("hangzhou"), Some("fields.city")),
        (json!(""), json!("hangzhou"), Some("fields.city")),
    ];
    for (province, city, refused) in cases {
        let mut body = base.clone();
        body["fields"]["province"] = province.clone();
        body["fields"]["city"] = city.clone();
        let res = app
            .post("/api/v1/tickets")
            .token(&alice)
            .json(&body)
            .send()
            .await;
        match refused {
            None => assert_eq!(
                res.status,
                StatusCode::CREATED,
                "{province} {city}: {}",
                res.text()
            ),
            Some(field) => assert_eq!(
                res.field_errors(),
                pairs(&[(field, "invalid_value")]),
                "{province} {city}"
            ),
        }
    }
}

#[tokio::test]
async fn types_are_required_where_a_desk_has_them_and_must_match() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let (returns, goods) = app.type_ids(&alice, "Returns", "Return of goods").await;
    let (billing, invoice) = app.type_ids(&alice, "Billing", "Invoice").await;
    let cases: Vec<(Value, Vec<(&str, &str)>)> = vec![
        (json!({}), vec![("type_id", "required")]),
        (
            json!({ "type_id": billing }),
            vec![("subtype_id", "required")],
        ),
        (
            json!({ "type_id": 987654, "subtype_id": invoice }),
            vec![("type_id", "invalid_value")],
        ),
        (
            json!({ "type_id": billing, "subtype_id": goods }),
            vec![("subtype_id", "invalid_value")],
        ),
        (
            json!({ "type_id": returns, "subtype_id": goods }),
            vec![
                ("fields.order_no", "required"),
                ("fields.agree", "required"),
            ],
        ),
        (json!({ "type_id": billing, "subtype_id": invoice }), vec![]),
    ];
    for (extra, expected) in cases {
        let mut body = json!({ "title": "Typed", "description": "d" });
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        let res = app
            .post("/api/v1/tickets")
            .token(&alice)
            .json(&body)
            .send()
            .await;
        if expected.is_empty() {
            assert_eq!(res.status, StatusCode::CREATED, "{extra}: {}", res.text());
        } else {
            let mut got = res.field_errors();
            got.sort();
            let mut want = pairs(&expected);
            want.sort();
            assert_eq!(got, want, "{extra}");
        }
    }
    // A desk without types takes the basic ticket, and refuses a type.
    let dave = app.login(DAVE).await;
    let basic = json!({ "title": "Plain", "description": "d" });
    assert_eq!(
        app.post("/api/v1/tickets")
            .token(&dave)
            .json(&basic)
            .send()
            .await
            .status,
        StatusCode::CREATED
    );
    let typed =
        json!({ "title": "Plain", "description": "d", "type_id": returns, "subtype_id": goods });
    let res = app
        .post("/api/v1/tickets")
        .token(&dave)
        .json(&typed)
        .send()
        .await;
    assert_eq!(
        res.field_errors(),
        pairs(&[
            ("type_id", "invalid_value"),
            ("subtype_id", "invalid_value")
        ])
    );
}

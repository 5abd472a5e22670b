//! The SPA's JSON (the browser's `JSON.parse`/`JSON.stringify` with serde-wasm-bindgen,
//! `baton::api::json`) reads the server's JSON as serde_json does and writes what the server's
//! serde_json reads: the main DTOs from the text the server would send, ids above 2^31, absent
//! optional fields, untagged values, SSE events and drafts stored before this change.

use crate::fixtures::catalog;
use baton::api::json;
use baton::state::draft::{fingerprint, DraftStore};
use baton::state::live::Live;
use baton_core::{
    Action, Attachment, Channel, EventType, FieldEntry, FieldValue, LiveEvent, Message,
    MessageKind, NewTicket, Priority, Problem, Status, StatusChange, Ticket, TicketType, TypeRef,
    UserRef,
};
use leptos::prelude::*;
use wasm_bindgen_test::*;

/// Above 2^31 (and 2^32), well inside 2^53.
const BIG: i64 = 9_007_199_254_740_000;

/// Decodes `text` both ways and checks they agree; returns the SPA's value.
fn both<T>(text: &str) -> T
where
    T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours: Result<T, String> = json::decode(text);
    let server: Result<T, String> = serde_json::from_str(text).map_err(|e| e.to_string());
    assert_eq!(ours.is_ok(), server.is_ok(), "{text}: {ours:?} vs {server:?}");
    let ours = ours.unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(Some(&ours), server.ok().as_ref(), "{text}");
    ours
}

#[wasm_bindgen_test]
fn a_ticket_with_big_ids_and_without_its_optional_fields() {
    let text = format!(
        r#"{{"id":{BIG},"number":2147483648,"title":"Printer","description":"Jams",
        "status":"open","priority":"high","channel":"widget",
        "requester":{{"id":4294967296,"name":"Alice"}},
        "created_at":"2026-11-26T04:00:00Z","updated_at":"2026-11-26T05:00:00Z"}}"#
    );
    let ticket: Ticket = both(&text);
    assert_eq!(ticket.id, BIG);
    assert_eq!(ticket.number, 2_147_483_648);
    assert_eq!(ticket.requester.id, 4_294_967_296);
    assert_eq!((ticket.status, ticket.priority), (Status::Open, Priority::High));
    assert_eq!(ticket.channel, Channel::Widget);
    assert!(ticket.ticket_type.is_none() && ticket.contact_phone.is_none());
    assert!(ticket.fields.is_empty() && ticket.allowed_actions.is_empty());
    assert!(ticket.rating.is_none() && ticket.staff.is_none() && !ticket.confidential_set);

    // Everything filled in, as the server writes it (serde_json of the same type).
    let full = Ticket {
        contact_phone: Some("+86 21 5555".into()),
        allowed_actions: vec![Action::Confirm, Action::Continue],
        ticket_type: Some(TypeRef {
            id: BIG + 1,
            name: catalog()[0].name.clone(),
        }),
        subtype: None,
        related_url: Some("https://shop.test/o/1".into()),
        fields: vec![
            FieldEntry {
                key: "amount".into(),
                value: FieldValue::Number(3.0),
            },
            FieldEntry {
                key: "price".into(),
                value: FieldValue::Number(42.5),
            },
            FieldEntry {
                key: "agree".into(),
                value: FieldValue::Bool(true),
            },
            FieldEntry {
                key: "reasons".into(),
                value: FieldValue::List(vec!["broken".into(), "late".into()]),
            },
            FieldEntry {
                key: "order_no".into(),
                value: FieldValue::String("A-1 \"quoted\" \u{1F4E6}\n".into()),
            },
        ],
        attachments: vec![Attachment {
            id: BIG + 2,
            name: "receipt.pdf".into(),
            size: 3_000_000_000,
            content_type: "application/pdf".into(),
        }],
        confidential_set: true,
        rating: Some(5),
        rating_comment: None,
        ..ticket
    };
    let text = serde_json::to_string(&full).unwrap_or_default();
    assert_eq!(both::<Ticket>(&text), full);
}

#[wasm_bindgen_test]
fn messages_with_and_without_author_and_status_change() {
    let text = format!(
        r#"{{"items":[
        {{"id":{BIG},"ticket_id":3000000000,"kind":"public","author":{{"id":7,"name":"Alice"}},
          "body":"Hello","created_at":"2026-11-26T04:00:00Z",
          "attachments":[{{"id":12,"name":"a.txt","size":5,"content_type":"text/plain"}}]}},
        {{"id":2,"ticket_id":3000000000,"kind":"system","author":null,"body":"",
          "status_change":{{"from":"open","to":"solved"}},"created_at":"2026-11-26T04:01:00Z"}},
        {{"id":3,"ticket_id":3000000000,"kind":"internal","body":"note","created_at":"x"}}
        ],"next_cursor":null}}"#
    );
    let page: baton_core::Page<Message> = both(&text);
    assert_eq!(page.items.len(), 3);
    assert_eq!(page.items[0].id, BIG);
    assert_eq!(page.items[0].ticket_id, 3_000_000_000);
    assert_eq!(
        page.items[0].author,
        Some(UserRef {
            id: 7,
            name: "Alice".into()
        })
    );
    assert_eq!(page.items[0].attachments.len(), 1);
    assert_eq!(
        page.items[1].status_change,
        Some(StatusChange {
            from: Status::Open,
            to: Status::Solved
        })
    );
    assert!(page.items[1].author.is_none() && page.items[2].author.is_none());
    assert_eq!(page.items[2].kind, MessageKind::Internal);
    assert!(page.next_cursor.is_none());
}

#[wasm_bindgen_test]
fn problems_with_field_errors_and_bodies_that_are_not_problems() {
    let text = r#"{"type":"about:blank","title":"Validation failed","status":422,
        "code":"validation_failed","detail":"2 fields",
        "errors":[{"field":"title","code":"required"},{"field":"fields.order_no","code":"too_long"}]}"#;
    let problem: Problem = both(text);
    assert_eq!((problem.status, problem.code.as_str()), (422, "validation_failed"));
    assert_eq!(problem.errors.len(), 2);
    assert_eq!(problem.errors[1].field, "fields.order_no");
    assert_eq!(problem.detail.as_deref(), Some("2 fields"));

    // Absent `type`, `errors` and extras: defaults, as serde_json fills them in.
    let bare: Problem = both(
        r#"{"title":"Changed","status":412,"code":"precondition_failed","current_version":3000000001}"#,
    );
    assert_eq!(bare.kind, "about:blank");
    assert!(bare.errors.is_empty() && bare.reason.is_none());
    assert_eq!(bare.current_version, Some(3_000_000_001));

    // A proxy's HTML page, an empty body, a problem without its code: not a problem.
    for text in ["<html>502</html>", "", r#"{"title":"x","status":500}"#, "null", "[]"] {
        assert!(json::decode::<Problem>(text).is_err(), "{text}");
        assert!(serde_json::from_str::<Problem>(text).is_err(), "{text}");
    }
}

#[wasm_bindgen_test]
fn ticket_types_with_every_kind_of_custom_field() {
    let types = catalog();
    let text = serde_json::to_string(&types).unwrap_or_default();
    assert_eq!(both::<Vec<TicketType>>(&text), types);

    // Written by hand, without the optional parts (no options, parent, help, sub-types).
    let text = r#"[{"id":3000000005,"name":{"en":"Billing","zh-CN":"账单"},
        "fields":[{"key":"invoice","label":{"en":"Invoice"},"kind":"text","required":false}]}]"#;
    let types: Vec<TicketType> = both(text);
    assert_eq!(types[0].id, 3_000_000_005);
    assert!(types[0].subtypes.is_empty());
    assert_eq!(types[0].fields[0].key, "invoice");
    assert!(types[0].fields[0].options.is_empty() && types[0].fields[0].help.is_none());
    assert!(json::decode::<Vec<TicketType>>(r#"[{"id":1}]"#).is_err());
}

#[wasm_bindgen_test]
fn sse_events_decode_with_big_ids_and_absent_fields() {
    let created: LiveEvent = both(r#"{"ticket_id":3000000000}"#);
    assert_eq!(created.ticket_id, 3_000_000_000);
    assert!(created.status.is_none() && created.message_id.is_none() && created.kind.is_none());
    let message: LiveEvent = both(&format!(
        r#"{{"ticket_id":{BIG},"message_id":{},"kind":"public"}}"#,
        BIG + 1
    ));
    assert_eq!((message.message_id, message.kind), (Some(BIG + 1), Some(MessageKind::Public)));

    let owner = Owner::new();
    owner.set();
    let live = Live::provide();
    live.receive(
        "ticket.updated",
        r#"{"ticket_id":3000000000,"status":"pending"}"#,
        "41",
    );
    let update = live.latest().expect("an update");
    assert_eq!(update.kind, EventType::TicketUpdated);
    assert!(update.concerns(3_000_000_000));
    assert_eq!(update.event.status, Some(Status::Pending));
    live.receive("ticket.updated", r#"{"ticket_id":"3"}"#, "42");
    assert_eq!(live.latest(), Some(update), "a malformed event changes nothing");
}

#[wasm_bindgen_test]
fn request_bodies_read_back_by_serde_json_as_sent() {
    let ticket = NewTicket {
        title: "Order \"1042\" 📦".into(),
        description: "Line one\nline two\t\u{1}".into(),
        contact_phone: None,
        type_id: Some(BIG),
        subtype_id: Some(3_000_000_000),
        related_url: None,
        confidential: Some("secret".into()),
        fields: [
            ("amount".to_owned(), FieldValue::Number(3.0)),
            ("price".to_owned(), FieldValue::Number(0.1)),
            ("agree".to_owned(), FieldValue::Bool(false)),
            ("reasons".to_owned(), FieldValue::List(vec!["late".into()])),
            ("order_no".to_owned(), FieldValue::String("A-1".into())),
        ]
        .into(),
        attachment_ids: vec![BIG, 1],
    };
    let text = json::encode(&ticket).unwrap_or_default();
    assert_eq!(serde_json::from_str::<NewTicket>(&text).ok(), Some(ticket.clone()), "{text}");
    // The same JSON as serde_json writes, but for whole numbers: `3` rather than `3.0` (the
    // same f64 to any JSON reader).
    let mut server = serde_json::to_value(&ticket).unwrap_or_default();
    server["fields"]["amount"] = serde_json::json!(3);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&text).ok(), Some(server));
    // `None` fields are left out, as `skip_serializing_if` says.
    assert!(!text.contains("contact_phone") && !text.contains("related_url"), "{text}");
}

#[wasm_bindgen_test]
fn a_draft_saved_before_keeps_its_exact_fingerprint() {
    let owner = Owner::new();
    owner.set();
    let body = "half a sentence, sent once";
    let sent = fingerprint(body);
    assert!(sent > 1 << 53, "this test needs a fingerprint a JS number cannot hold");
    let key = "baton.draft.test.json".to_owned();
    // Exactly what serde_json wrote into localStorage before this change.
    let old = format!(r#"{{"content":"{body}","send":{{"key":"key-lost","sent":{sent}}}}}"#);
    let storage = window().local_storage().ok().flatten().expect("localStorage");
    storage.set_item(&key, &old).expect("stored");

    let (store, content) = DraftStore::open::<String>(Some(key.clone()));
    assert_eq!(content.as_deref(), Some(body));
    assert_eq!(store.key_for(body), "key-lost", "the retry reuses the lost attempt's key");
    store.save(&body.to_owned(), false);
    assert_eq!(storage.get_item(&key).ok().flatten(), Some(old), "saved again in the same shape");
    assert_ne!(store.key_for("edited"), "key-lost");
    store.acknowledged();

    // Garbage and a fingerprint that is not the number it claims: no draft, a new key.
    for bad in [
        "not json".to_owned(),
        r#"{"content":"x"}"#.to_owned(),
        r#"{"content":"x","send":{"key":"k","sent":99999999999999999999}}"#.to_owned(),
        r#"{"content":"x","send":{"key":"k","sent":"12"}}"#.to_owned(),
    ] {
        storage.set_item(&key, &bad).expect("stored");
        let (store, content) = DraftStore::open::<String>(Some(key.clone()));
        assert!(content.is_none(), "{bad}");
        assert_ne!(store.send_key().key(), "k", "{bad}");
    }
    let _ = storage.remove_item(&key);
}

#[wasm_bindgen_test]
fn widget_messages_from_the_loader() {
    use baton::state::embed::FromHost;
    let read = |text: &str| json::parse(text).ok().and_then(|v| FromHost::from_json(&v));
    assert_eq!(
        read(r#"{"baton":"identify","token":"a.b.c"}"#),
        Some(FromHost::Identify {
            token: Some("a.b.c".into())
        })
    );
    assert_eq!(
        read(r#"{"baton":"identify","token":null}"#),
        Some(FromHost::Identify { token: None })
    );
    assert_eq!(
        read(r#"{"baton":"prefill","title":"Hi","type":3,"extra":[1]}"#),
        Some(FromHost::Prefill {
            title: Some("Hi".into()),
            ticket_type: Some(3)
        })
    );
    assert_eq!(
        read(r#"{"baton":"prefill","title":null,"type":null}"#),
        Some(FromHost::Prefill {
            title: None,
            ticket_type: None
        })
    );
    assert_eq!(read(r#"{"baton":"prefill"}"#), read(r#"{"baton":"prefill","title":null}"#));
    assert_eq!(read(r#"{"baton":"opened","token":5}"#), Some(FromHost::Opened));
    // What serde refused before: unknown kinds, no kind, wrong types, not an object.
    for refused in [
        r#"{"baton":"steal"}"#,
        r#"{"token":"a"}"#,
        r#"{"baton":1}"#,
        r#"{"baton":"identify","token":5}"#,
        r#"{"baton":"prefill","type":3.5}"#,
        r#"{"baton":"prefill","type":"3"}"#,
        r#"{"baton":"prefill","title":["x"]}"#,
        r#"["identify"]"#,
        r#""opened""#,
        "null",
    ] {
        assert_eq!(read(refused), None, "{refused}");
    }
    // What a `postMessage` may carry that JSON cannot say.
    assert!(json::stringify(&wasm_bindgen::JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn wrong_types_are_decode_errors_that_name_them() {
    // The vendored serde-wasm-bindgen names a float without printing it (Cargo.toml, [patch]).
    let float = json::decode::<i64>("3.5").err().unwrap_or_default();
    assert!(float.ends_with("invalid type: floating point, expected i64"), "{float}");
    let text = json::decode::<i64>(r#""3""#).err().unwrap_or_default();
    assert!(text.ends_with(r#"invalid type: string "3", expected i64"#), "{text}");
    let status = json::decode::<Status>(r#""lost""#).err().unwrap_or_default();
    assert!(status.contains("unknown variant `lost`"), "{status}");
    assert_eq!(json::decode::<u8>("300").map_err(|e| !e.is_empty()), Err(true));
}

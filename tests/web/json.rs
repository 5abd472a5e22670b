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

/// What the SPA writes: request bodies, drafts, and the widget's messages.
mod writing;

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
        reply_by: Some("2026-11-26T05:00:00Z".into()),
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

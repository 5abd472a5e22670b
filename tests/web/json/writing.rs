//! The SPA's JSON, the writing side (and the widget's messages and decode errors).

use super::*;

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

//! Drafts and idempotency keys (pure logic and localStorage), and live events as received.

use baton::state::draft::{fingerprint, storage_key, DraftPlace, DraftStore, SendKey};
use baton::state::live::Live;
use baton_core::EventType;
use leptos::prelude::*;
use wasm_bindgen_test::*;

fn counter_keys() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("key-{n}")
    }
}

#[wasm_bindgen_test]
fn a_retry_of_the_same_content_keeps_its_key_and_an_edit_or_success_changes_it() {
    let mut fresh = counter_keys();
    let mut send = SendKey::new("key-0".into());
    let first = send.attempt(fingerprint("Printer jams"), &mut fresh);
    let retry = send.attempt(fingerprint("Printer jams"), &mut fresh);
    assert_eq!((first.as_str(), retry.as_str()), ("key-0", "key-0"));

    let edited = send.attempt(fingerprint("Printer jams on page 2"), &mut fresh);
    assert_eq!(edited, "key-1", "edited content is a new request");
    assert_eq!(
        send.attempt(fingerprint("Printer jams on page 2"), &mut fresh),
        "key-1"
    );

    send.acknowledged(&mut fresh);
    assert_eq!(send.key(), "key-2");
    assert_eq!(
        send.attempt(fingerprint("Printer jams on page 2"), &mut fresh),
        "key-2",
        "after success the same text again is a new message"
    );
}

#[wasm_bindgen_test]
fn an_unused_key_survives_edits() {
    let mut fresh = counter_keys();
    let mut send = SendKey::new("key-0".into());
    // Nothing was sent with key-0 yet, so whatever is sent first may use it.
    assert_eq!(send.attempt(fingerprint("b"), &mut fresh), "key-0");
}

#[wasm_bindgen_test]
fn drafts_are_per_user_and_place() {
    assert_eq!(storage_key(7, DraftPlace::NewTicket), "baton.draft.7.new");
    assert_eq!(
        storage_key(7, DraftPlace::Ticket(31)),
        "baton.draft.7.ticket.31"
    );
    assert_ne!(
        storage_key(7, DraftPlace::Ticket(31)),
        storage_key(8, DraftPlace::Ticket(31))
    );
}

#[wasm_bindgen_test]
fn a_draft_and_its_key_survive_a_reload_until_acknowledged() {
    let owner = Owner::new();
    owner.set();
    let key = "baton.draft.test.drafts".to_owned();
    let (store, none) = DraftStore::open::<String>(Some(key.clone()));
    assert!(none.is_none());
    store.save(&"half a sentence".to_owned(), false);
    let sent_with = store.key_for("half a sentence");

    // A reload: the text is back, and a retry of it uses the same key.
    let (again, content) = DraftStore::open::<String>(Some(key.clone()));
    assert_eq!(content.as_deref(), Some("half a sentence"));
    assert_eq!(again.key_for("half a sentence"), sent_with);

    again.acknowledged();
    let (_, gone) = DraftStore::open::<String>(Some(key.clone()));
    assert!(gone.is_none(), "acknowledged drafts are removed");
    assert_ne!(again.send_key().key(), sent_with);

    // An emptied draft is removed too.
    again.save(&"x".to_owned(), false);
    again.save(&String::new(), true);
    assert!(DraftStore::open::<String>(Some(key)).1.is_none());
}

#[wasm_bindgen_test]
fn live_events_become_a_signal_and_garbage_is_ignored() {
    let owner = Owner::new();
    owner.set();
    let live = Live::provide();
    live.receive(
        "ticket.updated",
        r#"{"ticket_id":31,"status":"solved"}"#,
        "12",
    );
    let update = live.latest().expect("an update");
    assert_eq!(update.kind, EventType::TicketUpdated);
    assert!(update.concerns(31) && !update.concerns(30));
    assert!(update.changes_lists());

    live.receive(
        "message.created",
        r#"{"ticket_id":31,"message_id":5,"kind":"public"}"#,
        "13",
    );
    let message = live.latest().expect("an update");
    assert!(!message.changes_lists());
    assert_eq!(message.seq, update.seq + 1);

    live.receive("ticket.exploded", r#"{"ticket_id":1}"#, "14");
    live.receive("ticket.created", "not json", "15");
    assert_eq!(
        live.latest(),
        Some(message),
        "unknown and malformed events change nothing"
    );
}

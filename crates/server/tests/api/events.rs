//! Live events over SSE: who receives what, that payloads carry ids only, and that a client
//! resuming with Last-Event-ID gets exactly what it missed.

use crate::sse::{Sse, SseEvent};
use crate::support::{TestApp, AGENT, ALICE, BOB, CAROL};
use axum::http::StatusCode;
use serde_json::json;
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(300);

async fn stream(app: &TestApp, token: &str, last_event_id: Option<&str>) -> Sse {
    let mut call = app.get("/api/v1/events").token(token);
    if let Some(id) = last_event_id {
        call = call.header("last-event-id", id);
    }
    Sse::new(call.open().await)
}

async fn reply(app: &TestApp, token: &str, ticket: i64, kind: &str) -> i64 {
    let res = app
        .post(&format!("/api/v1/tickets/{ticket}/messages"))
        .token(token)
        .json(&json!({ "body": format!("A {kind} reply"), "kind": kind }))
        .send()
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["id"].as_i64().unwrap_or_default()
}

fn kinds(events: &[SseEvent]) -> Vec<(String, serde_json::Value)> {
    events.iter().map(|e| (e.event.clone(), e.json())).collect()
}

#[tokio::test]
async fn customers_get_public_replies_but_never_internal_notes() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let mut alices = stream(&app, &alice, None).await;
    let mut agents = stream(&app, &agent, None).await;
    let ticket = app.create_ticket(&alice, "Live").await["id"]
        .as_i64()
        .unwrap_or_default();
    let created = alices.next().await;
    assert_eq!(
        (created.event.as_str(), created.json()),
        ("ticket.created", json!({ "ticket_id": ticket }))
    );
    let note = reply(&app, &agent, ticket, "internal").await;
    let answer = reply(&app, &agent, ticket, "public").await;
    let event = alices.next().await;
    assert_eq!(event.event, "message.created");
    assert_eq!(
        event.json(),
        json!({ "ticket_id": ticket, "message_id": answer, "kind": "public" })
    );
    // Her notification of the reply (issue 13), and nothing about the note.
    assert_eq!(alices.next().await.json()["notification"], "public_reply");
    assert!(
        alices.next_within(QUIET).await.is_none(),
        "nothing about the internal note"
    );
    // Staff receive all three, in order, with increasing ids.
    let seen = agents.drain(QUIET).await;
    assert_eq!(
        kinds(&seen),
        [
            ("ticket.created".to_owned(), json!({ "ticket_id": ticket })),
            (
                "message.created".to_owned(),
                json!({ "ticket_id": ticket, "message_id": note, "kind": "internal" })
            ),
            (
                "message.created".to_owned(),
                json!({ "ticket_id": ticket, "message_id": answer, "kind": "public" })
            ),
        ]
    );
    let ids: Vec<i64> = seen
        .iter()
        .map(|e| e.id.parse().unwrap_or_default())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    // A lifecycle move is a ticket.updated with the new status.
    app.act(&agent, ticket, json!({ "action": "complete" }))
        .await;
    let event = alices.next().await;
    assert_eq!(
        (event.event.as_str(), event.json()),
        (
            "ticket.updated",
            json!({ "ticket_id": ticket, "status": "solved" })
        )
    );
}

#[tokio::test]
async fn events_reach_only_those_who_may_see_the_ticket() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let bob = app.login(BOB).await;
    let carol = app.login(CAROL).await;
    let mut bobs = stream(&app, &bob, None).await;
    let mut carols = stream(&app, &carol, None).await;
    let ticket = app.create_ticket(&alice, "Acme only").await["id"]
        .as_i64()
        .unwrap_or_default();
    reply(&app, &agent, ticket, "public").await;
    let bob_saw = bobs.drain(QUIET).await;
    assert_eq!(bob_saw.len(), 2, "bob shares alice's group: {bob_saw:?}");
    assert!(bob_saw.iter().all(|e| e.json()["ticket_id"] == ticket));
    assert_eq!(carols.drain(QUIET).await, [], "carol is in another group");
    // Carol's own ticket does reach her (and not bob).
    let hers = app.create_ticket(&carol, "Globex").await["id"]
        .as_i64()
        .unwrap_or_default();
    assert_eq!(carols.next().await.json(), json!({ "ticket_id": hers }));
    assert!(bobs.next_within(QUIET).await.is_none());
    // Without a session there is no stream.
    app.get("/api/v1/events")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn resuming_replays_exactly_the_missed_events() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let carol = app.login(CAROL).await;
    let mut first = stream(&app, &alice, None).await;
    let ticket = app.create_ticket(&alice, "Resume").await["id"]
        .as_i64()
        .unwrap_or_default();
    let last = first.next().await.id;
    drop(first);

    // While alice is away: a public reply, an internal note, her second ticket, carol's ticket.
    let answer = reply(&app, &agent, ticket, "public").await;
    reply(&app, &agent, ticket, "internal").await;
    let second = app.create_ticket(&alice, "Second").await["id"]
        .as_i64()
        .unwrap_or_default();
    app.create_ticket(&carol, "Not for alice").await;
    let notified = app.get("/api/v1/notifications").token(&alice).send().await.json()["items"][0]["id"].clone();
    let missed = [
        (
            "message.created".to_owned(),
            json!({ "ticket_id": ticket, "message_id": answer, "kind": "public" }),
        ),
        // Her notification of the reply (issue 13) is replayed too.
        ("notification.created".to_owned(), json!({ "ticket_id": ticket, "notification_id": notified, "notification": "public_reply" })),
        ("ticket.created".to_owned(), json!({ "ticket_id": second })),
    ];

    let mut resumed = stream(&app, &alice, Some(&last)).await;
    let replayed = resumed.drain(QUIET).await;
    assert_eq!(kinds(&replayed), missed);
    // Then it is live: a new event follows the replay, without repeats.
    let later = reply(&app, &agent, second, "public").await;
    assert_eq!(resumed.next().await.json()["message_id"], later);
    assert_eq!(resumed.next().await.event, "notification.created");
    assert!(resumed.next_within(QUIET).await.is_none());

    // The query parameter does the same, for clients that cannot set headers.
    let by_query = app
        .get(&format!("/api/v1/events?last_event_id={last}"))
        .token(&alice)
        .open()
        .await;
    let mut by_query = Sse::new(by_query);
    let again = by_query.drain(QUIET).await;
    assert_eq!(kinds(&again[..3]), missed);
    assert_eq!(again.len(), 5, "the missed three, the later reply and its notification");
    // A resume point that is no event id is refused.
    for bad in ["-1", "abc"] {
        let res = app
            .get("/api/v1/events")
            .token(&alice)
            .header("last-event-id", bad)
            .send()
            .await;
        assert_eq!(
            res.field_errors(),
            crate::support::pairs(&[("last_event_id", "invalid_value")])
        );
    }
}

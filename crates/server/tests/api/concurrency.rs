//! Concurrent creates over a real socket: SQLite serializes writers, and `BEGIN IMMEDIATE` makes
//! each create read the highest number only once it holds the write lock, so no number repeats.

use crate::support::{config, ALICE};
use baton_server::{demo, Server};
use serde_json::{json, Value};
use std::collections::HashSet;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_creates_get_twenty_distinct_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(config(&dir)).await.expect("server starts");
    let base = format!("http://{}", server.local_addr());
    let client = reqwest::Client::new();
    let login = client
        .post(format!("{base}/api/v1/session"))
        .json(&json!({ "email": ALICE, "password": demo::PASSWORD }))
        .send()
        .await
        .expect("login");
    let token = login
        .cookies()
        .find(|c| c.name() == "baton_session")
        .map(|c| c.value().to_owned())
        .expect("session cookie");

    // The demo desk has ticket types, so a ticket names one: the first, which asks nothing more.
    let types: Value = client
        .get(format!("{base}/api/v1/ticket-types"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("ticket types")
        .json()
        .await
        .expect("types JSON");
    let (type_id, subtype_id) = (
        types[0]["id"].clone(),
        types[0]["subtypes"][0]["id"].clone(),
    );
    let creates = (0..20).map(|i| {
        let (client, base, token) = (client.clone(), base.clone(), token.clone());
        let body = json!({
            "title": format!("Concurrent {i}"), "description": "Race.",
            "type_id": type_id, "subtype_id": subtype_id,
        });
        tokio::spawn(async move {
            let res = client
                .post(format!("{base}/api/v1/tickets"))
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .expect("request");
            assert_eq!(res.status(), reqwest::StatusCode::CREATED);
            res.json::<Value>().await.expect("ticket")["number"]
                .as_i64()
                .unwrap_or_default()
        })
    });
    let mut numbers = HashSet::new();
    for create in creates.collect::<Vec<_>>() {
        numbers.insert(create.await.expect("task"));
    }
    // The demo tenant already has tickets 1–6 (three of them returns in its workflow).
    assert_eq!(numbers, (7..=26).collect::<HashSet<i64>>());
    server.shutdown().await;
}

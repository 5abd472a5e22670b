//! Where the key for confidential info comes from: a configured key (BATON_SECRET_KEY) is used
//! and no key file is written; a malformed one stops the server before it serves anything.

use crate::support::{TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use baton_server::{storage, AppState, Config};

const KEY_HEX: &str = "8f1c2d52aa0e4a8e9d1b7f8e2a3c4b5d8f1c2d52aa0e4a8e9d1b7f8e2a3c4b5d";

#[tokio::test]
async fn a_configured_key_is_used_instead_of_a_key_file() {
    let app = TestApp::with(|config| config.secret_key = Some(KEY_HEX.to_owned())).await;
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let mut new = app.new_ticket(&alice, "Keyed").await;
    new["confidential"] = "keyed secret".into();
    let ticket = app
        .post("/api/v1/tickets")
        .token(&alice)
        .json(&new)
        .send()
        .await
        .json();
    let reveal = app
        .post(&format!(
            "/api/v1/tickets/{}/confidential/reveal",
            ticket["id"]
        ))
        .token(&agent)
        .send()
        .await;
    assert_eq!(reveal.status, StatusCode::OK);
    assert_eq!(reveal.json()["value"], "keyed secret");
    assert!(!app.data_dir().join("secret.key").exists());
}

#[tokio::test]
async fn a_malformed_key_is_refused_at_start_without_echoing_it() {
    let db = storage::open("sqlite::memory:").await.expect("database");
    for bad in [
        "too-short",
        "zz1c2d52aa0e4a8e9d1b7f8e2a3c4b5d8f1c2d52aa0e4a8e9d1b7f8e2a3c4b5d",
    ] {
        let config = Config {
            database_url: "sqlite::memory:".to_owned(),
            dist: None,
            secret_key: Some(bad.to_owned()),
            ..Default::default()
        };
        let message = match AppState::new(db.clone(), &config) {
            Ok(_) => panic!("{bad} was accepted"),
            Err(e) => e.to_string(),
        };
        assert!(message.contains("BATON_SECRET_KEY"), "{message}");
        assert!(!message.contains(bad), "the key is echoed: {message}");
        assert!(!format!("{config:?}").contains(bad), "Debug shows the key");
    }
}

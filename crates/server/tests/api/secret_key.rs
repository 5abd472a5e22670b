//! Where the key for confidential info comes from: a configured key (BATON_SECRET_KEY) is used
//! and no key file is written; a malformed one stops the server before it serves anything.

use crate::support::{config, TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use baton_server::{storage, AppState, Config, Server};

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
    assert!(!app.data_dir().join("secret.key").exists() && !app.key_file().exists());
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

const OTHER_KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

/// Why `Server::start` refused, or `None` when it started (and is stopped again).
async fn start_with(config: &Config, key: &str) -> Option<String> {
    let config = Config { secret_key: Some(key.to_owned()), ..config.clone() };
    match Server::start(config).await {
        Ok(server) => {
            server.shutdown().await;
            None
        }
        Err(e) => Some(e.to_string()),
    }
}

const WRONG_KEY: &str =
    "the secret key does not open this database's sealed data: every replica needs the same --secret-key (and, while rotating, the old one in --retired-secret-keys)";

#[tokio::test]
async fn a_replica_with_another_key_refuses_to_start_in_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(&dir);
    // (key, what start says): the first key seals the check value, the database keeps it.
    let cases = [(KEY_HEX, None), (OTHER_KEY, Some(WRONG_KEY)), (KEY_HEX, None), (OTHER_KEY, Some(WRONG_KEY))];
    for (key, expected) in cases {
        assert_eq!(start_with(&config, key).await.as_deref(), expected, "key {}…", &key[..4]);
    }
}

#[tokio::test]
async fn a_database_from_before_the_check_is_checked_against_its_confidential_info() {
    let app = TestApp::with(|config| config.secret_key = Some(KEY_HEX.to_owned())).await;
    let alice = app.login(ALICE).await;
    let mut new = app.new_ticket(&alice, "Sealed before the check").await;
    new["confidential"] = "old secret".into();
    let res = app.post("/api/v1/tickets").token(&alice).json(&new).send().await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    // No check value yet (TestApp does not start a server): the sealed ticket decides.
    assert_eq!(app.count("SELECT COUNT(*) FROM server_keys").await, 0);
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { database_url: app.db.url().to_owned(), demo: false, ..config(&dir) };
    assert_eq!(start_with(&config, OTHER_KEY).await.as_deref(), Some(WRONG_KEY));
    assert_eq!(app.count("SELECT COUNT(*) FROM server_keys").await, 0, "a refused server wrote nothing");
    assert_eq!(start_with(&config, KEY_HEX).await, None);
    assert_eq!(app.count("SELECT COUNT(*) FROM server_keys").await, 1);
}

//! Key rotation (issue 16): values sealed under key A open on servers whose current key is B with
//! A retired; `baton-server rekey` re-seals them (and a value from before key ids) under B, after
//! which B alone opens everything and A alone no longer starts. Neither the rekey's output nor its
//! TRACE log holds a plaintext. And the key file's default place is apart from the data directory.

use crate::confidential_logs::login;
use crate::support::{sql_pool, TestApp, AGENT, ALICE};
use baton_server::{Config, Server};
use serde_json::Value;
use std::process::Command;

const KEY_A: &str = "8f1c2d52aa0e4a8e9d1b7f8e2a3c4b5d8f1c2d52aa0e4a8e9d1b7f8e2a3c4b5d";
const KEY_B: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const VALUES: [&str; 3] = ["rotation-probe Qx1!sealed-A", "rotation-probe Wv2!legacy-A", "rotation-probe Ez3!sealed-B"];

/// Starts the server with `current` and `retired` keys; `Err` with its one line if it refuses.
async fn start(config: &Config, current: &str, retired: &[&str]) -> Result<Server, String> {
    let config = Config {
        secret_key: Some(current.to_owned()),
        retired_secret_keys: retired.iter().map(|k| (*k).to_owned()).collect(),
        ..config.clone()
    };
    Server::start(config).await.map_err(|e| e.to_string())
}

/// Each ticket's confidential info as the agent reveals it on `server` (`None`: not 200).
async fn reveal_all(server: &Server, tickets: &[i64]) -> Vec<Option<String>> {
    let (client, base) = (reqwest::Client::new(), format!("http://{}", server.local_addr()));
    let agent = login(&client, &base, AGENT).await;
    let mut values = Vec::new();
    for id in tickets {
        let res = client
            .post(format!("{base}/api/v1/tickets/{id}/confidential/reveal"))
            .bearer_auth(&agent)
            .send()
            .await
            .expect("reveal");
        let ok = res.status() == reqwest::StatusCode::OK;
        let body: Value = res.json().await.unwrap_or_default();
        values.push(ok.then(|| body["value"].as_str().unwrap_or_default().to_owned()));
    }
    values
}

/// Alice's new ticket with `value` as its confidential info, on `server`; its id.
async fn create(server: &Server, app: &TestApp, value: &str) -> i64 {
    let (client, base) = (reqwest::Client::new(), format!("http://{}", server.local_addr()));
    let alice = login(&client, &base, ALICE).await;
    let mut body = app.new_ticket(&alice, "Rotation").await;
    body["confidential"] = value.into();
    let res = client.post(format!("{base}/api/v1/tickets")).bearer_auth(&alice).json(&body).send().await.expect("create");
    assert_eq!(res.status(), reqwest::StatusCode::CREATED);
    res.json::<Value>().await.expect("JSON")["id"].as_i64().expect("id")
}

/// `baton-server rekey` on `database` with TRACE logging: its exit code and its whole output.
fn rekey(database: &str, current: &str, retired: &str, scratch: &std::path::Path) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baton-server"));
    command.args(["rekey", "--database", database, "--secret-key", current, "--batch", "1"]);
    if !retired.is_empty() {
        command.args(["--retired-secret-keys", retired]);
    }
    scrub(&mut command, scratch);
    let out = command.env("RUST_LOG", "trace").output().expect("run rekey");
    (out.status.code(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// No `BATON_*` of the caller's, and the default key file's place in `scratch`, never ~/.config.
fn scrub(command: &mut Command, scratch: &std::path::Path) {
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("BATON_") {
            command.env_remove(name);
        }
    }
    command.env("XDG_CONFIG_HOME", scratch.join("config")).env("NO_COLOR", "1").current_dir(scratch);
}

#[tokio::test]
async fn values_under_a_retired_key_open_and_rekey_reseals_them_under_the_current_one() {
    // The database (demo seeded); the servers below run on it with keys of their own.
    let app = TestApp::with(|config| config.secret_key = Some(KEY_A.to_owned())).await;
    let dir = tempfile::tempdir().expect("temp dir");
    // Not `support::config`, which would make (on PostgreSQL) a database of its own.
    let base = Config {
        addr: ([127, 0, 0, 1], 0).into(),
        database_url: app.db.url().to_owned(),
        dist: None,
        data_dir: Some(dir.path().join("data")),
        secret_key_file: Some(dir.path().join("config/secret.key")),
        ..Default::default()
    };
    let database = app.db.url().to_owned();
    let mut tickets = Vec::new();
    let server = start(&base, KEY_A, &[]).await.expect("A starts");
    for value in &VALUES[..2] {
        tickets.push(create(&server, &app, value).await);
    }
    server.shutdown().await;
    // The second as a value sealed before key ids: the same ciphertext with a bare 12-byte nonce.
    let sql = sql_pool(&database).await;
    let nonce: Vec<u8> = sqlx::query_scalar("SELECT nonce FROM ticket_confidential WHERE ticket_id = $1")
        .bind(tickets[1])
        .fetch_one(&sql)
        .await
        .expect("nonce");
    assert_eq!(nonce.len(), 17, "version, key id, nonce");
    sqlx::query("UPDATE ticket_confidential SET nonce = $1 WHERE ticket_id = $2")
        .bind(nonce[5..].to_vec())
        .bind(tickets[1])
        .execute(&sql)
        .await
        .expect("make it legacy");

    let wrong = start(&base, KEY_B, &[]).await.err().expect("B alone is refused before the rekey");
    assert!(wrong.starts_with("the secret key does not open"), "{wrong}");
    let rotated = start(&base, KEY_B, &[KEY_A]).await.expect("B with A retired starts");
    let expected: Vec<_> = VALUES[..2].iter().map(|v| Some((*v).to_owned())).collect();
    assert_eq!(reveal_all(&rotated, &tickets).await, expected);
    tickets.push(create(&rotated, &app, VALUES[2]).await);
    rotated.shutdown().await;

    let (code, output) = rekey(&database, KEY_B, KEY_A, dir.path());
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("re-sealed 2 values under key"), "{output}");
    // Resumable: a second run finds nothing left to do.
    let (code, again) = rekey(&database, KEY_B, KEY_A, dir.path());
    assert_eq!(code, Some(0), "{again}");
    assert!(again.contains("re-sealed 0 values"), "{again}");
    for value in VALUES {
        assert!(!output.contains(value) && !again.contains(value), "the rekey output holds {value:?}");
    }
    let nonces: Vec<Vec<u8>> = sqlx::query_scalar("SELECT nonce FROM ticket_confidential ORDER BY ticket_id")
        .fetch_all(&sql)
        .await
        .expect("nonces");
    assert!(nonces.iter().all(|n| n.len() == 17 && n[1..5] == nonces[0][1..5]), "all under one key id");

    let alone = start(&base, KEY_B, &[]).await.expect("B alone starts after the rekey");
    let all: Vec<_> = VALUES.iter().map(|v| Some((*v).to_owned())).collect();
    assert_eq!(reveal_all(&alone, &tickets).await, all);
    alone.shutdown().await;
    let old = start(&base, KEY_A, &[]).await.err().expect("A alone is refused after the rekey");
    assert!(old.starts_with("the secret key does not open"), "{old}");
    // A key that opens nothing here: rekey refuses in one line, naming no value.
    let (code, refused) = rekey(&database, KEY_A, "", dir.path());
    assert_eq!(code, Some(2), "{refused}");
    assert!(refused.contains("the secret key does not open"), "{refused}");
}

#[test]
fn the_key_file_is_made_apart_from_the_data_dir_and_an_old_one_there_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |data: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_baton-server"));
        let database = format!("sqlite://{}", dir.path().join(data).join("baton.db").display());
        command.args(["rekey", "--database", &database]);
        scrub(&mut command, dir.path());
        let out = command.output().expect("run rekey");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let new_place = dir.path().join("config/baton/secret.key");
    // An older install: its key file in the data directory is used, with a word to move it.
    std::fs::create_dir_all(dir.path().join("old")).expect("dir");
    std::fs::write(dir.path().join("old/secret.key"), format!("{KEY_A}\n")).expect("old key");
    let log = run("old");
    assert!(log.contains("move it to"), "{log}");
    assert!(!log.contains(KEY_A), "{log}");
    assert!(!new_place.exists(), "a second key was made beside the old one");
    // A new install: the key file is made at the default place, private, not in the data dir.
    run("new");
    assert!(new_place.exists() && !dir.path().join("new/secret.key").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&new_place).expect("key file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

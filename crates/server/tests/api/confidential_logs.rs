//! Confidential info never reaches the log: the real binary, logging at TRACE level, serves a
//! flow that sets, replaces, refuses and reveals confidential info, and its whole log is searched
//! for the plaintext. (A separate process, so no other test's logging can interfere.)

use crate::support::{AGENT, ALICE};
use baton_server::demo;
use serde_json::{json, Value};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::Duration;

const SECRET: &str = "log-probe Zq7!plaintext-9931";
const REPLACED: &str = "log-probe Kx9!plaintext-2207";

struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Signs `email` in with the demo password on the server at `base`; the session token.
pub(crate) async fn login(client: &reqwest::Client, base: &str, email: &str) -> String {
    let res = client
        .post(format!("{base}/api/v1/session"))
        .json(&json!({ "email": email, "password": demo::PASSWORD }))
        .send()
        .await
        .expect("login");
    let cookie = res.cookies().find(|c| c.name() == "baton_session");
    cookie
        .map(|c| c.value().to_owned())
        .expect("session cookie")
}

#[tokio::test]
async fn the_server_log_never_holds_the_plaintext() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let child = Command::new(env!("CARGO_BIN_EXE_baton-server"))
        .args(["--addr", &format!("127.0.0.1:{port}"), "--demo"])
        .args([
            "--database",
            &format!("sqlite://{}", dir.path().join("baton.db").display()),
        ])
        .current_dir(dir.path())
        .env("RUST_LOG", "trace")
        .env("NO_COLOR", "1")
        .env_remove("BATON_SECRET_KEY")
        .env("BATON_SECRET_KEY_FILE", dir.path().join("config/secret.key"))
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .expect("start baton-server");
    let _server = Running(child);
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..300 {
        if client
            .get(format!("{base}/api/v1/health"))
            .send()
            .await
            .is_ok()
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "the server answered");

    let alice = login(&client, &base, ALICE).await;
    let agent = login(&client, &base, AGENT).await;
    let types: Value = client
        .get(format!("{base}/api/v1/ticket-types"))
        .bearer_auth(&alice)
        .send()
        .await
        .expect("types")
        .json()
        .await
        .expect("JSON");
    let body = json!({
        "title": "Log probe", "description": "d", "confidential": SECRET,
        "type_id": types[0]["id"], "subtype_id": types[0]["subtypes"][0]["id"],
    });
    let ticket: Value = client
        .post(format!("{base}/api/v1/tickets"))
        .bearer_auth(&alice)
        .json(&body)
        .send()
        .await
        .expect("create")
        .json()
        .await
        .expect("JSON");
    let confidential = format!("{base}/api/v1/tickets/{}/confidential", ticket["id"]);
    let calls = [
        (&agent, "POST", "/reveal".to_owned(), None),
        (
            &alice,
            "PUT",
            String::new(),
            Some(json!({ "value": REPLACED })),
        ),
        (
            &agent,
            "PUT",
            String::new(),
            Some(json!({ "value": SECRET })),
        ),
        (
            &alice,
            "PUT",
            String::new(),
            Some(json!({ "value": format!("{REPLACED}{}", "x".repeat(2000)) })),
        ),
        (&alice, "POST", "/reveal".to_owned(), None),
        (&agent, "POST", "/reveal".to_owned(), None),
    ];
    let mut statuses = Vec::new();
    for (token, method, suffix, body) in calls {
        let url = format!("{confidential}{suffix}");
        let mut req = match method {
            "PUT" => client.put(url),
            _ => client.post(url),
        };
        req = req.bearer_auth(token);
        if let Some(body) = body {
            req = req.json(&body);
        }
        statuses.push(req.send().await.expect("call").status().as_u16());
    }
    assert_eq!(statuses, [200, 204, 403, 422, 404, 200]);
    // Give the log lines of the last response time to be written.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let logged = std::fs::read_to_string(&log_path).expect("log");
    assert!(
        logged.contains("response"),
        "TRACE logging was on: {} bytes",
        logged.len()
    );
    for secret in [SECRET, REPLACED] {
        assert!(!logged.contains(secret), "the log holds {secret:?}");
    }
}

//! Crash test (issue 16): the server process is killed with SIGKILL in the middle of a burst of
//! ticket creations, messages and uploads, then started again on the same database and files.
//! Every write it acknowledged is there and readable (tickets, their messages, attachment bytes),
//! and nothing is half-written: each ticket's number agrees with its desk's counter and each has
//! its report facts (written in the same transactions). On SQLite, or on PostgreSQL with
//! `BATON_TEST_POSTGRES_URL`.

use crate::support::{database_url, Scratch, TestApp, ALICE};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The binary serving `database` with its files in `dir`; its base URL once it listens.
fn start(database: &str, dir: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baton-server"))
        .args(["--addr", "127.0.0.1:0", "--database", database, "--demo", "--attempts-per-ip", "0"])
        .arg("--data-dir")
        .arg(dir)
        .arg("--dist")
        .arg(dir.join("no-spa"))
        .env_remove("BATON_SECRET_KEY")
        .env("BATON_SECRET_KEY_FILE", dir.join("secret.key"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start baton-server");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines.next().expect("the server printed where it listens").expect("read stdout");
        if let Some(base) = line.strip_prefix("Baton is listening on ") {
            break base.trim().to_owned();
        }
    };
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, base)
}

async fn sign_in(client: &reqwest::Client, base: &str) -> String {
    let res = client
        .post(format!("{base}/api/v1/session"))
        .json(&json!({ "email": ALICE, "password": baton_server::demo::PASSWORD }))
        .send()
        .await
        .expect("sign in");
    let cookie = res.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default();
    cookie.split(';').next().and_then(|c| c.strip_prefix("baton_session=")).expect("session").to_owned()
}

/// What the server acknowledged: tickets (id), messages (ticket, body), uploads (id, bytes).
#[derive(Default)]
struct Acknowledged {
    tickets: Vec<i64>,
    messages: Vec<(i64, String)>,
    uploads: Vec<(i64, Vec<u8>)>,
}

/// One writer: creates a ticket, posts a message on it, uploads a file, until the server dies.
async fn writer(client: reqwest::Client, base: String, token: String, ticket: Value, n: usize, acked: Arc<Mutex<Acknowledged>>) {
    for i in 0.. {
        let url = |path: &str| format!("{base}/api/v1{path}");
        let Ok(res) = client.post(url("/tickets")).bearer_auth(&token).json(&ticket).send().await else { return };
        let Some(id) = (res.status() == 201).then_some(()).and(res.json::<Value>().await.ok()).and_then(|t| t["id"].as_i64()) else { return };
        acked.lock().expect("lock").tickets.push(id);
        let body = format!("writer {n} message {i}");
        let sent = client.post(url(&format!("/tickets/{id}/messages"))).bearer_auth(&token).json(&json!({ "body": body })).send().await;
        match sent {
            Ok(res) if res.status() == 201 => acked.lock().expect("lock").messages.push((id, body)),
            _ => return,
        }
        let bytes = format!("upload {n}/{i} ").repeat(200).into_bytes();
        const B: &str = "crash-boundary";
        let mut part = format!("--{B}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\nContent-Type: text/plain\r\n\r\n").into_bytes();
        part.extend_from_slice(&bytes);
        part.extend_from_slice(format!("\r\n--{B}--\r\n").as_bytes());
        let up = client
            .post(url("/attachments"))
            .bearer_auth(&token)
            .header("content-type", format!("multipart/form-data; boundary={B}"))
            .body(part)
            .send()
            .await;
        let Ok(res) = up else { return };
        if res.status() != 201 {
            return;
        }
        match res.json::<Value>().await.ok().and_then(|a| a["id"].as_i64()) {
            Some(upload) => acked.lock().expect("lock").uploads.push((upload, bytes)),
            None => return,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_write_survives_a_kill_9() {
    // A ticket body valid on the demo desk (its type ids), taken from an in-process app.
    let shape = TestApp::new().await;
    let alice = shape.login(ALICE).await;
    let ticket = shape.new_ticket(&alice, "Crash burst").await;

    let dir = tempfile::tempdir().expect("temp dir");
    let database = database_url(&dir);
    // Removed at the end (on PostgreSQL, the database too).
    let scratch = Scratch { dir, database_url: database.clone() };
    let dir = &scratch.dir;
    let (mut server, base) = start(&database, dir.path());
    let client = reqwest::Client::new();
    let token = sign_in(&client, &base).await;
    let acked = Arc::new(Mutex::new(Acknowledged::default()));
    let writers: Vec<_> = (0..8)
        .map(|n| tokio::spawn(writer(client.clone(), base.clone(), token.clone(), ticket.clone(), n, acked.clone())))
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().expect("SIGKILL");
    server.wait().expect("reap");
    for w in writers {
        w.await.expect("writer");
    }
    let acked = std::mem::take(&mut *acked.lock().expect("lock"));
    assert!(acked.tickets.len() >= 8 && !acked.uploads.is_empty(), "the burst wrote too little to test: {} tickets", acked.tickets.len());

    // The figure for BENCHMARKS.md ("Durability"): how much was in flight when the process died.
    eprintln!(
        "crash: killed after {} tickets, {} messages, {} uploads acknowledged",
        acked.tickets.len(),
        acked.messages.len(),
        acked.uploads.len()
    );
    let (mut server, base) = start(&database, dir.path());
    let token = sign_in(&client, &base).await;
    let get = |path: String| client.get(format!("{base}/api/v1{path}")).bearer_auth(&token).send();
    for id in &acked.tickets {
        assert_eq!(get(format!("/tickets/{id}")).await.expect("get").status(), 200, "ticket {id} lost");
    }
    for (id, body) in &acked.messages {
        let thread: Value = get(format!("/tickets/{id}/messages")).await.expect("get").json().await.expect("json");
        assert!(thread.to_string().contains(body.as_str()), "message {body:?} of ticket {id} lost");
    }
    for (id, bytes) in &acked.uploads {
        let res = get(format!("/attachments/{id}")).await.expect("get");
        assert_eq!(res.status(), 200, "upload {id} lost");
        assert_eq!(res.bytes().await.expect("bytes").as_ref(), bytes.as_slice(), "upload {id} damaged");
    }
    // Nothing half-written: counters and facts agree with the tickets that exist.
    let sql = crate::support::sql_pool(&database).await;
    let one = |q: &'static str| { let sql = sql.clone(); async move { sqlx::query_scalar::<_, i64>(q).fetch_one(&sql).await.expect(q) } };
    let torn = one("SELECT COUNT(*) FROM tenant_counters c WHERE c.last_ticket_number <> \
        (SELECT COALESCE(MAX(t.number), 0) FROM tickets t WHERE t.tenant_id = c.tenant_id)").await;
    let without_facts = one("SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_facts f WHERE f.ticket_id = t.id)").await;
    assert_eq!((torn, without_facts), (0, 0));
    sql.close().await;
    server.kill().expect("stop");
    server.wait().expect("reap");
}

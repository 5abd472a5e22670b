//! Two replicas, one PostgreSQL database and one S3-compatible store (issue 11 part C): two server
//! processes, the test alternating between their base URLs as a round-robin load balancer without
//! stickiness would. A customer submits through A and the agent's live stream on B receives it
//! within 2 s; presence set through A shows on B; an attachment uploaded through A downloads, the
//! same bytes, through B (each replica has a data directory of its own, so only the shared store
//! can serve it); after A is killed (SIGKILL) B keeps serving, a client that was streaming from A
//! resumes on B from its Last-Event-ID without a gap, and the scheduler's lease moves to B.
//!
//! Runs only when BATON_E2E_POSTGRES_URL (or BATON_TEST_POSTGRES_URL) names a PostgreSQL server
//! (scripts/test.sh does it in its PostgreSQL step); otherwise it says so and passes. The S3 store
//! is s3s over s3s-fs in this process (crates/s3-fixture, as in the API tests). Its own `main` (harness = false), because
//! the replicas are this binary started again (baton_e2e::replica).

use baton_e2e::replica::{child_main, Replica};
use baton_e2e::{ApiClient, DEMO_PASSWORD};
use baton_s3_fixture::{S3Server, ACCESS_KEY, SECRET_KEY};
use baton_server::scheduler::LEASE;
use baton_server::storage::{self, Db};
use serde_json::{json, Value};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Seconds the scheduler's lease lasts in this test (renewed about every 0.7 s).
const LEASE_SECS: u64 = 2;

fn main() -> ExitCode {
    if let Some(code) = child_main() {
        return code;
    }
    let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
    let Some(server) = var("BATON_E2E_POSTGRES_URL").or_else(|| var("BATON_TEST_POSTGRES_URL")) else {
        println!("replicas: skipped (set BATON_E2E_POSTGRES_URL to run it on PostgreSQL)");
        return ExitCode::SUCCESS;
    };
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(two_replicas(&server));
    println!("replicas: ok");
    ExitCode::SUCCESS
}

async fn two_replicas(server: &str) {
    // What an operator does once: create the database, `baton-server migrate` (open migrates);
    // the demo seed stands for the data.
    let url = new_database(server);
    let db = storage::open(&url).await.expect("migrate");
    baton_server::demo::seed_if_empty(&db).await.expect("seed");
    let key: String = (0..32).map(|_| format!("{:02x}", rand_byte())).collect();

    // One object store for both, named as an operator would: `--blob-store s3://…` and AWS_*.
    let s3 = S3Server::start(BUCKET).await;
    let blobs = (s3.url(BUCKET, None), (ACCESS_KEY, SECRET_KEY));
    let blobs = (blobs.0.as_str(), blobs.1);

    let mut a = Replica::start(&url, &key, LEASE_SECS, blobs).await;
    wait_for_holder(&db, &a.holder, Duration::from_secs(10)).await;
    let b = Replica::start(&url, &key, LEASE_SECS, blobs).await;

    // The agent signs in through A and streams from B (sessions are in the database).
    let agent = signed_in(&a, "agent@baton.test").await;
    let mut on_b = Stream::open(&agent, &b.url("/api/v1/events"), None).await;
    let mut on_a = Stream::open(&agent, &a.url("/api/v1/events"), None).await;

    let alice_a = ApiClient::login(&a.base, "alice@customer.test").await;
    let id = alice_a.create_ticket("Submitted through A").await;
    let created = on_b.next_stored(Duration::from_secs(2)).await.expect("B's stream gets it within 2 s");
    assert_eq!((created.event.as_str(), created.data["ticket_id"].to_string()), ("ticket.created", id.clone()));
    assert_eq!(on_a.next_stored(Duration::from_secs(2)).await.map(|e| e.id), Some(created.id.clone()));

    // Presence set through A shows on B, in its list and on its stream.
    let presence = format!("/api/v1/tickets/{id}/presence");
    let res = agent.post(a.url(&presence)).json(&json!({ "typing": true })).send().await.expect("beat");
    assert_eq!(res.status().as_u16(), 200);
    let listed: Value = agent.get(b.url(&presence)).send().await.expect("presence").json().await.expect("json");
    assert_eq!(listed["viewers"][0]["user"]["name"], "Agent Smith", "{listed}");
    let change = on_b.next_of("presence", Duration::from_secs(2)).await.expect("presence on B's stream");
    assert_eq!(change.data["ticket_id"].to_string(), id);

    // A file uploaded through A and linked there downloads whole through B, for the uploader and
    // for the agent; it is in the shared bucket (the replicas' own data directories differ).
    let alice_http = signed_in(&a, "alice@customer.test").await;
    let bytes: Vec<u8> = (0..200_000u32).flat_map(|i| format!("line {i} of the log\n").into_bytes()).collect();
    let attachment = upload(&alice_http, &a.url("/api/v1/attachments"), "replica.log", &bytes).await;
    let res = alice_http
        .post(a.url(&format!("/api/v1/tickets/{id}/messages")))
        .json(&json!({ "kind": "public", "body": "The log", "attachment_ids": [attachment] }))
        .send()
        .await
        .expect("message");
    assert_eq!(res.status().as_u16(), 201, "message with the attachment");
    assert_eq!(s3.count(BUCKET, None), 1, "one object in the shared bucket");
    for (who, client) in [("alice", &alice_http), ("agent", &agent)] {
        let res = client.get(b.url(&format!("/api/v1/attachments/{attachment}"))).send().await.expect("download");
        assert_eq!(res.status().as_u16(), 200, "{who} downloads through B");
        let body = res.bytes().await.expect("body");
        assert!(body.as_ref() == bytes.as_slice(), "{who}: {} bytes through B, {} uploaded", body.len(), bytes.len());
    }
    let message = on_b.next_stored(Duration::from_secs(2)).await.expect("the message on B's stream");
    assert_eq!(message.event, "message.created");
    let seen_on_a = on_a.next_stored(Duration::from_secs(2)).await.expect("the message on A's stream");
    assert_eq!(seen_on_a.id, message.id);

    // A dies. B serves on; the write made meanwhile is not lost to the client that streamed from A.
    let last_seen_on_a = seen_on_a.id.clone();
    a.kill().await;
    let alice_b = ApiClient::login(&b.base, "alice@customer.test").await;
    alice_b.say(&id, "public", "Anyone there?").await;
    let live = on_b.next_stored(Duration::from_secs(2)).await.expect("B's stream goes on");
    assert_eq!(live.event, "message.created");
    let mut resumed = Stream::open(&agent, &b.url("/api/v1/events"), Some(&last_seen_on_a)).await;
    let replayed = resumed.next_stored(Duration::from_secs(2)).await.expect("replayed on B");
    assert_eq!((replayed.event.as_str(), replayed.id.as_str()), ("message.created", live.id.as_str()));

    // The scheduler moves to B once A's lease has run out.
    wait_for_holder(&db, &b.holder, Duration::from_secs(LEASE_SECS * 5)).await;
    drop(b);
    db.close().await;
    drop_database(server, &url);
}

/// The shared store's bucket.
const BUCKET: &str = "baton-replicas";

/// Uploads `bytes` as a text file `name` (multipart, one `file` part); the attachment's id.
async fn upload(client: &reqwest::Client, url: &str, name: &str, bytes: &[u8]) -> i64 {
    // By hand: one part, and reqwest's multipart feature is not needed elsewhere in the suite.
    let boundary = "baton-replicas-boundary-7c1f";
    let mut body = format!(
        "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{name}\"\r\ncontent-type: text/plain\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let res = client
        .post(url)
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status().as_u16(), 201, "upload {name}");
    let stored: Value = res.json().await.expect("json");
    stored["id"].as_i64().expect("an id")
}

/// Waits until `holder` holds the scheduler's lease; fails after `within`.
async fn wait_for_holder(db: &Db, holder: &str, within: Duration) {
    let started = Instant::now();
    loop {
        let now = storage::scheduler::holder(db, LEASE).await.expect("read the lease");
        if now.as_ref().is_some_and(|(who, _)| who == holder) {
            return;
        }
        assert!(started.elapsed() < within, "{holder} did not get the lease within {within:?}: {now:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A cookie-carrying client signed in as `email` through `replica`.
async fn signed_in(replica: &Replica, email: &str) -> reqwest::Client {
    let client = baton_e2e::api::cookie_client();
    let res = client
        .post(replica.url("/api/v1/session"))
        .json(&json!({ "email": email, "password": DEMO_PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(res.status().as_u16(), 200, "login as {email}");
    client
}

/// A new, empty database on the PostgreSQL server `server` (a URL naming a maintenance database).
fn new_database(server: &str) -> String {
    let name = format!("baton_replicas_{}", (0..6).map(|_| format!("{:02x}", rand_byte())).collect::<String>());
    let status = std::process::Command::new("psql")
        .args([server, "-q", "-v", "ON_ERROR_STOP=1", "-c"])
        .arg(format!("CREATE DATABASE {name}"))
        .status()
        .expect("run psql");
    assert!(status.success(), "psql could not create {name}");
    let (base, _) = server.rsplit_once('/').expect("a URL with a database name");
    format!("{base}/{name}")
}

/// Drops the test's database (its replicas are gone), so test runs do not fill the disk.
fn drop_database(server: &str, url: &str) {
    let name = url.rsplit('/').next().unwrap_or_default();
    let status = std::process::Command::new("psql")
        .args([server, "-q", "-c"])
        .arg(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("replicas: could not drop the database {name}");
    }
}

/// A random byte without another dependency: the hasher's per-process random keys.
fn rand_byte() -> u8 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(Instant::now()).to_le_bytes()[0]
}

/// One server-sent event.
struct Event {
    id: String,
    event: String,
    data: Value,
}

/// A live-events stream read with reqwest, frame by frame.
struct Stream {
    response: reqwest::Response,
    buffer: String,
}

impl Stream {
    async fn open(client: &reqwest::Client, url: &str, last_event_id: Option<&str>) -> Stream {
        let mut request = client.get(url);
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id);
        }
        let response = request.send().await.expect("open the stream");
        assert_eq!(response.status().as_u16(), 200, "stream {url}");
        Stream { response, buffer: String::new() }
    }

    /// The next event within `wait`, or `None`.
    async fn next(&mut self, wait: Duration) -> Option<Event> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut event = Event { id: String::new(), event: String::new(), data: Value::Null };
                for line in block.lines() {
                    match line.split_once(": ") {
                        Some(("id", v)) => event.id = v.to_owned(),
                        Some(("event", v)) => event.event = v.to_owned(),
                        Some(("data", v)) => event.data = serde_json::from_str(v).unwrap_or(Value::Null),
                        _ => {}
                    }
                }
                if !event.event.is_empty() {
                    return Some(event);
                }
                continue;
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk()).await.ok()?.ok()??;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// The next stored event (one with an id), skipping presence.
    async fn next_stored(&mut self, wait: Duration) -> Option<Event> {
        let deadline = Instant::now() + wait;
        loop {
            let event = self.next(deadline.saturating_duration_since(Instant::now())).await?;
            if !event.id.is_empty() {
                return Some(event);
            }
        }
    }

    /// The next event named `name`.
    async fn next_of(&mut self, name: &str, wait: Duration) -> Option<Event> {
        let deadline = Instant::now() + wait;
        loop {
            let event = self.next(deadline.saturating_duration_since(Instant::now())).await?;
            if event.event == name {
                return Some(event);
            }
        }
    }
}

//! SSE fan-out: opens `--streams` live-event streams as one user (each with its own single-use
//! stream ticket, `POST /events/ticket`, then `GET /events?ticket=…`, each on its own
//! connection), waits until all are open, posts one internal note to `--ticket`, and measures
//! when each stream sees its `message.created`, from the moment the note was sent.

use crate::args::{client, Args};
use crate::stats::Latencies;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, Semaphore};

/// How many streams are being opened at once.
const OPENING: usize = 50;
/// How long after the note a stream may still report it.
const WAIT: Duration = Duration::from_secs(10);

pub async fn run(args: &Args) -> Result<(), String> {
    let base = args.base()?;
    let token = args.text("token")?.to_owned();
    let ticket = args.text("ticket")?.to_owned();
    let streams = args.number("streams", 1000)? as usize;
    let http = client(streams + 8)?;
    let opening = Arc::new(Semaphore::new(OPENING));
    let (opened_tx, mut opened_rx) = mpsc::channel::<Result<(), String>>(streams);
    let (seen_tx, mut seen_rx) = mpsc::channel::<Instant>(streams);
    let started = Instant::now();
    let mut readers = Vec::new();
    for _ in 0..streams {
        let (http, token, base) = (http.clone(), token.clone(), base.clone());
        let (opening, opened_tx, seen_tx) = (opening.clone(), opened_tx.clone(), seen_tx.clone());
        readers.push(tokio::spawn(async move {
            let permit = opening.acquire_owned().await;
            let response = match open(&http, &base, &token).await {
                Ok(response) => response,
                Err(e) => {
                    let _ = opened_tx.send(Err(e)).await;
                    return;
                }
            };
            drop(permit);
            let _ = opened_tx.send(Ok(())).await;
            read_until_message(response, seen_tx).await;
        }));
    }
    drop((opened_tx, seen_tx));
    let (mut open_ok, mut open_errors, mut first_error) = (0, 0, None);
    while let Some(outcome) = opened_rx.recv().await {
        match outcome {
            Ok(()) => open_ok += 1,
            Err(e) => {
                open_errors += 1;
                first_error.get_or_insert(e);
            }
        }
        if open_ok + open_errors == streams {
            break;
        }
    }
    println!(
        "sse: {open_ok} of {streams} streams open in {:.1} s, {open_errors} refused",
        started.elapsed().as_secs_f64()
    );
    if let Some(e) = first_error {
        println!("sse: first error: {e}");
    }
    // Let the last streams' first bytes settle before the event.
    tokio::time::sleep(Duration::from_secs(1)).await;

    let sent = Instant::now();
    let res = http
        .post(format!("{base}/api/v1/tickets/{ticket}/messages"))
        .bearer_auth(&token)
        .json(&json!({ "kind": "internal", "body": "fan-out" }))
        .send()
        .await
        .map_err(|e| format!("post the note: {e}"))?;
    let post_ms = sent.elapsed().as_secs_f64() * 1000.0;
    if res.status().as_u16() != 201 {
        return Err(format!("post the note: {}", res.status()));
    }
    let mut delays = Vec::new();
    let deadline = tokio::time::Instant::now() + WAIT;
    while delays.len() < open_ok {
        match tokio::time::timeout_at(deadline, seen_rx.recv()).await {
            Ok(Some(at)) => delays.push(at.saturating_duration_since(sent).as_micros() as u64),
            _ => break,
        }
    }
    let within = delays.iter().filter(|d| **d <= 1_000_000).count();
    let received = delays.len();
    let latencies = Latencies::new(delays);
    println!(
        "sse: the note (POST {post_ms:.1} ms) reached {received} of {open_ok} open streams, {within} within 1 s; from sending: {}",
        latencies.summary()
    );
    for reader in readers {
        reader.abort();
    }
    Ok(())
}

/// A stream ticket, then the open stream.
async fn open(http: &reqwest::Client, base: &str, token: &str) -> Result<reqwest::Response, String> {
    let res = http
        .post(format!("{base}/api/v1/events/ticket"))
        .bearer_auth(token)
        .send()
        .await
        .map_err(|e| format!("stream ticket: {e}"))?;
    if !res.status().is_success() {
        return Err(format!("stream ticket: {}", res.status()));
    }
    let body: Value = res.json().await.map_err(|e| format!("stream ticket: {e}"))?;
    let ticket = body["ticket"].as_str().ok_or("stream ticket: no `ticket`")?;
    let res = http
        .get(format!("{base}/api/v1/events"))
        .query(&[("ticket", ticket)])
        .send()
        .await
        .map_err(|e| format!("open the stream: {e}"))?;
    if !res.status().is_success() {
        return Err(format!("open the stream: {}", res.status()));
    }
    Ok(res)
}

/// Reads the stream until a `message.created` event and reports when it came.
async fn read_until_message(mut response: reqwest::Response, seen: mpsc::Sender<Instant>) {
    let mut buffer = String::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        if buffer.contains("event: message.created") {
            let _ = seen.send(Instant::now()).await;
            return;
        }
        // Keep only a tail long enough to hold a split event name.
        if buffer.len() > 4096 {
            let cut = buffer.len() - 64;
            let cut = (cut..buffer.len()).find(|i| buffer.is_char_boundary(*i)).unwrap_or(0);
            buffer.drain(..cut);
        }
    }
}

//! Writers: `--writers` concurrent clients each post internal notes, one after another, to one of
//! `--tickets` (writer i to ticket i mod n) for `--seconds`. Prints how many were accepted (201),
//! so the caller can check the database holds exactly that many more messages.

use crate::args::{client, Args};
use crate::stats::Latencies;
use serde_json::json;
use std::time::{Duration, Instant};

pub async fn run(args: &Args) -> Result<(), String> {
    let base = args.base()?;
    let token = args.text("token")?.to_owned();
    let tickets = args.list("tickets")?;
    let writers = args.number("writers", 200)? as usize;
    let seconds = args.number("seconds", 60)?;
    if tickets.is_empty() {
        return Err("--tickets is empty".into());
    }
    let http = client(writers)?;
    let end = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for w in 0..writers {
        let url = format!("{base}/api/v1/tickets/{}/messages", tickets[w % tickets.len()]);
        let (http, token) = (http.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            let (mut samples, mut errors, mut first_error) = (Vec::new(), 0u64, None);
            let mut n = 0u64;
            while Instant::now() < end {
                n += 1;
                let body = json!({ "kind": "internal", "body": format!("load writer {w} note {n}") });
                let started = Instant::now();
                match http.post(&url).bearer_auth(&token).json(&body).send().await {
                    Ok(res) if res.status().as_u16() == 201 => {
                        let _ = res.bytes().await;
                        samples.push(started.elapsed().as_micros() as u64);
                    }
                    Ok(res) => {
                        errors += 1;
                        let status = res.status();
                        let text = res.text().await.unwrap_or_default();
                        first_error.get_or_insert(format!("{status}: {text}"));
                    }
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert(e.to_string());
                    }
                }
            }
            (samples, errors, first_error)
        }));
    }
    let (mut samples, mut errors, mut first_error) = (Vec::new(), 0, None);
    for task in tasks {
        let (s, e, f) = task.await.map_err(|e| e.to_string())?;
        samples.extend(s);
        errors += e;
        first_error = first_error.or(f);
    }
    let accepted = samples.len();
    let latencies = Latencies::new(samples);
    println!(
        "writers: {writers} writers, {seconds} s: {accepted} accepted, {errors} errors, {:.0} messages/s; {}",
        accepted as f64 / seconds as f64,
        latencies.summary()
    );
    if let Some(e) = first_error {
        println!("writers: first error: {e}");
    }
    // For the caller's count check.
    println!("accepted={accepted}");
    Ok(())
}

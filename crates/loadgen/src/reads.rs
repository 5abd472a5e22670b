//! Reads: `--connections` workers, each one request at a time over its own keep-alive connection,
//! GET the `--paths` in turn for `--seconds` (after a 2 s warm-up that is not counted).

use crate::args::{client, Args};
use crate::stats::Latencies;
use std::time::{Duration, Instant};

pub async fn run(args: &Args) -> Result<(), String> {
    let base = args.base()?;
    let token = args.text("token")?.to_owned();
    let paths = args.list("paths")?;
    let connections = args.number("connections", 32)? as usize;
    let seconds = args.number("seconds", 20)?;
    if paths.is_empty() {
        return Err("--paths is empty".into());
    }
    let http = client(connections)?;
    let warm_until = Instant::now() + Duration::from_secs(2);
    let end = warm_until + Duration::from_secs(seconds);
    let mut workers = Vec::new();
    for w in 0..connections {
        let (http, token, base, paths) = (http.clone(), token.clone(), base.clone(), paths.clone());
        workers.push(tokio::spawn(async move {
            let (mut samples, mut errors, mut first_error) = (Vec::new(), 0u64, None);
            let mut i = w;
            loop {
                let started = Instant::now();
                if started >= end {
                    break;
                }
                let url = format!("{base}{}", paths[i % paths.len()]);
                i += 1;
                let outcome = match http.get(&url).bearer_auth(&token).send().await {
                    Ok(res) if res.status().is_success() => res.bytes().await.map(|_| ()).map_err(|e| e.to_string()),
                    Ok(res) => Err(format!("{url}: {}", res.status())),
                    Err(e) => Err(format!("{url}: {e}")),
                };
                if started < warm_until {
                    continue;
                }
                match outcome {
                    Ok(()) => samples.push(started.elapsed().as_micros() as u64),
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert(e);
                    }
                }
            }
            (samples, errors, first_error)
        }));
    }
    let (mut samples, mut errors, mut first_error) = (Vec::new(), 0, None);
    for worker in workers {
        let (s, e, f) = worker.await.map_err(|e| e.to_string())?;
        samples.extend(s);
        errors += e;
        first_error = first_error.or(f);
    }
    let ok = samples.len();
    let latencies = Latencies::new(samples);
    println!(
        "reads: {connections} connections, {seconds} s: {ok} ok, {errors} errors, {:.0} req/s; {}",
        ok as f64 / seconds as f64,
        latencies.summary()
    );
    if let Some(e) = first_error {
        println!("reads: first error: {e}");
    }
    Ok(())
}

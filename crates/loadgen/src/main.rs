//! `baton-loadgen`: drives a running Baton server on loopback for a bounded time and prints what
//! it measured (scripts/bench-load.sh runs it; numbers go to BENCHMARKS.md, no test asserts them).
//!
//!   baton-loadgen reads   --base URL --token T --paths P1,P2 [--connections 32] [--seconds 20]
//!   baton-loadgen writers --base URL --token T --tickets ID,… [--writers 200] [--seconds 60]
//!   baton-loadgen sse     --base URL --token T --ticket ID [--streams 1000]
//!
//! `--token` is a session token sent as `Authorization: Bearer`.

mod args;
mod reads;
mod sse;
mod stats;
mod writers;

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    let mode = argv.next().unwrap_or_default();
    let args = match args::Args::parse(argv) {
        Ok(args) => args,
        Err(e) => return fail(&e),
    };
    let outcome = match mode.as_str() {
        "reads" => reads::run(&args).await,
        "writers" => writers::run(&args).await,
        "sse" => sse::run(&args).await,
        _ => Err(format!("unknown mode {mode:?}: reads, writers or sse")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("baton-loadgen: {message}");
    ExitCode::FAILURE
}

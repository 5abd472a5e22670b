//! A deadline for every API request but uploads (issue 16): a handler still without an answer
//! after `--request-timeout-secs` is dropped — its open transaction rolls back — and the client
//! gets 503 `unavailable` with `Retry-After`, instead of a connection held while work piles up.
//! The deadline covers the answer's head only: a live-event stream or a streamed export answers
//! at once and then streams as long as it needs. Uploads are left out, since a slow client's
//! upload is not the server's delay.

use super::error::Error;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

pub async fn layer(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(limit_secs = limit.as_secs(), "request over its deadline: dropped");
            Error::Unavailable("the request took too long and was stopped; retry it (with its Idempotency-Key)").into_response()
        }
    }
}

//! `Strict-Transport-Security` on answers to requests that came over HTTPS (directly or through a
//! proxy that says so): browsers then refuse plain http:// for this host for a year, so a network
//! attacker cannot strip TLS from a later visit. Never over plain http, where the header is
//! meaningless and would pin `make run`'s localhost.

use super::session::is_https;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

const ONE_YEAR: &str = "max-age=31536000";

pub async fn layer(req: Request, next: Next) -> Response {
    let https = is_https(req.headers());
    let mut response = next.run(req).await;
    if https {
        response
            .headers_mut()
            .insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(ONE_YEAR));
    }
    response
}

//! Cross-site request forgery: a change authenticated by the session cookie must come from a page
//! of ours. The browser attaches the cookie to any request to our host, a forged one included
//! (SameSite=Lax still lets a sibling subdomain, or a top-level form, send it), so the cookie
//! alone proves nothing. Two checks, each enough against a plain form or `fetch` from elsewhere:
//! - the client header `Baton-Client` must be present: an HTML form cannot set headers, and a
//!   cross-origin `fetch` that sets one needs a CORS preflight, which only allowed origins pass;
//! - when the browser says where the request comes from (`Origin`, `Sec-Fetch-Site`), it must be
//!   this host or an allowed CORS origin.
//!
//! Bearer-token requests (the widget, API clients) carry no ambient credential and are exempt;
//! so are safe methods, which change nothing.

use super::Error;
use axum::http::{HeaderMap, HeaderValue, Method};

/// The header the SPA sends with every request (any non-empty value).
pub const CLIENT_HEADER: &str = "baton-client";

/// Whether a cookie-authenticated request may go on.
pub fn check(method: &Method, headers: &HeaderMap, allowed: &[HeaderValue]) -> Result<(), Error> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let has_client = headers.get(CLIENT_HEADER).is_some_and(|v| !v.is_empty());
    if !has_client {
        return Err(Error::CrossSite);
    }
    let origin = headers.get(axum::http::header::ORIGIN);
    let allowed_origin = origin.is_some_and(|o| allowed.iter().any(|a| a.as_bytes().eq_ignore_ascii_case(o.as_bytes())));
    if let Some(origin) = origin {
        if !allowed_origin && !same_host(origin, headers.get(axum::http::header::HOST)) {
            return Err(Error::CrossSite);
        }
    }
    // A browser that sends no Origin may still say the request is another site's.
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(site, Some("cross-site" | "same-site")) && !allowed_origin {
        return Err(Error::CrossSite);
    }
    Ok(())
}

/// Whether `origin` (`scheme://host[:port]`) names the host the request was sent to. The scheme
/// is not compared: behind a TLS-terminating proxy the server cannot know its own.
fn same_host(origin: &HeaderValue, host: Option<&HeaderValue>) -> bool {
    let (Ok(origin), Some(Ok(host))) = (origin.to_str(), host.map(HeaderValue::to_str)) else {
        return false;
    };
    origin
        .split_once("://")
        .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.insert(*name, HeaderValue::from_static(value));
        }
        h
    }

    #[test]
    fn forged_requests_are_refused_and_ours_pass() {
        let allowed = [HeaderValue::from_static("https://app.example")];
        const HOST: (&str, &str) = ("host", "desk.example:8080");
        type Case = (&'static Method, &'static [(&'static str, &'static str)], bool);
        let cases: &[Case] = &[
            // Safe methods change nothing.
            (&Method::GET, &[HOST], true),
            // A form post: no client header.
            (&Method::POST, &[HOST, ("origin", "https://evil.example")], false),
            (&Method::POST, &[HOST], false),
            // Ours: the header, and the same HOST or no Origin at all (non-browser clients).
            (&Method::POST, &[HOST, (CLIENT_HEADER, "spa")], true),
            (&Method::POST, &[HOST, (CLIENT_HEADER, "spa"), ("origin", "http://desk.example:8080")], true),
            (&Method::POST, &[HOST, (CLIENT_HEADER, "spa"), ("origin", "https://DESK.example:8080"), ("sec-fetch-site", "same-origin")], true),
            // The header but another page's origin (a sibling subdomain passes SameSite=Lax).
            (&Method::DELETE, &[HOST, (CLIENT_HEADER, "spa"), ("origin", "https://evil.desk.example")], false),
            (&Method::PATCH, &[HOST, (CLIENT_HEADER, "spa"), ("origin", "null")], false),
            (&Method::PUT, &[HOST, (CLIENT_HEADER, "spa"), ("sec-fetch-site", "same-site")], false),
            // An allowed CORS origin (the SPA served elsewhere).
            (&Method::POST, &[HOST, (CLIENT_HEADER, "spa"), ("origin", "https://app.example"), ("sec-fetch-site", "cross-site")], true),
            (&Method::POST, &[HOST, (CLIENT_HEADER, ""), ("origin", "https://app.example")], false),
        ];
        for (method, pairs, ok) in cases {
            let mut h = HeaderMap::new();
            for (name, value) in *pairs {
                h.insert(*name, HeaderValue::from_str(value).expect("value"));
            }
            assert_eq!(check(method, &h, &allowed).is_ok(), *ok, "{method} {pairs:?}");
        }
        assert!(check(&Method::GET, &headers(&[]), &allowed).is_ok());
    }
}

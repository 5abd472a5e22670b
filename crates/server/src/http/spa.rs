//! The single-page app: files of Trunk's `dist` directory, precompressed `.br`/`.gz` siblings when
//! present, and a document for every other path so client-side routes survive a reload: the agent
//! workspace's (`ws/index.html`) for `/agent` and below, the admin console's (`adm/index.html`) for
//! `/admin` and below and the reports page, the help center's (`index.html`) for the rest
//! ([`bundle_of`]). They are separate bundles so that customers never download the agent workspace
//! (`make dist` builds `agent.html` into `dist/ws/` with `--public-url /ws/`).
//!
//! Caching follows how Trunk names files: hashed assets (`baton-1f2e…​.js`) never change, so they
//! are cached for a year; `index.html`, `config.json` and anything unhashed must be revalidated, or
//! a deploy would leave browsers on old asset names.

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";
/// The agent workspace's document, relative to the dist directory.
const AGENT_DOCUMENT: &str = "ws/index.html";
/// The admin console's document (`make dist` builds `admin.html` into `dist/adm/`).
const ADMIN_DOCUMENT: &str = "adm/index.html";

mod csp;

/// The SPA build directory, and the policy of its documents.
#[derive(Debug, Clone)]
pub struct Spa {
    dir: PathBuf,
    csp: std::sync::Arc<csp::Csp>,
}

impl Spa {
    pub fn new(dir: PathBuf) -> Spa {
        let csp = std::sync::Arc::new(csp::Csp::of_documents(&dir));
        Spa { dir, csp }
    }

    /// Answers a request that no API route took; documents carry the policy with
    /// `frame-ancestors 'none'`.
    pub async fn serve(&self, req: Request) -> Response {
        self.serve_with(req, "'none'").await
    }

    async fn serve_with(&self, req: Request, frame_ancestors: &str) -> Response {
        let mut response = self.serve_file(req).await;
        let html = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"));
        if html {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, self.csp.header(frame_ancestors));
        }
        response
    }

    async fn serve_file(&self, req: Request) -> Response {
        if !matches!(*req.method(), Method::GET | Method::HEAD) {
            return (
                StatusCode::METHOD_NOT_ALLOWED,
                [(header::ALLOW, "GET, HEAD")],
            )
                .into_response();
        }
        let hashed = is_hashed(req.uri().path());
        let (parts, body) = req.into_parts();
        let files = ServeDir::new(&self.dir)
            .precompressed_br()
            .precompressed_gzip();
        let retry = Request::from_parts(parts.clone(), axum::body::Body::empty());
        match files.oneshot(Request::from_parts(parts, body)).await {
            Ok(r) if r.status() != StatusCode::NOT_FOUND => {
                let fresh = r.status().is_success() || r.status() == StatusCode::NOT_MODIFIED;
                let cache = if hashed && fresh { IMMUTABLE } else { NO_CACHE };
                with_cache(r.into_response(), cache)
            }
            // Not a file: a client-side route. (ServeDir's errors are I/O errors on files that
            // exist; they too fall back to the app, which then shows its own error page.)
            _ => with_cache(self.index(retry).await, NO_CACHE),
        }
    }

    /// [`Spa::serve`] with `frame_ancestors` (the sources: `'none'`, or origins) in the
    /// document's policy: the widget's document, which its tenant's allowed origins may frame.
    pub async fn serve_framed(&self, req: Request, frame_ancestors: &str) -> Response {
        self.serve_with(req, frame_ancestors).await
    }

    /// The document for a client-side route. (A dist without the agent bundle, an older build,
    /// answers `/agent` with the help center, which then says the page is not found.)
    async fn index(&self, req: Request) -> Response {
        let agent = self.dir.join(AGENT_DOCUMENT);
        let admin = self.dir.join(ADMIN_DOCUMENT);
        let document = match bundle_of(req.uri().path()) {
            Bundle::Admin if admin.is_file() => admin,
            Bundle::Admin | Bundle::Console if agent.is_file() => agent,
            _ => self.dir.join("index.html"),
        };
        let index = ServeFile::new(&document)
            .precompressed_br()
            .precompressed_gzip();
        match index.oneshot(req).await {
            Ok(r) => r.into_response(),
            Err(e) => {
                tracing::error!(error = %e, document = %document.display(), "cannot read the SPA document");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}

fn with_cache(mut response: Response, value: &'static str) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// The SPA's three bundles, as `baton::routes::Bundle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bundle {
    HelpCenter,
    Console,
    Admin,
}

/// The bundle of a path, as `baton::routes::bundle_of`: `/admin` and below, the agent pages
/// opened now and then (`/agent/reports`, `/agent/settings`, `/agent/notifications`) and the
/// customer's inbox `/notifications` the admin console's; `/agent` and below, and the account
/// pages `/set-password`, `/forgot-password` and `/signup` the agent console's (kept out of the
/// size-budgeted help center); the rest the help center's.
fn bundle_of(path: &str) -> Bundle {
    let under = |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if under("/admin") || under("/agent/reports") || under("/agent/settings") || under("/agent/notifications") || path == "/notifications" {
        Bundle::Admin
    } else if path == "/set-password" || path == "/forgot-password" || path == "/signup" || under("/agent") {
        Bundle::Console
    } else {
        Bundle::HelpCenter
    }
}

/// Whether a path names a content-hashed asset: Trunk puts a hash in file names
/// (`main-0123456789abcdef.css`, `baton-…_bg.wasm`) and in snippet directory names, a u64 in hex
/// without leading zeros (so 15 digits or fewer, now and then). Only files that exist get this far.
fn is_hashed(path: &str) -> bool {
    let file = Path::new(path)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or_default();
    if file.is_empty() || file == "index.html" {
        return false;
    }
    path.split(['/', '-', '_', '.'])
        .any(|part| part.len() >= 12 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests;

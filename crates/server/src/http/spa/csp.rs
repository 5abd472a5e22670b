//! The documents' `Content-Security-Policy`: scripts only from this origin, plus the one inline
//! module Trunk writes into each document to start the app — allowed by its SHA-256, computed here
//! from the documents actually served, so a rebuilt SPA never needs a hand-edited policy — and
//! WebAssembly compilation (`'wasm-unsafe-eval'`). No `'unsafe-inline'` for scripts: even if user
//! content ever reached the DOM as HTML, it could not run. Styles allow inline attributes (the app
//! positions virtualised rows with them); they cannot run code.

use axum::http::HeaderValue;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The documents whose inline scripts are allowed, relative to the dist directory.
const DOCUMENTS: [&str; 3] = ["index.html", "ws/index.html", "adm/index.html"];

#[derive(Debug, Clone, Default)]
pub struct Csp {
    /// `'sha256-…'` of each inline script of the documents.
    hashes: Vec<String>,
}

impl Csp {
    /// The policy for the documents in `dir` (read once at start: they change only with a deploy).
    pub fn of_documents(dir: &Path) -> Csp {
        let mut hashes = Vec::new();
        for document in DOCUMENTS {
            let Ok(html) = std::fs::read_to_string(dir.join(document)) else { continue };
            for script in inline_scripts(&html) {
                let digest = Sha256::digest(script.as_bytes());
                let hash = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest));
                if !hashes.contains(&hash) {
                    hashes.push(hash);
                }
            }
        }
        Csp { hashes }
    }

    /// The whole policy, with `frame_ancestors` (e.g. `'none'`, or the widget's allowed origins).
    pub fn header(&self, frame_ancestors: &str) -> HeaderValue {
        let scripts = self.hashes.iter().fold(String::new(), |mut s, h| {
            s.push(' ');
            s.push_str(h);
            s
        });
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
             frame-ancestors {frame_ancestors}"
        );
        // Hashes are base64 and origins were normalised to header-safe text; refuse everything
        // rather than answer without a policy should that ever not hold.
        HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"))
    }
}

/// The contents of the `<script>` elements of `html` that have no `src` (inline scripts).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find("</script>") else { break };
        if !tag.contains("src=") {
            out.push(&body[..close]);
        }
        rest = &body[close..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_hashed() {
        let html = "<head><script type=module>import init from '/a.js';</script>\
                    <script src=/b.js></script><script>x()</script></head>";
        assert_eq!(inline_scripts(html), ["import init from '/a.js';", "x()"]);
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("index.html"), html).expect("write");
        let policy = Csp::of_documents(dir.path()).header("'none'");
        let policy = policy.to_str().expect("text");
        // SHA-256 of `x()`, base64 (computed apart with Python's hashlib).
        assert!(policy.contains("'sha256-D6IGS8VMvCoyaR/l0h9tERrBTATY01CoPS7l6xDv0kI='"), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(!policy.contains("script-src 'self' 'unsafe-inline'"));
        assert!(policy.ends_with("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'") && policy.contains("base-uri 'none'"));
    }
}

//! The end-to-end harness: the real reference server (in-process, over real HTTP on a loopback
//! port, with a real SQLite file) serving the real Trunk-built SPA from `dist/`, driven by real
//! headless Chromium over WebDriver. Nothing is mocked.
//!
//! Tests use [`Stack`] for the server and [`Browser`] for a signed-out browser session; they find
//! elements by `data-testid` only (tests/SELECTORS.md) and wait for conditions, never for time.

pub mod api;
pub mod browser;
pub mod host;
pub mod replica;
pub mod stack;
pub mod widget;

pub use api::ApiClient;
pub use browser::{Browser, Chromedriver};
pub use stack::Stack;

/// Every demo account shares this password (crates/server/src/demo.rs).
pub const DEMO_PASSWORD: &str = "baton-demo";

/// The repository root, where `dist/` and `node_modules/` live.
pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

//! What a server needs to know to start. The CLI (main.rs) fills it from flags and environment;
//! tests and the e2e crate build it directly.

use std::net::SocketAddr;
use std::path::PathBuf;

/// The default listen address: loopback only, so a developer's server is not on the network.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/baton.db";
pub const DEFAULT_DIST: &str = "dist";

#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free port (see `Server::local_addr`).
    pub addr: SocketAddr,
    /// `sqlite://path/to/file.db` (created with its directory if missing) or `sqlite::memory:`.
    pub database_url: String,
    /// The SPA build (Trunk's `dist`); `None` or a missing directory serves the API only.
    pub dist: Option<PathBuf>,
    /// Seed the demo tenants and accounts (see `demo`) when the database has no tenant.
    pub demo: bool,
    /// Origins allowed to call the API with credentials from another site, e.g.
    /// `http://localhost:8081` for `trunk serve`.
    pub cors_origins: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: DEFAULT_DATABASE_URL.to_owned(),
            dist: Some(PathBuf::from(DEFAULT_DIST)),
            demo: false,
            cors_origins: Vec::new(),
        }
    }
}

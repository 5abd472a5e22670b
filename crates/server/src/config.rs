//! What a server needs to know to start. The CLI (main.rs) fills it from flags and environment;
//! tests and the e2e crate build it directly.

use std::net::SocketAddr;
use std::path::PathBuf;

/// The default listen address: loopback only, so a developer's server is not on the network.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/baton.db";
pub const DEFAULT_DIST: &str = "dist";
/// The default largest attachment, in MiB.
pub const DEFAULT_MAX_UPLOAD_MB: u64 = 20;

// Debug is written by hand below, so the secret key never reaches a log line.
#[derive(Clone)]
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
    /// The key confidential info is encrypted with: 64 hex digits or base64 of 32 bytes. `None`
    /// uses (and on first start creates) `secret.key` in the data directory.
    pub secret_key: Option<String>,
    /// The largest attachment accepted, in MiB.
    pub max_upload_mb: u64,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("database_url", &self.database_url)
            .field("dist", &self.dist)
            .field("demo", &self.demo)
            .field("cors_origins", &self.cors_origins)
            .field(
                "secret_key",
                &self.secret_key.as_ref().map(|_| "<redacted>"),
            )
            .field("max_upload_mb", &self.max_upload_mb)
            .finish()
    }
}

impl Config {
    /// The data directory: the SQLite file's directory, where `secret.key` and `attachments/`
    /// live. `None` for an in-memory database (or a URL that does not parse, which opening the
    /// database reports).
    pub fn data_dir(&self) -> Option<PathBuf> {
        crate::storage::data_dir(&self.database_url)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: DEFAULT_DATABASE_URL.to_owned(),
            dist: Some(PathBuf::from(DEFAULT_DIST)),
            demo: false,
            cors_origins: Vec::new(),
            secret_key: None,
            max_upload_mb: DEFAULT_MAX_UPLOAD_MB,
        }
    }
}

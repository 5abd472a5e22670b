//! What a server needs to know to start, and [`Config::validate`], which checks it. The CLI
//! (main.rs) fills it from flags and environment; tests and the e2e crate build it directly.

use crate::blobs::{BlobStore, S3Credentials, S3Location};
use crate::secret::{Cipher, KeyError, KeySettings};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The default listen address: loopback only, so a developer's server is not on the network.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/baton.db";
pub const DEFAULT_DIST: &str = "dist";
/// The base of links the server hands out (set-password links), when `--public-url` is not given.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";
/// The default largest attachment, in MiB.
pub const DEFAULT_MAX_UPLOAD_MB: u64 = 20;
/// The largest upload limit accepted, in MiB (4 GiB): more is a typo rather than a plan.
pub const MAX_UPLOAD_MB_LIMIT: u64 = 4096;
/// How long the scheduler's lease lasts unless renewed (a third of it apart), in seconds: how long
/// the scheduled jobs may pause when the replica running them dies.
pub const DEFAULT_SCHEDULER_LEASE_SECS: u64 = 30;
/// Staff sessions end after 8 hours unused (a working day), customers' only after their lifetime.
pub const DEFAULT_STAFF_IDLE_MINUTES: u32 = 8 * 60;
/// An API request answers within 30 s or is stopped: longer than a busy database's 10 s wait for
/// its write lock plus the work, far shorter than a proxy's usual 60 s.
pub const DEFAULT_REQUEST_TIMEOUT_SECS: u64 = 30;
/// The range accepted: at least 2 s (renewed about every 0.7 s), at most an hour.
pub const SCHEDULER_LEASE_SECS_RANGE: std::ops::RangeInclusive<u64> = 2..=3600;

/// What is wrong with a [`Config`], as found by [`Config::validate`]. Each message is one line
/// that names the setting; none carries key material.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("unsupported database URL {0:?}: use sqlite://… or postgres://…")]
    UnsupportedDatabase(String),
    #[error("invalid database URL {url:?}: {reason}")]
    InvalidDatabaseUrl { url: String, reason: String },
    #[error(transparent)]
    SecretKey(#[from] KeyError),
    #[error(
        "invalid CORS origin {0:?}: expected scheme://host[:port], e.g. http://localhost:8081"
    )]
    CorsOrigin(String),
    #[error("the upload limit must be 1 to {max} MiB, not {0}", max = MAX_UPLOAD_MB_LIMIT)]
    UploadLimit(u64),
    #[error("the scheduler lease must be {min} to {max} seconds, not {0}", min = SCHEDULER_LEASE_SECS_RANGE.start(), max = SCHEDULER_LEASE_SECS_RANGE.end())]
    SchedulerLease(u64),
    #[error("invalid --blob-store {value:?}: {reason}")]
    BlobStore { value: String, reason: String },
    #[error("--blob-store {0:?} needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment")]
    BlobCredentials(String),
    #[error("invalid --client-ip-header {0:?}: expected a header name such as x-forwarded-for")]
    ClientIpHeader(String),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailConfigError),
}

// Debug is written by hand below, so the secret key never reaches a log line.
#[derive(Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free port (see `Server::local_addr`).
    pub addr: SocketAddr,
    /// `sqlite://path/to/file.db` (created with its directory if missing), `sqlite::memory:`, or
    /// `postgres://user:password@host:port/database` (which must exist).
    pub database_url: String,
    /// The SPA build (Trunk's `dist`); `None` or a missing directory serves the API only.
    pub dist: Option<PathBuf>,
    /// Seed the demo tenants and accounts (see `demo`) when the database has no tenant.
    pub demo: bool,
    /// Origins allowed to call the API with credentials from another site, e.g.
    /// `http://localhost:8081` for `trunk serve`.
    pub cors_origins: Vec<String>,
    /// The key confidential info is sealed with: 64 hex digits or base64 of 32 bytes. `None`
    /// uses (and on first start creates) the key file, `secret_key_file`.
    pub secret_key: Option<String>,
    /// Keys that only open values sealed before a rotation, until `baton-server rekey` ran.
    pub retired_secret_keys: Vec<String>,
    /// The key file when no `secret_key` is given. `None`: `secret::keys::default_key_file`
    /// (`$XDG_CONFIG_HOME/baton/secret.key`, `~/.config/baton/secret.key`), apart from the data
    /// directory; an older install's `<data dir>/secret.key` is used while that does not exist.
    pub secret_key_file: Option<PathBuf>,
    /// The largest attachment accepted, in MiB.
    pub max_upload_mb: u64,
    /// Where attachments are kept (and older installs' key file). `None`: beside the SQLite
    /// file, or `./data` with PostgreSQL.
    pub data_dir: Option<PathBuf>,
    /// How long the scheduler's lease lasts unless renewed, in seconds (`scheduler`).
    pub scheduler_lease_secs: u64,
    /// Where attachments go: `None` or `local` for `<data dir>/attachments`, or
    /// `s3://bucket[/prefix]?endpoint=http://host:port&region=…` (see `blobs::S3Location`).
    pub blob_store: Option<String>,
    /// The access key for an S3 blob store (the CLI reads `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`).
    pub blob_credentials: Option<S3Credentials>,
    /// Sign-ins, password-link redemptions and SSO exchanges one address may attempt per minute
    /// (each kind counted apart); 0 turns the limit off (`limits`).
    pub attempts_per_ip: u32,
    /// The request header that carries the client's address when a proxy stands in front (e.g.
    /// `x-forwarded-for`: its last entry, the one that proxy added, counts). `None`: the peer.
    pub client_ip_header: Option<String>,
    /// Minutes a staff session may go unused before it ends (0: never; customers' sessions end
    /// only with their lifetime).
    pub staff_idle_minutes: u32,
    /// Live event streams one user may hold open on this server at once (`events::StreamSlots`).
    pub streams_per_user: usize,
    /// Seconds an API request (but an upload) may take to answer before it is stopped with 503.
    pub request_timeout_secs: u64,
    /// The SMTP server mail leaves through: `smtp://user:pass@host:port`, `smtps://…` or
    /// `smtp://…?tls=required` (STARTTLS). `None`: mail stays in the outbox.
    pub smtp_url: Option<String>,
    /// The sender of every mail, e.g. `Baton <baton@localhost>` ([`crate::mail::DEFAULT_FROM`]).
    pub mail_from: String,
    /// Where people reach this server: the base of the links in mail.
    pub public_url: String,
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
            .field("retired_secret_keys", &self.retired_secret_keys.iter().map(|_| "<redacted>").collect::<Vec<_>>())
            .field("secret_key_file", &self.secret_key_file)
            .field("max_upload_mb", &self.max_upload_mb)
            .field("data_dir", &self.data_dir)
            .field("scheduler_lease_secs", &self.scheduler_lease_secs)
            .field("blob_store", &self.blob_store.as_deref().map(crate::blobs::redacted))
            .field("blob_credentials", &self.blob_credentials)
            .field("attempts_per_ip", &self.attempts_per_ip)
            .field("client_ip_header", &self.client_ip_header)
            .field("staff_idle_minutes", &self.staff_idle_minutes)
            .field("streams_per_user", &self.streams_per_user)
            .field("request_timeout_secs", &self.request_timeout_secs)
            .field("smtp_url", &self.smtp_url.as_deref().map(crate::storage::redacted))
            .field("mail_from", &self.mail_from)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl Config {
    /// Checks everything that can be checked without side effects: the database URL, the secret
    /// key (or an existing key file), the CORS origins, the upload limit and the blob store (its
    /// URL and, for S3, that credentials are there). `Server::start` runs it before binding, so a bad value is reported as itself whether or not the port is free.
    /// A missing `dist` is not an error: the API then runs alone (with a warning at start).
    pub fn validate(&self) -> Result<(), ConfigError> {
        check_database_url(&self.database_url)?;
        let data_dir = self.data_dir();
        Cipher::check(&self.key_settings(data_dir.as_deref()))?;
        for origin in &self.cors_origins {
            check_origin(origin)?;
        }
        if !(1..=MAX_UPLOAD_MB_LIMIT).contains(&self.max_upload_mb) {
            return Err(ConfigError::UploadLimit(self.max_upload_mb));
        }
        if !SCHEDULER_LEASE_SECS_RANGE.contains(&self.scheduler_lease_secs) {
            return Err(ConfigError::SchedulerLease(self.scheduler_lease_secs));
        }
        self.blob_store()?;
        crate::mail::Mailer::check(self.smtp_url.as_deref(), &self.mail_from, &self.public_url)?;
        if let Some(name) = &self.client_ip_header {
            let token = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
            if name.is_empty() || !name.chars().all(token) {
                return Err(ConfigError::ClientIpHeader(name.clone()));
            }
        }
        Ok(())
    }

    /// The blob store `blob_store` and `blob_credentials` name, read without opening it.
    pub fn blob_store(&self) -> Result<BlobStore, ConfigError> {
        let value = self.blob_store.as_deref().unwrap_or_default();
        let location = S3Location::parse(value).map_err(|reason| ConfigError::BlobStore {
            value: crate::blobs::redacted(value),
            reason,
        })?;
        Ok(match location {
            None => BlobStore::Local,
            Some(location) => BlobStore::S3 {
                location,
                credentials: self
                    .blob_credentials
                    .clone()
                    .ok_or_else(|| ConfigError::BlobCredentials(value.to_owned()))?,
            },
        })
    }

    /// What the secret key settings say, with `data_dir` (see [`Config::data_dir`]).
    pub fn key_settings<'a>(&'a self, data_dir: Option<&'a Path>) -> KeySettings<'a> {
        KeySettings {
            key: self.secret_key.as_deref(),
            retired: &self.retired_secret_keys,
            file: self.secret_key_file.as_deref(),
            data_dir,
        }
    }

    /// The data directory: the SQLite file's directory, where `attachments/` (and older
    /// installs' `secret.key`) live. `None` for an in-memory database (or a URL that does not parse, which opening the
    /// database reports).
    pub fn data_dir(&self) -> Option<PathBuf> {
        if let Some(dir) = &self.data_dir {
            return Some(dir.clone());
        }
        if self.database_url.starts_with("postgres") {
            return Some(PathBuf::from("data"));
        }
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
            retired_secret_keys: Vec::new(),
            secret_key_file: None,
            max_upload_mb: DEFAULT_MAX_UPLOAD_MB,
            data_dir: None,
            scheduler_lease_secs: DEFAULT_SCHEDULER_LEASE_SECS,
            blob_store: None,
            blob_credentials: None,
            attempts_per_ip: crate::limits::DEFAULT_ATTEMPTS_PER_IP,
            client_ip_header: None,
            staff_idle_minutes: DEFAULT_STAFF_IDLE_MINUTES,
            streams_per_user: crate::events::MAX_STREAMS_PER_USER,
            request_timeout_secs: DEFAULT_REQUEST_TIMEOUT_SECS,
            smtp_url: None,
            mail_from: crate::mail::DEFAULT_FROM.to_owned(),
            public_url: DEFAULT_PUBLIC_URL.to_owned(),
        }
    }
}

/// Checks a database URL as `storage::open` will read it, without opening anything: the one place
/// the accepted schemes are decided before start.
pub fn check_database_url(url: &str) -> Result<(), ConfigError> {
    let known = ["sqlite:", "postgres://", "postgresql://"];
    if !known.iter().any(|scheme| url.starts_with(scheme)) {
        return Err(ConfigError::UnsupportedDatabase(url.to_owned()));
    }
    crate::storage::check_url(url).map_err(|reason| ConfigError::InvalidDatabaseUrl {
        url: crate::storage::redacted(url),
        reason,
    })
}

/// An origin as browsers send it: `scheme://host[:port]` and nothing after. tower-http compares
/// origins byte for byte, so a path or a trailing slash would never match, and it panics on `*`
/// next to credentials; both are refused here rather than discovered later.
fn check_origin(origin: &str) -> Result<(), ConfigError> {
    let trimmed = origin.trim();
    let well_formed = trimmed
        .split_once("://")
        .is_some_and(|(scheme, authority)| {
            !scheme.is_empty()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
                && !authority.is_empty()
                && !authority.contains(|c: char| "/?#*@".contains(c) || c.is_whitespace())
        });
    // Visible ASCII only: what a header value may carry.
    if well_formed && trimmed.bytes().all(|b| b.is_ascii_graphic()) {
        Ok(())
    } else {
        Err(ConfigError::CorsOrigin(origin.to_owned()))
    }
}

#[cfg(test)]
mod tests;

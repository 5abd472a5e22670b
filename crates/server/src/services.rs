//! What the domain works with: the database, the cipher, live events, the blob store, the mailer, the clock and
//! the caches that go with them. The HTTP layer's `AppState` wraps one; domain functions take
//! `&Services` and never see a request.

use crate::blobs::{self, Blobs};
use crate::clock::Clock;
use crate::config::{Config, ConfigError};
use crate::events::EventHub;
use crate::secret::{Cipher, KeyError};
use crate::storage::Db;
use crate::stream_tickets::StreamTickets;
use crate::views::CountsCache;
use std::sync::Arc;

/// Everything a domain operation may need, cheap to clone (handles and shared pointers).
#[derive(Clone)]
pub struct Services {
    pub db: Db,
    /// Encrypts and decrypts confidential info.
    pub cipher: Arc<Cipher>,
    /// Live events and presence changes, carried to every replica's streams.
    pub events: EventHub,
    /// How long a ticket viewer stays without a heartbeat (`workspace::presence`).
    pub presence_ttl: std::time::Duration,
    /// Where attachments' bytes are stored (a directory or an S3 bucket).
    pub blobs: Blobs,
    /// The largest attachment accepted, in MiB.
    pub max_upload_mb: u64,
    /// Rate limits of sign-ins, password links and SSO (`limits`).
    pub limits: crate::limits::Limits,
    /// How long a staff session may go unused before it ends (`None`: only its lifetime counts).
    pub staff_idle: Option<time::Duration>,
    /// Single-use passes to the live-events stream for clients without cookies (how long they live;
    /// the passes themselves are in the database).
    pub stream_tickets: StreamTickets,
    /// The live event streams each user holds open on this process (`events::StreamSlots`).
    pub stream_slots: crate::events::StreamSlots,
    /// Each agent's last view counts, reused until something is written (`views::counts`). Safe
    /// with several replicas: an entry is reused only while the tenant's last event id, read from
    /// the database on every call, is the one it was counted at, so a write through any replica
    /// makes every replica count again.
    pub view_counts: Arc<CountsCache>,
    /// How mail leaves (SMTP or not at all), from whom, and the base of the links it carries.
    pub mailer: crate::mail::Mailer,
    pub clock: Clock,
}

/// Why the configuration cannot make the [`Services`].
#[derive(Debug, thiserror::Error)]
pub enum ServicesError {
    #[error(transparent)]
    SecretKey(#[from] KeyError),
    #[error(transparent)]
    BlobStore(#[from] ConfigError),
    #[error(transparent)]
    Blobs(#[from] blobs::OpenError),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailConfigError),
}

impl Services {
    /// The services over `db` as `config` says: the key, the blob store.
    pub fn new(db: Db, config: &Config) -> Result<Services, ServicesError> {
        let data_dir = config.data_dir();
        let cipher = Cipher::load(&config.key_settings(data_dir.as_deref()))?;
        let blobs = Blobs::open(&config.blob_store()?, data_dir.as_deref())?;
        Ok(Services {
            events: EventHub::new(db.clone()),
            presence_ttl: crate::workspace::presence::TTL,
            db,
            cipher: Arc::new(cipher),
            blobs,
            max_upload_mb: config.max_upload_mb,
            limits: crate::limits::Limits { attempts_per_ip: config.attempts_per_ip },
            staff_idle: (config.staff_idle_minutes > 0).then(|| time::Duration::minutes(i64::from(config.staff_idle_minutes))),
            stream_tickets: StreamTickets::default(),
            stream_slots: crate::events::StreamSlots::new(config.streams_per_user),
            view_counts: Arc::default(),
            mailer: crate::mail::Mailer::new(config.smtp_url.as_deref(), &config.mail_from, &config.public_url)?,
            clock: Clock::default(),
        })
    }

    /// The largest attachment accepted, in bytes.
    pub fn max_upload_bytes(&self) -> u64 {
        self.max_upload_mb.saturating_mul(1024 * 1024)
    }
}

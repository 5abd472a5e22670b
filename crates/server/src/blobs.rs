//! Where attachment bytes live: the blob store. A local directory by default
//! (`<data dir>/attachments`, one file per storage key, as before there was a choice), or an
//! S3-compatible bucket shared by a cluster (`--blob-store s3://…`), both through `object_store`.
//! The domain names a blob by its storage key, writes it chunk by chunk and reads it back as a
//! stream; which store it is stays in this module.
//!
//! A write is durable when [`BlobWriter::finish`] returns: locally the file and its directory
//! have been fsynced, and S3 answers a PUT (or a multipart completion) only once it has stored the
//! object. Callers answer 201 only after that.

mod location;
mod s3;

pub use location::{redacted, BlobStore, S3Credentials, S3Location};

use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use object_store::buffered::BufWriter;
use object_store::local::LocalFileSystem;
use object_store::path::Path as Key;
use object_store::{ObjectStore, ObjectStoreExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::io::AsyncWriteExt;

/// How much of a blob is held in memory before it goes to the store as a multipart upload, and
/// the size of each part then. Above S3's 5 MiB minimum part; with [`PARTS_IN_FLIGHT`], a large
/// upload holds about three parts (24 MiB) at most, while the usual attachment (the default limit
/// is 20 MiB) is one PUT of what it is.
pub const PART_SIZE: usize = 8 * 1024 * 1024;
/// Parts of one upload sent at once: clients upload more slowly than a store receives, so more
/// would only hold more memory.
const PARTS_IN_FLIGHT: usize = 2;

/// The blob store, cheap to clone.
#[derive(Clone)]
pub struct Blobs {
    store: Arc<dyn ObjectStore>,
}

impl std::fmt::Debug for Blobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Blobs({})", self.store)
    }
}

/// Why the blob store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the attachments directory {}: {source}", dir.display())]
    Directory {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the blob store: {0}")]
    Store(#[from] object_store::Error),
}

/// A blob store operation that failed. Its text is for the log: it names the key and the store's
/// own words, never anything a client sent.
#[derive(Debug, thiserror::Error)]
#[error("blob {key}: {what}: {source}")]
pub struct BlobError {
    key: String,
    what: &'static str,
    source: std::io::Error,
}

impl BlobError {
    fn new(key: &str, what: &'static str, source: impl Into<std::io::Error>) -> BlobError {
        BlobError {
            key: key.to_owned(),
            what,
            source: source.into(),
        }
    }
}

/// A blob's bytes as the store hands them over.
pub type BlobStream = BoxStream<'static, Result<Bytes, std::io::Error>>;

impl Blobs {
    /// The store `config` names. Local: `<data_dir>/attachments`, created if missing; with no data
    /// directory (an in-memory database), a fresh directory under the system's temp dir, as
    /// short-lived as the data.
    pub fn open(store: &BlobStore, data_dir: Option<&Path>) -> Result<Blobs, OpenError> {
        match store {
            BlobStore::Local => {
                let dir = match data_dir {
                    Some(dir) => dir.join("attachments"),
                    None => {
                        std::env::temp_dir().join(format!("baton-attachments-{}", random_hex()))
                    }
                };
                Blobs::local(&dir)
            }
            BlobStore::S3 {
                location,
                credentials,
            } => Ok(Blobs {
                store: s3::open(location, credentials)?,
            }),
        }
    }

    /// Files in `dir`, named by their keys; each write fsynced with its directory.
    pub fn local(dir: &Path) -> Result<Blobs, OpenError> {
        std::fs::create_dir_all(dir).map_err(|source| OpenError::Directory {
            dir: dir.to_owned(),
            source,
        })?;
        let store = LocalFileSystem::new_with_prefix(dir)?.with_fsync(true);
        Ok(Blobs {
            store: Arc::new(store),
        })
    }

    /// A writer of the blob `key`; nothing is visible under `key` before [`BlobWriter::finish`].
    pub fn writer(&self, key: &str) -> BlobWriter {
        let inner = BufWriter::with_capacity(Arc::clone(&self.store), Key::from(key), PART_SIZE)
            .with_max_concurrency(PARTS_IN_FLIGHT);
        BlobWriter {
            key: key.to_owned(),
            inner,
        }
    }

    /// The bytes of blob `key`, streamed.
    pub async fn read(&self, key: &str) -> Result<BlobStream, BlobError> {
        let found = self
            .store
            .get(&Key::from(key))
            .await
            .map_err(|e| BlobError::new(key, "read", e))?;
        Ok(found.into_stream().map_err(std::io::Error::from).boxed())
    }

    /// Removes blob `key` (a refused or unrecorded upload).
    pub async fn delete(&self, key: &str) -> Result<(), BlobError> {
        self.store
            .delete(&Key::from(key))
            .await
            .map_err(|e| BlobError::new(key, "delete", e))
    }
}

/// A blob being written: chunks in, then [`finish`](Self::finish) or [`abort`](Self::abort).
pub struct BlobWriter {
    key: String,
    inner: BufWriter,
}

impl BlobWriter {
    pub async fn write(&mut self, chunk: Bytes) -> Result<(), BlobError> {
        self.inner
            .put(chunk)
            .await
            .map_err(|e| BlobError::new(&self.key, "write", e))
    }

    /// Stores what was written; once it returns, the blob is durable.
    pub async fn finish(mut self) -> Result<(), BlobError> {
        self.inner
            .shutdown()
            .await
            .map_err(|e| BlobError::new(&self.key, "store", e))
    }

    /// Drops what was written, including the parts of a multipart upload already sent.
    pub async fn abort(mut self) {
        if let Err(e) = self.inner.abort().await {
            // Parts left behind are the orphans a store's cleanup (or lifecycle rule) removes.
            tracing::warn!(key = %self.key, error = %e, "cannot abort a blob upload");
        }
    }
}

/// 128 random bits in hex: storage keys, so names never come from the client.
pub fn random_hex() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
